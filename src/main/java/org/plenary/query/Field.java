package org.plenary.query;

import java.util.Set;

/**
 * A field of a collection: its JSON/CSV name, the SQL that computes it, its type, and whether it
 * may be filtered and sorted on. Only fields declared here ever reach SQL: the names in a request
 * are looked up in this whitelist, and values are always bound as parameters.
 *
 * @param precisionSql for a partial date, the SQL of its precision (day, month, year)
 */
public record Field(
    String name,
    String sql,
    Type type,
    boolean filterable,
    boolean sortable,
    String precisionSql,
    String description) {

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

  /** Whether facet= may count this field's values. */
  public boolean facetable() {
    return filterable
        && sortable
        && (type == Type.TEXT || type == Type.BOOLEAN || type == Type.INTEGER);
  }

  /** The filter operators this field accepts ("" is equality). */
  public Set<String> operators() {
    if (!filterable) {
      return Set.of();
    }
    return switch (type) {
      case TEXT ->
          sortable
              ? Set.of("", "in", "contains", "isnull", "gte", "lte")
              : Set.of("contains", "isnull");
      case BOOLEAN -> Set.of("", "isnull");
      default -> Set.of("", "in", "gte", "lte", "isnull");
    };
  }
}
