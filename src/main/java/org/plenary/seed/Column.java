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

  /** The precision column that a partial date adds to the table, e.g. date_precision. */
  public String precisionColumn() {
    return name + "_precision";
  }
}
