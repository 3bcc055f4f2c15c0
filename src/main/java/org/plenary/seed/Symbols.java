package org.plenary.seed;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The canonical form of a General Assembly resolution symbol, so that the ways sources write one
 * resolution compare equal: {@code A/RES/73/187}, Voeten's {@code R/73/187} and {@code 73/187} are
 * all {@code 73/187}; before the 31st session the UN writes the session in roman numerals after the
 * number, {@code A/RES/217(III)}: {@code 3/217}. Letters after the number stay ({@code 1/66A}).
 */
public final class Symbols {
  private static final Pattern MODERN =
      Pattern.compile("(?:A/RES/|R/)?(ES-\\d+|S-\\d+|\\d+)/(\\d+[A-Z]*(?:\\s*\\[?[A-Z]\\]?)?)");
  private static final Pattern ROMAN =
      Pattern.compile("(?:A/RES/|R/)?(\\d+[A-Z]*)\\s*\\(([IVXLC]+)\\)");

  private Symbols() {}

  /**
   * The canonical form, or the upper-cased, trimmed input when it is in neither form; null for
   * null.
   */
  public static String canonical(String symbol) {
    if (symbol == null || symbol.isBlank()) {
      return null;
    }
    String s = symbol.trim().toUpperCase(Locale.ROOT).replace(" ", "");
    Matcher m = MODERN.matcher(s);
    if (m.matches()) {
      return m.group(1) + "/" + m.group(2);
    }
    m = ROMAN.matcher(s);
    if (m.matches()) {
      return roman(m.group(2)) + "/" + m.group(1);
    }
    return s;
  }

  static int roman(String r) {
    int total = 0;
    int prev = 0;
    for (int i = r.length() - 1; i >= 0; i--) {
      int v =
          switch (r.charAt(i)) {
            case 'I' -> 1;
            case 'V' -> 5;
            case 'X' -> 10;
            case 'L' -> 50;
            default -> 100;
          };
      total += v < prev ? -v : v;
      prev = Math.max(prev, v);
    }
    return total;
  }
}
