package org.plenary.db;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import org.plenary.ingest.ImportCommand;

/**
 * Starts Plenary. With no database configured ({@code QUARKUS_DATASOURCE_JDBC_URL} unset), an
 * embedded PostgreSQL is started first, its files under {@code PLENARY_DATA_DIR} (default {@code
 * ./data}), and stopped when the service stops.
 */
@QuarkusMain
public final class PlenaryMain {
  private PlenaryMain() {}

  public static void main(String... args) {
    if (externalDatabaseConfigured()) {
      run(args);
      return;
    }
    EmbeddedDatabase db = EmbeddedDatabase.start(dataDir());
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

  static boolean externalDatabaseConfigured() {
    return present(System.getenv("QUARKUS_DATASOURCE_JDBC_URL"))
        || present(System.getProperty("quarkus.datasource.jdbc.url"));
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
