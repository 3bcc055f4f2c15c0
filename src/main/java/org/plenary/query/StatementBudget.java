package org.plenary.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The time budget of every statement the read engine runs: a statement timeout ({@link
 * QueryLimits#statementTimeout()}; PostgreSQL then answers SQLState 57014, which the HTTP layer
 * turns into a 503), and cancellation of the statements of a request whose client went away.
 *
 * <p>The HTTP layer binds a {@link Cancellation} to the thread serving a request; every statement
 * prepared on that thread is registered with it, and cancelling it (the connection closed before
 * the response ended) cancels whatever is still running and refuses new statements.
 */
@io.quarkus.runtime.Startup
@ApplicationScoped
public class StatementBudget {
  /** SQLState of a statement cancelled by timeout or request. */
  public static final String QUERY_CANCELED = "57014";

  private static final ThreadLocal<Cancellation> CURRENT = new ThreadLocal<>();

  @Inject QueryLimits limits;

  /** The statements of one request, cancelled together when its client leaves. */
  public static final class Cancellation {
    private final List<Statement> statements = new ArrayList<>();
    private boolean cancelled;

    synchronized void track(Statement s) throws SQLException {
      if (cancelled) {
        throw new SQLException("The client went away; the request was cancelled.", QUERY_CANCELED);
      }
      statements.add(s);
    }

    /** Cancels running statements (off the calling thread: cancelling is network I/O). */
    public void cancel() {
      List<Statement> running;
      synchronized (this) {
        if (cancelled) {
          return;
        }
        cancelled = true;
        running = List.copyOf(statements);
        statements.clear();
      }
      if (!running.isEmpty()) {
        CompletableFuture.runAsync(
            () -> {
              for (Statement s : running) {
                try {
                  s.cancel(); // a no-op for a statement no longer executing
                } catch (SQLException ignored) {
                  // closed meanwhile
                }
              }
            });
      }
    }
  }

  /** Binds a new cancellation to this thread (replacing any left over) and returns it. */
  public static Cancellation bind() {
    Cancellation c = new Cancellation();
    CURRENT.set(c);
    return c;
  }

  public static void unbind() {
    CURRENT.remove();
  }

  /** The cancellation bound to this thread, or null outside a request. */
  public static Cancellation current() {
    return CURRENT.get();
  }

  /**
   * A statement with the timeout set, registered with {@code cancellation} (this thread's, or that
   * of the request whose work outlives its thread).
   */
  public PreparedStatement prepare(Connection c, String sql, Cancellation cancellation)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    try {
      if (sql.contains("websearch_to_tsquery")) {
        // a search's plan depends on how common its words are: planned with them every time, never
        // with a generic plan made for any words (which scans every match of a common one)
        ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
      }
      long millis = limits.statementTimeout().toMillis();
      if (millis > 0) {
        ps.setQueryTimeout((int) Math.max(1, (millis + 999) / 1000));
      }
      if (cancellation != null) {
        cancellation.track(ps);
      }
      return ps;
    } catch (SQLException | RuntimeException e) {
      ps.close();
      throw e;
    }
  }
}
