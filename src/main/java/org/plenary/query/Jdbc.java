package org.plenary.query;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.postgresql.PGStatement;

/**
 * The read side's access to the database: connections, budgeted statements, and typed reads for the
 * feature services whose aggregations the collection grammar does not express (a vote's breakdown,
 * agreement between delegations). Each such read maps its rows to a record; nothing here is
 * reachable from a resource except through a service.
 */
@ApplicationScoped
public class Jdbc {
  @Inject AgroalDataSource dataSource;
  @Inject StatementBudget budget;
  @Inject DatabaseHealth health;

  /** Maps the current row of a result set to a value. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /** Every row of a query with bound parameters, each mapped to a value. */
  public <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
    try (Connection c = connection();
        PreparedStatement ps = prepare(c, sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      List<T> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        health.succeeded();
        while (rs.next()) {
          out.add(mapper.map(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("Query failed", e);
    }
  }

  Connection connection() throws SQLException {
    return dataSource.getConnection();
  }

  /** A statement under the statement budget, cancelled with the current request. */
  PreparedStatement prepare(Connection c, String sql) throws SQLException {
    return prepare(c, sql, StatementBudget.current());
  }

  /** As {@link #prepare(Connection, String)}, for work that outlives the request thread. */
  PreparedStatement prepare(Connection c, String sql, StatementBudget.Cancellation cancellation)
      throws SQLException {
    return budget.prepare(c, sql, cancellation);
  }

  /** Records that the database answered (readiness recovers without waiting for a probe). */
  void answered() {
    health.succeeded();
  }

  /**
   * The records a query's SQL selects, read as the API shows them. With {@code ownPlan} (a page
   * after a cursor), PostgreSQL plans the statement for these very parameters every time rather
   * than reusing a generic plan made for any: how many rows a keyset bound leaves depends on its
   * value, and only a plan made for it walks a deep page of a delegation's history by date and
   * stops at the page's end, where the generic plan sorts every roll call of the delegation (27 ms
   * instead of 8 ms at 900,000 country votes). First pages and embedded lists keep the cached plan,
   * which is the same there and saves planning on every request.
   */
  List<Map<String, Object>> fetch(Connection c, ListQuery q, SqlBuilder.Sql sql, boolean ownPlan)
      throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (PreparedStatement ps = prepare(c, sql.text())) {
      if (ownPlan) {
        ps.unwrap(PGStatement.class).setPrepareThreshold(0); // unnamed: planned at each bind
      }
      sql.bind(c, ps);
      try (ResultSet rs = ps.executeQuery()) {
        health.succeeded();
        while (rs.next()) {
          rows.add(RowReader.read(rs, q.fields()));
        }
      }
    }
    return rows;
  }
}
