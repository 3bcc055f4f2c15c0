package org.plenary.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs {@link ListQuery}s: one SQL query for the page (keyset-paginated, ordered by the requested
 * sort and then the key), one per embedded collection whatever the page size, a count only when
 * asked, one query per facet. The SQL comes from the collections' declarations ({@link
 * SqlBuilder}); request values are bound.
 */
@ApplicationScoped
public class QueryEngine {
  @Inject Jdbc jdbc;
  @Inject Embedder embedder;
  @Inject Facets facets;
  @Inject QueryLimits limits;
  @Inject CursorKey cursors;

  /**
   * Parses a request's query parameters with the configured bounds of q= ({@link ListQuery#parse}).
   */
  public ListQuery parse(
      CollectionSpec c, Map<String, List<String>> params, List<ListQuery.Condition> fixed) {
    return parse(c, params, fixed, false);
  }

  /** As {@link #parse}, for a download when {@code stream}. */
  public ListQuery parse(
      CollectionSpec c,
      Map<String, List<String>> params,
      List<ListQuery.Condition> fixed,
      boolean stream) {
    return ListQuery.parse(
        c, params, fixed, stream, ListQuery.SearchBounds.of(limits), cursors.cursor());
  }

  /** A page of records; {@code next} is the cursor of the following page, or null at the end. */
  public record Page(
      List<Map<String, Object>> rows, String next, Long total, Map<String, Object> facets) {}

  public Page page(ListQuery q) {
    try (Connection c = jdbc.connection()) {
      // the query asks for one row beyond the page: its presence means there is a next page
      List<Map<String, Object>> rows =
          jdbc.fetch(c, q, SqlBuilder.select(q, true), q.after() != null);
      boolean more = rows.size() > q.limit();
      if (more) {
        rows.remove(rows.size() - 1);
      }
      String next =
          more
              ? cursors
                  .cursor()
                  .encode(
                      q.collection().name(),
                      ListQuery.sortToken(q.sort()),
                      RowReader.sortValues(rows.get(rows.size() - 1), q))
              : null;
      embedder.embed(c, q.collection(), rows, q.includes());
      Long total = q.total() ? count(c, q, false) : null;
      Map<String, Object> counted = q.facets().isEmpty() ? null : facets.facets(c, q);
      return new Page(rows, next, total, counted);
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
      this.c = jdbc.connection();
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
        SqlBuilder.Sql sql =
            SqlBuilder.select(q, true, q.limit() == Integer.MAX_VALUE ? null : q.limit());
        try (PreparedStatement ps = jdbc.prepare(c, sql.text(), cancellation)) {
          ps.setFetchSize(BATCH);
          sql.bind(c, ps);
          List<Map<String, Object>> batch = new ArrayList<>(BATCH);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              batch.add(RowReader.read(rs, q.fields()));
              if (batch.size() == BATCH) {
                embedder.embed(c, q.collection(), batch, q.includes());
                sink.accept(batch);
                batch = new ArrayList<>(BATCH);
              }
            }
          }
          embedder.embed(c, q.collection(), batch, q.includes());
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
    try (Connection c = jdbc.connection()) {
      SqlBuilder.Sql sql = SqlBuilder.exists(q);
      try (PreparedStatement ps = jdbc.prepare(c, sql.text())) {
        sql.bind(c, ps);
        try (ResultSet rs = ps.executeQuery()) {
          jdbc.answered();
          return rs.next();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Query on " + q.collection().name() + " failed", e);
    }
  }

  /** Every matching record, embeds included (for sub-resources read whole). */
  public List<Map<String, Object>> all(ListQuery q) {
    try (Connection c = jdbc.connection()) {
      List<Map<String, Object>> rows = jdbc.fetch(c, q, SqlBuilder.select(q, false), false);
      embedder.embed(c, q.collection(), rows, q.includes());
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("Query on " + q.collection().name() + " failed", e);
    }
  }

  /** Counts per value of a field: the value, the matching records, their distinct keys. */
  public record Count(Object value, long records, long distinct) {}

  /**
   * How many records of {@code q} match per value of {@code by}, and how many distinct values of
   * the SQL {@code distinct} they hold (statements among paragraphs), in the order of {@code by}:
   * one grouped query.
   */
  public List<Count> counts(ListQuery q, Field by, String distinct) {
    try (Connection c = jdbc.connection()) {
      SqlBuilder.Sql sql = SqlBuilder.counts(q, by, distinct);
      try (PreparedStatement ps = jdbc.prepare(c, sql.text())) {
        sql.bind(c, ps);
        List<Count> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Count(rs.getObject(1), rs.getLong(2), rs.getLong(3)));
          }
        }
        jdbc.answered();
        return out;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Query on " + q.collection().name() + " failed", e);
    }
  }

  private long count(Connection c, ListQuery q, boolean fromCursor) throws SQLException {
    return count(c, q, fromCursor, StatementBudget.current());
  }

  private long count(
      Connection c, ListQuery q, boolean fromCursor, StatementBudget.Cancellation cancellation)
      throws SQLException {
    SqlBuilder.Sql sql = SqlBuilder.count(q, fromCursor);
    try (PreparedStatement ps = jdbc.prepare(c, sql.text(), cancellation)) {
      sql.bind(c, ps);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
