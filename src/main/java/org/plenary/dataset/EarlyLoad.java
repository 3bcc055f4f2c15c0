package org.plenary.dataset;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;
import org.plenary.config.PlenaryConfig;
import org.plenary.seed.SeedFiles;

/**
 * The service's migration and start-up load, begun by the launcher ({@code cli.Launch}) as soon as
 * the embedded PostgreSQL accepts connections, before the framework has started: on a first start
 * the load (Voeten's 870,000 country votes) then runs beside the framework's own start, about three
 * seconds of it, instead of after it. Flyway migrates first, as the framework's Flyway would (its
 * defaults: {@code db/migration}); the framework's own migration then finds nothing to do, and the
 * application's {@link SeedLoader} takes the load over ({@link #take}) and waits for it, as it
 * waits for its own.
 *
 * <p>The launcher reads its settings before Quarkus's configuration exists, from the environment
 * and the system properties, and begins nothing unless those are all the configuration there is for
 * the load and the migration ({@code cli.Launch#loadSettings}). The application compares the
 * settings the load used with its own and loads again with its own when they differ.
 */
public final class EarlyLoad {
  private static final Logger LOG = Logger.getLogger(EarlyLoad.class);
  private static final AtomicReference<EarlyLoad> BEGUN = new AtomicReference<>();

  private final SeedLoader.StartSettings settings;
  private final CompletableFuture<String> done = new CompletableFuture<>();

  private EarlyLoad(SeedLoader.StartSettings settings) {
    this.settings = settings;
  }

  /** The settings the load used. */
  SeedLoader.StartSettings settings() {
    return settings;
  }

  /**
   * Completes with the checksum of the files loaded, or with the failure of the migration or load.
   */
  CompletableFuture<String> done() {
    return done;
  }

  /** The launcher's load, once: the application's loader takes it over. Empty when none began. */
  static Optional<EarlyLoad> take() {
    return Optional.ofNullable(BEGUN.getAndSet(null));
  }

  /**
   * Begins the migration and the load in a thread of their own, on the database at {@code url}
   * (whose connections wait for the server to start), with {@code settings}: the launcher's, read
   * when they are all the configuration there is for them ({@code cli.Launch#loadSettings}). No
   * migration runs when {@code schemaCurrent} says, once the server accepts connections, that the
   * database's schema is this build's: a cluster copied from the package's, migrated when the
   * package was built ({@code db.EmbeddedDatabase#schemaFromPackage}). The framework's Flyway still
   * validates it.
   */
  public static EarlyLoad begin(
      String url,
      String user,
      String password,
      SeedLoader.StartSettings settings,
      java.util.function.BooleanSupplier schemaCurrent) {
    return begin(dataSource(url, user, password), settings, schemaCurrent);
  }

  /** Begins the migration and the load on {@code ds} with {@code settings}, in a thread. */
  static EarlyLoad begin(javax.sql.DataSource ds, SeedLoader.StartSettings settings) {
    return begin(ds, settings, () -> false);
  }

  private static EarlyLoad begin(
      javax.sql.DataSource ds,
      SeedLoader.StartSettings settings,
      java.util.function.BooleanSupplier schemaCurrent) {
    EarlyLoad load = new EarlyLoad(settings);
    BEGUN.set(load);
    Thread t =
        new Thread(
            () -> {
              try {
                load.done.complete(
                    migrateAndLoad(ds, settings, schemaCurrent, "beside the framework's start"));
              } catch (RuntimeException | Error e) {
                load.done.completeExceptionally(e);
              }
            },
            "plenary-early-load");
    t.setDaemon(true);
    t.start();
    return load;
  }

  /**
   * Migrates (unless {@code schemaCurrent} says the schema is this build's) and loads, as at any
   * start, here and now, for a command the launcher runs without the framework ({@code
   * ingest.ImportCommand#direct}); returns the checksum of the files loaded.
   */
  public static String migrateAndLoad(
      javax.sql.DataSource ds,
      SeedLoader.StartSettings settings,
      java.util.function.BooleanSupplier schemaCurrent) {
    return migrateAndLoad(ds, settings, schemaCurrent, "without the framework");
  }

  private static String migrateAndLoad(
      javax.sql.DataSource ds,
      SeedLoader.StartSettings settings,
      java.util.function.BooleanSupplier schemaCurrent,
      String how) {
    // Flyway's configuration (its plugins, its classes) is made while the server starts
    long t0 = System.nanoTime();
    Flyway flyway = Flyway.configure(EarlyLoad.class.getClassLoader()).dataSource(ds).load();
    // and the files are read and checked
    SeedLoader loader = SeedLoader.detached(ds);
    SeedFiles files = SeedLoader.startFiles(settings);
    loader.readAhead(files);
    long t1 = System.nanoTime();
    try (java.sql.Connection c = ds.getConnection()) {
      // waits for the server to accept connections
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("Could not connect to the database: " + e.getMessage(), e);
    }
    long t2 = System.nanoTime();
    boolean current = schemaCurrent.getAsBoolean();
    if (!current) {
      flyway.migrate();
    }
    LOG.infof(
        "The launcher %s (Flyway made and the files read in %.1f s, the server waited for %.1f s);"
            + " loading %s",
        current
            ? "found the schema migrated in the package's cluster"
            : String.format("migrated the schema in %.1f s", (System.nanoTime() - t2) / 1e9),
        (t1 - t0) / 1e9,
        (t2 - t1) / 1e9,
        how);
    return loader.loadAtStart(files, settings.onTamper());
  }

  /**
   * Migrates and loads the packaged files into the empty database of {@code ds}, for the package's
   * cluster with the dataset (built by {@code cli.PackagedDataset}): as a first start loads them,
   * except that the content checksums are recorded at once (a first start leaves them for after
   * ready), then vacuums and freezes the loaded tables, so that a copy's first reads write no hint
   * bits and its index-only scans need no heap. Returns the tables it wrote rows to, the state's
   * and the layers' among them.
   */
  public static java.util.Set<String> loadForPackage(javax.sql.DataSource ds) {
    Flyway.configure(EarlyLoad.class.getClassLoader()).dataSource(ds).load().migrate();
    java.util.Map<String, Integer> changed =
        SeedLoader.detached(ds).load(SeedFiles.packaged(), PlenaryConfig.OnTamper.REFUSE);
    // the state (the release loaded, its checksums) and the layers' own rows (their checksums and
    // licences) are the dataset's too
    java.util.Set<String> written =
        new java.util.TreeSet<>(java.util.Set.of("dataset_state", "layer"));
    changed.forEach(
        (table, rows) -> {
          if (rows > 0) {
            written.add(table);
          }
        });
    try (java.sql.Connection c = ds.getConnection();
        java.sql.Statement s = c.createStatement()) {
      s.execute("vacuum (freeze) " + String.join(", ", written));
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("Could not vacuum the loaded tables: " + e.getMessage(), e);
    }
    return written;
  }

  /**
   * Connections to {@code url} as it is written, through Flyway's own data source: a driver's data
   * source writes every property into its URL, and Flyway's redaction of that long URL for its log
   * took 0.15 s of a first start.
   */
  public static javax.sql.DataSource dataSource(String url, String user, String password) {
    return Flyway.configure(EarlyLoad.class.getClassLoader())
        .dataSource(url, user, password)
        .getDataSource();
  }
}
