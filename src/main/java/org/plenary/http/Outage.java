package org.plenary.http;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import org.plenary.query.StatementBudget;

/**
 * What a failed request's exception says about the database: unavailable (down, unreachable, every
 * connection busy), a statement over its time budget, a value the database refused, or none of
 * these (a bug: 500). The first two are answered 503 with Retry-After, the third 400.
 */
public enum Outage {
  /** The database cannot be reached: 503. */
  UNAVAILABLE,
  /** Every connection of the pool stayed busy for the whole acquisition timeout: 503. */
  BUSY,
  /** A statement ran over plenary.limits.statement-timeout (or its client left): 503. */
  TIMEOUT,
  /** The database refused a value of the request (out of range, invalid text): 400. */
  BAD_VALUE;

  /** The kind of failure behind {@code e}, or null when it is not the database's. */
  public static Outage of(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        Outage o = of(sql);
        if (o != null) {
          return o;
        }
      }
    }
    return null;
  }

  private static Outage of(SQLException e) {
    String state = e.getSQLState();
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (StatementBudget.QUERY_CANCELED.equals(state)) {
      return TIMEOUT;
    }
    if (state != null
        && (state.startsWith("08") // connection exceptions
            || state.startsWith("53") // insufficient resources (too many connections)
            || state.startsWith("57P") // admin shutdown, crash shutdown, cannot connect now
            || state.equals("40001"))) { // serialization failure under recovery
      return UNAVAILABLE;
    }
    if (state != null && state.startsWith("22")) { // data exception
      return BAD_VALUE;
    }
    String m = message.toLowerCase(java.util.Locale.ROOT);
    // Agroal: "Sorry, acquisition timeout!" (no SQLState)
    if (m.contains("acquisition timeout")) {
      return BUSY;
    }
    if (e instanceof SQLTransientException
        || m.contains("pool is shutting down")
        || m.contains("pool is closing")) {
      return UNAVAILABLE;
    }
    return null;
  }

  /** The problem answered for this kind of failure. */
  public Problem problem(String instance) {
    return switch (this) {
      case UNAVAILABLE ->
          ProblemType.UNAVAILABLE.problem(
              "The database is unavailable or busy. Retry after the number of seconds in"
                  + " Retry-After.",
              instance,
              null);
      case BUSY ->
          ProblemType.BUSY.problem(
              "Every database connection is busy. Retry after the number of seconds in"
                  + " Retry-After.",
              instance,
              null);
      case TIMEOUT ->
          ProblemType.TIMEOUT.problem(
              "The request took longer than this service allows and was stopped. Narrow it"
                  + " (filters, fewer search words, a smaller limit) or retry later.",
              instance,
              null);
      case BAD_VALUE ->
          ProblemType.INVALID_PARAMETER.problem(
              "A value of the request is outside what the database can hold (a date or number out"
                  + " of range, or invalid text).",
              instance,
              null);
    };
  }
}
