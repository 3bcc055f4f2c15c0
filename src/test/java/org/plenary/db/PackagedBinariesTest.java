package org.plenary.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the build puts in the package ({@link PackagedBinaries}) is used by a JVM that runs the
 * package's jar: the binaries as they are (a first start unpacks nothing into its data directory,
 * and its server runs from them), and the cluster made from them with the schema migrated, copied
 * instead of initdb and the migration, with passwords and a time zone of its own.
 */
class PackagedBinariesTest {
  @TempDir Path dir;

  @Test
  void aFirstStartFromThePackageUsesItsBinariesAndACopyOfItsCluster() throws Exception {
    Path app = dir.resolve("quarkus-app");
    PackagedBinaries.main(
        new String[] {
          app.resolve(PackagedBinaries.DIRECTORY).toString(),
          app.resolve(PackagedBinaries.TEMPLATE).toString()
        });
    Path template;
    try (var ids = Files.list(app.resolve(PackagedBinaries.TEMPLATE))) {
      template = ids.findFirst().orElseThrow();
    }
    assertTrue(
        Files.exists(app.resolve(PackagedBinaries.DIRECTORY).resolve(template.getFileName())),
        "the cluster is named after its binaries");
    assertFalse(Files.exists(template.resolve("postmaster.pid")), "stopped");
    assertFalse(Files.exists(template.resolve("postmaster.opts")), "no build's command line");
    // readable by whoever runs the package, as the binaries are; each copy private (below)
    assertEquals("rw-r--r--", perms(template.resolve("PG_VERSION")));
    assertEquals("rwxr-xr-x", perms(template));
    String classPath = System.getProperty("java.class.path");
    assertNull(EmbeddedDatabase.packagedBinaries(), "the tests' class path is no package");
    try {
      System.setProperty("java.class.path", app.resolve(PackagedBinaries.RUNNER).toString());
      Path packaged = EmbeddedDatabase.packagedBinaries();
      assertEquals(app.resolve(PackagedBinaries.DIRECTORY), packaged);
      Path data = dir.resolve("data");
      java.util.TimeZone buildZone = java.util.TimeZone.getDefault();
      java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("America/Sao_Paulo"));
      String zone =
          EmbeddedDatabase.timeZone(
              template
                  .getParent()
                  .resolveSibling(PackagedBinaries.DIRECTORY)
                  .resolve(template.getFileName()));
      if (System.getenv("TZ") == null) {
        assertEquals("America/Sao_Paulo", zone);
      }
      EmbeddedDatabase db;
      try {
        db = EmbeddedDatabase.start(data);
      } finally {
        java.util.TimeZone.setDefault(buildZone);
      }
      String firstSuperuser;
      try {
        assertFalse(Files.exists(data.resolve("postgres-binaries")), "nothing unpacked");
        Path pgData = data.toAbsolutePath().normalize().resolve("postgres");
        long pid = Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).get(0));
        String command = ProcessHandle.of(pid).orElseThrow().info().command().orElse("");
        assertTrue(command.startsWith(packaged.toString()), command);
        assertTrue(db.schemaFromPackage());
        assertEquals("rwx------", perms(pgData));
        assertEquals("rw-------", perms(pgData.resolve("PG_VERSION")));
        try (Connection c =
            DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
          // the schema is there before anyone migrated it, and holds no rows
          assertEquals(
              latestMigration(), one(c, "select max(version::int) from flyway_schema_history"));
          for (String table : tables(c)) {
            assertEquals("0", one(c, "select count(*) from " + table), table);
          }
          assertEquals("on", one(c, "show data_checksums"));
          assertEquals(
              "b", one(c, "select datlocprovider from pg_database where datname = 'plenary'"));
        }
        // the superuser has the new cluster's own password
        firstSuperuser = superuserPassword(data);
        try (Connection c = DriverManager.getConnection(admin(db), "postgres", firstSuperuser)) {
          // the zone of this machine (the JVM's here, unless TZ says otherwise), not the build's
          assertEquals(
              zone + "," + zone,
              one(
                  c,
                  "select string_agg(setting, ',' order by name) from pg_file_settings"
                      + " where name in ('timezone', 'log_timezone') and applied"));
        }
        assertThrows(
            SQLException.class,
            () -> DriverManager.getConnection(db.jdbcUrl(), "plenary", "wrong"));
      } finally {
        db.stop();
      }
      assertFalse(Files.exists(template.resolve("postmaster.pid")), "the package's is untouched");

      // another data directory: other passwords, the first's refused
      Path other = dir.resolve("other");
      EmbeddedDatabase second = EmbeddedDatabase.start(other);
      try {
        assertNotEquals(firstSuperuser, superuserPassword(other));
        assertThrows(
            SQLException.class,
            () -> DriverManager.getConnection(admin(second), "postgres", firstSuperuser));
        DriverManager.getConnection(admin(second), "postgres", superuserPassword(other)).close();
      } finally {
        second.stop();
      }

      // without the package's cluster: initdb, and the schema is left to Flyway
      System.setProperty("plenary.embedded-database.template", "false");
      EmbeddedDatabase third = EmbeddedDatabase.start(dir.resolve("third"));
      try (Connection c =
          DriverManager.getConnection(third.jdbcUrl(), third.username(), third.password())) {
        assertEquals("[]", tables(c).toString());
      } finally {
        System.clearProperty("plenary.embedded-database.template");
        third.stop();
      }

      // a package's cluster that cannot be used (here damaged): initdb, as without one
      Files.delete(template.resolve("global/pg_control"));
      EmbeddedDatabase fourth = EmbeddedDatabase.start(dir.resolve("fourth"));
      try (Connection c =
          DriverManager.getConnection(fourth.jdbcUrl(), fourth.username(), fourth.password())) {
        assertFalse(fourth.schemaFromPackage());
        assertEquals("[]", tables(c).toString());
        assertEquals("on", one(c, "show data_checksums"));
      } finally {
        fourth.stop();
      }
    } finally {
      System.setProperty("java.class.path", classPath);
    }
  }

  @Test
  void aClusterThatWouldShipRowsIsRefused() throws Exception {
    Path binaries = EmbeddedDatabase.binaries(dir.resolve("bin"));
    Path target = dir.resolve("template").resolve(binaries.getFileName().toString());
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () ->
                EmbeddedDatabase.makeTemplate(
                    binaries,
                    target,
                    (url, user, password) -> {
                      Flyway.configure().dataSource(url, user, password).load().migrate();
                      try (Connection c = DriverManager.getConnection(url, user, password)) {
                        c.createStatement()
                            .execute(
                                "insert into deployment_secret (name, value) values ('k', 'v')");
                      } catch (SQLException e) {
                        throw new IllegalStateException(e);
                      }
                      // the tables a load writes may hold rows; a deployment's own may not
                      return java.util.Set.of("vote", "dataset_state");
                    }));
    assertTrue(refused.getMessage().contains("deployment_secret"), refused.getMessage());
    assertFalse(Files.exists(target), "no cluster made");
  }

  private static String perms(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  private static String admin(EmbeddedDatabase db) {
    return "jdbc:postgresql://127.0.0.1:" + db.port() + "/postgres";
  }

  private static String superuserPassword(Path data) throws Exception {
    return EmbeddedDatabase.Credentials.read(
            data.toAbsolutePath().normalize().resolve(EmbeddedDatabase.CREDENTIALS))
        .orElseThrow()
        .superuser();
  }

  private static String latestMigration() throws Exception {
    try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
      return String.valueOf(
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.matches("V\\d+__.*\\.sql"))
              .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
              .max()
              .orElseThrow());
    }
  }

  private static List<String> tables(Connection c) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs =
        c.createStatement()
            .executeQuery(
                "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                    + " where n.nspname = 'public' and c.relkind in ('r', 'p')"
                    + " and c.relname <> 'flyway_schema_history' order by 1")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  private static String one(Connection c, String sql) throws SQLException {
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
