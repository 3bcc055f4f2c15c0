package org.plenary.curation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.plenary.WritingTestProfile;
import org.plenary.dataset.DatasetState;
import org.plenary.release.ContentChecksum;
import org.plenary.release.Publisher;
import org.plenary.release.ReleaseDraft;

/**
 * The loaded release's files are kept after start-up, in the background: start-up does not wait for
 * them, and a request for them that arrives before they are kept waits and gets them, byte for byte
 * (never a 404, a 500 or a list without them). On the writing tests' database, whose loaded release
 * has its files kept: they are removed, then kept again while the test holds them up.
 */
@QuarkusTest
@TestProfile(WritingTestProfile.class)
class ReleaseArchiveTest {
  @Inject AgroalDataSource dataSource;
  @Inject DatasetState state;
  @Inject CuratedReleaseService releases;

  @Test
  void aRequestBeforeTheFilesAreKeptWaitsForThemAndGetsTheSameBytes() throws Exception {
    String version = state.version();
    releases.awaitArchive(); // this profile's start may still be keeping them
    if (kept(version).isEmpty()) {
      // an import's release (another test's) is kept by the next start: as here
      releases.archiveLoaded(null);
      releases.awaitArchive();
    }
    Map<String, String> before = kept(version);
    assertFalse(before.isEmpty(), "the loaded release's files are kept");
    String checksum = checksum(version);
    byte[] served =
        given().get("/v1/dumps/positions.csv").then().statusCode(200).extract().asByteArray();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("delete from release_file where version = ?")) {
      ps.setString(1, version);
      ps.executeUpdate();
    }
    CompletableFuture<Response> file;
    CompletableFuture<Response> listed;
    try (Connection holder = dataSource.getConnection();
        Statement s = holder.createStatement()) {
      holder.setAutoCommit(false);
      // reads of release_file go on; the rows being kept wait for this transaction
      s.execute("lock table release_file in share mode");
      releases.archiveLoaded(null); // returns at once: the files are kept in the background
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> waitingForTheLock(holder), waiting -> waiting);
      assertEquals(Map.of(), kept(version), "not kept yet: start-up did not wait for them");
      file =
          CompletableFuture.supplyAsync(
              () -> given().get("/v1/releases/" + version + "/dumps/positions.csv"));
      listed = CompletableFuture.supplyAsync(() -> given().get("/v1/releases/" + version));
      // both requests reached the service and wait there for the files (this JVM runs it)
      await()
          .atMost(Duration.ofSeconds(30))
          .until(ReleaseArchiveTest::waitingRequests, n -> n == 2);
      assertFalse(file.isDone() || listed.isDone(), "the requests wait for the files");
      holder.commit();
    }
    Response f = file.get();
    assertEquals(200, f.statusCode(), f.asString());
    assertArrayEquals(served, f.asByteArray(), "the very bytes /v1/dumps serves");
    assertEquals("\"" + sha256(served) + "\"", f.header("ETag"));
    Response l = listed.get();
    assertEquals(200, l.statusCode(), l.asString());
    List<String> names = l.path("data.files.name");
    assertEquals(before.keySet(), new java.util.TreeSet<>(names), "listed with every file");
    assertEquals(before, kept(version), "the same files as kept before, by SHA-256");
    assertEquals(checksum, checksum(version), "the same release checksum");
    // the release's row changed as its files were kept, and the fingerprints were recorded again
    // with them: the next start's check finds every table as recorded, and scans nothing again
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select content_checksums::jsonb -> 'fingerprints' ->> 'release', (select count(*)"
                    + " || ':' || coalesce(sum(xmin::text::bigint), 0) from release)"
                    + " from dataset_state")) {
      rs.next();
      assertEquals(rs.getString(2), rs.getString(1), "the release table's fingerprint");
    }
  }

  /**
   * A first start's load leaves the content checksums for after ready: none is recorded by the load
   * (a crash before they are leaves none, and the next start loads the files again), then the
   * thread that keeps the release's files records them, the checksums of the content as loaded.
   */
  @Test
  void checksumsLeftByAFirstStartAreRecordedAfterReady() throws Exception {
    releases.awaitArchive();
    String version;
    String files; // the state as it is: the publications below write it again unchanged
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select version, checksum from dataset_state")) {
      rs.next();
      version = rs.getString(1);
      files = rs.getString(2);
    }
    String recorded = recordedChecksums();
    long vacuums = vacuums();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      ContentChecksum.forget(c);
      // a load that records them at once when some are recorded already (not a first start)
      c.createStatement().execute("savepoint s");
      Publisher.publish(c, new ReleaseDraft.OfSeedFiles(version, files, false, false));
      assertEquals(recorded, recordedChecksums(c), "recorded in the load's transaction");
      c.createStatement().execute("rollback to savepoint s");
      Publisher.publish(c, new ReleaseDraft.OfSeedFiles(version, files, false, true));
      assertEquals(null, recordedChecksums(c), "left for after ready");
      c.commit();
    }
    releases.archiveLoaded(null);
    releases.awaitArchive();
    assertEquals(recorded, recordedChecksums(), "the same checksums, recorded by the archive");
    try (Connection c = dataSource.getConnection()) {
      assertEquals(List.of(), ContentChecksum.verify(c).orElseThrow());
    }
    // then, as after a first start's load, the loaded tables are vacuumed (V26's index-only
    // scans of roll_call need its pages marked all-visible)
    await().atMost(Duration.ofSeconds(30)).until(() -> vacuums() > vacuums);
  }

  /** How many times roll_call was vacuumed by a VACUUM command (autovacuum's are counted apart). */
  private long vacuums() throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("select pg_stat_clear_snapshot()");
      try (ResultSet rs =
          s.executeQuery(
              "select vacuum_count from pg_stat_user_tables where relname = 'roll_call'")) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Keeping the release's files records the release table again and takes no other table's content
   * as recorded: a row changed elsewhere, outside curation, is still found by the next check.
   */
  @Test
  void recordingTheReleaseAgainTakesNoOtherTablesContent() throws Exception {
    releases.awaitArchive();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.executeUpdate(
            "update source set note = coalesce(note, '') || ' (changed outside curation)'"
                + " where id = (select min(id) from source)");
        String version;
        String checksum;
        try (ResultSet rs =
            s.executeQuery(
                "select r.version, r.checksum from release r join dataset_state d"
                    + " on d.version = r.version")) {
          rs.next();
          version = rs.getString(1);
          checksum = rs.getString(2);
        }
        // the release's row written again as its files are kept
        Publisher.filesArchived(c, version, checksum);
        assertEquals(List.of("source"), ContentChecksum.verify(c).orElseThrow());
      } finally {
        c.rollback();
      }
    }
  }

  private String recordedChecksums() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      return recordedChecksums(c);
    }
  }

  private static String recordedChecksums(Connection c) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select content_checksums -> 'tables' from dataset_state")) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** Whether a session waits for a lock on release_file that {@code holder} holds. */
  private static boolean waitingForTheLock(Connection holder) throws Exception {
    try (Statement s = holder.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select count(*) from pg_locks where relation = 'release_file'::regclass"
                    + " and not granted")) {
      rs.next();
      return rs.getInt(1) > 0;
    }
  }

  /** How many threads wait in {@link CuratedReleaseService#awaitArchive}. */
  private static long waitingRequests() {
    return Thread.getAllStackTraces().values().stream()
        .filter(
            stack ->
                java.util.Arrays.stream(stack)
                    .anyMatch(
                        f ->
                            f.getClassName().equals(CuratedReleaseService.class.getName())
                                && f.getMethodName().equals("awaitArchive")))
        .count();
  }

  /** The kept files of {@code version}: name to SHA-256. */
  private Map<String, String> kept(String version) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select name, sha256 from release_file where version = ?")) {
      ps.setString(1, version);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return out;
  }

  private String checksum(String version) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select checksum from release where version = ?")) {
      ps.setString(1, version);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
