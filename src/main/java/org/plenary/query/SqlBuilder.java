package org.plenary.query;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.plenary.query.CollectionSpec.Sort;
import org.plenary.query.ListQuery.Condition;

/**
 * Builds the SQL of a {@link ListQuery} from its collection's declaration: the SELECT of a page or
 * a stream (keyset conditions as row comparisons bounded by the index), the count, the existence
 * check and the facets. Request values are always bound parameters, never SQL text.
 */
final class SqlBuilder {
  private SqlBuilder() {}

  /** SQL text with its parameters. */
  record Sql(String text, List<Object> params) {
    void bind(Connection c, PreparedStatement ps) throws SQLException {
      for (int i = 0; i < params.size(); i++) {
        Object p = params.get(i);
        if (p instanceof List<?> list) {
          ps.setArray(i + 1, array(c, list));
        } else {
          ps.setObject(i + 1, p);
        }
      }
    }
  }

  static Array array(Connection c, List<?> values) throws SQLException {
    Object first = values.isEmpty() ? "" : values.get(0);
    String type =
        first instanceof Integer
            ? "int4"
            : first instanceof Double
                ? "float8"
                : first instanceof LocalDate
                    ? "date"
                    : first instanceof Boolean
                        ? "bool"
                        : first instanceof OffsetDateTime ? "timestamptz" : "text";
    return c.createArrayOf(type, values.toArray());
  }

  /** The page's SELECT: one row beyond the page when {@code paged}, to tell whether more follow. */
  static Sql select(ListQuery q, boolean paged) {
    return select(q, paged, paged ? Integer.valueOf(q.limit() + 1) : null);
  }

  static Sql select(ListQuery q, boolean keyset, Integer limit) {
    StringBuilder sb = new StringBuilder("select ");
    List<Field> fields = q.fields();
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      if (i > 0) {
        sb.append(", ");
      }
      if (f.type() == Field.Type.TIMESTAMP) {
        // formatted by PostgreSQL (much cheaper than per-row Java formatting); parsed back for
        // cursors
        sb.append("to_char(")
            .append(f.sql())
            .append(" at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')");
      } else {
        sb.append(f.sql());
      }
      if (f.type() == Field.Type.PARTIAL_DATE) {
        sb.append(", ").append(f.precisionSql());
      }
    }
    sb.append(" from ").append(from(q));
    Sql where = where(q, keyset);
    sb.append(where.text());
    sb.append(" order by ");
    for (int i = 0; i < q.sort().size(); i++) {
      Sort s = q.sort().get(i);
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(s.field().sql()).append(s.descending() ? " desc nulls first" : " asc nulls last");
    }
    if (limit != null) {
      sb.append(" limit ").append(limit);
    }
    return new Sql(sb.toString(), where.params());
  }

  /** The collection's FROM, joined with the parsed search query when q= is given. */
  static String from(ListQuery q) {
    String from = expand(q, null);
    return q.search() == null
        ? from
        : from + " cross join (select websearch_to_tsquery('english', ?) as query) fts";
  }

  private static final java.util.regex.Pattern PLACEHOLDER =
      java.util.regex.Pattern.compile("\\{([a-z_]+)\\}");

  /**
   * An aggregated collection's FROM with its placeholders filled: {@code {scope}} becomes the keys
   * of the scope's records the request chose (their SQL, with their parameters), an argument a
   * bound parameter. {@code params} receives the parameters in the order they appear (null: only
   * the text is wanted).
   */
  private static String expand(ListQuery q, List<Object> params) {
    CollectionSpec c = q.collection();
    if (c.scope() == null && c.arguments().isEmpty()) {
      return c.from();
    }
    java.util.regex.Matcher m = PLACEHOLDER.matcher(c.from());
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String replacement;
      if (name.equals("scope")) {
        ListQuery scope = q.scope();
        Sql where = where(scope, false);
        replacement =
            "select "
                + scope.collection().field(scope.collection().key().get(0)).orElseThrow().sql()
                + " from "
                + from(scope)
                + where.text();
        if (params != null) {
          params.addAll(where.params());
        }
      } else {
        Integer value = q.arguments().get(name);
        if (value == null) {
          throw new IllegalStateException(c.name() + " has no argument " + name);
        }
        replacement = "?";
        if (params != null) {
          params.add(value);
        }
      }
      m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(replacement));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  static Sql where(ListQuery q, boolean keyset) {
    return where(q, keyset, true);
  }

  /**
   * The WHERE clause: the search, the filters, the cursor; with {@code bounded}, a search sorted by
   * rank keeps only the matches its collection's {@link CollectionSpec.RankBound} ranks, so that a
   * page, its total and its facets all count the records that paging reaches.
   */
  static Sql where(ListQuery q, boolean keyset, boolean bounded) {
    List<String> clauses = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    expand(q, params); // the parameters of from(q)'s aggregated collection, which precede the WHERE
    if (q.search() != null) {
      params.add(q.search()); // the parameter of from(q), which precedes the WHERE clause
      clauses.add("(" + q.collection().searchVector() + ") @@ fts.query");
    }
    for (Condition cond : q.conditions()) {
      clauses.add(cond.op().sql(cond.field().sql(), cond.values(), params));
    }
    if (bounded && rankBounded(q)) {
      clauses.add(rankCandidates(q, params));
    }
    if (keyset && q.after() != null) {
      clauses.add(keyset(q.collection(), q.sort(), q.after(), 0, params));
    }
    return new Sql(clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses), params);
  }

  /** Whether {@code q} is a search sorted by rank over a collection that bounds its ranking. */
  static boolean rankBounded(ListQuery q) {
    CollectionSpec c = q.collection();
    return q.search() != null
        && c.rankBound() != null
        && c.scope() == null
        && c.arguments().isEmpty()
        && !q.sort().isEmpty()
        && q.sort().get(0).field().name().equals(c.searchFields().get(0).name());
  }

  private static final java.util.regex.Pattern ALIAS =
      java.util.regex.Pattern.compile("\\b([a-z_][a-z0-9_]*)\\.[a-z_]");

  /**
   * The matches a rank-sorted search ranks: the first {@code cap} in the bound's order, chosen by
   * subqueries with the same search and filters (on the bound's table alone when every filter is on
   * it), one per window in order, read lazily: once the first windows hold {@code cap} matches the
   * later ones are not read. The ranking reads at most {@code cap} records however many match.
   */
  private static String rankCandidates(ListQuery q, List<Object> params) {
    CollectionSpec c = q.collection();
    CollectionSpec.RankBound b = c.rankBound();
    String from = onTable(b, q) ? b.table() : c.from();
    List<String> windows = b.windows().isEmpty() ? List.of("true") : b.windows();
    StringBuilder sb = new StringBuilder(b.row()).append(" = any(array(select candidate from (");
    for (int i = 0; i < windows.size(); i++) {
      sb.append(i == 0 ? "(" : " union all (")
          .append("select ")
          .append(b.row())
          .append(" as candidate from ")
          .append(from)
          .append(" cross join (select websearch_to_tsquery('english', ?) as query) fts where (")
          .append(c.searchVector())
          .append(") @@ fts.query and ")
          .append(windows.get(i));
      params.add(q.search());
      for (Condition cond : q.conditions()) {
        sb.append(" and ").append(cond.op().sql(cond.field().sql(), cond.values(), params));
      }
      sb.append(" order by ").append(b.order()).append(" limit ").append(b.cap()).append(")");
    }
    return sb.append(" limit ").append(b.cap()).append(") candidates))").toString();
  }

  /**
   * Rows after the cursor's values, in an order where null sorts as the largest value (asc nulls
   * last, desc nulls first). Where the rest of the order is key fields (never null) in one
   * direction, one row-value comparison {@code (k1, k2) > (?, ?)} that an index on them bounds;
   * before that, (k1 after v1) or (k1 = v1 and (...)), with a redundant {@code k1 <= v1} on a
   * descending field so that the index bounds the scan there too.
   */
  private static String keyset(
      CollectionSpec c, List<Sort> sort, List<String> values, int i, List<Object> params) {
    if (rowComparable(c, sort, values, i)) {
      boolean desc = sort.get(i).descending();
      List<String> cols = new ArrayList<>();
      List<String> marks = new ArrayList<>();
      for (int j = i; j < sort.size(); j++) {
        cols.add(sort.get(j).field().sql());
        marks.add("?");
        params.add(typed(sort.get(j).field(), values.get(j)));
      }
      return "(("
          + String.join(", ", cols)
          + ") "
          + (desc ? "<" : ">")
          + " ("
          + String.join(", ", marks)
          + "))";
    }
    Sort s = sort.get(i);
    String col = s.field().sql();
    Object v = values.get(i) == null ? null : typed(s.field(), values.get(i));
    String after;
    String equal;
    if (v == null) {
      after = s.descending() ? col + " is not null" : "false";
      equal = col + " is null";
    } else {
      after = s.descending() ? col + " < ?" : "(" + col + " > ? or " + col + " is null)";
      equal = col + " = ?";
    }
    StringBuilder sb = new StringBuilder("(");
    if (v != null && s.descending()) {
      sb.append(col).append(" <= ? and (");
      params.add(v);
    }
    sb.append(after);
    if (v != null) {
      params.add(v);
    }
    if (i + 1 < sort.size()) {
      sb.append(" or (").append(equal);
      if (v != null) {
        params.add(v);
      }
      sb.append(" and ").append(keyset(c, sort, values, i + 1, params)).append(")");
    }
    if (v != null && s.descending()) {
      sb.append(")");
    }
    return sb.append(")").toString();
  }

  /** Whether sort[i..] are all key fields (never null) in one direction, with values. */
  private static boolean rowComparable(
      CollectionSpec c, List<Sort> sort, List<String> values, int i) {
    boolean desc = sort.get(i).descending();
    for (int j = i; j < sort.size(); j++) {
      Sort s = sort.get(j);
      if (s.descending() != desc
          || values.get(j) == null
          || !c.key().contains(s.field().name())
          || !c.field(s.field().name()).map(f -> f.sql().equals(s.field().sql())).orElse(false)) {
        return false;
      }
    }
    return true;
  }

  private static Object typed(Field f, String value) {
    try {
      return switch (f.type()) {
        case INTEGER -> Integer.parseInt(value);
        case BOOLEAN -> Boolean.parseBoolean(value);
        case DATE, PARTIAL_DATE -> ListQuery.inRange(LocalDate.parse(value));
        case TIMESTAMP -> ListQuery.inRange(OffsetDateTime.parse(value));
        case NUMBER -> {
          double d = Double.parseDouble(value);
          if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("not a finite number");
          }
          yield d;
        }
        default -> value;
      };
    } catch (RuntimeException e) {
      throw new InvalidQueryException(
          "cursor", "Invalid cursor: it does not match this query's order.");
    }
  }

  /** How many records match (from the cursor on, when {@code fromCursor}). */
  static Sql count(ListQuery q, boolean fromCursor) {
    Sql where = where(q, fromCursor);
    return new Sql("select count(*) from " + from(q) + where.text(), where.params());
  }

  /** Whether any record matches. */
  static Sql exists(ListQuery q) {
    Sql where = where(q, false);
    return new Sql("select 1 from " + from(q) + where.text() + " limit 1", where.params());
  }

  /** A facet's values and their counts over the whole filter, most frequent first. */
  static Sql facet(ListQuery q, Field f) {
    Sql where = where(q, false);
    var tag = q.collection().tagFilters().get(f.name());
    boolean tagged = tag != null && f.sql().equals(tag.facetField().sql());
    return new Sql(
        "select "
            + f.sql()
            + " as value, count(*) as n from "
            + from(q)
            + (tagged ? tag.facetJoin() : "")
            + where.text()
            + " group by 1 order by 2 desc, 1 asc nulls last limit "
            + (ListQuery.MAX_FACET_VALUES + 1),
        where.params());
  }

  /**
   * How many records match, and how many distinct {@code distinct} values they have, per value of
   * {@code by} (every value, in its order): the counts behind a chart. Grouped first by both (a
   * hash of a few thousand pairs, no sort of every match), and read from the rank bound's table
   * alone when the filters, {@code by} and {@code distinct} are all on it (no join per match).
   */
  static Sql counts(ListQuery q, Field by, String distinct) {
    Sql where = where(q, false, false);
    CollectionSpec.RankBound b = q.collection().rankBound();
    String from = from(q);
    if (b != null && onTable(b, q, by.sql(), distinct)) {
      from =
          b.table()
              + (q.search() == null
                  ? ""
                  : " cross join (select websearch_to_tsquery('english', ?) as query) fts");
    }
    return new Sql(
        "select value, sum(n) as n, count(*) as d from (select "
            + by.sql()
            + " as value, "
            + distinct
            + " as k, count(*) as n from "
            + from
            + where.text()
            + " group by 1, 2) x group by 1 order by 1",
        where.params());
  }

  /** Whether the conditions of {@code q} and the SQL {@code more} name only {@code b}'s table. */
  private static boolean onTable(CollectionSpec.RankBound b, ListQuery q, String... more) {
    List<String> sqls = new ArrayList<>(List.of(more));
    q.conditions().forEach(cond -> sqls.add(cond.field().sql()));
    for (String sql : sqls) {
      java.util.regex.Matcher m = ALIAS.matcher(sql);
      while (m.find()) {
        if (!m.group(1).equals(b.alias())) {
          return false;
        }
      }
    }
    return true;
  }
}
