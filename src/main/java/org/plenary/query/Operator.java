package org.plenary.query;

import java.util.List;

/**
 * A filter operator of the collection grammar: the suffix that names it in a query parameter
 * ({@code field__suffix}, none for equality), the SQL it stands for, and its line of documentation.
 * Which operators a field accepts is {@link Field#operators()}; how a value is read for each is
 * {@link ListQuery}'s. The documentation pages list every operator a request may name (checked by
 * OperatorDocsTest).
 */
public enum Operator {
  EQ("", "equals (`id=a,b,c` reads a batch by id; a date of reduced precision means its period)") {
    @Override
    String sql(String column, List<Object> values, List<Object> params) {
      params.add(values.get(0));
      return column + " = ?";
    }
  },
  IN("in", "one of the comma-separated values (at most 1,000)") {
    @Override
    String sql(String column, List<Object> values, List<Object> params) {
      params.add(values);
      return column + " = any(?)";
    }
  },
  GTE("gte", "at least (numbers, dates, text); a date of reduced precision: from its first day") {
    @Override
    String sql(String column, List<Object> values, List<Object> params) {
      params.add(values.get(0));
      return column + " >= ?";
    }
  },
  LTE("lte", "at most (numbers, dates, text); a date of reduced precision: to its last day") {
    @Override
    String sql(String column, List<Object> values, List<Object> params) {
      params.add(values.get(0));
      return column + " <= ?";
    }
  },
  CONTAINS("contains", "contains the text, case-insensitive (text fields)") {
    @Override
    String sql(String column, List<Object> values, List<Object> params) {
      params.add(values.get(0));
      return "strpos(lower(" + column + "), lower(?)) > 0";
    }
  },
  ISNULL("isnull", "`true`: the value is unknown (null); `false`: it is known") {
    @Override
    String sql(String column, List<Object> values, List<Object> params) {
      return column + ((Boolean) values.get(0) ? " is null" : " is not null");
    }
  },
  /**
   * Not named by any parameter: what equality with a date of reduced precision becomes ({@code
   * date=2024-08} is every day of August 2024), two values, the period's first and last day.
   */
  BETWEEN(null, "within the period a date of reduced precision denotes (from equality)") {
    @Override
    String sql(String column, List<Object> values, List<Object> params) {
      params.addAll(values);
      return column + " between ? and ?";
    }
  },
  /**
   * Not named by any parameter: one of the keys of the rows an embedded collection is read for (a
   * page, up to 1,000), bound as one array that the planner does not estimate value by value. With
   * {@code = any(?)}, the plan made for the bound values estimates each of them against the
   * column's statistics: 6 ms of planning for the sources of a page of 1,000 country votes, which
   * are then read in 3 ms.
   */
  KEYS(null, "one of the keys of the rows an embedded collection is read for") {
    @Override
    String sql(String column, List<Object> values, List<Object> params) {
      params.add(values);
      return column + " = any(array(select unnest(?)))";
    }
  },
  /**
   * Not named by any parameter: a set-valued filter ({@code topic=a,b}, a {@link
   * CollectionSpec.TagFilter}) whose column is its exists (... = any(?)) condition, bound to the
   * values as one array.
   */
  TAG(null, "has one of the comma-separated values (a set-valued filter such as topic=)") {
    @Override
    String sql(String column, List<Object> values, List<Object> params) {
      params.add(values);
      return column;
    }
  };

  private final String suffix;
  private final String doc;

  Operator(String suffix, String doc) {
    this.suffix = suffix;
    this.doc = doc;
  }

  /**
   * The operator a query parameter's suffix names ({@code "gte"} of {@code date__gte}, {@code ""}
   * for none), or null if none does.
   */
  public static Operator ofSuffix(String suffix) {
    for (Operator o : values()) {
      if (o.suffix != null && o.suffix.equals(suffix)) {
        return o;
      }
    }
    return null;
  }

  /** The suffix naming it in a parameter ({@code ""} for equality), or null if none names it. */
  public String suffix() {
    return suffix;
  }

  /** Whether a request may name it. */
  public boolean named() {
    return suffix != null;
  }

  /** How a request names it on {@code field}: {@code field} for equality, else field__suffix. */
  public String parameter(String field) {
    return suffix.isEmpty() ? field : field + "__" + suffix;
  }

  /** How error messages name it: {@code =} for equality, else {@code __suffix}. */
  public String form() {
    return suffix.isEmpty() ? "=" : "__" + suffix;
  }

  /** Its line of documentation. */
  public String doc() {
    return doc;
  }

  /**
   * The SQL condition on {@code column} for {@code values} (bound as parameters, appended to {@code
   * params} in the order of their markers).
   */
  abstract String sql(String column, List<Object> values, List<Object> params);
}
