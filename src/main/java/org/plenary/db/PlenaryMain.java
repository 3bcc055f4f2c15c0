package org.plenary.db;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import org.plenary.dataset.Dumps;
import org.plenary.ingest.ImportCommand;
import org.plenary.seed.Schema;
import org.plenary.seed.SeedFiles;
import org.plenary.seed.SeedReader;
import org.plenary.seed.TableSpec;

/**
 * Starts Plenary. With no database configured ({@code QUARKUS_DATASOURCE_JDBC_URL} unset), an
 * embedded PostgreSQL is started first, its files under {@code PLENARY_DATA_DIR} (default {@code
 * ./data}), and stopped when the service stops. In the production profile (the packaged jar's
 * default, and Docker's) the embedded database needs an explicit opt-in, {@code
 * PLENARY_EMBEDDED_DATABASE=true}: a deployment that forgot its database settings refuses to start
 * instead of quietly serving from a local one.
 *
 * <p>{@code export DIR} writes the current release into DIR in the seed-data format (one CSV per
 * table, byte for byte the release's dumps) and exits: copy it over seed-data/ to carry the release
 * in the repository. It reads the configured database, or the embedded one under the same rules.
 */
@QuarkusMain
public final class PlenaryMain {
  private PlenaryMain() {}

  /**
   * Turns off Quarkus's check of the request target, which answers a bare 400 (no body, no
   * Content-Type): {@code http.RequestGuard} checks it instead and answers problem+json. The build
   * sets it for the tests and {@code quarkus:run}.
   */
  public static final String URI_VALIDATION = "vertx.disableURIValidation";

  /**
   * The JVM's memory settings that were measured under load (docs/security.md): the Dockerfile and
   * {@code quarkus:run} start the service with them.
   */
  public static final String MEMORY_OPTIONS =
      "-XX:+UseSerialGC -Xms32m -Xmx256m -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -Xss512k";

  public static void main(String... args) {
    System.setProperty(URI_VALIDATION, "true");
    Map<String, String> env = System.getenv();
    Properties props = System.getProperties();
    if (args.length > 0 && args[0].equals("export")) {
      System.exit(export(env, props, args));
    }
    if (externalDatabaseConfigured(env, props)) {
      run(args);
      return;
    }
    String refusal = embeddedRefusal(env, props);
    if (refusal != null) {
      refuse(refusal);
    }
    EmbeddedDatabase db;
    try {
      db = EmbeddedDatabase.start(dataDir());
    } catch (EmbeddedDatabase.Refused e) {
      refuse(e.getMessage());
      return;
    }
    System.setProperty("quarkus.datasource.jdbc.url", db.jdbcUrl());
    System.setProperty("quarkus.datasource.username", db.username());
    System.setProperty("quarkus.datasource.password", db.password());
    Runtime.getRuntime().addShutdownHook(new Thread(db::stop, "embedded-postgres-stop"));
    run(args);
  }

  /** Whether the JVM was started with a bound on its heap. */
  static boolean memoryBounded(java.util.List<String> jvmArguments) {
    return jvmArguments.stream()
        .anyMatch(
            a ->
                a.startsWith("-Xmx")
                    || a.startsWith("-XX:MaxHeapSize")
                    || a.startsWith("-XX:MaxRAM"));
  }

  /** The service, or a command (`import undl FILE`). */
  private static void run(String... args) {
    if (!memoryBounded(
        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments())) {
      System.err.println(
          "plenary: WARNING: the JVM's heap is not bounded (no -Xmx): under load its memory grows"
              + " with the machine's. Start it with "
              + MEMORY_OPTIONS
              + " (as the Dockerfile and quarkus:run do), e.g. in JAVA_TOOL_OPTIONS.");
    }
    if (ImportCommand.handles(args)) {
      ImportCommand.start(args);
    } else {
      Quarkus.run(args);
    }
  }

  private static void refuse(String reason) {
    System.err.println("plenary: " + reason);
    System.exit(2);
  }

  private static int export(Map<String, String> env, Properties props, String... args) {
    if (args.length != 2) {
      System.err.println("usage: java -jar quarkus-run.jar export DIR");
      return 2;
    }
    Path dir = Path.of(args[1]);
    EmbeddedDatabase db = null;
    try {
      String url;
      String user;
      String password;
      if (externalDatabaseConfigured(env, props)) {
        url = firstOf(env, props, "quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL");
        user = firstOf(env, props, "quarkus.datasource.username", "QUARKUS_DATASOURCE_USERNAME");
        password =
            firstOf(env, props, "quarkus.datasource.password", "QUARKUS_DATASOURCE_PASSWORD");
      } else {
        String refusal = embeddedRefusal(env, props);
        if (refusal != null) {
          System.err.println("plenary: " + refusal);
          return 2;
        }
        db = EmbeddedDatabase.start(dataDir());
        url = db.jdbcUrl();
        user = db.username();
        password = db.password();
      }
      String version = exportTo(url, user, password == null ? "" : password, dir);
      System.out.println("Exported release " + version + " to " + dir.toAbsolutePath());
      return 0;
    } catch (IOException | SQLException | RuntimeException e) {
      System.err.println("Export failed: " + e.getMessage());
      return 1;
    } finally {
      if (db != null) {
        db.stop();
      }
    }
  }

  /**
   * Writes every table of the loaded release into {@code dir} in one consistent snapshot, checks
   * the files with the loader's rules and returns the release's version.
   */
  public static String exportTo(String url, String user, String password, Path dir)
      throws IOException, SQLException {
    Files.createDirectories(dir);
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
      for (TableSpec t : Schema.TABLES) {
        try (OutputStream out = Files.newOutputStream(dir.resolve(t.file()))) {
          Dumps.copyCurated(c, t, out);
        }
      }
      c.rollback();
    }
    return SeedReader.read(SeedFiles.directory(dir)).version();
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
    String profile = props.getProperty("quarkus.profile", env.get("QUARKUS_PROFILE"));
    boolean prod = !present(profile) || profile.split(",")[0].strip().equals("prod");
    String optIn =
        props.getProperty("plenary.embedded-database", env.get("PLENARY_EMBEDDED_DATABASE"));
    if (!prod || "true".equalsIgnoreCase(present(optIn) ? optIn.strip() : "")) {
      return null;
    }
    return "Refusing to start: no database configured. Set QUARKUS_DATASOURCE_JDBC_URL (with"
        + " QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD), or"
        + " PLENARY_EMBEDDED_DATABASE=true to run the embedded PostgreSQL with its files in"
        + " PLENARY_DATA_DIR (now "
        + dataDir().toAbsolutePath().normalize()
        + ").";
  }

  /** {@code PLENARY_DATA_DIR} (or the system property {@code plenary.data-dir}), else ./data. */
  public static Path dataDir() {
    String dir = System.getProperty("plenary.data-dir", System.getenv("PLENARY_DATA_DIR"));
    return Path.of(present(dir) ? dir : "data");
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
