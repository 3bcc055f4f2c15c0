package org.plenary.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order a request's query string names its parameters in: refused parameters are listed in it
 * (the parsed parameters are a map, whose order is not the request's), so the same request always
 * gets the same problem, byte for byte.
 */
final class QueryOrder {
  private QueryOrder() {}

  /**
   * The parameters in the order their names first appear in {@code rawQuery}; a name it does not
   * hold goes last, the order among such names kept.
   */
  static List<Problem.InvalidParam> sort(List<Problem.InvalidParam> params, String rawQuery) {
    if (params == null || params.size() < 2 || rawQuery == null) {
      return params;
    }
    Map<String, Integer> first = new HashMap<>();
    int i = 0;
    for (String part : rawQuery.split("&", -1)) {
      int eq = part.indexOf('=');
      first.putIfAbsent(name(eq < 0 ? part : part.substring(0, eq)), i++);
    }
    List<Problem.InvalidParam> out = new ArrayList<>(params);
    out.sort(Comparator.comparingInt(p -> first.getOrDefault(p.name(), Integer.MAX_VALUE)));
    return out;
  }

  private static String name(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw; // malformed escapes are refused before a query is parsed
    }
  }
}
