package org.plenary.ingest.undl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A record's title without the catalogue's suffix ({@code ... : resolution / adopted by the General
 * Assembly}, with the catalogue's typos such as {@code Assemly}), the suffix kept apart.
 */
public record Title(String text, String suffix) {
  private static final Pattern SUFFIX =
      Pattern.compile(
          "\\s*(?::\\s*[\\p{L} ]{0,40}?\\s*/|[:/])\\s*adopted\\s+by\\s+(?:the\\s+)?"
              + "(?:general\\s+ass\\p{L}*|security\\s+council)\\b.*$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Splits a title as the Library writes it; null for an empty one. */
  public static Title of(String written) {
    if (written == null || written.isBlank()) {
      return null;
    }
    String t = written.strip();
    Matcher m = SUFFIX.matcher(t);
    if (m.find() && m.start() > 0) {
      return new Title(t.substring(0, m.start()).strip(), t.substring(m.start()).strip());
    }
    return new Title(t, null);
  }
}
