package org.plenary.seed;

import java.util.Set;

/**
 * One column of a seed/dump CSV file and of its table. A {@link Type#PARTIAL_DATE} column {@code x}
 * is stored as two columns, {@code x} (its first day) and {@code x_precision} (for {@code date},
 * {@code date_precision}).
 *
 * @param ref the table whose id this column references, or null
 * @param allowed the closed vocabulary of a text column, or empty for free text
 */
public record Column(
    String name, Type type, boolean required, Set<String> allowed, String ref, String description) {

  public enum Type {
    TEXT,
    INTEGER,
    BOOLEAN,
    /** A full ISO date, YYYY-MM-DD. */
    DATE,
    /** A reduced-precision ISO date: YYYY, YYYY-MM or YYYY-MM-DD. */
    PARTIAL_DATE
  }

  public static Column text(String name, boolean required, String description) {
    return new Column(name, Type.TEXT, required, Set.of(), null, description);
  }

  public static Column oneOf(
      String name, boolean required, Set<String> allowed, String description) {
    return new Column(name, Type.TEXT, required, allowed, null, description);
  }

  public static Column ref(String name, boolean required, String table, String description) {
    return new Column(name, Type.TEXT, required, Set.of(), table, description);
  }

  public static Column of(String name, Type type, boolean required, String description) {
    return new Column(name, type, required, Set.of(), null, description);
  }

  /**
   * The value of a raw field (as in a CSV file; empty means null), checked against this column's
   * type and vocabulary: the one rule set of the dataset, applied by the loader to every file and
   * by curation to every proposed value.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public Object parse(String raw) {
    if (raw == null || raw.isEmpty()) {
      if (required) {
        throw new IllegalArgumentException("is required");
      }
      return null;
    }
    return switch (type) {
      case TEXT -> {
        if (!allowed.isEmpty() && !allowed.contains(raw)) {
          throw new IllegalArgumentException(
              "'" + raw + "' is not one of " + new java.util.TreeSet<>(allowed));
        }
        yield raw;
      }
      case INTEGER -> {
        if (!raw.matches("-?\\d{1,9}")) {
          throw new IllegalArgumentException("'" + raw + "' is not an integer");
        }
        yield Integer.parseInt(raw);
      }
      case BOOLEAN -> {
        if (!raw.equals("true") && !raw.equals("false")) {
          throw new IllegalArgumentException("'" + raw + "' is not true or false");
        }
        yield Boolean.parseBoolean(raw);
      }
      case DATE -> {
        try {
          yield java.time.LocalDate.parse(raw);
        } catch (java.time.format.DateTimeParseException e) {
          throw new IllegalArgumentException("'" + raw + "' is not a date (YYYY-MM-DD)");
        }
      }
      case PARTIAL_DATE -> PartialDate.parse(raw);
    };
  }

  /** The precision column that a partial date adds to the table, e.g. date_precision. */
  public String precisionColumn() {
    return name + "_precision";
  }
}
