package org.plenary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.config.PlenaryConfig.OnTamper;
import org.plenary.dataset.EarlyLoad;
import org.plenary.dataset.SeedLoader;
import org.plenary.db.EmbeddedDatabase;
import org.plenary.db.PackagedBinaries;
import org.plenary.release.ContentChecksum;
import org.plenary.seed.SeedFiles;
import org.plenary.seed.SeedReader;

/**
 * The package's cluster with the dataset ({@link PackagedDataset}): made at build time with the
 * packaged files loaded and their content checksums recorded, holding nothing a deployment makes
 * for itself; a first start on the packaged files copies it and finds the dataset loaded, its
 * content verified, as a restart does; any other first start copies the cluster without rows.
 */
class PackagedDatasetTest {
  @TempDir Path dir;

  @Test
  void aFirstStartOnThePackagedFilesCopiesTheClusterWithTheDatasetAndLoadsNothing()
      throws Exception {
    Path app = dir.resolve("quarkus-app");
    Path binaries = app.resolve("postgres-binaries");
    PackagedBinaries.main(
        new String[] {binaries.toString(), app.resolve("postgres-template").toString()});
    PackagedDataset.main(
        new String[] {binaries.toString(), app.resolve(PackagedBinaries.DATASET).toString()});
    Path cluster;
    try (var ids = Files.list(app.resolve(PackagedBinaries.DATASET))) {
      cluster = ids.findFirst().orElseThrow();
    }
    assertFalse(Files.exists(cluster.resolve("postmaster.pid")), "stopped");
    assertFalse(Files.exists(cluster.resolve("postmaster.opts")), "no build's command line");
    assertEquals("rw-r--r--", perms(cluster.resolve("PG_VERSION")));
    try (var wal = Files.list(cluster.resolve("pg_wal"))) {
      assertTrue(
          wal.filter(Files::isRegularFile).count() <= 2, "the load's WAL is not in the package");
    }
    assertEquals(
        "",
        Files.readString(cluster.resolve("postgresql.auto.conf")).replaceAll("(?m)^#.*\\n", ""),
        "no setting of the build's is left in it");

    String classPath = System.getProperty("java.class.path");
    try {
      System.setProperty("java.class.path", app.resolve("quarkus-run.jar").toString());
      EmbeddedDatabase db = EmbeddedDatabase.begin(dir.resolve("data"), true);
      try {
        db.awaitStarted();
        assertTrue(db.datasetFromPackage());
        assertTrue(db.schemaFromPackage());
        Path pgData = dir.resolve("data").toAbsolutePath().normalize().resolve("postgres");
        assertEquals("rwx------", perms(pgData));
        assertEquals("rw-------", perms(pgData.resolve("PG_VERSION")));
        javax.sql.DataSource ds = dataSource(db);
        String loadedAt;
        try (Connection c = ds.getConnection()) {
          loadedAt = one(c, "select loaded_at::text from dataset_state");
          // the content the build recorded is the content the copy holds
          assertEquals(Optional.of(List.of()), ContentChecksum.verify(c));
          assertEquals(
              "sc-vetoes,voeten", one(c, "select string_agg(name, ',' order by name) from layer"));
          assertTrue(
              Long.parseLong(one(c, "select count(*) from roll_call")) > 800_000,
              "Voeten's country votes");
          // nothing a deployment makes for itself
          for (String table :
              List.of("deployment_secret", "api_token", "change_set", "review", "release_file")) {
            assertEquals("0", one(c, "select count(*) from " + table), table);
          }
          // vacuumed: the country votes' pages are marked all-visible (index-only scans need no
          // heap), all but the few a vacuum leaves
          long pages =
              Long.parseLong(
                  one(c, "select relpages from pg_class where oid = 'roll_call'::regclass"));
          long visible =
              Long.parseLong(
                  one(c, "select relallvisible from pg_class where oid = 'roll_call'::regclass"));
          assertTrue(pages > 0 && visible * 100 >= pages * 99, visible + " of " + pages);
        }
        // the launcher's start on the packaged files finds them loaded: nothing is written
        String checksum =
            EarlyLoad.migrateAndLoad(
                ds,
                new SeedLoader.StartSettings(Optional.empty(), Optional.empty(), OnTamper.REFUSE),
                db::schemaFromPackage);
        assertEquals(SeedReader.checksum(SeedFiles.packaged()), checksum);
        try (Connection c = ds.getConnection()) {
          assertEquals(loadedAt, one(c, "select loaded_at::text from dataset_state"));
        }
      } finally {
        db.stop();
      }

      // any other first start (a seed directory of its own, a framework's load): no rows
      assertTheClusterWithoutRows(EmbeddedDatabase.begin(dir.resolve("other"), false));

      // a package without the cluster with the dataset: the one without rows
      try (var paths = Files.walk(app.resolve(PackagedBinaries.DATASET))) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
      assertTheClusterWithoutRows(EmbeddedDatabase.begin(dir.resolve("third"), true));
    } finally {
      System.setProperty("java.class.path", classPath);
    }
  }

  @Test
  void onlyTheLaunchersLoadOfThePackagedFilesAsksForTheDataset() {
    assertFalse(Launch.packagedFiles(Optional.empty()), "the framework loads: no launcher's load");
    assertTrue(
        Launch.packagedFiles(
            Optional.of(
                new SeedLoader.StartSettings(
                    Optional.empty(), Optional.empty(), OnTamper.RESTORE))));
    assertFalse(
        Launch.packagedFiles(
            Optional.of(
                new SeedLoader.StartSettings(
                    Optional.of("my-seed"), Optional.empty(), OnTamper.RESTORE))));
    assertFalse(
        Launch.packagedFiles(
            Optional.of(
                new SeedLoader.StartSettings(
                    Optional.empty(), Optional.of("my-layers"), OnTamper.RESTORE))));
  }

  /** {@code db} was copied from the package's cluster without rows; stops it. */
  private static void assertTheClusterWithoutRows(EmbeddedDatabase db) throws Exception {
    db.awaitStarted();
    try (Connection c = dataSource(db).getConnection()) {
      assertTrue(db.schemaFromPackage());
      assertFalse(db.datasetFromPackage());
      assertEquals("0", one(c, "select count(*) from vote"));
    } finally {
      db.stop();
    }
  }

  /** The launcher's connections to {@code db} ({@link EarlyLoad#dataSource}). */
  private static javax.sql.DataSource dataSource(EmbeddedDatabase db) {
    return EarlyLoad.dataSource(db.jdbcUrlAwaitingStart(), db.username(), db.password());
  }

  private static String perms(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  private static String one(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
