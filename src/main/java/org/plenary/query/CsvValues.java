package org.plenary.query;

import org.plenary.seed.CsvCells;

/**
 * The value of a streamed row's field as a CSV cell: text that a spreadsheet would run as a formula
 * gets a leading quote, by the dataset's one rule ({@link CsvCells}), so that /v1/*.csv and the
 * dumps agree; numbers, dates and booleans as they are.
 */
public final class CsvValues {
  private CsvValues() {}

  public static Object cell(Object value) {
    return value instanceof String s ? CsvCells.escape(s) : value;
  }
}
