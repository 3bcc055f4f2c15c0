package org.plenary.seed;

import java.util.regex.Pattern;

/**
 * CSV formula injection, neutralized as OWASP describes: a text cell that a spreadsheet would run
 * as a formula (one starting with {@code = + - @}, a tab or a carriage return) is written with a
 * leading single quote, which spreadsheets show as text; a number ({@code -3}, {@code +1.5e3})
 * stays a number. Only text cells are ever escaped (integers, dates and booleans cannot start so).
 * The escape is reversible, so that the dumps stay the seed-data format: a cell is escaped when,
 * after any leading quotes, it starts with a trigger and is not a number; reading removes one
 * leading quote from exactly such a cell. JSON is never escaped.
 */
public final class CsvCells {
  private CsvCells() {}

  private static final Pattern NEEDS = Pattern.compile("^'*[=+\\-@\\t\\r]");
  private static final Pattern NUMBER =
      Pattern.compile("^'*[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?$");

  /**
   * The same rule as a PostgreSQL expression over the text column {@code column} (for COPY): keep
   * in step with {@link #escape}.
   */
  public static String sql(String column) {
    return "case when "
        + column
        + " ~ '^''*[-=+@\\t\\r]' and "
        + column
        + " !~ '^''*[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$' then '''' || "
        + column
        + " else "
        + column
        + " end";
  }

  /** Whether a text value must be escaped in CSV. */
  static boolean needs(String v) {
    return v != null && NEEDS.matcher(v).find() && !NUMBER.matcher(v).matches();
  }

  /** The cell as CSV writes it. */
  public static String escape(String v) {
    return needs(v) ? "'" + v : v;
  }

  /** The value of a cell as CSV wrote it (the inverse of {@link #escape}). */
  public static String unescape(String cell) {
    return cell != null && cell.startsWith("'") && needs(cell.substring(1))
        ? cell.substring(1)
        : cell;
  }
}
