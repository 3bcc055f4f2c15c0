package org.plenary.dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;
import org.plenary.config.PlenaryConfig;
import org.plenary.seed.SeedFiles;
import org.postgresql.ds.PGSimpleDataSource;

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
 * and the system properties. It begins nothing unless those are all the configuration there is for
 * the load and the migration: the production profile, no configuration file in the working
 * directory ({@code config/application.properties}, {@code .env}) nor named by {@code
 * QUARKUS_CONFIG_LOCATIONS}, no Flyway setting but {@code migrate-at-start=true}, no
 * profile-specific Plenary setting. The application compares the settings the load used with its
 * own and loads again with its own when they differ.
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
   * (whose connections wait for the server to start), when {@code env} and {@code props} are all
   * the configuration there is for them ({@link #settings}); else does nothing (false) and the
   * application migrates and loads as it starts. {@code workingDir}: where Quarkus looks for its
   * configuration files.
   */
  public static boolean begin(
      String url,
      String user,
      String password,
      Map<String, String> env,
      Properties props,
      Path workingDir) {
    Optional<SeedLoader.StartSettings> settings = settings(env, props, workingDir);
    if (settings.isEmpty()) {
      return false;
    }
    begin(dataSource(url, user, password), settings.get());
    return true;
  }

  /** Begins the migration and the load on {@code ds} with {@code settings}, in a thread. */
  static EarlyLoad begin(javax.sql.DataSource ds, SeedLoader.StartSettings settings) {
    EarlyLoad load = new EarlyLoad(settings);
    BEGUN.set(load);
    Thread t =
        new Thread(
            () -> {
              try {
                // Flyway's configuration (its plugins, its classes) is made while the server starts
                long t0 = System.nanoTime();
                Flyway flyway =
                    Flyway.configure(EarlyLoad.class.getClassLoader()).dataSource(ds).load();
                // and the files are read and checked
                SeedLoader loader = SeedLoader.detached(ds);
                SeedFiles files = SeedLoader.startFiles(load.settings);
                loader.readAhead(files);
                long t1 = System.nanoTime();
                try (java.sql.Connection c = ds.getConnection()) {
                  // waits for the server to accept connections
                } catch (java.sql.SQLException e) {
                  throw new IllegalStateException(
                      "Could not connect to the database: " + e.getMessage(), e);
                }
                long t2 = System.nanoTime();
                flyway.migrate();
                LOG.infof(
                    "The launcher migrated the schema in %.1f s (Flyway made and the files read in"
                        + " %.1f s, the server waited for %.1f s); loading beside the framework's"
                        + " start",
                    (System.nanoTime() - t2) / 1e9, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
                load.done.complete(loader.loadAtStart(files, load.settings.onTamper()));
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
   * Connections to {@code url} as it is written: a data source's own URL names every driver
   * property, and Flyway's redaction of that for its log took 0.15 s of a first start.
   */
  static javax.sql.DataSource dataSource(String url, String user, String password) {
    PGSimpleDataSource ds =
        new PGSimpleDataSource() {
          @Override
          public java.sql.Connection getConnection(String user, String password)
              throws java.sql.SQLException {
            Properties props = new Properties();
            props.setProperty("user", user);
            props.setProperty("password", password);
            java.sql.Connection c = new org.postgresql.Driver().connect(url, props);
            if (c == null) {
              throw new java.sql.SQLException("Not a PostgreSQL JDBC URL: " + url);
            }
            return c;
          }
        };
    ds.setUser(user);
    ds.setPassword(password);
    return ds;
  }

  /**
   * The start's settings when the environment and the system properties are all the configuration
   * there is for the migration and the load; else empty.
   */
  static Optional<SeedLoader.StartSettings> settings(
      Map<String, String> env, Properties props, Path workingDir) {
    String profile = value(env, props, "quarkus.profile");
    if (profile != null && !profile.equals("prod")) {
      return Optional.empty();
    }
    if (value(env, props, "quarkus.config.locations") != null
        || Files.exists(workingDir.resolve("config/application.properties"))
        || Files.exists(workingDir.resolve(".env"))) {
      return Optional.empty();
    }
    for (String key : keys(env, props)) {
      boolean flyway = key.startsWith("quarkus.flyway.");
      if (flyway
          && !(key.equals("quarkus.flyway.migrate-at-start")
              && "true".equals(value(env, props, key)))) {
        return Optional.empty(); // Flyway configured otherwise: the framework migrates
      }
      if ((key.startsWith("%") || key.startsWith("_"))
          && (key.contains("plenary")
              || key.contains("PLENARY")
              || key.contains("flyway")
              || key.contains("FLYWAY"))) {
        return Optional.empty(); // profile-specific settings: the framework's to resolve
      }
    }
    PlenaryConfig.OnTamper onTamper = PlenaryConfig.OnTamper.RESTORE;
    String tamper = value(env, props, "plenary.on-tamper");
    if (tamper != null) {
      try {
        onTamper = PlenaryConfig.OnTamper.valueOf(tamper.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        return Optional.empty(); // the framework says what is wrong with it
      }
    }
    return Optional.of(
        new SeedLoader.StartSettings(
            Optional.ofNullable(value(env, props, "plenary.seed-dir")),
            Optional.ofNullable(value(env, props, "plenary.layers-dir")),
            onTamper));
  }

  /** A setting by its property name, from the system properties, else the environment. */
  private static String value(Map<String, String> env, Properties props, String key) {
    String v = props.getProperty(key);
    if (v == null) {
      v = env.get(envName(key));
    }
    return v == null || v.isEmpty() ? null : v;
  }

  /** MicroProfile Config's name of a property in the environment. */
  static String envName(String key) {
    return key.replaceAll("[^A-Za-z0-9_]", "_").toUpperCase(Locale.ROOT);
  }

  /**
   * The Flyway, profile-specific and Plenary keys set, as property names (an environment variable's
   * name turned back into one, which is enough to tell Flyway's and the profiles' apart).
   */
  private static java.util.List<String> keys(Map<String, String> env, Properties props) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (String k : props.stringPropertyNames()) {
      out.add(k);
    }
    for (String k : env.keySet()) {
      if (k.startsWith("QUARKUS_FLYWAY_")) {
        out.add(
            "quarkus.flyway."
                + k.substring("QUARKUS_FLYWAY_".length())
                    .toLowerCase(Locale.ROOT)
                    .replace('_', '-'));
      } else if (k.startsWith("_")) {
        out.add(k);
      }
    }
    return out;
  }
}
