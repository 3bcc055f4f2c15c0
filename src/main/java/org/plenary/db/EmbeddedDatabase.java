package org.plenary.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL server run from the io.zonky.test binaries on Maven Central, for when no
 * external database is configured. Its files live under a data directory, so data survives a
 * restart; a server left running by a killed JVM is reused rather than started twice.
 *
 * <p>PostgreSQL refuses to run as root. As root, every PostgreSQL binary is run under {@code
 * unshare -U}: in a fresh user namespace the process is no longer uid 0, while the files it creates
 * still belong to the same real user.
 */
public final class EmbeddedDatabase {
  private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
  static final String USER = "postgres";
  static final String DATABASE = "plenary";

  private final Path binaries;
  private final Path pgData;
  private final int port;
  private final boolean startedHere;

  private EmbeddedDatabase(Path binaries, Path pgData, int port, boolean startedHere) {
    this.binaries = binaries;
    this.pgData = pgData;
    this.port = port;
    this.startedHere = startedHere;
  }

  /**
   * Starts (or reuses) the server whose cluster lives in {@code dataDir/postgres}, with
   * PostgreSQL's default durability (every commit reaches the disk).
   */
  public static EmbeddedDatabase start(Path dataDir) {
    return start(dataDir, true);
  }

  /**
   * Starts (or reuses) the server; {@code durable=false} turns fsync off, for throw-away test data
   * only.
   */
  public static EmbeddedDatabase start(Path dataDir, boolean durable) {
    try {
      Path root = dataDir.toAbsolutePath().normalize();
      Files.createDirectories(root);
      Path binaries = extractBinaries(root.resolve("postgres-binaries"));
      Path pgData = root.resolve("postgres");
      if (!Files.exists(pgData.resolve("PG_VERSION"))) {
        initdb(binaries, pgData);
      }
      Integer running = runningPort(binaries, pgData);
      EmbeddedDatabase db;
      if (running != null) {
        LOG.infof(
            "Reusing the embedded PostgreSQL already running on port %d (%s)", running, pgData);
        db = new EmbeddedDatabase(binaries, pgData, running, false);
      } else {
        int port = freePort();
        run(
            binaries,
            List.of(
                "pg_ctl",
                "-D",
                pgData.toString(),
                "-l",
                root.resolve("postgres.log").toString(),
                "-w",
                "-t",
                "60",
                "-o",
                "-p "
                    + port
                    + " -h 127.0.0.1 -k "
                    + pgData
                    + (durable ? "" : " -c fsync=off -c full_page_writes=off"),
                "start"));
        db = new EmbeddedDatabase(binaries, pgData, port, true);
        LOG.infof("Started embedded PostgreSQL on 127.0.0.1:%d (data in %s)", port, pgData);
      }
      db.createDatabase(DATABASE);
      return db;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
    }
  }

  public String jdbcUrl() {
    return jdbcUrl(DATABASE);
  }

  /** The URL of another database on this server, created if it does not exist (for tests). */
  public String jdbcUrl(String database) {
    if (!database.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("not a database name: " + database);
    }
    createDatabase(database);
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  public String username() {
    return USER;
  }

  public String password() {
    return "";
  }

  /** Stops the server if this process started it. */
  public void stop() {
    if (!startedHere) {
      return;
    }
    try {
      run(binaries, List.of("pg_ctl", "-D", pgData.toString(), "-m", "fast", "-w", "stop"));
    } catch (IOException | RuntimeException e) {
      LOG.warnf("Could not stop the embedded PostgreSQL: %s", e.getMessage());
    }
  }

  private void createDatabase(String database) {
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    try (Connection c = DriverManager.getConnection(url, USER, "");
        var check = c.prepareStatement("select 1 from pg_database where datname = ?")) {
      check.setString(1, database);
      if (!check.executeQuery().next()) {
        try (var create = c.createStatement()) {
          create.execute("create database " + database + " encoding 'UTF8' template template0");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create the database " + database, e);
    }
  }

  private static void initdb(Path binaries, Path pgData) throws IOException {
    Path tmp = pgData.resolveSibling(pgData.getFileName() + ".init");
    deleteRecursively(tmp);
    run(
        binaries,
        List.of(
            "initdb",
            "-A",
            "trust",
            "-U",
            USER,
            "-D",
            tmp.toString(),
            "-E",
            "UTF-8",
            "--locale=C.UTF-8",
            "--no-sync"));
    Files.move(tmp, pgData, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The port of a server already running on this cluster, or null. */
  private static Integer runningPort(Path binaries, Path pgData) throws IOException {
    Path pid = pgData.resolve("postmaster.pid");
    if (!Files.exists(pid)) {
      return null;
    }
    try {
      run(binaries, List.of("pg_ctl", "-D", pgData.toString(), "status"));
    } catch (IllegalStateException notRunning) {
      return null; // a stale pid file: PostgreSQL itself replaces it on start
    }
    List<String> lines = Files.readAllLines(pid, StandardCharsets.UTF_8);
    return lines.size() > 3 ? Integer.parseInt(lines.get(3).trim()) : null;
  }

  private static void run(Path binaries, List<String> command) throws IOException {
    Path output = Files.createTempFile("plenary-pg-", ".out");
    try {
      int rc = waitFor(process(binaries, command, output));
      if (rc != 0) {
        String out = Files.readString(output, StandardCharsets.UTF_8).strip();
        throw new IllegalStateException(
            "PostgreSQL command " + command.get(0) + " failed (exit " + rc + "): " + out);
      }
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private static Process process(Path binaries, List<String> command, Path output)
      throws IOException {
    List<String> full = new ArrayList<>();
    if (isRoot()) {
      full.add("unshare");
      full.add("-U");
    }
    full.add(binaries.resolve("bin").resolve(command.get(0)).toString());
    full.addAll(command.subList(1, command.size()));
    ProcessBuilder pb =
        new ProcessBuilder(full)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().put("LC_ALL", "C.UTF-8");
    return pb.start();
  }

  private static int waitFor(Process p) {
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("PostgreSQL command timed out");
      }
      return p.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for PostgreSQL", e);
    }
  }

  private static boolean isRoot() {
    try {
      return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Unpacks the binaries once per archive into {@code dir/<archive id>}. */
  private static Path extractBinaries(Path dir) throws IOException {
    String arch = System.getProperty("os.arch").equals("aarch64") ? "arm_64" : "x86_64";
    try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", arch)) {
      byte[] bytes = archive.readAllBytes();
      String id = Integer.toHexString(java.util.Arrays.hashCode(bytes)) + "-" + bytes.length;
      Path target = dir.resolve(id);
      if (Files.exists(target.resolve("bin/postgres"))) {
        return target;
      }
      Path tmp = Files.createTempDirectory(Files.createDirectories(dir), "unpack-");
      try (var tar =
          new TarArchiveInputStream(
              new XZCompressorInputStream(
                  new BufferedInputStream(new java.io.ByteArrayInputStream(bytes))))) {
        TarArchiveEntry e;
        while ((e = tar.getNextEntry()) != null) {
          Path out = tmp.resolve(e.getName()).normalize();
          if (!out.startsWith(tmp)) {
            throw new IOException("Archive entry outside its directory: " + e.getName());
          }
          if (e.isDirectory()) {
            Files.createDirectories(out);
          } else if (e.isSymbolicLink()) {
            Files.createDirectories(out.getParent());
            Files.createSymbolicLink(out, Path.of(e.getLinkName()));
          } else {
            Files.createDirectories(out.getParent());
            Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
            boolean exec = (e.getMode() & 0100) != 0;
            Files.setPosixFilePermissions(
                out, PosixFilePermissions.fromString(exec ? "rwxr-xr-x" : "rw-r--r--"));
          }
        }
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException raced) {
        deleteRecursively(tmp); // another process unpacked it first
      }
      return target;
    }
  }

  private static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (var walk = Files.walk(p)) {
      for (Path f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }
}
