package org.plenary.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.plenary.config.PlenaryConfig;
import org.plenary.dataset.EarlyLoad;
import org.plenary.dataset.SeedLoader;
import org.plenary.db.EmbeddedDatabase;
import org.plenary.ingest.ImportCommand;

/**
 * Where a command's database comes from, decided before Quarkus starts: the configured one ({@code
 * QUARKUS_DATASOURCE_JDBC_URL}), or else the embedded PostgreSQL, its files under {@code
 * PLENARY_DATA_DIR} (default {@code ./data}), stopped when the process ends. In the production
 * profile (the packaged jar's default, and Docker's) the embedded database needs an explicit
 * opt-in, {@code PLENARY_EMBEDDED_DATABASE=true}: a deployment that forgot its database settings
 * refuses to start instead of quietly serving from a local one.
 *
 * <p>These settings are read from the environment and the system properties (Quarkus's
 * configuration does not exist yet); {@code config.PlenaryConfig} declares them so that Quarkus
 * knows them. The embedded database's URL and credentials reach the application through {@link
 * LaunchSettings}.
 */
final class Launch {
  private Launch() {}

  /**
   * The JVM's memory settings that were measured under load (docs/security.md): the Dockerfile and
   * {@code quarkus:run} start the service with them.
   */
  static final String MEMORY_OPTIONS =
      "-XX:+UseSerialGC -Xms32m -Xmx256m -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:+UnlockExperimentalVMOptions -XX:+IgnoreUnrecognizedVMOptions -XX:TrimNativeHeapInterval=5000";

  /** A JDBC connection's settings: the configured database's, or the embedded one's. */
  record Connection(String url, String user, String password) {}

  /** Starting is refused for a reason the operator must fix (one line, exit status 2). */
  static final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }

  /** The exit status of a command whose database was refused. */
  static final int REFUSED = 2;

  /**
   * The database a command runs on: the configured one ({@code embedded} null), or the embedded one
   * started for it, which {@link #close} stops.
   */
  record Database(Connection connection, EmbeddedDatabase embedded) implements AutoCloseable {
    @Override
    public void close() {
      if (embedded != null) {
        embedded.stop();
      }
    }
  }

  /**
   * Opens the database a command runs on: the configured one, or else the embedded one, started for
   * the command in the background: its connections wait for the server (and, when {@code
   * awaitSynced}, for its new files on disk: a command writes at once). Returns null when starting
   * it was refused, said on {@code err} in one line; the command then exits with {@link #REFUSED}.
   */
  static Database database(PrintWriter err, boolean awaitSynced) {
    return database(err, awaitSynced, false);
  }

  /**
   * {@link #database(PrintWriter, boolean)}; {@code withDataset}: a new embedded cluster is a copy
   * of the package's cluster with the dataset, when the package has one ({@link
   * EmbeddedDatabase#begin(Path, boolean)}).
   */
  private static Database database(PrintWriter err, boolean awaitSynced, boolean withDataset) {
    Map<String, String> env = System.getenv();
    Properties props = System.getProperties();
    if (externalDatabaseConfigured(env, props)) {
      return new Database(
          new Connection(
              firstOf(env, props, "quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL"),
              firstOf(env, props, "quarkus.datasource.username", "QUARKUS_DATASOURCE_USERNAME"),
              firstOf(env, props, "quarkus.datasource.password", "QUARKUS_DATASOURCE_PASSWORD")),
          null);
    }
    EmbeddedDatabase db;
    try {
      db = beginEmbedded(env, props, withDataset);
    } catch (Refused e) {
      err.println("plenary: " + e.getMessage());
      err.flush();
      return null;
    }
    db.whenFailed(
        e -> {
          if (e instanceof EmbeddedDatabase.Refused) {
            // found as the server started (e.g. another program's server on its files): one line
            // and the same exit status as a refusal found before; nothing has run yet to keep
            err.println("plenary: " + e.getMessage());
            err.flush();
            Runtime.getRuntime().halt(REFUSED);
          }
        });
    if (awaitSynced) {
      db.connectionsAwaitSync();
    }
    // the server starts in the background, beside the framework; a connection waits for it
    return new Database(
        new Connection(db.jdbcUrlAwaitingStart(), db.username(), db.password()), db);
  }

  /**
   * Runs {@code application} (the service when null) on the configured or the embedded database,
   * with {@code settings} on top; returns only when starting was refused (its exit status), since
   * Quarkus ends the process when the application ends.
   */
  static int quarkus(
      Class<? extends QuarkusApplication> application,
      Map<String, String> settings,
      PrintWriter err,
      String... args) {
    Map<String, String> all = new HashMap<>(settings);
    // the migration and the start's load are the launcher's when nothing but these settings
    // configures them: the service's begin as soon as the server is up, beside the framework's
    // start (which takes them over); an import runs without the framework
    Optional<SeedLoader.StartSettings> launcherLoad =
        application == null || application == ImportCommand.class
            ? loadSettings(System.getenv(), System.getProperties(), Path.of("").toAbsolutePath())
            : Optional.empty();
    // a command writes at once; the service waits in its readiness instead
    Database db = database(err, application != null, packagedFiles(launcherLoad));
    if (db == null) {
      return REFUSED;
    }
    if (db.embedded() != null) {
      all.put("quarkus.datasource.jdbc.url", db.connection().url());
      all.put("quarkus.datasource.username", db.connection().user());
      all.put("quarkus.datasource.password", db.connection().password());
      Runtime.getRuntime().addShutdownHook(new Thread(db::close, "embedded-postgres-stop"));
      if (application == null) {
        launcherLoad.ifPresent(
            s ->
                EarlyLoad.begin(
                    db.connection().url(),
                    db.connection().user(),
                    db.connection().password(),
                    s,
                    db.embedded()::schemaFromPackage));
      } else if (launcherLoad.isPresent()) {
        return importDirectly(db, launcherLoad.get(), err, args);
      }
    }
    LaunchSettings.use(all);
    if (!memoryBounded(
        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments())) {
      err.println(
          "plenary: WARNING: the JVM's heap is not bounded (no -Xmx): under load its memory grows"
              + " with the machine's. Start it with the launcher target/quarkus-app/plenary, which"
              + " runs this jar with "
              + MEMORY_OPTIONS
              + " (as the Dockerfile and quarkus:run do), or set them yourself, e.g. in"
              + " JAVA_TOOL_OPTIONS.");
      err.flush();
    }
    if (application == null) {
      Quarkus.run(args);
    } else {
      Quarkus.run(application, args);
    }
    return 0;
  }

  /**
   * An import without the framework ({@link ImportCommand#direct}): the launcher migrates and loads
   * as at any start ({@link EarlyLoad#migrateAndLoad}), then runs the same importers, in the same
   * transactions; the framework's start (about three seconds of a command that serves nothing) is
   * left out. Its exit status: the command's, or 1 when the start's migration or load failed (its
   * reason on stderr, as the framework's start would have failed).
   */
  private static int importDirectly(
      Database db, SeedLoader.StartSettings settings, PrintWriter err, String... args) {
    DirectLogging.toConsole();
    Connection c = db.connection();
    javax.sql.DataSource ds = EarlyLoad.dataSource(c.url(), c.user(), c.password());
    try {
      EarlyLoad.migrateAndLoad(ds, settings, db.embedded()::schemaFromPackage);
      return ImportCommand.direct(ds, args);
    } catch (RuntimeException e) {
      err.println("plenary: " + e.getMessage());
      err.flush();
      return 1;
    }
  }

  /**
   * Whether the start's load, begun by the launcher with {@code settings}, loads the packaged files
   * (no seed directory, no layers directory): the very files the package's cluster with the dataset
   * was loaded from, so a new cluster may be a copy of it. The load then finds them loaded, and
   * verifies their content, as at a restart; were they not the same, it would load them as over any
   * earlier release.
   */
  static boolean packagedFiles(Optional<SeedLoader.StartSettings> settings) {
    return settings.isPresent()
        && settings.get().seedDir().isEmpty()
        && settings.get().layersDir().isEmpty();
  }

  /** The embedded server, starting in the background ({@link EmbeddedDatabase#begin}). */
  private static EmbeddedDatabase beginEmbedded(
      Map<String, String> env, Properties props, boolean withDataset) throws Refused {
    String refusal = embeddedRefusal(env, props);
    if (refusal != null) {
      throw new Refused(refusal);
    }
    try {
      return EmbeddedDatabase.begin(dataDir(env, props), withDataset);
    } catch (EmbeddedDatabase.Refused e) {
      throw new Refused(e.getMessage());
    }
  }

  /** Whether the JVM was started with a bound on its heap. */
  static boolean memoryBounded(List<String> jvmArguments) {
    return jvmArguments.stream()
        .anyMatch(
            a ->
                a.startsWith("-Xmx")
                    || a.startsWith("-XX:MaxHeapSize")
                    || a.startsWith("-XX:MaxRAM"));
  }

  private static String firstOf(
      Map<String, String> env, Properties props, String property, String variable) {
    String v = props.getProperty(property);
    return present(v) ? v : env.get(variable);
  }

  static boolean externalDatabaseConfigured(Map<String, String> env, Properties props) {
    return present(env.get("QUARKUS_DATASOURCE_JDBC_URL"))
        || present(props.getProperty("quarkus.datasource.jdbc.url"));
  }

  /**
   * Why the embedded database may not start, or null: in the production profile it needs {@code
   * PLENARY_EMBEDDED_DATABASE=true} (or the system property {@code plenary.embedded-database}).
   */
  static String embeddedRefusal(Map<String, String> env, Properties props) {
    boolean prod = prod(env, props);
    String optIn =
        props.getProperty("plenary.embedded-database", env.get("PLENARY_EMBEDDED_DATABASE"));
    if (!prod || "true".equalsIgnoreCase(present(optIn) ? optIn.strip() : "")) {
      return null;
    }
    return "Refusing to start: no database configured. Set QUARKUS_DATASOURCE_JDBC_URL (with"
        + " QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD), or"
        + " PLENARY_EMBEDDED_DATABASE=true to run the embedded PostgreSQL with its files in"
        + " PLENARY_DATA_DIR (now "
        + dataDir(env, props).toAbsolutePath().normalize()
        + ").";
  }

  /** Whether the profile is the production one (the packaged jar's default). */
  private static boolean prod(Map<String, String> env, Properties props) {
    String profile = props.getProperty("quarkus.profile", env.get("QUARKUS_PROFILE"));
    return !present(profile) || profile.split(",")[0].strip().equals("prod");
  }

  /**
   * The start's load settings ({@link EarlyLoad}) when the environment and the system properties
   * are all the configuration there is for the migration and the load; else empty, and the
   * framework migrates and loads as it starts: the production profile, no configuration file in
   * {@code workingDir} ({@code config/application.properties}, {@code .env}) nor named by {@code
   * QUARKUS_CONFIG_LOCATIONS}, no Flyway setting but {@code migrate-at-start=true}, no
   * profile-specific Plenary or Flyway setting, and an {@code on-tamper} the launcher understands.
   */
  static Optional<SeedLoader.StartSettings> loadSettings(
      Map<String, String> env, Properties props, Path workingDir) {
    if (!prod(env, props)
        || present(firstOf(env, props, "quarkus.config.locations", "QUARKUS_CONFIG_LOCATIONS"))
        || Files.exists(workingDir.resolve("config/application.properties"))
        || Files.exists(workingDir.resolve(".env"))) {
      return Optional.empty();
    }
    for (String key : props.stringPropertyNames()) {
      if (key.startsWith("quarkus.flyway.")
              && !(key.equals("quarkus.flyway.migrate-at-start")
                  && "true".equals(props.getProperty(key).strip()))
          || key.startsWith("%") && (key.contains(".plenary.") || key.contains(".flyway."))) {
        return Optional.empty();
      }
    }
    for (Map.Entry<String, String> e : env.entrySet()) {
      String key = e.getKey();
      if (key.startsWith("QUARKUS_FLYWAY_")
              && !(key.equals("QUARKUS_FLYWAY_MIGRATE_AT_START")
                  && "true".equals(e.getValue().strip()))
          || key.startsWith("_") && (key.contains("_PLENARY_") || key.contains("_FLYWAY_"))) {
        return Optional.empty();
      }
    }
    PlenaryConfig.OnTamper onTamper = PlenaryConfig.OnTamper.RESTORE;
    String tamper = firstOf(env, props, "plenary.on-tamper", "PLENARY_ON_TAMPER");
    if (present(tamper)) {
      try {
        onTamper = PlenaryConfig.OnTamper.valueOf(tamper.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        return Optional.empty(); // the framework says what is wrong with it
      }
    }
    return Optional.of(
        new SeedLoader.StartSettings(
            Optional.ofNullable(firstOf(env, props, "plenary.seed-dir", "PLENARY_SEED_DIR"))
                .filter(Launch::present),
            Optional.ofNullable(firstOf(env, props, "plenary.layers-dir", "PLENARY_LAYERS_DIR"))
                .filter(Launch::present),
            onTamper));
  }

  /** {@code PLENARY_DATA_DIR} (or the system property {@code plenary.data-dir}), else ./data. */
  static Path dataDir(Map<String, String> env, Properties props) {
    String dir = props.getProperty("plenary.data-dir", env.get("PLENARY_DATA_DIR"));
    return Path.of(present(dir) ? dir : "data");
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
