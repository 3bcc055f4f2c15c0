package org.plenary.query;

import io.quarkus.runtime.Startup;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the SQL statements the read side runs, from the tests (as openstates' conftest.py counts
 * queries with a listener of its own): in every test the statement budget, through which each of
 * the read engine's and the feature services' statements is prepared, is this one, which counts
 * them. Production code carries no counter.
 */
@Alternative
@Priority(1)
@Startup
@ApplicationScoped
public class StatementCounter extends StatementBudget {
  private final AtomicLong statements = new AtomicLong();

  @Override
  public PreparedStatement prepare(Connection c, String sql, Cancellation cancellation)
      throws SQLException {
    statements.incrementAndGet();
    return super.prepare(c, sql, cancellation);
  }

  /** How many statements have been prepared since the service started. */
  public long count() {
    return statements.get();
  }
}
