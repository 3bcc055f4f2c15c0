package org.plenary.seed;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of the dataset: its CSV file (seed-data and dumps use the same), its columns in file
 * order, and its primary key. The record type cited in citations.csv is the table name.
 */
public record TableSpec(
    String table, String file, List<Column> columns, List<String> primaryKey, String description) {

  /** The position of a column in the file. */
  public int index(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException(table + " has no column " + name);
  }

  public Column column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  public List<String> header() {
    return columns.stream().map(Column::name).toList();
  }

  /** The database columns the file fills, partial dates expanded to value and precision. */
  public List<String> databaseColumns() {
    return storedColumns().stream().map(Column::name).toList();
  }

  /**
   * The database columns the file fills, as columns: a partial date is followed by its precision
   * column. (Every table also has created_at and updated_at, kept by the loader.)
   */
  public List<Column> storedColumns() {
    List<Column> out = new ArrayList<>();
    for (Column c : columns) {
      out.add(c);
      if (c.type() == Column.Type.PARTIAL_DATE) {
        out.add(c.precision());
      }
    }
    return out;
  }

  /** A database column by name, a partial date's precision column included. */
  public Column storedColumn(String name) {
    return storedColumns().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(table + " has no column " + name));
  }
}
