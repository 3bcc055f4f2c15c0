package org.plenary.release;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.plenary.seed.Schema;
import org.plenary.seed.TableSpec;

/**
 * The checksum of the dataset's content in the database, one per table: the MD5 of the MD5s of its
 * rows (the columns a release defines, rendered as PostgreSQL row text in UTC and ISO dates) in
 * primary-key order, computed in SQL. It covers every table the dumps hold ({@link Schema#DUMPED}:
 * the seed files' tables, the layers' and imports' own, and the two views over {@code vote}) and
 * the General Debate's {@code statement} and {@code statement_paragraph}. The {@link Publisher}
 * records it with every release; the start-up check verifies it.
 *
 * <p>Beside each checksum, a fingerprint of the table it reads: its row count and the sum of its
 * rows' {@code xmin} (the transaction that wrote each row version; an insert, update or delete
 * changes one or the other, and freezing keeps it). Verifying compares the fingerprints first, one
 * scan without sorting or hashing per table; only a table whose fingerprint moved has its rows
 * hashed, and it differs only if its checksum does (a restore with pg_dump rewrites every row's
 * xmin but not the content: verified, and its fingerprints recorded again). Recording reuses the
 * checksum of a table whose fingerprint has not moved, so a publication hashes what it changed.
 *
 * <p>The loader-kept {@code created_at}/{@code updated_at} are not part of it: a restore from the
 * release's files can rebuild every column a release defines, not the times rows were last changed.
 */
public final class ContentChecksum {
  /** Names how the checksums are computed; recorded with them. */
  static final String ALGORITHM = "md5-of-row-md5s-by-key-2";

  /** A checked relation: its name, the columns hashed, its key, and the table it reads. */
  record Checked(String name, List<String> columns, List<String> key, String table) {}

  /** Every relation checked, in the order differences are named. */
  static final List<Checked> CHECKED = checked();

  private static List<Checked> checked() {
    List<Checked> out = new ArrayList<>();
    for (TableSpec spec : Schema.DUMPED) {
      // undl_vote and vote_detail are views over vote: vote's fingerprint is theirs
      String table =
          spec == Schema.UNDL_VOTES || spec == Schema.VOTE_DETAILS ? "vote" : spec.table();
      out.add(new Checked(spec.table(), spec.databaseColumns(), spec.primaryKey(), table));
    }
    out.add(
        new Checked(
            "statement",
            List.of(
                "id",
                "code",
                "session",
                "year",
                "speaker",
                "post",
                "paragraphs",
                "characters",
                "text_sha256",
                "source_id",
                "locator"),
            List.of("id"),
            "statement"));
    out.add(
        new Checked(
            "statement_paragraph",
            List.of("statement_id", "n", "code", "session", "year", "text"),
            List.of("statement_id", "n"),
            "statement_paragraph"));
    return List.copyOf(out);
  }

  private ContentChecksum() {}

  /**
   * Records the current content of a database as intended, after a deliberate direct change (the
   * benchmarks add synthetic rows this way): {@code java -cp 'target/quarkus-app/app/*:target/
   * quarkus-app/lib/main/*' org.plenary.release.ContentChecksum JDBC_URL USER}, the password in
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
      Map<String, String> after = record(c, false);
      c.commit();
      System.out.println("content checksum recorded; changed: " + differing(before, after));
    }
  }

  /** The checksums of the current content, by relation, in {@link #CHECKED} order. */
  public static Map<String, String> compute(Connection c) throws SQLException {
    return compute(c, CHECKED);
  }

  private static Map<String, String> compute(Connection c, List<Checked> which)
      throws SQLException {
    return inUtc(
        c,
        () -> {
          Map<String, String> out = new LinkedHashMap<>();
          Set<String> textOnly = textOnly(c, which);
          try (Statement s = c.createStatement()) {
            for (Checked t : which) {
              Optional<String> streamed =
                  textOnly.contains(t.name()) ? RowTextDigest.of(c, t) : Optional.empty();
              if (streamed.isPresent()) {
                out.put(t.name(), streamed.get());
                continue;
              }
              try (ResultSet rs = s.executeQuery(sql(t))) {
                rs.next();
                out.put(t.name(), rs.getString(1));
              }
            }
          }
          return out;
        });
  }

  /**
   * The relations among {@code which} whose hashed columns are all of type text: their checksum can
   * be computed from their rows as they are ({@link RowTextDigest}), the row text needing no other
   * type's output.
   */
  static Set<String> textOnly(Connection c, List<Checked> which) throws SQLException {
    Set<String> out = new HashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select count(*) filter (where atttypid = 'text'::regtype) = cardinality(?::text[])"
                + " from pg_attribute where attrelid = ?::regclass and attname = any(?::text[])"
                + " and not attisdropped")) {
      for (Checked t : which) {
        java.sql.Array columns = c.createArrayOf("text", t.columns().toArray());
        ps.setArray(1, columns);
        ps.setString(2, t.name());
        ps.setArray(3, columns);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next() && rs.getBoolean(1)) {
            out.add(t.name());
          }
        }
      }
    }
    return out;
  }

  /**
   * The fingerprint of each table a checked relation reads: its row count and the sum of its rows'
   * xmin. One scan per table, no sort.
   */
  static Map<String, String> fingerprints(Connection c) throws SQLException {
    Map<String, String> out = new TreeMap<>();
    for (Checked t : CHECKED) {
      if (!out.containsKey(t.table())) {
        out.put(t.table(), fingerprint(c, t.table()));
      }
    }
    return out;
  }

  private static String fingerprint(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) from " + table)) {
      rs.next();
      return rs.getString(1);
    }
  }

  /**
   * Records again the checksums and the fingerprint of what reads {@code table} only, every other
   * table's as recorded, when checksums are recorded: for a row the caller changed there under the
   * publishing lock (a release's row, as its files are kept: {@link Publisher#filesArchived}), so
   * that the next start's check does not find that table moved. No other table's content is taken
   * as recorded by it.
   */
  static void recordAgain(Connection c, String table) throws SQLException {
    Optional<Recorded> before = read(c);
    if (before.isEmpty()) {
      return;
    }
    Map<String, String> prints = new TreeMap<>(before.get().prints());
    prints.put(table, fingerprint(c, table));
    Map<String, String> sums = new LinkedHashMap<>(before.get().sums());
    sums.putAll(compute(c, CHECKED.stream().filter(t -> t.table().equals(table)).toList()));
    write(c, sums, prints);
  }

  /**
   * Records the checksums of the current content as the published release's, in the publication's
   * transaction; returns them. A relation whose table's fingerprint is the recorded one keeps its
   * recorded checksum (its rows are those hashed then).
   */
  public static Map<String, String> record(Connection c) throws SQLException {
    return record(c, true);
  }

  private static Map<String, String> record(Connection c, boolean reuse) throws SQLException {
    Recorded before = reuse ? read(c).orElse(Recorded.NONE) : Recorded.NONE;
    Map<String, String> prints = fingerprints(c);
    List<Checked> stale = new ArrayList<>();
    for (Checked t : CHECKED) {
      if (!before.sums().containsKey(t.name())
          || !prints.get(t.table()).equals(before.prints().get(t.table()))) {
        stale.add(t);
      }
    }
    Map<String, String> fresh = compute(c, stale);
    Map<String, String> sums = new LinkedHashMap<>();
    for (Checked t : CHECKED) {
      sums.put(t.name(), fresh.getOrDefault(t.name(), before.sums().get(t.name())));
    }
    write(c, sums, prints);
    return sums;
  }

  /**
   * Records that no checksum is recorded (a load whose checksums are recorded later): a start that
   * finds none loads the release's files again rather than verify against checksums of other
   * content, such as those of an older algorithm.
   */
  public static void forget(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate("update dataset_state set content_checksums = null");
    }
  }

  private static void write(Connection c, Map<String, String> sums, Map<String, String> prints)
      throws SQLException {
    String json =
        "{\"algorithm\":\""
            + ALGORITHM
            + "\",\"tables\":"
            + object(sums)
            + ",\"fingerprints\":"
            + object(prints)
            + "}";
    try (PreparedStatement ps =
        c.prepareStatement("update dataset_state set content_checksums = ?::jsonb")) {
      ps.setString(1, json);
      ps.executeUpdate();
    }
  }

  private static String object(Map<String, String> map) {
    return map.entrySet().stream()
        .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
        .collect(Collectors.joining(",", "{", "}"));
  }

  /** What was recorded: the checksums by relation and the fingerprints by table. */
  private record Recorded(Map<String, String> sums, Map<String, String> prints) {
    static final Recorded NONE = new Recorded(Map.of(), Map.of());
  }

  private static Optional<Recorded> read(Connection c) throws SQLException {
    Map<String, String> sums = entries(c, ALGORITHM, "tables");
    return sums.isEmpty()
        ? Optional.empty()
        : Optional.of(new Recorded(sums, entries(c, ALGORITHM, "fingerprints")));
  }

  /**
   * A member of the recorded JSON ({@code tables}, {@code fingerprints}) if of {@code algorithm}.
   */
  private static Map<String, String> entries(Connection c, String algorithm, String member)
      throws SQLException {
    Map<String, String> out = new TreeMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "select e.key, e.value from dataset_state d,"
                + " jsonb_each_text(d.content_checksums -> ?) e"
                + " where d.content_checksums ->> 'algorithm' = ?")) {
      s.setString(1, member);
      s.setString(2, algorithm);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return out;
  }

  /**
   * The recorded checksums, by relation; empty when none were recorded yet, or with another
   * algorithm (an earlier version of this class), so that they are recorded again after a reload.
   */
  public static Optional<Map<String, String>> recorded(Connection c) throws SQLException {
    return read(c).map(Recorded::sums);
  }

  /**
   * The relations whose content differs from the recorded checksums (empty when it is intact), or
   * empty Optional when nothing was recorded yet. Only the relations whose table's fingerprint
   * moved are hashed; when none of those differs, the fingerprints are recorded again (under the
   * publishing lock, in a transaction of their own).
   */
  public static Optional<List<String>> verify(Connection c) throws SQLException {
    Optional<Recorded> recorded = read(c);
    if (recorded.isEmpty()) {
      return verifyLegacy(c);
    }
    Map<String, String> prints = fingerprints(c);
    List<Checked> moved =
        CHECKED.stream()
            .filter(t -> !prints.get(t.table()).equals(recorded.get().prints().get(t.table())))
            .toList();
    if (moved.isEmpty()) {
      return Optional.of(List.of());
    }
    Map<String, String> now = compute(c, moved);
    List<String> out = new ArrayList<>();
    for (Checked t : moved) {
      if (!now.get(t.name()).equals(recorded.get().sums().get(t.name()))) {
        out.add(t.name());
      }
    }
    if (out.isEmpty()) {
      locked(
          c,
          () -> {
            if (read(c).equals(recorded)) {
              write(c, recorded.get().sums(), fingerprints(c));
            }
          });
    }
    return Optional.of(out);
  }

  /** The algorithm of the checksums recorded before the fingerprints: the seed files' tables. */
  private static final String LEGACY = "md5-row-text-by-key-1";

  /**
   * Checksums recorded by an earlier version ({@link #LEGACY}: the MD5 of the seed files' tables'
   * row text): verified as they were computed; when they match, the content is recorded under this
   * version's algorithm, the relations they did not cover included, as they are now.
   */
  private static Optional<List<String>> verifyLegacy(Connection c) throws SQLException {
    Map<String, String> legacy = entries(c, LEGACY, "tables");
    if (legacy.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> now =
        inUtc(
            c,
            () -> {
              Map<String, String> out = new LinkedHashMap<>();
              try (Statement s = c.createStatement()) {
                for (TableSpec spec : Schema.TABLES) {
                  try (ResultSet rs =
                      s.executeQuery(
                          "select md5(coalesce(string_agg(row("
                              + String.join(", ", spec.databaseColumns())
                              + ")::text, E'\\n' order by "
                              + String.join(", ", spec.primaryKey())
                              + "), '')) from "
                              + spec.table())) {
                    rs.next();
                    out.put(spec.table(), rs.getString(1));
                  }
                }
              }
              return out;
            });
    List<String> out = new ArrayList<>();
    for (TableSpec spec : Schema.TABLES) {
      if (!now.get(spec.table()).equals(legacy.get(spec.table()))) {
        out.add(spec.table());
      }
    }
    if (out.isEmpty()) {
      locked(c, () -> record(c, false));
    }
    return Optional.of(out);
  }

  private interface Step {
    void run() throws SQLException;
  }

  /** Runs a step in a transaction of its own, under the publishing lock. */
  private static void locked(Connection c, Step step) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      Publisher.lock(c);
      step.run();
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
  }

  /**
   * The relations whose checksums differ between two sets (a relation missing from either differs),
   * in {@link #CHECKED} order.
   */
  public static List<String> differing(Map<String, String> expected, Map<String, String> actual) {
    List<String> out = new ArrayList<>();
    for (Checked t : CHECKED) {
      String want = expected.get(t.name());
      if (want == null || !want.equals(actual.get(t.name()))) {
        out.add(t.name());
      }
    }
    return out;
  }

  static String sql(Checked t) {
    return "select md5(coalesce(string_agg(md5(row("
        + String.join(", ", t.columns())
        + ")::text), '' order by "
        + String.join(", ", t.key())
        + "), '')) from "
        + t.name();
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
