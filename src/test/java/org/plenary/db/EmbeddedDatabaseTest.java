package org.plenary.db;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL is private and durable. Each test starts its own servers on its own
 * temporary data directory and stops them.
 */
class EmbeddedDatabaseTest {
  @TempDir Path dir;

  @Test
  void privateDurableAndOwnedByANonSuperuser() throws Exception {
    EmbeddedDatabase db = EmbeddedDatabase.start(dir);
    long pid;
    try {
      Path root = dir.toAbsolutePath().normalize();
      assertEquals("rwx------", perms(root));
      assertEquals("rwx------", perms(root.resolve("postgres")));
      assertEquals("rw-------", perms(root.resolve(EmbeddedDatabase.CREDENTIALS)));
      String hba = Files.readString(root.resolve("postgres/pg_hba.conf"));
      assertFalse(hba.lines().anyMatch(l -> !l.startsWith("#") && l.contains("trust")), hba);

      // no password, a wrong one, or the superuser without its password: refused
      String admin = "jdbc:postgresql://127.0.0.1:" + db.port() + "/postgres";
      assertThrows(SQLException.class, () -> DriverManager.getConnection(admin, "postgres", ""));
      assertThrows(
          SQLException.class, () -> DriverManager.getConnection(db.jdbcUrl(), "plenary", "wrong"));
      assertThrows(SQLException.class, () -> connect(db.jdbcUrl(), "postgres", null));
      assertThrows(SQLException.class, () -> connect(db.jdbcUrl(), "plenary", null));

      try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
        assertEquals("plenary", db.username());
        assertEquals(
            "false", one(c, "select rolsuper::text from pg_roles where rolname = current_user"));
        assertEquals(
            "plenary",
            one(c, "select pg_get_userbyid(datdba) from pg_database where datname = 'plenary'"));
        SQLException copy =
            assertThrows(
                SQLException.class,
                () -> c.createStatement().execute("copy (select 1) to program 'id'"));
        assertTrue(copy.getMessage().contains("permission denied"), copy.getMessage());
        assertEquals("on", one(c, "show fsync"));
        assertEquals("on", one(c, "show full_page_writes"));
        assertEquals("on", one(c, "show data_checksums"));
        // code-point order by memcmp (PostgreSQL's builtin provider), the order libc's C.UTF-8
        // gives
        assertEquals(
            "b C.UTF-8",
            one(
                c,
                "select datlocprovider::text || ' ' || datlocale from pg_database where datname ="
                    + " current_database()"));
        assertEquals(
            "A,B,a,b,É,ß,é", // U+00C9, U+00DF, U+00E9
            one(
                c,
                "select string_agg(x, ',' order by x) from unnest(array['b', 'B', 'é', 'a', 'É',"
                    + " 'ß', 'A']) x"));
        assertEquals("é ÉTÉ", one(c, "select lower('É') || ' ' || upper('été')"));
        assertEquals("127.0.0.1", one(c, "show listen_addresses"));
        assertEquals("384MB", one(c, "show shared_buffers")); // room for the search table
        // an index built by as many processes as the machine has cores, at most PostgreSQL's 3
        assertEquals(
            String.valueOf(
                EmbeddedDatabase.maintenanceWorkers(Runtime.getRuntime().availableProcessors())),
            one(c, "show max_parallel_maintenance_workers"));
      }

      // one process per data directory
      EmbeddedDatabase.Refused busy =
          assertThrows(EmbeddedDatabase.Refused.class, () -> EmbeddedDatabase.start(dir));
      assertTrue(
          busy.getMessage().contains("in use by another running Plenary"), busy.getMessage());
      pid = postmasterPid(root);
    } finally {
      db.stop();
    }
    assertFalse(EmbeddedDatabase.running(pid));
    assertTrue(serversOn(dir).isEmpty(), "no server left: " + serversOn(dir));

    // the next start reuses the stored passwords
    EmbeddedDatabase again = EmbeddedDatabase.start(dir);
    try {
      assertEquals(db.password(), again.password());
      try (Connection c =
          DriverManager.getConnection(again.jdbcUrl(), again.username(), again.password())) {
        assertEquals("1", one(c, "select 1"));
      }
    } finally {
      again.stop();
    }
    assertTrue(serversOn(dir).isEmpty());
  }

  @Test
  void aServerKilledWhileTheServiceRunsIsRestartedWithItsData() throws Exception {
    Path root = dir.toAbsolutePath().normalize();
    EmbeddedDatabase db = EmbeddedDatabase.start(dir);
    try {
      try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
        c.createStatement().execute("create table survives (x int)");
        c.createStatement().execute("insert into survives values (42)");
      }
      long killed = postmasterPid(root);
      assertTrue(db.alive());
      new ProcessBuilder("kill", "-9", Long.toString(killed)).start().waitFor();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      Integer seen = null;
      while (seen == null && System.nanoTime() < deadline) {
        try (Connection c =
            DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
          var rs = c.createStatement().executeQuery("select x from survives");
          rs.next();
          seen = rs.getInt(1);
        } catch (SQLException down) {
          Thread.sleep(200);
        }
      }
      assertEquals(42, seen, "the same server answers again, on the same port, with its data");
      assertFalse(EmbeddedDatabase.running(killed));
      assertNotEquals(killed, postmasterPid(root));
      assertEquals(List.of(postmasterPid(root)), serversOn(dir), "exactly one server");
      assertTrue(db.alive());
      assertEquals(1, db.restarts());
    } finally {
      db.stop();
    }
    assertTrue(serversOn(dir).isEmpty(), "stop() stops the restarted server too");
    assertFalse(db.alive());
  }

  @Test
  void theServerOfAKilledJvmIsStoppedByItsReaper() throws Exception {
    Path root = dir.toAbsolutePath().normalize();
    long served = killChildServing(root, true);
    org.awaitility.Awaitility.await("the reaper stops the killed JVM's server")
        .atMost(java.time.Duration.ofSeconds(20))
        .until(() -> !EmbeddedDatabase.running(served));
    assertTrue(serversOn(dir).isEmpty(), "no server left: " + serversOn(dir));

    EmbeddedDatabase db = EmbeddedDatabase.start(dir); // and the data directory starts again
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
      assertEquals("1", one(c, "select 1"));
    } finally {
      db.stop();
    }
  }

  /**
   * Starts a JVM that starts the server of {@code root}, then kills that JVM with -9; returns the
   * server's pid.
   */
  private static long killChildServing(Path root, boolean reaper) throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dplenary.embedded-database.reaper=" + reaper,
                "-cp",
                System.getProperty("java.class.path"),
                Child.class.getName(),
                root.toString())
            .redirectErrorStream(true)
            .start();
    String line;
    try (var out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      List<String> seen = new ArrayList<>();
      while ((line = out.readLine()) != null && !line.startsWith("started")) {
        seen.add(line);
      }
      assertTrue(line != null, "the child started its server: " + seen);
      long server = postmasterPid(root);
      child.destroyForcibly(); // kill -9: no shutdown hook runs
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      return server;
    }
  }

  @Test
  void aServerOrphanedByAKilledJvmIsStoppedNotDuplicated() throws Exception {
    Path root = dir.toAbsolutePath().normalize();
    // as when the reaper is killed with its JVM (an OOM kill of the whole cgroup)
    long orphan = killChildServing(root, false);
    assertTrue(EmbeddedDatabase.running(orphan), "orphaned");

    EmbeddedDatabase db = EmbeddedDatabase.start(dir);
    long pid;
    try {
      pid = postmasterPid(root);
      assertNotEquals(orphan, pid);
      assertFalse(EmbeddedDatabase.running(orphan));
      assertEquals(List.of(pid), serversOn(dir), "exactly one server on the data directory");
      try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
        assertEquals("1", one(c, "select 1"));
      }
    } finally {
      db.stop();
    }
    assertTrue(serversOn(dir).isEmpty(), "no server left after stop: " + serversOn(dir));
  }

  @Test
  void aTrustClusterOfAnOlderPlenaryIsUpgraded() throws Exception {
    Path root = dir.toAbsolutePath().normalize();
    Files.createDirectories(root);
    Path bin = EmbeddedDatabase.binaries(root);
    Path pgData = root.resolve("postgres");
    EmbeddedDatabase.run(
        bin,
        List.of(
            "initdb",
            "-A",
            "trust",
            "-U",
            "postgres",
            "-D",
            pgData.toString(),
            "-E",
            "UTF-8",
            "--locale=C.UTF-8",
            "--no-sync"));
    int port;
    try (var s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    EmbeddedDatabase.run(
        bin,
        List.of(
            "pg_ctl",
            "-D",
            pgData.toString(),
            "-w",
            "-o",
            "-p " + port + " -h 127.0.0.1 -k " + pgData,
            "start"));
    try {
      try (Connection c =
          DriverManager.getConnection(
              "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "")) {
        c.createStatement().execute("create database plenary template template0");
      }
      try (Connection c =
          DriverManager.getConnection(
              "jdbc:postgresql://127.0.0.1:" + port + "/plenary", "postgres", "")) {
        c.createStatement().execute("create table legacy (id int primary key)");
        c.createStatement().execute("insert into legacy values (1)");
      }
    } finally {
      long legacy = postmasterPid(root);
      EmbeddedDatabase.run(bin, List.of("pg_ctl", "-D", pgData.toString(), "-w", "stop"));
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(10))
          .until(() -> !EmbeddedDatabase.running(legacy));
    }

    EmbeddedDatabase db = EmbeddedDatabase.start(dir);
    try {
      String hba = Files.readString(pgData.resolve("pg_hba.conf"));
      assertFalse(hba.lines().anyMatch(l -> !l.startsWith("#") && l.contains("trust")), hba);
      assertEquals("rw-------", perms(root.resolve(EmbeddedDatabase.CREDENTIALS)));
      assertThrows(
          SQLException.class,
          () ->
              DriverManager.getConnection(
                  "jdbc:postgresql://127.0.0.1:" + db.port() + "/postgres", "postgres", ""));
      try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
        assertEquals("1", one(c, "select id::text from legacy"));
        assertEquals(
            "plenary", one(c, "select tableowner from pg_tables where tablename = 'legacy'"));
        assertEquals(
            "plenary",
            one(c, "select pg_get_userbyid(datdba) from pg_database where datname = 'plenary'"));
        c.createStatement().execute("alter table legacy add column note text"); // as its owner
      }
    } finally {
      db.stop();
    }
    assertTrue(serversOn(dir).isEmpty());
  }

  /**
   * A new cluster is made without initdb's own sync and synced while the server starts: the
   * readiness check is UP once its files are on disk, and the server serves meanwhile.
   */
  @Test
  void aNewClusterIsSyncedToDiskAndReadyThen() throws Exception {
    EmbeddedDatabase db = EmbeddedDatabase.start(dir);
    try {
      try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
        assertEquals("1", one(c, "select 1"));
      }
      assertTrue(db.awaitSynced(), "initdb --sync-only succeeded");
      assertTrue(db.synced());
      var ready = new EmbeddedDatabaseReadiness().call();
      assertEquals(
          org.eclipse.microprofile.health.HealthCheckResponse.Status.UP, ready.getStatus());
    } finally {
      db.stop();
    }
  }

  /**
   * The server starts in the background: its address and credentials are known at once, and a
   * connection through the URL the service uses waits until it accepts connections (the service's
   * framework starts meanwhile). A command's connections wait for the new cluster's files on disk.
   */
  @Test
  void aServerStartingInTheBackgroundIsWaitedForByItsConnections() throws Exception {
    EmbeddedDatabase db = EmbeddedDatabase.begin(dir);
    try {
      assertTrue(db.port() > 0);
      assertEquals(48, db.password().length(), "known before the server runs");
      db.connectionsAwaitSync();
      try (Connection c =
          DriverManager.getConnection(db.jdbcUrlAwaitingStart(), db.username(), db.password())) {
        assertEquals("plenary", one(c, "select current_user"));
        assertTrue(db.synced(), "a command's connection waited for the files on disk");
      }
      db.awaitStarted();
      assertTrue(db.alive());
      assertEquals(db, EmbeddedDatabase.current());
    } finally {
      db.stop();
    }
    assertTrue(serversOn(dir).isEmpty(), "stopped");
  }

  /**
   * A start that fails in the background fails every connection waiting for it, with its reason,
   * and releases the data directory: here another program's process holds the cluster's pid file.
   */
  @Test
  void aStartThatFailsInTheBackgroundFailsItsConnectionsWithTheReason() throws Exception {
    EmbeddedDatabase.start(dir).stop(); // a cluster, stopped
    Path pidFile = dir.toAbsolutePath().normalize().resolve("postgres/postmaster.pid");
    Files.writeString(
        pidFile,
        ProcessHandle.current().pid() + "\n" + pidFile.getParent() + "\n",
        StandardCharsets.UTF_8);
    EmbeddedDatabase db = EmbeddedDatabase.begin(dir);
    SQLException e =
        assertThrows(
            SQLException.class,
            () ->
                DriverManager.getConnection(
                    db.jdbcUrlAwaitingStart(), db.username(), db.password()));
    String message = String.valueOf(e.getMessage()) + " " + e.getCause();
    assertTrue(message.contains("is not Plenary's PostgreSQL for this directory"), message);
    EmbeddedDatabase.Refused refused =
        assertThrows(EmbeddedDatabase.Refused.class, db::awaitStarted);
    assertTrue(refused.getMessage().startsWith("Process " + ProcessHandle.current().pid()));
    db.stop(); // nothing runs: returns at once
    Files.delete(pidFile);
    EmbeddedDatabase again = EmbeddedDatabase.start(dir); // the directory was released
    again.stop();
  }

  /** The machine's xz and Java's decoder unpack the binaries into the same files and modes. */
  @Test
  void theBinariesUnpackTheSameWithTheMachinesXzOrJavas() throws Exception {
    EmbeddedDatabase.Platform platform =
        EmbeddedDatabase.Platform.of(System.getProperty("os.name"), System.getProperty("os.arch"));
    byte[] archive;
    try (var in =
        io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(
            platform.system(), platform.arch())) {
      archive = in.readAllBytes();
    }
    Path byXz = Files.createDirectories(dir.resolve("xz"));
    EmbeddedDatabase.unpack(new EmbeddedDatabase.NativeXz(archive), byXz);
    Path byJava = Files.createDirectories(dir.resolve("java"));
    EmbeddedDatabase.unpack(
        new org.apache.commons.compress.compressors.xz.XZCompressorInputStream(
            new java.io.ByteArrayInputStream(archive)),
        byJava);
    List<String> xz = tree(byXz);
    assertTrue(xz.stream().anyMatch(f -> f.startsWith("bin/postgres rwxr-xr-x ")), xz.toString());
    assertEquals(tree(byJava), xz);
    // a truncated archive is refused, not unpacked in part
    Path cut = Files.createDirectories(dir.resolve("cut"));
    byte[] half = java.util.Arrays.copyOf(archive, archive.length / 2);
    assertThrows(
        IOException.class, () -> EmbeddedDatabase.unpack(new EmbeddedDatabase.NativeXz(half), cut));
  }

  /** Every file under {@code root}: its path, its mode, and its size or link target. */
  private static List<String> tree(Path root) throws IOException {
    try (var walk = Files.walk(root)) {
      return walk.filter(p -> !p.equals(root))
          .sorted()
          .map(
              p -> {
                try {
                  String rel = root.relativize(p).toString();
                  if (Files.isSymbolicLink(p)) {
                    return rel + " -> " + Files.readSymbolicLink(p);
                  }
                  return rel + " " + perms(p) + (Files.isDirectory(p) ? "" : " " + Files.size(p));
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .toList();
    }
  }

  @Test
  void aSharedDirectoryIsRefused() throws IOException {
    Path shared = Files.createDirectories(dir.resolve("shared"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    EmbeddedDatabase.Refused e =
        assertThrows(EmbeddedDatabase.Refused.class, () -> EmbeddedDatabase.start(shared));
    assertTrue(e.getMessage().contains("writable by other users"), e.getMessage());
    assertEquals("rwxrwxrwx", perms(shared), "left as it was");
  }

  /** Starts a server and waits to be killed, as a service killed with -9 would leave it. */
  public static final class Child {
    public static void main(String... args) throws InterruptedException {
      EmbeddedDatabase.start(Path.of(args[0]));
      System.out.println("started");
      System.out.flush();
      Thread.sleep(600_000);
    }
  }

  private static Connection connect(String url, String user, String password) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    if (password != null) {
      p.setProperty("password", password);
    }
    return DriverManager.getConnection(url, p);
  }

  @Test
  void anIndexIsBuiltByAsManyProcessesAsTheMachineHasCoresAtMostPostgresqlsDefault() {
    assertEquals(0, EmbeddedDatabase.maintenanceWorkers(1));
    assertEquals(1, EmbeddedDatabase.maintenanceWorkers(2));
    assertEquals(2, EmbeddedDatabase.maintenanceWorkers(3));
    assertEquals(2, EmbeddedDatabase.maintenanceWorkers(64));
  }

  private static String one(Connection c, String sql) throws SQLException {
    var rs = c.createStatement().executeQuery(sql);
    rs.next();
    return rs.getString(1);
  }

  private static String perms(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  private static long postmasterPid(Path root) throws IOException {
    return Long.parseLong(
        Files.readAllLines(root.resolve("postgres/postmaster.pid")).get(0).trim());
  }

  /** The pids of PostgreSQL servers (postmasters) running on this data directory. */
  private static List<Long> serversOn(Path root) throws IOException {
    String needle = "-D\0" + root.toAbsolutePath().normalize().resolve("postgres") + "\0";
    List<Long> out = new ArrayList<>();
    try (var procs = Files.list(Path.of("/proc"))) {
      for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
          if (cmd.contains("/bin/postgres\0") && cmd.contains(needle)) {
            out.add(Long.parseLong(p.getFileName().toString()));
          }
        } catch (IOException gone) {
          // the process ended while listing
        }
      }
    }
    return out;
  }
}
