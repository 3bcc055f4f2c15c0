package org.plenary.http;

import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plenary.query.CollectionSpec;
import org.plenary.query.ListQuery;

/** The checks of query parameters that belong to HTTP rather than to the query grammar. */
public final class Parameters {
  private Parameters() {}

  /** Refuses any query parameter: for resources that take none. */
  public static void none(UriInfo uri, String resource) {
    if (!uri.getQueryParameters().isEmpty()) {
      throw ProblemException.invalidParam(
          uri.getQueryParameters().keySet().iterator().next(),
          "unknown parameter. " + resource + " takes none");
    }
  }

  /**
   * The value chosen by parameter {@code name} (e.g. by=year) among {@code options}, {@code absent}
   * when it is not given; a 400 problem naming the options otherwise.
   */
  public static <T> T choice(UriInfo uri, String name, T absent, Map<String, T> options) {
    List<String> given = uri.getQueryParameters().get(name);
    if (given == null) {
      return absent;
    }
    T chosen = given.size() == 1 ? options.get(given.get(0)) : null;
    if (chosen == null) {
      throw ProblemException.invalidParam(
          name,
          "'"
              + String.join(",", given)
              + "' is not one of the choices. Allowed: "
              + ListQuery.allowed(options.keySet()));
    }
    return chosen;
  }

  /** {@code bom=true|false}, which only CSV takes. */
  static boolean bom(Map<String, List<String>> params, Format format) {
    List<String> values = params.get("bom");
    if (values == null) {
      return false;
    }
    String v = values.get(values.size() - 1);
    if (format != Format.CSV) {
      throw ProblemException.invalidParam(
          "bom", "a byte-order mark applies to CSV only (format=csv)");
    }
    if (!v.equals("true") && !v.equals("false")) {
      throw ProblemException.invalidParam("bom", "'" + v + "' is not true or false");
    }
    return Boolean.parseBoolean(v);
  }

  /**
   * A single record's parameters: include= and fields= only (format=json tolerated); returns them.
   */
  static Map<String, List<String>> record(CollectionSpec c, Map<String, List<String>> params) {
    List<Problem.InvalidParam> bad = new ArrayList<>();
    Map<String, List<String>> includes = new LinkedHashMap<>();
    for (var e : params.entrySet()) {
      if (e.getKey().equals("include") || e.getKey().equals("fields")) {
        includes.put(e.getKey(), e.getValue());
      } else if (e.getKey().equals("format") && e.getValue().stream().allMatch("json"::equals)) {
        continue;
      } else if (e.getKey().equals("format") || e.getKey().equals("bom")) {
        bad.add(
            new Problem.InvalidParam(
                e.getKey(),
                "a single record is served as JSON only; CSV and NDJSON are for collections"));
      } else {
        bad.add(
            new Problem.InvalidParam(
                e.getKey(),
                "unknown parameter. A single record takes only fields= and include="
                    + (c.includes().isEmpty()
                        ? " (nothing to include here)"
                        : ListQuery.allowed(c.includes().keySet()))));
      }
    }
    if (!bad.isEmpty()) {
      throw ProblemException.invalidParams(bad);
    }
    if (includes.containsKey("include")
        && includes.get("include").stream().anyMatch(v -> v.contains("total"))) {
      throw ProblemException.invalidParam(
          "include", "total applies to collections, not to a single record");
    }
    return includes;
  }
}
