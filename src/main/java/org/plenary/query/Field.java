package org.plenary.query;

import java.util.List;
import java.util.Set;
import org.plenary.seed.Column;
import org.plenary.seed.TableSpec;

/**
 * A field of a collection: its JSON/CSV name, the SQL that computes it, its type, and whether it
 * may be filtered and sorted on. Only fields declared here ever reach SQL: the names in a request
 * are looked up in this whitelist, and values are always bound as parameters.
 *
 * <p>A field that shows a column of a table is made with {@link #column}, from the table model
 * (seed/Schema): its type and vocabulary (the OpenAPI {@code enum}) come from the column's one
 * declaration.
 *
 * @param precisionSql for a partial date, the SQL of its precision (day, month, year)
 * @param vocabulary the values a text field takes (its closed vocabulary), or empty
 */
public record Field(
    String name,
    String sql,
    Type type,
    boolean filterable,
    boolean sortable,
    String precisionSql,
    String description,
    List<String> vocabulary) {

  public Field(
      String name,
      String sql,
      Type type,
      boolean filterable,
      boolean sortable,
      String precisionSql,
      String description) {
    this(name, sql, type, filterable, sortable, precisionSql, description, List.of());
  }

  public enum Type {
    TEXT,
    INTEGER,
    BOOLEAN,
    DATE,
    PARTIAL_DATE,
    TIMESTAMP,
    /** A double-precision number (search rank). */
    NUMBER
  }

  public static Field text(String name, String sql, String description) {
    return new Field(name, sql, Type.TEXT, true, true, null, description);
  }

  public static Field integer(String name, String sql, String description) {
    return new Field(name, sql, Type.INTEGER, true, true, null, description);
  }

  /** A double-precision number (a share, an index), filterable with =, __in, __gte, __lte. */
  public static Field number(String name, String sql, String description) {
    return new Field(name, sql, Type.NUMBER, true, true, null, description);
  }

  /** A text field that takes one of {@code vocabulary} (the OpenAPI enum). */
  public static Field term(String name, String sql, String description, List<String> vocabulary) {
    return new Field(name, sql, Type.TEXT, true, true, null, description, vocabulary);
  }

  public static Field bool(String name, String sql, String description) {
    return new Field(name, sql, Type.BOOLEAN, true, true, null, description);
  }

  public static Field date(String name, String sql, String description) {
    return new Field(name, sql, Type.DATE, true, true, null, description);
  }

  /** A date as precise as its source, rendered as YYYY, YYYY-MM or YYYY-MM-DD. */
  public static Field partialDate(
      String name, String sql, String precisionSql, String description) {
    return new Field(name, sql, Type.PARTIAL_DATE, true, true, precisionSql, description);
  }

  public static Field timestamp(String name, String sql, String description) {
    return new Field(name, sql, Type.TIMESTAMP, true, true, null, description);
  }

  /** Long free text: filterable with __contains and __isnull only, never sorted on. */
  public static Field longText(String name, String sql, String description) {
    return new Field(name, sql, Type.TEXT, true, false, null, description);
  }

  /**
   * The column {@code alias.column} of a table of the table model, under the column's name, with
   * the API's description (JSON says null where the file's cell is empty).
   */
  public static Field column(String alias, TableSpec table, String column, String description) {
    return column(column, alias, table, column, description);
  }

  /** The column {@code alias.column} of a table of the table model, shown under another name. */
  public static Field column(
      String name, String alias, TableSpec table, String columnName, String description) {
    Column column = table.storedColumn(columnName);
    String sql = alias + "." + column.name();
    List<String> vocabulary = column.vocabulary() == null ? List.of() : column.vocabulary().terms();
    return switch (column.type()) {
      case TEXT -> new Field(name, sql, Type.TEXT, true, true, null, description, vocabulary);
      case INTEGER -> integer(name, sql, description);
      case BOOLEAN -> bool(name, sql, description);
      case DATE -> date(name, sql, description);
      case PARTIAL_DATE ->
          partialDate(name, sql, alias + "." + column.precisionColumn(), description);
    };
  }

  /** This field as long free text: filterable with __contains and __isnull only, never sorted. */
  public Field asLongText() {
    return new Field(name, sql, type, filterable, false, precisionSql, description, vocabulary);
  }

  /** Whether facet= may count this field's values. */
  public boolean facetable() {
    return filterable
        && sortable
        && (type == Type.TEXT || type == Type.BOOLEAN || type == Type.INTEGER);
  }

  /** The filter operators a request may name on this field. */
  public Set<Operator> operators() {
    if (!filterable) {
      return Set.of();
    }
    return switch (type) {
      case TEXT ->
          sortable
              ? Set.of(
                  Operator.EQ,
                  Operator.IN,
                  Operator.CONTAINS,
                  Operator.ISNULL,
                  Operator.GTE,
                  Operator.LTE)
              : Set.of(Operator.CONTAINS, Operator.ISNULL);
      case BOOLEAN -> Set.of(Operator.EQ, Operator.ISNULL);
      default -> Set.of(Operator.EQ, Operator.IN, Operator.GTE, Operator.LTE, Operator.ISNULL);
    };
  }
}
