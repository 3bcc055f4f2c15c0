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
        if (name.equals("id") && !ID.matcher(raw).matches()) {
          throw new IllegalArgumentException(
              "'" + printable(raw) + "' is not an id: " + ID_RULE + " (it is part of URLs)");
        }
        if (name.equals("url") && !httpUrl(raw)) {
          throw new IllegalArgumentException(
              "'" + printable(raw) + "' is not an http:// or https:// URL");
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

  /**
   * Every record's id, in every collection: letters, digits, '-' and '_', starting with a letter or
   * digit, at most 200 characters. Ids are path segments ({@code /v1/sources/{id}}), so nothing
   * that a URL would have to escape, nothing a format suffix ({@code .csv}) could be read from.
   */
  public static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9_-]{0,199}";

  /** {@link #ID_PATTERN} in words. */
  public static final String ID_RULE =
      "letters, digits, '-' and '_', starting with a letter or digit, at most 200 characters";

  private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile(ID_PATTERN);

  /** An absolute http or https URL with a host (never javascript:, data:, file:, ...). */
  public static boolean httpUrl(String raw) {
    try {
      java.net.URI u = new java.net.URI(raw);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https"))
          && u.getHost() != null
          && !u.getHost().isEmpty();
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  /** A value shown in a message: control characters escaped, at most 80 characters. */
  private static String printable(String raw) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < raw.length() && sb.length() < 80; i++) {
      char c = raw.charAt(i);
      sb.append(Character.isISOControl(c) ? String.format("\\u%04X", (int) c) : c);
    }
    return raw.length() > 80 ? sb + "…" : sb.toString();
  }

  /** The precision column that a partial date adds to the table, e.g. date_precision. */
  public String precisionColumn() {
    return name + "_precision";
  }
}
