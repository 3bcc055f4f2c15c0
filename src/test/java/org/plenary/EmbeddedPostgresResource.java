package org.plenary;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;
import org.plenary.db.EmbeddedDatabase;

/**
 * Starts the embedded PostgreSQL for the tests (files under target/test-data), unless an external
 * database is configured through QUARKUS_DATASOURCE_JDBC_URL.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {
  private EmbeddedDatabase db;

  @Override
  public Map<String, String> start() {
    String external = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
    if (external != null && !external.isBlank()) {
      return Map.of();
    }
    db = EmbeddedDatabase.start(Path.of("target", "test-data"));
    return Map.of(
        "quarkus.datasource.jdbc.url", db.jdbcUrl(),
        "quarkus.datasource.username", db.username(),
        "quarkus.datasource.password", db.password());
  }

  @Override
  public void stop() {
    if (db != null) {
      db.stop();
    }
  }
}
