package org.plenary.release;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes releases; the only writer of the dataset state. In the writer's transaction, under the
 * publishing lock, it writes the release record (unless the seed files bring it), moves {@code
 * dataset_state} to the release, records the content checksums the start-up check verifies ({@link
 * ContentChecksum}), and sends {@code NOTIFY plenary_release}, which is delivered at the commit:
 * the writer's commit makes all of it visible at once, and a rollback leaves nothing.
 */
public final class Publisher {
  /** The advisory lock that serializes loads, curation writes, publications and imports. */
  public static final long LOCK_ID = 0x706c656e617279L; // "plenary"

  /** The channel a publication is announced on; {@code dataset/ReleaseListener} listens. */
  public static final String CHANNEL = "plenary_release";

  private Publisher() {}

  /**
   * Takes the publishing lock for the rest of the transaction {@code c}: whoever writes the dataset
   * takes it before reading what it builds on, so loads, imports and publications never interleave.
   */
  public static void lock(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
      ps.setLong(1, LOCK_ID);
      ps.execute();
    }
  }

  /**
   * Waits until nobody holds the publishing lock (a publication in progress, or the checksums a
   * first start records after ready), in a transaction of its own: what is read after it is what
   * that writer committed.
   */
  public static void awaitWriters(Connection c) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      lock(c);
    } finally {
      c.commit(); // the lock is given up at once
      c.setAutoCommit(auto);
    }
  }

  /** Publishes the draft in the transaction {@code c}; returns the release's version. */
  public static String publish(Connection c, ReleaseDraft draft) throws SQLException {
    lock(c); // held already by a writer that read before drafting; taken again it is the same lock
    String version;
    if (draft instanceof ReleaseDraft.OfSeedFiles seed) {
      version = seed.version();
      setState(c, version, seed.filesChecksum());
      Optional<Map<String, String>> before = ContentChecksum.recorded(c);
      if (before.isEmpty() && seed.checksumsLater()) {
        ContentChecksum.forget(c); // recorded after ready; none until then
        return notify(c, version);
      }
      Map<String, String> after = ContentChecksum.record(c);
      if (seed.restoring() && before.isPresent()) {
        List<String> still = ContentChecksum.differing(before.get(), after);
        if (!still.isEmpty()) {
          throw new TamperedException(
              "Refusing to start: reloading the release from its files did not give the"
                  + " content recorded for it in table(s) "
                  + String.join(", ", still)
                  + "; restore the database from a backup");
        }
      }
    } else if (draft instanceof ReleaseDraft.Curated curated) {
      version = curated.version();
      insertRecord(c, curated);
      String checksum = curated.archive().files(c, version, curated.date());
      try (PreparedStatement ps =
          c.prepareStatement("update release set checksum = ? where version = ?")) {
        ps.setString(1, checksum);
        ps.setString(2, version);
        ps.executeUpdate();
      }
      setState(c, version, checksum);
      ContentChecksum.record(c);
    } else {
      version = publishImport(c, (ReleaseDraft.Imported) draft);
      ContentChecksum.record(c);
    }
    return notify(c, version);
  }

  private static String notify(Connection c, String version) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select pg_notify('" + CHANNEL + "', ?)")) {
      ps.setString(1, version);
      ps.execute();
    }
    return version;
  }

  /**
   * Records the files kept for a release published without them (the bootstrap release from the
   * seed files): the dataset checksum of those files, and when it was published if nobody said. The
   * release table's content checksum and fingerprint are recorded again with its row, so that the
   * next start's check does not find that table moved (and scan every table again).
   */
  public static void filesArchived(Connection c, String version, String checksum)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update release set checksum = ?, published_at = coalesce(published_at, ?)"
                + " where version = ?")) {
      ps.setString(1, checksum);
      ps.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
      ps.setString(3, version);
      ps.executeUpdate();
    }
    ContentChecksum.recordAgain(c, "release");
  }

  private static void setState(Connection c, String version, String checksum) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into dataset_state (id, version, checksum) values (true, ?, ?)"
                + " on conflict (id) do update set version = excluded.version,"
                + " checksum = excluded.checksum, loaded_at = now()")) {
      ps.setString(1, version);
      ps.setString(2, checksum);
      ps.executeUpdate();
    }
  }

  private static void insertRecord(Connection c, ReleaseDraft.Curated r) throws SQLException {
    // a row's created_at and updated_at are its release's day, as for every row a release writes
    OffsetDateTime at = r.date().atStartOfDay().atOffset(ZoneOffset.UTC);
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into release (version, date, changes, data_sha256, origin, notes,"
                + " published_at, published_by, created_at, updated_at)"
                + " values (?, ?, ?, ?, 'curation', ?, ?, ?, ?, ?)")) {
      ps.setString(1, r.version());
      ps.setObject(2, r.date());
      ps.setString(3, r.changes());
      ps.setString(4, r.dataSha256());
      ps.setString(5, r.notes());
      ps.setObject(6, r.publishedAt());
      ps.setString(7, r.publishedBy());
      ps.setObject(8, at);
      ps.setObject(9, at);
      ps.executeUpdate();
    }
  }

  /**
   * An import's release: a new version ({@code 1.0.0+undl.1}, then {@code +undl.2}, ... on top of
   * the loaded version's base), a release record whose changelog names the file and its SHA-256,
   * and the dataset state moved to it (its import checksum changes, so every cache key and ETag
   * follows).
   */
  private static String publishImport(Connection c, ReleaseDraft.Imported d) throws SQLException {
    String current;
    String importChecksum;
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("select version, import_checksum from dataset_state for update")) {
      if (!rs.next()) {
        throw new IllegalStateException("no dataset is loaded");
      }
      current = rs.getString(1);
      importChecksum = rs.getString(2);
    }
    String base = current.contains("+") ? current.substring(0, current.indexOf('+')) : current;
    int n = 1;
    try (PreparedStatement ps =
        c.prepareStatement(
            "select count(*) from release where origin = ? and version like ? escape '\\'")) {
      ps.setString(1, d.origin());
      ps.setString(2, base.replace("_", "\\_").replace("%", "\\%") + "+" + d.origin() + ".%");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        n += rs.getInt(1);
      }
    }
    String version = base + "+" + d.origin() + "." + n;
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into release (version, date, changes, data_sha256, origin) values (?, ?, ?, ?,"
                + " ?)")) {
      ps.setString(1, version);
      ps.setObject(2, d.date());
      ps.setString(
          3,
          "Imported "
              + d.fileName()
              + " (SHA-256 "
              + d.fileSha256()
              + ") from "
              + d.from()
              + ": "
              + d.changes());
      ps.setString(4, d.fileSha256());
      ps.setString(5, d.origin());
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "update dataset_state set version = ?, import_checksum = ?, loaded_at = now()")) {
      ps.setString(1, version);
      ps.setString(
          2,
          sha256(
              (importChecksum == null ? "" : importChecksum)
                  + ":"
                  + d.fileSha256()
                  + ":"
                  + version));
      ps.executeUpdate();
    }
    return version;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
