package org.plenary.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The problems of request bodies that do not parse as the operation's JSON, in the API's words: the
 * field by its path ({@code operations[0].op}), what was expected, never the parser's message (it
 * names Java classes).
 */
public final class BodyProblems {
  private BodyProblems() {}

  /** The problem for a body that could not be read as the operation's JSON. */
  public static ProblemException of(JsonProcessingException e) {
    if (e instanceof JsonParseException || !(e instanceof JsonMappingException m)) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      long column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      return new ProblemException(
          ProblemType.INVALID_JSON,
          "The request body is not valid JSON"
              + (line > 0 ? " (line " + line + ", column " + column + ")" : "")
              + ".",
          null);
    }
    String path = path(m.getPath());
    String reason;
    if (e instanceof UnrecognizedPropertyException u) {
      List<String> known =
          u.getKnownPropertyIds() == null
              ? List.of()
              : u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
      reason =
          "is not a field of this body"
              + (known.isEmpty() ? "" : "; its fields are " + String.join(", ", known));
    } else if (e instanceof InvalidFormatException f) {
      reason = "must be " + expected(f.getTargetType());
    } else if (e instanceof MismatchedInputException mi) {
      reason = "must be " + expected(mi.getTargetType());
    } else {
      reason = "has a value of the wrong type";
    }
    String name = path.isEmpty() ? "body" : path;
    return new ProblemException(
        ProblemType.INVALID_BODY,
        (path.isEmpty() ? "The body " : "Field '" + path + "' ") + reason + ".",
        List.of(new Problem.InvalidParam(name, reason)));
  }

  /** The JSON path of a mapping error: operations[0].op. */
  static String path(List<JsonMappingException.Reference> refs) {
    return refs.stream()
        .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining())
        .replaceFirst("^\\.", "");
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (type == String.class) {
      return "a string";
    }
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (List.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    return "an object";
  }
}
