package org.plenary.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.config.PlenaryConfig.OnTamper;
import org.plenary.db.EmbeddedDatabase;
import org.plenary.db.PackagedBinaries;
import org.plenary.seed.SeedFiles;
import org.plenary.seed.SeedReader;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The launcher's migration and load ({@link EarlyLoad}): begun on a new server before any framework
 * exists, taken over by the application's loader when their settings agree, loaded again with the
 * application's when they do not; and begun only when the environment and the system properties are
 * all the configuration there is.
 */
class EarlyLoadTest {
  private static final String FIXTURES = "src/test/resources/fixtures";

  @TempDir Path dir;

  /** The Flyway settings the launcher's migration agrees with. */
  private static final Map<String, String> FLYWAY_AS_THE_LAUNCHER_MIGRATES =
      Map.of(
          "quarkus.flyway.migrate-at-start", "true", "quarkus.flyway.baseline-on-migrate", "false");

  @Test
  void aNewDatabaseIsMigratedAndLoadedAndTheApplicationTakesTheLoadOver() throws Exception {
    EmbeddedDatabase db = EmbeddedDatabase.begin(dir.resolve("data"));
    try {
      PGSimpleDataSource ds = dataSource(db);
      SeedLoader.StartSettings settings =
          new SeedLoader.StartSettings(Optional.of(FIXTURES), Optional.empty(), OnTamper.RESTORE);
      EarlyLoad early =
          EarlyLoad.begin(
              db.jdbcUrlAwaitingStart(), db.username(), db.password(), settings, () -> false);
      String checksum = early.done().get(120, TimeUnit.SECONDS);
      assertEquals(SeedReader.checksum(SeedFiles.directory(Path.of(FIXTURES))), checksum);
      try (Connection c = ds.getConnection()) {
        assertEquals("28", one(c, "select max(version::int) from flyway_schema_history"));
        assertEquals(checksum, one(c, "select checksum from dataset_state"));
        assertNotEquals("0", one(c, "select count(*) from vote"));
      }
      String loadedAt = loadedAt(ds);
      // the launcher's connections keep their URL as written (Flyway logs it, redacted)
      try (Connection c =
          EarlyLoad.dataSource(db.jdbcUrlAwaitingStart(), db.username(), db.password())
              .getConnection()) {
        assertEquals(db.jdbcUrlAwaitingStart(), c.getMetaData().getURL());
      }

      // the application's loader, with the same settings: it takes the load over, loads nothing
      assertSame(early, EarlyLoad.take().orElseThrow());
      assertTrue(EarlyLoad.take().isEmpty(), "taken once");
      SeedLoader app = SeedLoader.detached(ds);
      app.startLoad(settings, Optional.of(early)).get(60, TimeUnit.SECONDS);
      assertEquals(loadedAt, loadedAt(ds), "not loaded again");
    } finally {
      db.stop();
    }
  }

  @Test
  void onAClusterCopiedFromThePackageTheLauncherLoadsWithoutMigrating() throws Exception {
    Path app = dir.resolve("quarkus-app");
    PackagedBinaries.main(
        new String[] {
          app.resolve("postgres-binaries").toString(), app.resolve("postgres-template").toString()
        });
    java.time.OffsetDateTime packaged = java.time.OffsetDateTime.now();
    String classPath = System.getProperty("java.class.path");
    System.setProperty("java.class.path", app.resolve("quarkus-run.jar").toString());
    EmbeddedDatabase db = EmbeddedDatabase.begin(dir.resolve("data"));
    try {
      db.awaitStarted();
    } finally {
      System.setProperty("java.class.path", classPath);
    }
    try {
      assertTrue(db.schemaFromPackage(), "the package's cluster was copied");
      EarlyLoad early = beginOnFixtures(db, db::schemaFromPackage);
      String checksum = early.done().get(120, TimeUnit.SECONDS);
      try (Connection c = dataSource(db).getConnection()) {
        assertEquals(checksum, one(c, "select checksum from dataset_state"));
        assertNotEquals("0", one(c, "select count(*) from vote"));
        // every migration was applied when the package was made, none since
        try (var ps =
            c.prepareStatement(
                "select count(*) from flyway_schema_history where installed_on > ?")) {
          ps.setObject(1, packaged);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertEquals(0, rs.getInt(1));
          }
        }
      }
    } finally {
      EarlyLoad.take();
      db.stop();
    }
  }

  @Test
  void aSchemaSaidToBeCurrentIsNotMigrated() throws Exception {
    EmbeddedDatabase db = EmbeddedDatabase.begin(dir.resolve("data"));
    try {
      db.awaitStarted();
      assertFalse(db.schemaFromPackage(), "initdb made this one");
      EarlyLoad early = beginOnFixtures(db, () -> true);
      var failed =
          assertThrows(
              java.util.concurrent.ExecutionException.class,
              () -> early.done().get(120, TimeUnit.SECONDS));
      assertTrue(
          String.valueOf(failed.getCause().getMessage()).contains("does not exist"),
          String.valueOf(failed.getCause()));
      try (Connection c = dataSource(db).getConnection()) {
        assertEquals("0", one(c, "select count(*) from pg_tables where schemaname = 'public'"));
      }
    } finally {
      EarlyLoad.take();
      db.stop();
    }
  }

  @Test
  void settingsThatDifferAreLoadedAgainWithTheApplicationsAndAFailureIsTheStartsFailure()
      throws Exception {
    EmbeddedDatabase db = EmbeddedDatabase.begin(dir.resolve("data"));
    try {
      PGSimpleDataSource ds = dataSource(db);
      // the launcher loaded the fixtures; the application is configured with the packaged dataset
      EarlyLoad early =
          EarlyLoad.begin(
              ds,
              new SeedLoader.StartSettings(
                  Optional.of(FIXTURES), Optional.empty(), OnTamper.RESTORE));
      EarlyLoad.take();
      SeedLoader.StartSettings mine =
          new SeedLoader.StartSettings(Optional.empty(), Optional.empty(), OnTamper.RESTORE);
      SeedLoader.detached(ds).startLoad(mine, Optional.of(early)).get(120, TimeUnit.SECONDS);
      try (Connection c = ds.getConnection()) {
        assertEquals(
            SeedReader.checksum(SeedFiles.packaged()),
            one(c, "select checksum from dataset_state"),
            "the application's files are the ones loaded");
      }

      // a launcher's load that failed fails the application's start with its reason
      EarlyLoad failed =
          EarlyLoad.begin(
              ds,
              new SeedLoader.StartSettings(
                  Optional.of(dir.resolve("no-such-dir").toString()),
                  Optional.empty(),
                  OnTamper.RESTORE));
      EarlyLoad.take();
      CompletionException e =
          assertThrows(
              CompletionException.class,
              () ->
                  SeedLoader.detached(ds)
                      .startLoad(
                          new SeedLoader.StartSettings(
                              Optional.of(dir.resolve("no-such-dir").toString()),
                              Optional.empty(),
                              OnTamper.RESTORE),
                          Optional.of(failed))
                      .join());
      assertTrue(e.getCause().getMessage().contains("no-such-dir"), e.getCause().getMessage());
    } finally {
      db.stop();
    }
  }

  /**
   * The launcher migrates with Flyway's defaults and loads with the environment's settings: the
   * packaged configuration must set nothing else for them outside the test profile (a Flyway
   * setting there would make the launcher's migration differ from the framework's).
   */
  @Test
  void thePackagedConfigurationSetsNothingTheLauncherWouldMiss() throws Exception {
    Properties packaged = new Properties();
    try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
      packaged.load(in);
    }
    for (String key : packaged.stringPropertyNames()) {
      if (key.startsWith("%test.") || key.startsWith("%dev.")) {
        continue;
      }
      String bare = key.startsWith("%prod.") ? key.substring("%prod.".length()) : key;
      if (bare.startsWith("quarkus.flyway.")) {
        assertEquals(
            FLYWAY_AS_THE_LAUNCHER_MIGRATES.get(bare),
            packaged.getProperty(key).trim(),
            key + ": the launcher migrates with Flyway's defaults");
      }
      assertFalse(
          java.util.List.of("plenary.seed-dir", "plenary.layers-dir", "plenary.on-tamper")
              .contains(bare),
          key + " is set in the packaged configuration: the launcher would not see it");
    }
  }

  /** The launcher's load of the fixtures on {@code db}, its schema current when {@code current}. */
  private static EarlyLoad beginOnFixtures(
      EmbeddedDatabase db, java.util.function.BooleanSupplier current) {
    return EarlyLoad.begin(
        db.jdbcUrlAwaitingStart(),
        db.username(),
        db.password(),
        new SeedLoader.StartSettings(Optional.of(FIXTURES), Optional.empty(), OnTamper.RESTORE),
        current);
  }

  private static PGSimpleDataSource dataSource(EmbeddedDatabase db) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(db.jdbcUrlAwaitingStart());
    ds.setUser(db.username());
    ds.setPassword(db.password());
    return ds;
  }

  private static String loadedAt(PGSimpleDataSource ds) throws Exception {
    try (Connection c = ds.getConnection()) {
      return one(c, "select loaded_at::text from dataset_state");
    }
  }

  private static String one(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
