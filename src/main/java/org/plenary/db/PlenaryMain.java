package org.plenary.db;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.plenary.ingest.ImportCommand;

/**
 * Starts Plenary. With no database configured ({@code QUARKUS_DATASOURCE_JDBC_URL} unset), an
 * embedded PostgreSQL is started first, its files under {@code PLENARY_DATA_DIR} (default {@code
 * ./data}), and stopped when the service stops. In the production profile (the packaged jar's
 * default, and Docker's) the embedded database needs an explicit opt-in, {@code
 * PLENARY_EMBEDDED_DATABASE=true}: a deployment that forgot its database settings refuses to start
 * instead of quietly serving from a local one.
 */
@QuarkusMain
public final class PlenaryMain {
  private PlenaryMain() {}

  public static void main(String... args) {
    Map<String, String> env = System.getenv();
    Properties props = System.getProperties();
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

  /** The service, or a command (`import undl FILE`). */
  private static void run(String... args) {
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
