package org.plenary.query;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.plenary.http.ProblemException;
import org.plenary.query.CollectionSpec.Embed;
import org.plenary.query.CollectionSpec.Sort;
import org.plenary.query.ListQuery.Condition;
import org.plenary.seed.PartialDate;

/**
 * Runs {@link ListQuery}s: one SQL query for the page (keyset-paginated, ordered by the requested
 * sort and then the key), one per embedded collection whatever the page size, and a count only when
 * asked. All SQL comes from the collections' declarations; request values are bound.
 */
@ApplicationScoped
public class QueryEngine {
  @Inject AgroalDataSource dataSource;
  @Inject StatementBudget budget;
  @Inject DatabaseHealth health;

  private final java.util.concurrent.atomic.AtomicLong statements =
      new java.util.concurrent.atomic.AtomicLong();

  /** How many SQL statements the engine has run (tests assert it does not grow with page size). */
  public long statements() {
    return statements.get();
  }

  private PreparedStatement prepare(Connection c, String sql) throws SQLException {
    return prepare(c, sql, StatementBudget.current());
  }

  private PreparedStatement prepare(
      Connection c, String sql, StatementBudget.Cancellation cancellation) throws SQLException {
    statements.incrementAndGet();
    return budget.prepare(c, sql, cancellation);
  }

  /** A page of records; {@code next} is the cursor of the following page, or null at the end. */
  public record Page(
      List<Map<String, Object>> rows, String next, Long total, Map<String, Object> facets) {}

  public Page page(ListQuery q) {
    try (Connection c = dataSource.getConnection()) {
      // the query asks for one row beyond the page: its presence means there is a next page
      List<Map<String, Object>> rows = fetch(c, q, select(q, true));
      boolean more = rows.size() > q.limit();
      if (more) {
        rows.remove(rows.size() - 1);
      }
      String next =
          more
              ? Cursor.encode(
                  q.collection().name(),
                  ListQuery.sortToken(q.sort()),
                  sortValues(rows.get(rows.size() - 1), q))
              : null;
      embed(c, q.collection(), rows, q.includes());
      Long total = q.total() ? count(c, q) : null;
      Map<String, Object> facets = q.facets().isEmpty() ? null : facets(c, q);
      return new Page(rows, next, total, facets);
    } catch (SQLException e) {
      throw new IllegalStateException("Query on " + q.collection().name() + " failed", e);
    }
  }

  /** Receives streamed rows, a batch at a time. */
  public interface Sink {
    void accept(List<Map<String, Object>> rows) throws java.io.IOException;
  }

  /**
   * An open read of every matching record (from the cursor, up to an explicit limit), in one
   * repeatable-read transaction: the count sent up front and the rows streamed after it see the
   * same data. Rows are fetched and embedded a batch at a time, so memory stays bounded however
   * many rows there are. Close it (writeTo does) to release the connection.
   */
  public final class Stream implements AutoCloseable {
    private static final int BATCH = 1000;
    private final Connection c;
    private final ListQuery q;
    private final long count;
    // the request's cancellation: the rows are written after the resource method returned
    private final StatementBudget.Cancellation cancellation = StatementBudget.current();

    private Stream(ListQuery q) throws SQLException {
      this.q = q;
      this.c = dataSource.getConnection();
      try {
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
        long n = QueryEngine.this.count(c, q, true, cancellation);
        this.count = q.limit() == Integer.MAX_VALUE ? n : Math.min(n, q.limit());
      } catch (SQLException | RuntimeException e) {
        close();
        throw e;
      }
    }

    public ListQuery query() {
      return q;
    }

    /** How many rows will be written. */
    public long count() {
      return count;
    }

    public void writeTo(Sink sink) throws java.io.IOException {
      try (this) {
        Sql sql = select(q, true, q.limit() == Integer.MAX_VALUE ? null : q.limit());
        try (PreparedStatement ps = prepare(c, sql.text(), cancellation)) {
          ps.setFetchSize(BATCH);
          sql.bind(c, ps);
          List<Map<String, Object>> batch = new ArrayList<>(BATCH);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              batch.add(read(rs, q.fields()));
              if (batch.size() == BATCH) {
                embed(c, q.collection(), batch, q.includes());
                sink.accept(batch);
                batch = new ArrayList<>(BATCH);
              }
            }
          }
          embed(c, q.collection(), batch, q.includes());
          sink.accept(batch);
        }
      } catch (SQLException e) {
        throw new java.io.IOException("Streaming " + q.collection().name() + " failed", e);
      }
    }

    @Override
    public void close() {
      try {
        c.rollback();
        c.setAutoCommit(true);
        c.close();
      } catch (SQLException ignored) {
        // the connection is discarded by the pool
      }
    }
  }

  public Stream open(ListQuery q) {
    try {
      return new Stream(q);
    } catch (SQLException e) {
      throw new IllegalStateException("Query on " + q.collection().name() + " failed", e);
    }
  }

  /** Whether any record matches (one cheap query, no embeds). */
  public boolean exists(ListQuery q) {
    try (Connection c = dataSource.getConnection()) {
      Sql where = where(q, false);
      try (PreparedStatement ps =
          prepare(c, "select 1 from " + from(q) + where.text() + " limit 1")) {
        where.bind(c, ps);
        try (ResultSet rs = ps.executeQuery()) {
          health.succeeded();
          return rs.next();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Query on " + q.collection().name() + " failed", e);
    }
  }

  /** Every matching record, embeds included (for sub-resources read whole). */
  public List<Map<String, Object>> all(ListQuery q) {
    try (Connection c = dataSource.getConnection()) {
      List<Map<String, Object>> rows = fetch(c, q);
      embed(c, q.collection(), rows, q.includes());
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("Query on " + q.collection().name() + " failed", e);
    }
  }

  /** Runs a plain SQL query with bound parameters; each row as column name to value. */
  public List<Map<String, Object>> rows(String sql, Object... params) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = prepare(c, sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      List<Map<String, Object>> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        health.succeeded();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= n; i++) {
            row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
          }
          out.add(row);
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("Query failed", e);
    }
  }

  private List<Map<String, Object>> fetch(Connection c, ListQuery q) throws SQLException {
    return fetch(c, q, select(q, false));
  }

  private List<Map<String, Object>> fetch(Connection c, ListQuery q, Sql sql) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (PreparedStatement ps = prepare(c, sql.text())) {
      sql.bind(c, ps);
      try (ResultSet rs = ps.executeQuery()) {
        health.succeeded();
        while (rs.next()) {
          rows.add(read(rs, q.fields()));
        }
      }
    }
    return rows;
  }

  private Long count(Connection c, ListQuery q) throws SQLException {
    return count(c, q, false);
  }

  private long count(Connection c, ListQuery q, boolean fromCursor) throws SQLException {
    return count(c, q, fromCursor, StatementBudget.current());
  }

  private long count(
      Connection c, ListQuery q, boolean fromCursor, StatementBudget.Cancellation cancellation)
      throws SQLException {
    Sql where = where(q, fromCursor);
    try (PreparedStatement ps =
        prepare(c, "select count(*) from " + from(q) + where.text(), cancellation)) {
      where.bind(c, ps);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * For each facet field, its values and how many matching records have each (whatever the page),
   * most frequent first, at most ListQuery.MAX_FACET_VALUES of them: one query per facet.
   */
  private Map<String, Object> facets(Connection c, ListQuery q) throws SQLException {
    Map<String, Object> out = new LinkedHashMap<>();
    Sql where = where(q, false);
    for (Field f : q.facets()) {
      String sql =
          "select "
              + f.sql()
              + " as value, count(*) as n from "
              + from(q)
              + where.text()
              + " group by 1 order by 2 desc, 1 asc nulls last limit "
              + (ListQuery.MAX_FACET_VALUES + 1);
      List<Map<String, Object>> values = new ArrayList<>();
      try (PreparedStatement ps = prepare(c, sql)) {
        where.bind(c, ps);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("value", rs.getObject(1));
            v.put("count", rs.getLong(2));
            values.add(v);
          }
        }
      }
      boolean truncated = values.size() > ListQuery.MAX_FACET_VALUES;
      Map<String, Object> facet = new LinkedHashMap<>();
      facet.put("values", truncated ? values.subList(0, ListQuery.MAX_FACET_VALUES) : values);
      facet.put("truncated", truncated);
      out.put(f.name(), facet);
    }
    return out;
  }

  /** Attaches embedded collections: one query per embed, whatever the number of rows. */
  private void embed(
      Connection c, CollectionSpec parent, List<Map<String, Object>> rows, Set<String> includes)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    List<Embed> embeds = new ArrayList<>(parent.embeds());
    for (String inc : includes) {
      embeds.add(parent.includes().get(inc));
    }
    for (Embed e : embeds) {
      Set<String> keys = new LinkedHashSet<>();
      for (Map<String, Object> r : rows) {
        Object v = r.get(e.parentField());
        if (v != null) {
          keys.add(v.toString());
        }
      }
      Map<String, List<Map<String, Object>>> byParent = new LinkedHashMap<>();
      if (!keys.isEmpty()) {
        List<Condition> conds = new ArrayList<>();
        Field childField = e.child().field(e.childField()).orElseThrow();
        conds.add(new Condition(childField, "in", new ArrayList<>(keys)));
        for (var f : e.fixed().entrySet()) {
          conds.add(
              new Condition(
                  e.child().field(f.getKey()).orElseThrow(), "eq", List.of(f.getValue())));
        }
        List<Map<String, Object>> children = fetch(c, ListQuery.all(e.child(), conds));
        embed(c, e.child(), children, Set.of());
        for (Map<String, Object> child : children) {
          String k = String.valueOf(child.get(e.childField()));
          for (String omit : e.omit()) {
            child.remove(omit);
          }
          byParent.computeIfAbsent(k, x -> new ArrayList<>()).add(child);
        }
      }
      for (Map<String, Object> r : rows) {
        Object v = r.get(e.parentField());
        r.put(e.name(), v == null ? List.of() : byParent.getOrDefault(v.toString(), List.of()));
      }
    }
  }

  /** SQL text with its parameters. */
  private record Sql(String text, List<Object> params) {
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

  private static Array array(Connection c, List<?> values) throws SQLException {
    Object first = values.isEmpty() ? "" : values.get(0);
    String type =
        first instanceof Integer
            ? "int4"
            : first instanceof LocalDate
                ? "date"
                : first instanceof Boolean
                    ? "bool"
                    : first instanceof OffsetDateTime ? "timestamptz" : "text";
    return c.createArrayOf(type, values.toArray());
  }

  private Sql select(ListQuery q, boolean paged) {
    return select(q, paged, paged ? Integer.valueOf(q.limit() + 1) : null);
  }

  private Sql select(ListQuery q, boolean keyset, Integer limit) {
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
  private static String from(ListQuery q) {
    return q.search() == null
        ? q.collection().from()
        : q.collection().from()
            + " cross join (select websearch_to_tsquery('english', ?) as query) fts";
  }

  private Sql where(ListQuery q, boolean keyset) {
    List<String> clauses = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    if (q.search() != null) {
      params.add(q.search()); // the parameter of from(q), which precedes the WHERE clause
      clauses.add("(" + q.collection().searchVector() + ") @@ fts.query");
    }
    for (Condition cond : q.conditions()) {
      String col = cond.field().sql();
      switch (cond.op()) {
        case "eq" -> {
          clauses.add(col + " = ?");
          params.add(cond.values().get(0));
        }
        case "between" -> {
          clauses.add(col + " between ? and ?");
          params.addAll(cond.values());
        }
        case "in" -> {
          clauses.add(col + " = any(?)");
          params.add(cond.values());
        }
        case "gte" -> {
          clauses.add(col + " >= ?");
          params.add(cond.values().get(0));
        }
        case "lte" -> {
          clauses.add(col + " <= ?");
          params.add(cond.values().get(0));
        }
        case "contains" -> {
          clauses.add("strpos(lower(" + col + "), lower(?)) > 0");
          params.add(cond.values().get(0));
        }
        case "isnull" ->
            clauses.add(col + ((Boolean) cond.values().get(0) ? " is null" : " is not null"));
        default -> throw new IllegalStateException("operator " + cond.op());
      }
    }
    if (keyset && q.after() != null) {
      clauses.add(keyset(q.collection(), q.sort(), q.after(), 0, params));
    }
    return new Sql(clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses), params);
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
      throw ProblemException.invalidParam(
          "cursor", "Invalid cursor: it does not match this query's order.");
    }
  }

  /**
   * The sort values of a rendered row, as a cursor stores them (partial dates as their first day).
   */
  private static List<String> sortValues(Map<String, Object> row, ListQuery q) {
    List<String> out = new ArrayList<>();
    for (Sort s : q.sort()) {
      Object v = row.get(s.field().name());
      if (v != null && s.field().type() == Field.Type.PARTIAL_DATE) {
        v = PartialDate.parse(v.toString()).first();
      }
      out.add(v == null ? null : raw(v));
    }
    return out;
  }

  private static String raw(Object v) {
    if (v instanceof OffsetDateTime t) {
      return t.toString();
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    return v.toString();
  }

  private static Map<String, Object> read(ResultSet rs, List<Field> fields) throws SQLException {
    Map<String, Object> row = new LinkedHashMap<>();
    int col = 1;
    for (Field f : fields) {
      Object value =
          switch (f.type()) {
            case TEXT -> rs.getString(col);
            case INTEGER -> (Integer) rs.getObject(col);
            case BOOLEAN -> (Boolean) rs.getObject(col);
            case DATE -> {
              LocalDate d = rs.getObject(col, LocalDate.class);
              yield d == null ? null : d.toString();
            }
            case PARTIAL_DATE -> {
              LocalDate d = rs.getObject(col, LocalDate.class);
              col++;
              yield PartialDate.format(d, rs.getString(col));
            }
            case TIMESTAMP -> rs.getString(col);
            case NUMBER -> (Double) rs.getObject(col);
          };
      row.put(f.name(), value);
      col++;
    }
    return row;
  }
}
