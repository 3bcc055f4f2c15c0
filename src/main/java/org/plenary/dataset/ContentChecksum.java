package org.plenary.dataset;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.plenary.seed.Schema;
import org.plenary.seed.TableSpec;

/**
 * The checksum of the dataset's content in the database, one per table: the SHA-256 of the MD5s of
 * its rows (the columns a release defines, rendered as PostgreSQL row text in UTC and ISO dates) in
 * primary-key order, computed in SQL. The loader records it whenever it loads a release and
 * verifies it at every start; whatever else changes the dataset on purpose (publishing a curated
 * release) must call {@link #record} in the same transaction, or the next start treats the change
 * as tampering.
 *
 * <p>The loader-kept {@code created_at}/{@code updated_at} are not part of it: a restore from the
 * release's files can rebuild every column a release defines, not the times rows were last changed.
 */
public final class ContentChecksum {
  /** Names how the checksums are computed; recorded with them. */
  static final String ALGORITHM = "md5-row-text-by-key-1";

  private ContentChecksum() {}

  /**
   * Records the current content of a database as intended, after a deliberate direct change (the
   * benchmarks add synthetic rows this way): {@code java -cp 'target/quarkus-app/app/*:target/
   * quarkus-app/lib/main/*' org.plenary.dataset.ContentChecksum JDBC_URL USER}, the password in
   * {@code PGPASSWORD}. Prints the tables whose recorded checksum changed.
   */
  public static void main(String... args) throws SQLException {
    if (args.length != 2) {
      System.err.println("usage: ContentChecksum JDBC_URL USER (password in PGPASSWORD)");
      System.exit(2);
    }
    try (Connection c =
        java.sql.DriverManager.getConnection(args[0], args[1], System.getenv("PGPASSWORD"))) {
      c.setAutoCommit(false);
      Map<String, String> before = recorded(c).orElse(Map.of());
      Map<String, String> after = record(c);
      c.commit();
      System.out.println("content checksum recorded; changed: " + differing(before, after));
    }
  }

  /** The checksums of the current content, by table, in {@link Schema#TABLES} order. */
  public static Map<String, String> compute(Connection c) throws SQLException {
    return inUtc(
        c,
        () -> {
          Map<String, String> out = new LinkedHashMap<>();
          try (Statement s = c.createStatement()) {
            for (TableSpec spec : Schema.TABLES) {
              var rs = s.executeQuery(sql(spec));
              rs.next();
              out.put(spec.table(), rs.getString(1));
            }
          }
          return out;
        });
  }

  /** Records the checksums of the current content as the loaded release's; returns them. */
  public static Map<String, String> record(Connection c) throws SQLException {
    Map<String, String> sums = compute(c);
    String json =
        sums.entrySet().stream()
            .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
            .collect(
                Collectors.joining(",", "{\"algorithm\":\"" + ALGORITHM + "\",\"tables\":{", "}}"));
    try (PreparedStatement ps =
        c.prepareStatement("update dataset_state set content_checksums = ?::jsonb")) {
      ps.setString(1, json);
      ps.executeUpdate();
    }
    return sums;
  }

  /**
   * The recorded checksums, by table; empty when none were recorded yet, or with another algorithm
   * (a later version of this class), so that they are recorded again after a reload.
   */
  public static Optional<Map<String, String>> recorded(Connection c) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "select e.key, e.value from dataset_state d,"
                + " jsonb_each_text(d.content_checksums -> 'tables') e"
                + " where d.content_checksums ->> 'algorithm' = ?")) {
      s.setString(1, ALGORITHM);
      var rs = s.executeQuery();
      Map<String, String> out = new TreeMap<>();
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
      return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }
  }

  /**
   * The tables whose content differs from the recorded checksums (empty when it is intact), or
   * empty Optional when nothing was recorded yet.
   */
  public static Optional<List<String>> verify(Connection c) throws SQLException {
    Optional<Map<String, String>> recorded = recorded(c);
    if (recorded.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(differing(recorded.get(), compute(c)));
  }

  /** The tables whose checksums differ between two sets (a table missing from either differs). */
  public static List<String> differing(Map<String, String> expected, Map<String, String> actual) {
    List<String> out = new ArrayList<>();
    for (TableSpec spec : Schema.TABLES) {
      String want = expected.get(spec.table());
      if (want == null || !want.equals(actual.get(spec.table()))) {
        out.add(spec.table());
      }
    }
    return out;
  }

  private static String sql(TableSpec spec) {
    return "select md5(coalesce(string_agg(row("
        + String.join(", ", spec.databaseColumns())
        + ")::text, E'\\n' order by "
        + String.join(", ", spec.primaryKey())
        + "), '')) from "
        + spec.table();
  }

  private interface Work<T> {
    T run() throws SQLException;
  }

  /**
   * Runs in a transaction whose row text does not depend on the session's settings; the caller's
   * transaction (if any) gets its settings back afterwards.
   */
  private static <T> T inUtc(Connection c, Work<T> work) throws SQLException {
    boolean auto = c.getAutoCommit();
    if (auto) {
      c.setAutoCommit(false);
    }
    try (Statement s = c.createStatement()) {
      var before =
          s.executeQuery(
              "select current_setting('timezone'), current_setting('datestyle'),"
                  + " current_setting('extra_float_digits')");
      before.next();
      String[] saved = {before.getString(1), before.getString(2), before.getString(3)};
      settings(c, "UTC", "ISO, YMD", "1");
      T out = work.run();
      if (auto) {
        c.commit();
      } else {
        settings(c, saved[0], saved[1], saved[2]);
      }
      return out;
    } catch (SQLException | RuntimeException e) {
      if (auto) {
        c.rollback();
      }
      throw e;
    } finally {
      if (auto) {
        c.setAutoCommit(true);
      }
    }
  }

  private static void settings(Connection c, String timezone, String datestyle, String digits)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select set_config('timezone', ?, true), set_config('datestyle', ?, true),"
                + " set_config('extra_float_digits', ?, true)")) {
      ps.setString(1, timezone);
      ps.setString(2, datestyle);
      ps.setString(3, digits);
      ps.executeQuery();
    }
  }
}
