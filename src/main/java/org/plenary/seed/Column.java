package org.plenary.seed;

import java.util.Set;

/**
 * One column of a table: of its seed/dump CSV file, of its database table (a migration owns that;
 * TableModelTest checks the two agree) and, through the feature collections, of the API. A {@link
 * Type#PARTIAL_DATE} column {@code x} is stored as two columns, {@code x} (its first day) and
 * {@code x_precision} (for {@code date}, {@code date_precision}).
 *
 * @param required the file's cell may not be empty; the database column is NOT NULL
 * @param vocabulary the closed vocabulary of a text column, or null for free text
 * @param ref the table whose id this column references, or null
 */
public record Column(
    String name,
    Type type,
    boolean required,
    Vocabulary vocabulary,
    String ref,
    String description) {

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
    return new Column(name, Type.TEXT, required, null, null, description);
  }

  public static Column oneOf(
      String name, boolean required, Vocabulary vocabulary, String description) {
    return new Column(name, Type.TEXT, required, vocabulary, null, description);
  }

  public static Column ref(String name, boolean required, String table, String description) {
    return new Column(name, Type.TEXT, required, null, table, description);
  }

  public static Column of(String name, Type type, boolean required, String description) {
    return new Column(name, type, required, null, null, description);
  }

  /** The allowed values of a text column with a vocabulary; empty for free text. */
  public Set<String> allowed() {
    return vocabulary == null ? Set.of() : vocabulary.asSet();
  }

  /**
   * The database column that holds a partial date's precision (day, month, year): required when the
   * date is.
   */
  public Column precision() {
    return new Column(
        precisionColumn(),
        Type.TEXT,
        required,
        Vocabulary.DATE_PRECISION,
        null,
        "Precision of " + name + ": day, month or year");
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
        if (!allowed().isEmpty() && !allowed().contains(raw)) {
          throw new IllegalArgumentException(
              "'" + raw + "' is not one of " + new java.util.TreeSet<>(allowed()));
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
