package org.plenary.ingest.undl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A resolution's symbol in its canonical form: the body, the session, the number and the part (A,
 * B, ... when one number was adopted in parts). Every way the sources write one symbol parses to
 * one value, so {@code R/73/187}, {@code A/RES/73/187} and {@code 73/187} are equal, and so are
 * {@code A/RES/217(III)}, {@code A/RES/217 (III)} and {@code R/3/217}: before its 31st session the
 * General Assembly wrote the session in roman numerals after the number.
 *
 * <p>{@code session} is {@code "73"} for a regular session, {@code "ES-10"} for an emergency
 * special session, {@code "S-26"} for a special session (null for the Security Council, whose
 * resolutions are numbered in one series). {@code year} is the Security Council's year in {@code
 * S/RES/2720(2023)}: kept for the written form, but not part of the identity (equals and hashCode
 * ignore it), since the number alone names a Council resolution.
 */
public record Symbol(Body body, String session, int number, String part, Integer year) {
  /** The body that adopted the resolution, with the prefix of its symbols. */
  public enum Body {
    GENERAL_ASSEMBLY("A/RES/"),
    SECURITY_COUNCIL("S/RES/");

    private final String prefix;

    Body(String prefix) {
      this.prefix = prefix;
    }

    public String prefix() {
      return prefix;
    }
  }

  /** The session from which the General Assembly writes it before the number (A/RES/31/1). */
  public static final int FIRST_ARABIC_SESSION = 31;

  // the General Assembly's newer form: [A/RES/ | R/ | RES/] session / number [part]
  private static final Pattern GA_NEW =
      Pattern.compile(
          "(?:A/RES/|R/|RES/)?(?<kind>ES-|S-|ESS/|SS/)?(?<session>\\d{1,3})/(?<number>\\d{1,5})"
              + "(?<part>[A-Z]{0,2}(?:/[A-Z]+)?)");
  // the older form: [A/RES/] number [part] (session in roman numerals) [part]
  private static final Pattern GA_OLD =
      Pattern.compile(
          "(?:A/RES/|RES/)?(?<number>\\d{1,5})(?<part1>[A-Z]{0,2})"
              + "\\((?<kind>ES-|S-)?(?<session>[IVXLC]+|\\d{1,2})\\)(?<part2>\\[?[A-Z]{0,2}\\]?)");
  private static final Pattern SC =
      Pattern.compile("S/RES/(?<number>\\d{1,5})(?:\\((?<year>\\d{4})\\))?");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  public Symbol {
    Objects.requireNonNull(body, "body");
    if (number <= 0) {
      throw new IllegalArgumentException("a resolution's number is positive: " + number);
    }
    if (body == Body.GENERAL_ASSEMBLY) {
      Objects.requireNonNull(session, "a General Assembly resolution's session");
      if (year != null) {
        throw new IllegalArgumentException("only a Security Council symbol carries a year");
      }
    } else if (session != null) {
      throw new IllegalArgumentException("a Security Council resolution has no session");
    }
    part = part == null || part.isEmpty() ? null : part;
  }

  /** A General Assembly resolution: {@code ga("73", 187)}. */
  public static Symbol ga(String session, int number) {
    return new Symbol(Body.GENERAL_ASSEMBLY, session, number, null, null);
  }

  /** A Security Council resolution: {@code sc(2720, 2023)} (the year may be null). */
  public static Symbol sc(int number, Integer year) {
    return new Symbol(Body.SECURITY_COUNCIL, null, number, null, year);
  }

  /**
   * Reads a symbol as any of the sources writes it; empty when the text is not a resolution's
   * symbol (an empty field, a draft's symbol, a note).
   */
  public static Optional<Symbol> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = written(text);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = SC.matcher(s);
    if (m.matches()) {
      String y = m.group("year");
      int n = Integer.parseInt(m.group("number"));
      return n == 0 ? Optional.empty() : Optional.of(sc(n, y == null ? null : Integer.valueOf(y)));
    }
    m = GA_NEW.matcher(s);
    if (m.matches()) {
      int session = Integer.parseInt(m.group("session"));
      return ga(kind(m.group("kind")), session, m.group("number"), m.group("part"));
    }
    m = GA_OLD.matcher(s);
    if (m.matches()) {
      String p1 = m.group("part1");
      String p2 = m.group("part2").replace("[", "").replace("]", "");
      if (!p1.isEmpty() && !p2.isEmpty()) {
        return Optional.empty();
      }
      String roman = m.group("session");
      int session =
          Character.isDigit(roman.charAt(0)) ? Integer.parseInt(roman) : Roman.parse(roman);
      if (session <= 0) {
        return Optional.empty();
      }
      return ga(kind(m.group("kind")), session, m.group("number"), p1.isEmpty() ? p2 : p1);
    }
    return Optional.empty();
  }

  /** A symbol's text as it is compared: upper case, without spaces or trailing dots. */
  public static String written(String text) {
    String s = SPACES.matcher(text.trim().toUpperCase(Locale.ROOT)).replaceAll("");
    while (s.endsWith(".")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  private static String kind(String written) {
    if (written == null) {
      return "";
    }
    return written.startsWith("E") ? "ES-" : "S-";
  }

  private static Optional<Symbol> ga(String kind, int session, String number, String part) {
    int n = Integer.parseInt(number);
    if (session <= 0 || n <= 0) {
      return Optional.empty();
    }
    return Optional.of(new Symbol(Body.GENERAL_ASSEMBLY, kind + session, n, part, null));
  }

  /**
   * The symbol as the UN writes it: {@code A/RES/73/187}, {@code A/RES/217(III)}, {@code
   * A/RES/181(II)A}, {@code A/RES/ES-10/20}, {@code A/RES/3201(S-VI)}, {@code S/RES/2720(2023)}.
   */
  @Override
  public String toString() {
    String p = part == null ? "" : part;
    if (body == Body.SECURITY_COUNCIL) {
      return body.prefix() + number + p + (year == null ? "" : "(" + year + ")");
    }
    int dash = session.indexOf('-');
    String kind = dash < 0 ? "" : session.substring(0, dash + 1);
    int n = Integer.parseInt(session.substring(dash + 1));
    boolean old =
        kind.equals("ES-")
            ? n < 6 // ES-I (1956) to ES-V (1967); ES-6 met in 1980
            : kind.equals("S-") ? n < 8 : n < FIRST_ARABIC_SESSION; // S-I (1947) to S-VII (1975)
    if (old) {
      return body.prefix() + number + "(" + kind + Roman.format(n) + ")" + p;
    }
    return body.prefix() + session + "/" + number + p;
  }

  /**
   * Every way the sources write this symbol, as {@link #parse} reads them (upper case, no spaces):
   * {@code A/RES/73/187}, Voeten's {@code R/73/187}, {@code RES/73/187} and {@code 73/187}; before
   * the 31st session also {@code A/RES/217(III)} and {@code 217(3)}, the part before or after the
   * session ({@code 181A(II)}, {@code 181(II)A}, {@code 181(II)[A]}); Voeten's {@code ESS/10/20}
   * and {@code SS/26/2} for {@code A/RES/ES-10/20} and {@code A/RES/S-26/2}. A Security Council
   * symbol without its year ({@code S/RES/2720}): the number alone names it.
   */
  public Set<String> writtenForms() {
    String p = part == null ? "" : part;
    Set<String> forms = new LinkedHashSet<>();
    if (body == Body.SECURITY_COUNCIL) {
      forms.add(body.prefix() + number + p);
      return forms;
    }
    int dash = session.indexOf('-');
    String kind = dash < 0 ? "" : session.substring(0, dash + 1);
    int n = Integer.parseInt(session.substring(dash + 1));
    List<String> sessions = new ArrayList<>(List.of(session));
    if (!kind.isEmpty()) {
      sessions.add((kind.equals("ES-") ? "ESS/" : "SS/") + n);
    }
    for (String prefix : List.of("A/RES/", "R/", "RES/", "")) {
      for (String s : sessions) {
        forms.add(prefix + s + "/" + number + p);
      }
    }
    List<String> written = new ArrayList<>(List.of(Roman.format(n)));
    if (n < 100) {
      written.add(Integer.toString(n));
    }
    for (String prefix : List.of("A/RES/", "RES/", "")) {
      for (String s : written) {
        String inParentheses = "(" + kind + s + ")";
        forms.add(prefix + number + p + inParentheses);
        if (!p.isEmpty() && p.length() <= 2) {
          forms.add(prefix + number + inParentheses + p);
          forms.add(prefix + number + inParentheses + "[" + p + "]");
        }
      }
    }
    return forms;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Symbol s
        && body == s.body
        && number == s.number
        && Objects.equals(session, s.session)
        && Objects.equals(part, s.part);
  }

  @Override
  public int hashCode() {
    return Objects.hash(body, session, number, part);
  }

  /** Roman numerals, as the UN writes sessions before the 31st. */
  static final class Roman {
    private static final int[] VALUES = {100, 90, 50, 40, 10, 9, 5, 4, 1};
    private static final String[] LETTERS = {"C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};

    private Roman() {}

    static String format(int n) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < VALUES.length; i++) {
        while (n >= VALUES[i]) {
          sb.append(LETTERS[i]);
          n -= VALUES[i];
        }
      }
      return sb.toString();
    }

    /** The value of a well-formed numeral (as {@link #format} writes it), else 0. */
    static int parse(String s) {
      int n = 0;
      int i = 0;
      for (int k = 0; k < VALUES.length && i < s.length(); k++) {
        while (s.startsWith(LETTERS[k], i)) {
          n += VALUES[k];
          i += LETTERS[k].length();
        }
      }
      return i == s.length() && n > 0 && format(n).equals(s) ? n : 0;
    }
  }
}
