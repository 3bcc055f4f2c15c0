package org.plenary.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL server run from the io.zonky.test binaries on Maven Central, for when no
 * external database is configured. Its files live under a private data directory (0700), so data
 * survives a restart.
 *
 * <p>Locked down: the server listens on 127.0.0.1 only and every connection needs a password
 * (scram-sha-256, no trust); both passwords are random per data directory and kept in {@code
 * postgres.credentials} (0600) inside it. The superuser {@code postgres} is used only here, to
 * create the service's role {@code plenary}, which is not a superuser and owns the {@code plenary}
 * database (Flyway migrates as that owner). PostgreSQL's default durability (fsync and full page
 * writes on) with data checksums. One process at a time uses a data directory (a file lock); a
 * server left running by a killed JVM is verified to be this directory's own and stopped before a
 * fresh one starts, and {@link #stop()} always stops the server.
 *
 * <p>PostgreSQL refuses to run as root. As root, every PostgreSQL binary is run under {@code
 * unshare -U}: in a fresh user namespace the process is no longer uid 0, while the files it creates
 * still belong to the same real user.
 */
public final class EmbeddedDatabase {
  private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
  static final String SUPERUSER = "postgres";
  static final String USER = "plenary";
  static final String DATABASE = "plenary";

  /**
   * PostgreSQL's page cache (its default is 128 MB): room for the General Debate's search table and
   * index (statement_search, about 320 MB with the whole corpus), so that a count per year of a
   * common word (peace: 97,152 paragraphs) reads cached pages (73 ms of CPU instead of 173 ms).
   * Shared memory is taken as pages are read: a server that never reads them never uses it.
   */
  static final String SHARED_BUFFERS = "384MB";

  /**
   * The processes that build an index together, the leader included, as many as this machine has
   * cores, at most PostgreSQL's default (two workers and the leader): on two cores a worker and the
   * leader built roll_call's two indexes over 1.77 million country votes in 0.79 s and 1.08 s,
   * against 0.93 s and 1.22 s with PostgreSQL's two workers, which share the cores with the leader.
   */
  static int maintenanceWorkers(int cores) {
    return Math.max(0, Math.min(2, cores - 1));
  }

  static final String CREDENTIALS = "postgres.credentials";
  private static final long WATCH_MILLIS = 1000;
  static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");
  private static final String HBA =
      """
      # Written by Plenary at every start of its embedded PostgreSQL: passwords only, never trust.
      local all all scram-sha-256
      host  all all 127.0.0.1/32 scram-sha-256
      """;

  /** Starting is refused for a reason the operator must fix; the message is one line. */
  public static final class Refused extends IllegalStateException {
    Refused(String message) {
      super(message);
    }
  }

  private volatile Path binaries; // unpacked as the server starts
  private volatile boolean fromPackage; // the cluster was copied from the package's
  private volatile boolean datasetFromPackage; // ... from the package's cluster with the dataset
  private final Path pgData;
  private final int port;
  private final String password;
  private final String superuserPassword;
  private final FileChannel lockFile;
  private final FileLock lock;
  private final CompletableFuture<Void> started = new CompletableFuture<>();
  private final List<java.util.function.Consumer<RuntimeException>> failureListeners =
      new ArrayList<>();
  private RuntimeException failure; // guarded by failureListeners
  private volatile boolean connectionsAwaitSync;
  private volatile ServerSocket reservedPort; // held from begin() until the server is launched
  private final java.util.concurrent.atomic.AtomicBoolean firstConnection =
      new java.util.concurrent.atomic.AtomicBoolean();
  private boolean stopped;
  private volatile long pid;
  private volatile long downSince;
  private int restarts;
  private java.util.concurrent.ScheduledExecutorService watcher;
  private Process reaper;

  private EmbeddedDatabase(
      Path pgData, int port, Credentials credentials, FileChannel lockFile, FileLock lock) {
    this.pgData = pgData;
    this.port = port;
    this.password = credentials.user();
    this.superuserPassword = credentials.superuser();
    this.lockFile = lockFile;
    this.lock = lock;
  }

  /** Starts the server whose cluster lives in {@code dataDir/postgres}, and waits for it. */
  public static EmbeddedDatabase start(Path dataDir) {
    EmbeddedDatabase db = begin(dataDir);
    db.awaitStarted();
    return db;
  }

  /**
   * Starts the server whose cluster lives in {@code dataDir/postgres} in the background and returns
   * at once: its address and credentials are known before it runs, so the service's own start
   * (about two seconds of the framework's) goes on beside the binaries' unpacking, initdb and the
   * server's start. What the operator must fix (the directory in use by another process, shared
   * with other users, a damaged credentials file) is refused here, before anything starts; a
   * failure of the start itself reaches whoever waits for it ({@link #awaitStarted}), and every
   * connection through {@link #jdbcUrlAwaitingStart()} waits for it ({@link
   * AwaitingSocketFactory}).
   */
  public static EmbeddedDatabase begin(Path dataDir) {
    return begin(dataDir, null, false);
  }

  /**
   * {@link #begin(Path)}; {@code withDataset}: a new cluster is a copy of the package's cluster
   * with the dataset loaded ({@link PackagedBinaries#DATASET}) when the package has one: for a
   * start whose load would load the very files it was loaded from (the packaged ones), which then
   * finds them loaded, as a restart does.
   */
  public static EmbeddedDatabase begin(Path dataDir, boolean withDataset) {
    return begin(dataDir, null, withDataset);
  }

  /**
   * {@link #begin(Path, boolean)} with the binaries in {@code given}, or this machine's when null.
   */
  private static EmbeddedDatabase begin(Path dataDir, Path given, boolean withDataset) {
    Path root = dataDir.toAbsolutePath().normalize();
    FileChannel channel = null;
    FileLock lock = null;
    try {
      makePrivate(root);
      channel =
          FileChannel.open(
              root.resolve("postgres.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException inThisJvm) {
        lock = null;
      }
      if (lock == null) {
        throw new Refused(
            "The embedded PostgreSQL in "
                + root
                + " is in use by another running Plenary process; stop it or use another"
                + " PLENARY_DATA_DIR");
      }
      Path pgData = root.resolve("postgres");
      boolean fresh = !Files.exists(pgData.resolve("PG_VERSION"));
      Optional<Credentials> stored =
          fresh ? Optional.empty() : Credentials.read(root.resolve(CREDENTIALS));
      Credentials credentials = stored.orElseGet(Credentials::generate);
      // the port is held until the server is launched, so nobody takes it meanwhile
      ServerSocket reserved = new ServerSocket(0);
      EmbeddedDatabase db =
          new EmbeddedDatabase(pgData, reserved.getLocalPort(), credentials, channel, lock);
      db.reservedPort = reserved;
      STARTING.put(db.port, db);
      boolean legacy = !fresh && stored.isEmpty();
      Thread t =
          new Thread(
              () -> db.run(root, given, credentials, fresh, legacy, withDataset), START_THREAD);
      t.setDaemon(true);
      t.start();
      return db;
    } catch (IOException | RuntimeException e) {
      release(channel, lock);
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new UncheckedIOException(
          "Could not start the embedded PostgreSQL: " + e.getMessage(), (IOException) e);
    }
  }

  private static final String START_THREAD = "embedded-postgres-start";

  /** The servers being started or running in this process, by port ({@link #starting(int)}). */
  private static final java.util.Map<Integer, EmbeddedDatabase> STARTING =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The server of this process on {@code port}, started or being started, or null. */
  static EmbeddedDatabase starting(int port) {
    return STARTING.get(port);
  }

  /**
   * The start itself, in the background: unpack, initdb (or a copy of the package's template) or
   * checks, start, bootstrap.
   */
  private void run(
      Path root,
      Path given,
      Credentials credentials,
      boolean fresh,
      boolean legacy,
      boolean withDataset) {
    try {
      long t0 = System.nanoTime();
      binaries = given != null ? given : extractBinaries(root.resolve("postgres-binaries"));
      long unpacked = System.nanoTime();
      Path credentialsFile = root.resolve(CREDENTIALS);
      Path template = fresh ? packagedTemplate(binaries, withDataset) : null;
      boolean dataset = template != null && template.getParent().endsWith(PackagedBinaries.DATASET);
      if (template != null) {
        try {
          fromTemplate(binaries, template, pgData, credentials, credentialsFile);
          fromPackage = true;
          datasetFromPackage = dataset;
        } catch (IOException | RuntimeException e) {
          // e.g. a package this user may not read: a new cluster is made as without one
          LOG.warnf(
              "Could not copy the package's cluster %s (%s); making a new one with initdb",
              template, e.getMessage());
          template = null;
          initdb(binaries, pgData, credentials, credentialsFile);
        }
      } else if (fresh) {
        initdb(binaries, pgData, credentials, credentialsFile);
      } else {
        stopOrphan(root, pgData);
        if (legacy) {
          upgradeLegacy(binaries, pgData, credentials, credentialsFile);
        }
      }
      long initialized = System.nanoTime();
      synced = fresh ? sync(binaries, root, pgData) : CompletableFuture.completedFuture(true);
      freeReservedPort();
      launch(binaries, root, pgData, port);
      pid = postmasterPid(pgData);
      try {
        bootstrap(credentials);
      } catch (RuntimeException e) {
        stopNow();
        throw e;
      }
      if (!checksumsEnabled(this)) {
        LOG.warnf(
            "Data checksums are off in %s (created by an older Plenary); move that directory away"
                + " and restart to get a new cluster with checksums (the dataset reloads from its"
                + " files)",
            pgData);
      }
      long now = System.nanoTime();
      LOG.infof(
          "Started embedded PostgreSQL on 127.0.0.1:%d (data in %s) in %.1f s (binaries %.1f s,"
              + " %s %.1f s, start %.1f s)",
          port,
          pgData,
          (now - t0) / 1e9,
          (unpacked - t0) / 1e9,
          template == null
              ? fresh ? "initdb" : "checks"
              : dataset
                  ? "the package's cluster with the dataset copied"
                  : "the package's cluster copied",
          (initialized - unpacked) / 1e9,
          (now - initialized) / 1e9);
      watch();
      reap();
      current = this;
      started.complete(null);
    } catch (IOException | RuntimeException e) {
      // stays in STARTING: a connection attempted later is refused with this reason too
      freeReservedPort();
      release(lockFile, lock);
      fail(
          e instanceof IOException io
              ? new UncheckedIOException(
                  "Could not start the embedded PostgreSQL: " + io.getMessage(), io)
              : (RuntimeException) e);
    }
  }

  /**
   * Waits until the server accepts connections; throws what made its start fail ({@link Refused}
   * for what the operator must fix).
   */
  public void awaitStarted() {
    try {
      started.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /**
   * Runs {@code then} with the reason when the start fails (at once if it has failed), before
   * anyone waiting for the start is told: a command line that ends the process there speaks first.
   */
  public void whenFailed(java.util.function.Consumer<RuntimeException> then) {
    RuntimeException failed;
    synchronized (failureListeners) {
      failed = failure;
      if (failed == null) {
        failureListeners.add(then);
        return;
      }
    }
    then.accept(failed);
  }

  private void fail(RuntimeException e) {
    List<java.util.function.Consumer<RuntimeException>> listeners;
    synchronized (failureListeners) {
      failure = e;
      listeners = List.copyOf(failureListeners);
    }
    listeners.forEach(l -> l.accept(e));
    started.completeExceptionally(e);
  }

  /**
   * Waits until a connection may be opened: the server started, and for a command ({@link
   * #connectionsAwaitSync}) the new cluster's files on disk too.
   */
  void awaitUsable() {
    long t0 = System.nanoTime();
    awaitStarted();
    if (!firstConnection.getAndSet(true)) {
      LOG.infof(
          "The first connection waited %.2f s for the embedded PostgreSQL to start (the rest"
              + " of the start went on beside it)",
          (System.nanoTime() - t0) / 1e9);
    }
    if (connectionsAwaitSync && !awaitSynced()) {
      throw new IllegalStateException(
          "The new cluster " + pgData + " could not be synced to disk; see the log");
    }
  }

  /**
   * Connections through {@link #jdbcUrlAwaitingStart()} wait until the new cluster's files are on
   * disk too: a command writes at once, while the service waits in its readiness instead.
   */
  public void connectionsAwaitSync() {
    connectionsAwaitSync = true;
  }

  /**
   * Starts the server of {@code pgData} on {@code port} (127.0.0.1 only, passwords only, durable),
   * after rewriting pg_hba.conf; waits until it accepts connections.
   */
  private static void launch(Path binaries, Path root, Path pgData, int port) throws IOException {
    Files.writeString(pgData.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
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
                + " -c listen_addresses=127.0.0.1 -k "
                + pgData
                + " -c fsync=on -c full_page_writes=on -c password_encryption=scram-sha-256"
                + " -c shared_buffers="
                + SHARED_BUFFERS
                + " -c max_parallel_maintenance_workers="
                + maintenanceWorkers(Runtime.getRuntime().availableProcessors()),
            "start"));
  }

  /**
   * Puts a new cluster's files on disk: initdb runs with {@code --no-sync} (its own sync, a file at
   * a time, took a second or more of a first start), and {@code initdb --sync-only} then syncs the
   * data directory while the server and the service start, which is safe (it opens and fsyncs
   * files, as PostgreSQL's own start after a crash does); the data directory's parent is synced
   * too, for the rename that put the cluster in place. Until it is done the service is not ready
   * (the readiness check {@code embedded-database}, {@link #synced()}), and a command waits for it
   * before it runs ({@link #awaitSynced}): nothing is written that a crash could lose but the files
   * a start loads again.
   */
  private static CompletableFuture<Boolean> sync(Path binaries, Path root, Path pgData)
      throws IOException {
    Path output = Files.createTempFile("plenary-pg-", ".out");
    Process p =
        process(binaries, List.of("initdb", "--sync-only", "-D", pgData.toString()), output, null);
    long t0 = System.nanoTime();
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            int rc = waitFor(p);
            if (rc != 0) {
              LOG.errorf(
                  "Could not sync the new cluster %s to disk (initdb --sync-only, exit %d): %s",
                  pgData, rc, Files.readString(output, StandardCharsets.UTF_8).strip());
              return false;
            }
            try (FileChannel dir = FileChannel.open(root, StandardOpenOption.READ)) {
              dir.force(true);
            }
            LOG.infof(
                "The new cluster's files are on disk (%.1f s)", (System.nanoTime() - t0) / 1e9);
            return true;
          } catch (IOException | RuntimeException e) {
            LOG.errorf("Could not sync the new cluster %s to disk: %s", pgData, e.getMessage());
            return false;
          } finally {
            try {
              Files.deleteIfExists(output);
            } catch (IOException ignored) {
              // a temporary file
            }
          }
        },
        task -> {
          Thread t = new Thread(task, "embedded-postgres-sync");
          t.setDaemon(true);
          t.start();
        });
  }

  private volatile CompletableFuture<Boolean> synced = CompletableFuture.completedFuture(true);

  /** Whether the cluster's files are on disk (false while a new cluster's are being synced). */
  public boolean synced() {
    return synced.getNow(false);
  }

  /** Waits until the cluster's files are on disk; false if they could not be synced. */
  public boolean awaitSynced() {
    awaitStarted();
    return synced.join();
  }

  /** The server started last in this process (for the liveness check), or null. */
  public static EmbeddedDatabase current() {
    return current;
  }

  private static volatile EmbeddedDatabase current;

  /**
   * Watches the server: when its postmaster is gone (killed, crashed, OOM-killed) while the service
   * runs, it is started again on the same port and data directory, with the checks of a start
   * (PostgreSQL's own crash recovery replays its log); until it is back every database request is
   * answered 503, and the liveness check turns DOWN when it stays down ({@link #downSince()}).
   */
  private void watch() {
    long millis = WATCH_MILLIS;
    watcher =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "embedded-postgres-watch");
              t.setDaemon(true); // never keeps a JVM alive
              return t;
            });
    watcher.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
  }

  private synchronized void check() {
    if (stopped || running(pid)) {
      downSince = 0;
      return;
    }
    if (downSince == 0) {
      downSince = System.currentTimeMillis();
      LOG.errorf(
          "The embedded PostgreSQL (pid %d, data in %s) is no longer running; restarting it",
          pid, pgData);
    }
    try {
      launch(binaries, pgData.getParent(), pgData, port);
      pid = postmasterPid(pgData);
      reap();
      restarts++;
      LOG.warnf(
          "Restarted the embedded PostgreSQL on 127.0.0.1:%d (pid %d) after %d ms down",
          port, pid, System.currentTimeMillis() - downSince);
      downSince = 0;
    } catch (IOException | RuntimeException e) {
      // e.g. the killed server's backends still hold its shared memory for a moment: next time
      LOG.warnf("The embedded PostgreSQL could not be restarted yet: %s", e.getMessage());
    }
  }

  /** Whether the server runs (false once stopped). */
  public boolean alive() {
    return !stopped && running(pid);
  }

  /** When the server was found gone and not yet restarted (epoch millis), or 0. */
  public long downSince() {
    return downSince;
  }

  /** How often the server was restarted after it was found gone. */
  public synchronized int restarts() {
    return restarts;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
  }

  /**
   * The URL whose connections wait until the server has started ({@link AwaitingSocketFactory}):
   * what the service and the commands use, so the framework starts beside the server.
   */
  public String jdbcUrlAwaitingStart() {
    return jdbcUrl() + "?socketFactory=" + AwaitingSocketFactory.class.getName();
  }

  /**
   * The URL of another database on this server, owned by the service's role; with {@code fresh} it
   * is dropped and created anew, else created only if missing. For tests that need a database of
   * their own (the writing tests); the superuser creates it, the service's role may not.
   */
  public String jdbcUrl(String database, boolean fresh) {
    if (!database.matches("[a-z_][a-z0-9_]*") || database.equals(DATABASE)) {
      throw new IllegalArgumentException("not a database of its own: " + database);
    }
    String admin = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    try (Connection c = DriverManager.getConnection(admin, SUPERUSER, superuserPassword);
        Statement s = c.createStatement()) {
      if (fresh) {
        s.execute("drop database if exists " + database + " with (force)");
      }
      var rs = s.executeQuery("select 1 from pg_database where datname = '" + database + "'");
      if (!rs.next()) {
        s.execute(
            "create database "
                + database
                + " owner "
                + USER
                + " encoding 'UTF8' template template0");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not prepare the database " + database, e);
    }
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /**
   * Whether this start made the cluster by copying the package's ({@link #packagedTemplate}), whose
   * schema was migrated when the package was built, from the migrations this package runs: until
   * anything else runs on it, its schema is current. False until the server has started.
   */
  public boolean schemaFromPackage() {
    return fromPackage;
  }

  /**
   * Whether this start made the cluster by copying the package's cluster with the dataset loaded
   * ({@link #begin(Path, boolean)}). False until the server has started.
   */
  public boolean datasetFromPackage() {
    return datasetFromPackage;
  }

  /** The service's role: the owner of the database, not a superuser. */
  public String username() {
    return USER;
  }

  public String password() {
    return password;
  }

  public int port() {
    return port;
  }

  /** Stops the server (it is always this process's own) and releases the data directory. */
  public void stop() {
    try {
      started.join(); // a start still running ends first
    } catch (java.util.concurrent.CompletionException failed) {
      return; // nothing runs: the failed start released the directory
    }
    stopNow();
  }

  private synchronized void stopNow() {
    if (stopped) {
      return;
    }
    stopped = true;
    STARTING.remove(port, this);
    if (watcher != null) {
      watcher.shutdownNow();
    }
    if (current == this) {
      current = null;
    }
    try {
      long pid = postmasterPid(pgData);
      run(binaries, List.of("pg_ctl", "-D", pgData.toString(), "-m", "fast", "-w", "stop"));
      awaitExit(pid);
      LOG.infof("Stopped embedded PostgreSQL (data in %s)", pgData);
    } catch (IOException | RuntimeException e) {
      LOG.warnf("Could not stop the embedded PostgreSQL: %s", e.getMessage());
    } finally {
      if (reaper != null) {
        reaper.destroy();
      }
      release(lockFile, lock);
    }
  }

  /**
   * The reaper: a small shell process that outlives this JVM. When the JVM is gone without stopping
   * the server (kill -9, a test fork halted by its build, the OOM killer), it sends the postmaster
   * SIGINT (PostgreSQL's fast shutdown) instead of leaving it running with its memory until the
   * next start finds it ({@link #stopOrphan}). It signals only the pid it was started for, and only
   * while that pid is still a {@code postgres} process, so a server started again in the meantime
   * is never touched; it ignores the terminal's Ctrl-C and hang-up, which reach the JVM's process
   * group. Off with {@code -Dplenary.embedded-database.reaper=false}.
   */
  private synchronized void reap() {
    if (reaper != null) {
      reaper.destroy();
      reaper = null;
    }
    if (!Boolean.parseBoolean(System.getProperty("plenary.embedded-database.reaper", "true"))) {
      return;
    }
    try {
      reaper =
          new ProcessBuilder(
                  "/bin/sh",
                  "-c",
                  REAPER,
                  "plenary-postgres-reaper",
                  Long.toString(ProcessHandle.current().pid()),
                  Long.toString(pid))
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      LOG.warnf(
          "Could not start the reaper of the embedded PostgreSQL (a killed JVM would leave the"
              + " server running until the next start): %s",
          e.getMessage());
    }
  }

  private static final String REAPER =
      """
      trap '' INT HUP
      while kill -0 "$1" 2>/dev/null; do sleep 1; done
      if [ "$(cat /proc/$2/comm 2>/dev/null)" = postgres ]; then kill -INT "$2"; fi
      """;

  /** Makes sure the service's role exists, has the stored password and owns its database. */
  private void bootstrap(Credentials credentials) {
    String admin = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    try (Connection c = DriverManager.getConnection(admin, SUPERUSER, credentials.superuser());
        Statement s = c.createStatement()) {
      s.execute(
          "do $$ begin if not exists (select from pg_roles where rolname = '"
              + USER
              + "') then create role "
              + USER
              + "; end if; end $$");
      // the password is hex from SecureRandom: safe as a literal
      s.execute(
          "alter role "
              + USER
              + " with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls"
              + " password '"
              + credentials.user()
              + "'");
      var rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
      if (rs.next()) {
        s.execute("alter database " + DATABASE + " owner to " + USER);
      } else {
        s.execute(
            "create database "
                + DATABASE
                + " owner "
                + USER
                + " encoding 'UTF8' template template0");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not prepare the database " + DATABASE, e);
    }
    // Objects created by an older Plenary as the superuser move to the service's role.
    String db = jdbcUrl();
    try (Connection c = DriverManager.getConnection(db, SUPERUSER, credentials.superuser());
        Statement s = c.createStatement()) {
      s.execute(
          """
          do $$ declare r record; begin
            for r in select c.oid::regclass as name, c.relkind from pg_class c
                join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm')
                  and c.relowner <> 'plenary'::regrole loop
              execute format('alter %s %s owner to plenary',
                case r.relkind when 'v' then 'view' when 'm' then 'materialized view'
                else 'table' end, r.name);
            end loop;
            for r in select p.oid::regprocedure as name from pg_proc p
                join pg_namespace n on n.oid = p.pronamespace
                where n.nspname = 'public' and p.proowner <> 'plenary'::regrole loop
              execute format('alter routine %s owner to plenary', r.name);
            end loop;
          end $$""");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not hand the database " + DATABASE + " over", e);
    }
  }

  private static boolean checksumsEnabled(EmbeddedDatabase db) {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), USER, db.password);
        var rs = c.createStatement().executeQuery("show data_checksums")) {
      return rs.next() && rs.getString(1).equals("on");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read data_checksums", e);
    }
  }

  private static void initdb(Path binaries, Path pgData, Credentials credentials, Path file)
      throws IOException {
    Path tmp = pgData.resolveSibling(pgData.getFileName() + ".init");
    deleteRecursively(tmp);
    Path pwfile = privateFile(pgData.resolveSibling("postgres.pwfile"), credentials.superuser());
    try {
      run(
          binaries,
          List.of(
              "initdb",
              "-A",
              "scram-sha-256",
              "-U",
              SUPERUSER,
              "--pwfile=" + pwfile,
              "-D",
              tmp.toString(),
              "-E",
              "UTF-8",
              "--locale=C.UTF-8",
              // text compares and sorts by code point, as libc's C.UTF-8 does, but with memcmp and
              // abbreviated keys: an index build over roll_call's text keys takes a quarter less
              "--locale-provider=builtin",
              "--builtin-locale=C.UTF-8",
              "--data-checksums",
              // its files are put on disk after it, while the service starts ({@link #syncing})
              "--no-sync"));
    } finally {
      Files.deleteIfExists(pwfile);
    }
    credentials.write(file);
    Files.move(tmp, pgData, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * A cluster made by an older Plenary (trust authentication, no passwords) is upgraded in
   * single-user mode, with no server listening: the superuser gets a password, then pg_hba.conf is
   * rewritten and the service's role is created at the first start.
   */
  private static void upgradeLegacy(Path binaries, Path pgData, Credentials credentials, Path file)
      throws IOException {
    LOG.warnf(
        "%s was created by an older Plenary with trust authentication: setting passwords", pgData);
    setSuperuserPassword(binaries, pgData, credentials);
    Files.writeString(pgData.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
    credentials.write(file);
  }

  /**
   * Gives the superuser of the cluster {@code pgData} the password of {@code credentials}, in
   * single-user mode, with no server listening.
   */
  private static void setSuperuserPassword(Path binaries, Path pgData, Credentials credentials)
      throws IOException {
    // the password is hex from SecureRandom: safe as a literal
    Path sql =
        privateFile(
            pgData.resolveSibling("postgres.upgrade.sql"),
            "alter role " + SUPERUSER + " password '" + credentials.superuser() + "';\n\n");
    try {
      run(
          binaries,
          List.of(
              "postgres",
              "--single",
              "-j",
              "-D",
              pgData.toString(),
              "-c",
              "exit_on_error=true",
              "postgres"),
          sql);
    } finally {
      Files.deleteIfExists(sql);
    }
  }

  /**
   * The directory, beside the package's binaries, of the cluster the build made from them ({@link
   * PackagedBinaries}): initdb's output with the service's role, its database and the schema
   * migrated, no rows; with {@code withDataset}, the one with the packaged dataset loaded too
   * ({@link PackagedBinaries#DATASET}) when the build made it. Null when these binaries are not the
   * package's, when the build made none, or with {@code
   * -Dplenary.embedded-database.template=false}.
   */
  static Path packagedTemplate(Path binaries, boolean withDataset) {
    Path packaged = packagedBinaries();
    if (packaged == null
        || !binaries.startsWith(packaged)
        || !Boolean.parseBoolean(
            System.getProperty("plenary.embedded-database.template", "true"))) {
      return null;
    }
    if (withDataset) {
      Path dataset =
          packaged.resolveSibling(PackagedBinaries.DATASET).resolve(binaries.getFileName());
      if (Files.exists(dataset.resolve("PG_VERSION"))) {
        return dataset;
      }
    }
    Path template =
        packaged.resolveSibling(PackagedBinaries.TEMPLATE).resolve(binaries.getFileName());
    return Files.exists(template.resolve("PG_VERSION")) ? template : null;
  }

  /**
   * A new cluster as a copy of the package's ({@link #packagedTemplate}) instead of initdb (0.5 s
   * of a first start, and the migration's 0.5 s after it): the copy's superuser gets the new
   * password in single-user mode (the service's role gets its own at {@link #bootstrap}, as after
   * initdb), and its time zone is this machine's, as initdb would have chosen it. The rest of
   * initdb's settings are the same on every Linux machine (the locale, the encoding, checksums,
   * scram-sha-256; the shared memory type posix, 100 connections).
   */
  private static void fromTemplate(
      Path binaries, Path template, Path pgData, Credentials credentials, Path file)
      throws IOException {
    Path tmp = pgData.resolveSibling(pgData.getFileName() + ".init");
    deleteRecursively(tmp);
    copy(template, tmp, PRIVATE_DIR, PRIVATE_FILE);
    Path conf = tmp.resolve("postgresql.conf");
    String zone = timeZone(binaries);
    Files.writeString(
        conf,
        Files.readString(conf, StandardCharsets.UTF_8)
            .replaceAll("(?m)^(log_)?timezone\\s*=.*$", "$1timezone = '" + zone + "'"),
        StandardCharsets.UTF_8);
    setSuperuserPassword(binaries, tmp, credentials);
    credentials.write(file);
    Files.move(tmp, pgData, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Readable by whoever runs the package, as its binaries are: the package's cluster. */
  private static final Set<PosixFilePermission> PACKAGE_DIR =
      PosixFilePermissions.fromString("rwxr-xr-x");

  private static final Set<PosixFilePermission> PACKAGE_FILE =
      PosixFilePermissions.fromString("rw-r--r--");

  /** Copies the tree {@code from} to {@code to}, its directories and files with these modes. */
  static void copy(
      Path from, Path to, Set<PosixFilePermission> dirs, Set<PosixFilePermission> files)
      throws IOException {
    try (var paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(target);
          Files.setPosixFilePermissions(target, dirs);
        } else if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          Files.copy(p, target);
          Files.setPosixFilePermissions(target, files);
        } else {
          throw new IOException("Not a file or a directory in the package's cluster: " + p);
        }
      }
    }
  }

  /**
   * The time zone initdb would write for this machine: {@code TZ}, else the system's zone (as Java
   * reads it), when PostgreSQL's own time zone files know it; else GMT, initdb's own fallback.
   */
  static String timeZone(Path binaries) {
    Path zones = binaries.resolve("share/postgresql/timezone");
    List<String> candidates = new ArrayList<>();
    String tz = System.getenv("TZ");
    if (tz != null) {
      candidates.add(tz.startsWith(":") ? tz.substring(1) : tz);
    }
    candidates.add(java.time.ZoneId.systemDefault().getId());
    for (String zone : candidates) {
      if (zone.matches("[A-Za-z][A-Za-z0-9_+\\-]*(/[A-Za-z0-9_+\\-]+)*")
          && Files.isRegularFile(zones.resolve(zone))) {
        return zone;
      }
    }
    return "GMT";
  }

  /**
   * Makes a package's cluster in {@code target} ({@link PackagedBinaries}, at build time): initdb
   * with these binaries, the service's role and database ({@link #bootstrap}), then {@code fill}
   * (given the database's URL, user and password: the schema's migration, and for the cluster with
   * the dataset its load, after which the WAL it filled is removed), then a clean stop. Refused
   * when a table holds rows that {@code fill} did not say it wrote (Flyway's history aside): the
   * copy is every deployment's first cluster, and what a deployment generates for itself (its
   * cursor key, its editors' tokens, its change sets) must never be in it.
   */
  static void makeTemplate(Path binaries, Path target, Filling fill) throws IOException {
    Path work = Files.createTempDirectory("plenary-template-");
    try {
      EmbeddedDatabase db = begin(work, binaries, false);
      try {
        db.awaitStarted();
        db.awaitSynced();
        superuser(db, "alter system set wal_recycle = off", "select pg_reload_conf()");
        Set<String> written = fill.fill(db.jdbcUrl(), db.username(), db.password());
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), USER, db.password);
            Statement s = c.createStatement()) {
          java.util.Map<String, String> names = new java.util.LinkedHashMap<>(); // name: quoted
          try (var tables =
              s.executeQuery(
                  "select c.relname, format('%I.%I', n.nspname, c.relname) from pg_class c"
                      + " join pg_namespace n"
                      + " on n.oid = c.relnamespace where n.nspname = 'public'"
                      + " and c.relkind in ('r', 'p', 'm')"
                      + " and c.relname <> 'flyway_schema_history' order by c.relname")) {
            while (tables.next()) {
              names.put(tables.getString(1), tables.getString(2));
            }
          }
          for (var name : names.entrySet()) {
            if (written.contains(name.getKey())) {
              continue;
            }
            try (var rows = s.executeQuery("select 1 from " + name.getValue() + " limit 1")) {
              if (rows.next()) {
                throw new IllegalStateException(
                    "The package's cluster would hold rows of "
                        + name.getKey()
                        + "; only the tables its load wrote may hold rows "
                        + (written.isEmpty() ? "(none)" : new java.util.TreeSet<>(written)));
              }
            }
          }
        } catch (SQLException e) {
          throw new IllegalStateException("Could not check the package's cluster", e);
        }
        if (!written.isEmpty()) {
          superuser(db, "checkpoint"); // the load's WAL removed
        }
        superuser(db, "alter system reset wal_recycle", "select pg_reload_conf()");
      } finally {
        db.stop();
      }
      Path pgData = work.resolve("postgres");
      Files.deleteIfExists(pgData.resolve("postmaster.opts")); // the build's command line
      Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
      deleteRecursively(tmp);
      // readable by whoever runs the package (the published dataset at most, and the password
      // verifiers of passwords nobody kept); every copy made from it is private again
      copy(pgData, tmp, PACKAGE_DIR, PACKAGE_FILE);
      deleteRecursively(target);
      Files.createDirectories(target.getParent());
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      deleteRecursively(work);
    }
  }

  /**
   * Runs {@code statements} as the superuser, for {@link #makeTemplate}: there, WAL recycling is
   * off from before the load (set then, so that the checkpointer has read it long before the
   * checkpoint; a reload reaches it asynchronously), and a checkpoint after the load removes the
   * WAL segments the load filled instead of renaming them into future ones. The package, and every
   * first start's copy, then holds the segments from that checkpoint on (16 MB) instead of 160 MB.
   * The setting is reset before the stop; none is left in the cluster.
   */
  private static void superuser(EmbeddedDatabase db, String... statements) {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + db.port + "/postgres",
                SUPERUSER,
                db.superuserPassword);
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not prepare the package's cluster", e);
    }
  }

  /**
   * What a package's cluster is filled with ({@link #makeTemplate}): given the database's URL, user
   * and password, it migrates the schema (and loads what it loads); returns the tables it wrote
   * rows to.
   */
  @FunctionalInterface
  public interface Filling {
    Set<String> fill(String url, String user, String password);
  }

  /**
   * A server still running on this cluster was left by a killed JVM (this process holds the data
   * directory's lock, so no live Plenary uses it). It is stopped once postmaster.pid shows it is
   * this directory's server, run from this directory's binaries.
   */
  private static void stopOrphan(Path root, Path pgData) throws IOException {
    Path pidFile = pgData.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).trim());
    } catch (RuntimeException unreadable) {
      return; // PostgreSQL itself replaces a broken pid file
    }
    Optional<ProcessHandle> process =
        ProcessHandle.of(pid).filter(h -> h.isAlive() && running(h.pid()));
    if (process.isEmpty()) {
      return; // a stale pid file: PostgreSQL replaces it on start
    }
    String command = process.get().info().command().orElse("");
    Path packaged = packagedBinaries();
    boolean ours =
        lines.size() > 1
            && Path.of(lines.get(1).trim()).equals(pgData)
            && (command.startsWith(root.resolve("postgres-binaries").toString())
                || packaged != null && command.startsWith(packaged.toString()))
            && command.endsWith("/bin/postgres");
    if (!ours) {
      throw new Refused(
          "Process "
              + pid
              + " ("
              + (command.isEmpty() ? "unknown" : command)
              + ") holds "
              + pidFile
              + " but is not Plenary's PostgreSQL for this directory; stop it or remove the file");
    }
    Path bin = Path.of(command).getParent().getParent();
    LOG.warnf(
        "Stopping the embedded PostgreSQL (pid %d) left running by a Plenary process that did not"
            + " stop cleanly",
        pid);
    run(bin, List.of("pg_ctl", "-D", pgData.toString(), "-m", "fast", "-w", "stop"));
    awaitExit(pid);
  }

  /** The postmaster's pid from postmaster.pid, or -1. */
  private static long postmasterPid(Path pgData) {
    try {
      return Long.parseLong(
          Files.readAllLines(pgData.resolve("postmaster.pid"), StandardCharsets.UTF_8)
              .get(0)
              .trim());
    } catch (IOException | RuntimeException none) {
      return -1;
    }
  }

  /** pg_ctl returns once postmaster.pid is gone, a moment before the process itself exits. */
  private static void awaitExit(long pid) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (pid > 0 && running(pid) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Whether a process exists and is not a zombie (one that exited but was not reaped yet). */
  static boolean running(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X';
    } catch (IOException | RuntimeException gone) {
      return false;
    }
  }

  private static void makePrivate(Path root) throws IOException {
    if (Files.isDirectory(root)) {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(root);
      if (perms.contains(PosixFilePermission.OTHERS_WRITE)) {
        throw new Refused(
            "PLENARY_DATA_DIR "
                + root
                + " is writable by other users; point it at a private directory (it is made 0700)");
      }
    }
    Files.createDirectories(root);
    Files.setPosixFilePermissions(root, PRIVATE_DIR);
  }

  private static Path privateFile(Path path, String content) throws IOException {
    Files.deleteIfExists(path);
    Files.createFile(path, PosixFilePermissions.asFileAttribute(PRIVATE_FILE));
    Files.writeString(path, content, StandardCharsets.UTF_8);
    return path;
  }

  private static void release(FileChannel channel, FileLock lock) {
    try {
      if (lock != null && lock.isValid()) {
        lock.release();
      }
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      LOG.debugf("Could not release the data directory lock: %s", e.getMessage());
    }
  }

  /** The two random passwords of a data directory. */
  record Credentials(String superuser, String user) {
    static Credentials generate() {
      return new Credentials(random(), random());
    }

    private static String random() {
      byte[] bytes = new byte[24];
      new SecureRandom().nextBytes(bytes);
      return HexFormat.of().formatHex(bytes);
    }

    static Optional<Credentials> read(Path file) throws IOException {
      if (!Files.exists(file)) {
        return Optional.empty();
      }
      Properties p = new Properties();
      try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(in);
      }
      String su = p.getProperty("superuser.password");
      String user = p.getProperty("user.password");
      if (su == null || user == null || !su.matches("[0-9a-f]+") || !user.matches("[0-9a-f]+")) {
        throw new Refused(file + " is damaged; restore it from a backup of the data directory");
      }
      if (!Files.getPosixFilePermissions(file).equals(PRIVATE_FILE)) {
        Files.setPosixFilePermissions(file, PRIVATE_FILE);
      }
      return Optional.of(new Credentials(su, user));
    }

    void write(Path file) throws IOException {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      privateFile(
          tmp,
          "# Passwords of the embedded PostgreSQL; only the user owning this directory may read it\n"
              + "superuser.password="
              + superuser
              + "\nuser.password="
              + user
              + "\n");
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The binaries for this machine, unpacked under {@code dataDir/postgres-binaries}. */
  static Path binaries(Path dataDir) throws IOException {
    return extractBinaries(dataDir.toAbsolutePath().normalize().resolve("postgres-binaries"));
  }

  static void run(Path binaries, List<String> command) throws IOException {
    run(binaries, command, null);
  }

  private static void run(Path binaries, List<String> command, Path input) throws IOException {
    Path output = Files.createTempFile("plenary-pg-", ".out");
    try {
      int rc = waitFor(process(binaries, command, output, input));
      if (rc != 0) {
        String out = Files.readString(output, StandardCharsets.UTF_8).strip();
        throw new IllegalStateException(
            "PostgreSQL command " + command.get(0) + " failed (exit " + rc + "): " + out);
      }
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private static Process process(Path binaries, List<String> command, Path output, Path input)
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
            .redirectInput(
                ProcessBuilder.Redirect.from(
                    input == null ? new java.io.File("/dev/null") : input.toFile()));
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

  /** Lets the server bind the port held since {@link #begin} (at once before it is launched). */
  private void freeReservedPort() {
    ServerSocket s = reservedPort;
    reservedPort = null;
    if (s != null) {
      try {
        s.close();
      } catch (IOException e) {
        LOG.debugf("Could not close the socket holding port %d: %s", port, e.getMessage());
      }
    }
  }

  /**
   * Where the package keeps the binaries unpacked when the build did ({@link PackagedBinaries}):
   * {@code postgres-binaries} beside {@code quarkus-run.jar} when the JVM runs that jar; else null.
   */
  static Path packagedBinaries() {
    String classPath = System.getProperty("java.class.path", "");
    if (classPath.contains(java.io.File.pathSeparator)
        || !classPath.endsWith(PackagedBinaries.RUNNER)) {
      return null;
    }
    Path jar = Path.of(classPath).toAbsolutePath().normalize();
    return jar.getParent() == null ? null : jar.getParent().resolve(PackagedBinaries.DIRECTORY);
  }

  /**
   * Unpacks the binaries once per archive into {@code dir/<archive id>}, unless the package holds
   * them unpacked already ({@link #packagedBinaries}): a first start then spends no time unpacking.
   */
  static Path extractBinaries(Path dir) throws IOException {
    Platform platform = Platform.of(System.getProperty("os.name"), System.getProperty("os.arch"));
    try (InputStream archive =
        DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(platform.system(), platform.arch())) {
      byte[] bytes = archive.readAllBytes();
      String id = Integer.toHexString(java.util.Arrays.hashCode(bytes)) + "-" + bytes.length;
      Path packaged = packagedBinaries();
      if (packaged != null && Files.exists(packaged.resolve(id).resolve("bin/postgres"))) {
        return packaged.resolve(id);
      }
      Path target = dir.resolve(id);
      if (Files.exists(target.resolve("bin/postgres"))) {
        return target;
      }
      Path tmp = Files.createTempDirectory(Files.createDirectories(dir), "unpack-");
      try {
        unpack(new NativeXz(bytes), tmp);
      } catch (IOException noXz) {
        // no xz on this machine (or it failed): Java's decoder, a few times slower
        LOG.debugf("Unpacking with Java's xz decoder: %s", noXz.getMessage());
        deleteRecursively(tmp);
        Files.createDirectories(tmp);
        unpack(new XZCompressorInputStream(new java.io.ByteArrayInputStream(bytes)), tmp);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException raced) {
        deleteRecursively(tmp); // another process unpacked it first
      }
      return target;
    }
  }

  /**
   * Unpacks the tar stream {@code in} (read to its end, so that a decoder's failure shows, and
   * closed) into {@code tmp}, refusing paths outside it.
   */
  static void unpack(InputStream in, Path tmp) throws IOException {
    try (InputStream src = in) {
      var tar = new TarArchiveInputStream(new BufferedInputStream(src, 1 << 16));
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
      src.transferTo(java.io.OutputStream.nullOutputStream());
    }
  }

  /**
   * The archive decompressed by the machine's own {@code xz}, which decodes about three times as
   * fast as Java's decoder (on a first start, a second or more of the time to ready). Reading it to
   * its end checks that xz exited 0; any failure, or no xz at all, is an IOException, and the
   * caller unpacks with Java's decoder instead.
   */
  static final class NativeXz extends java.io.FilterInputStream {
    private final Process xz;

    NativeXz(byte[] archive) throws IOException {
      this(
          new ProcessBuilder("xz", "--decompress", "--stdout")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start(),
          archive);
    }

    private NativeXz(Process xz, byte[] archive) {
      super(xz.getInputStream());
      this.xz = xz;
      Thread feeder =
          new Thread(
              () -> {
                try (var stdin = xz.getOutputStream()) {
                  stdin.write(archive);
                } catch (IOException gone) {
                  // xz failed: its exit status says so
                }
              },
              "postgres-binaries-xz");
      feeder.setDaemon(true);
      feeder.start();
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      return b < 0 ? end(b) : b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      return n < 0 ? end(n) : n;
    }

    private int end(int eof) throws IOException {
      try {
        if (!xz.waitFor(60, TimeUnit.SECONDS) || xz.exitValue() != 0) {
          throw new IOException("xz failed");
        }
        return eof;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }

    @Override
    public void close() throws IOException {
      super.close();
      xz.destroy();
    }
  }

  /**
   * The platforms whose PostgreSQL binaries are packaged (Linux and macOS, x86-64 and arm64), by
   * the names of the io.zonky.test binaries' archives.
   */
  record Platform(String system, String arch) {
    static Platform of(String osName, String osArch) {
      String system =
          osName.startsWith("Linux") ? "Linux" : osName.startsWith("Mac") ? "Darwin" : null;
      String arch =
          switch (osArch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> null;
          };
      if (system == null || arch == null) {
        throw new IllegalStateException(
            "The embedded PostgreSQL is packaged for Linux and macOS on x86-64 and arm64, not for "
                + osName
                + " "
                + osArch
                + ": set QUARKUS_DATASOURCE_JDBC_URL (and _USERNAME, _PASSWORD) to a PostgreSQL"
                + " server instead");
      }
      return new Platform(system, arch);
    }

    /** The archive's resource name, e.g. postgres-darwin-arm_64.txz. */
    String archive() {
      return "postgres-" + system.toLowerCase(java.util.Locale.ROOT) + "-" + arch + ".txz";
    }
  }

  static void deleteRecursively(Path p) throws IOException {
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
