package org.plenary.seed;

import java.time.LocalDate;
import java.util.regex.Pattern;

/** A date as precise as its source: 2024, 2024-08 or 2024-08-08. Stored as its first day. */
public record PartialDate(LocalDate first, String precision) {
  private static final Pattern FORM = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

  /** Parses the reduced ISO form; throws IllegalArgumentException with a readable message. */
  public static PartialDate parse(String s) {
    if (s == null || !FORM.matcher(s).matches()) {
      throw new IllegalArgumentException(
          "'" + s + "' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)");
    }
    try {
      return switch (s.length()) {
        case 4 -> new PartialDate(LocalDate.of(Integer.parseInt(s), 1, 1), "year");
        case 7 -> new PartialDate(LocalDate.parse(s + "-01"), "month");
        default -> new PartialDate(LocalDate.parse(s), "day");
      };
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("'" + s + "' is not a valid calendar date");
    }
  }

  /** Renders a stored first day at its precision; null when the date is null. */
  public static String format(LocalDate first, String precision) {
    if (first == null) {
      return null;
    }
    String iso = first.toString();
    return switch (precision == null ? "day" : precision) {
      case "year" -> iso.substring(0, 4);
      case "month" -> iso.substring(0, 7);
      default -> iso;
    };
  }

  @Override
  public String toString() {
    return format(first, precision);
  }
}
