package org.plenary.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a request's path and query before anything reads them: percent-encoding that decodes, and
 * no control characters (NUL, line breaks, ...) in any path segment, parameter name or value. The
 * database refuses NUL in text, and nothing in this API is written with control characters, so such
 * a request is refused up front with a 400 naming the parameter.
 */
public final class InputHygiene {
  private InputHygiene() {}

  /** The refused parts of {@code rawPath} and {@code rawQuery} (empty when all is well). */
  public static List<Problem.InvalidParam> check(String rawPath, String rawQuery) {
    List<Problem.InvalidParam> bad = new ArrayList<>();
    if (rawPath != null) {
      String[] segments = rawPath.split("/", -1);
      for (int i = 0; i < segments.length; i++) {
        String why = why(segments[i], false);
        if (why != null) {
          bad.add(new Problem.InvalidParam("path", "segment " + i + " " + why));
        }
      }
    }
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&", -1)) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String rawName = eq < 0 ? pair : pair.substring(0, eq);
        String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
        String name = decode(rawName, true);
        String shown = name == null ? Problems.printable(rawName) : Problems.printable(name);
        String whyName = why(rawName, true);
        if (whyName != null) {
          bad.add(new Problem.InvalidParam(shown, "the parameter's name " + whyName));
          continue;
        }
        String whyValue = why(rawValue, true);
        if (whyValue != null) {
          bad.add(new Problem.InvalidParam(shown, "the value " + whyValue));
        }
      }
    }
    return bad;
  }

  /** Why a raw part is refused, or null. */
  private static String why(String raw, boolean form) {
    String decoded = decode(raw, form);
    if (decoded == null) {
      return "is not valid percent-encoded UTF-8";
    }
    for (int i = 0; i < decoded.length(); i++) {
      char c = decoded.charAt(i);
      if (Character.isISOControl(c)) {
        return String.format(
            "contains a control character (U+%04X), which no value of this API holds", (int) c);
      }
    }
    return null;
  }

  /** Strictly decoded (malformed escapes and invalid UTF-8: null). */
  private static String decode(String raw, boolean form) {
    try {
      String s = form ? raw : raw.replace("+", "%2B");
      String d = URLDecoder.decode(s, StandardCharsets.UTF_8);
      if (d.indexOf('\uFFFD') >= 0 && raw.indexOf('\uFFFD') < 0 && !raw.contains("%EF%BF%BD")) {
        return null; // bytes that are not UTF-8
      }
      return d;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
