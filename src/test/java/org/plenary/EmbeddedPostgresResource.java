package org.plenary;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;
import org.plenary.db.EmbeddedDatabase;

/**
 * Starts the embedded PostgreSQL for the tests (files under target/test-data), unless an external
 * database is configured through QUARKUS_DATASOURCE_JDBC_URL. Tests that write (the curation tests,
 * under {@link WritingTestProfile}) get a database of their own on the same server, so the
 * read-only tests never see their changes.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {
  private EmbeddedDatabase db;
  private String profile;

  @Override
  public void setContext(Context context) {
    profile = context.testProfile();
  }

  @Override
  public Map<String, String> start() {
    String external = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
    if (external != null && !external.isBlank()) {
      return Map.of();
    }
    db = EmbeddedDatabase.start(Path.of("target", "test-data"));
    boolean writing = profile != null && profile.equals(WritingTestProfile.class.getName());
    return Map.of(
        "quarkus.datasource.jdbc.url",
        // each run of the writing tests starts from an empty database of their own
        writing ? db.jdbcUrl(WritingTestProfile.DATABASE, true) : db.jdbcUrl(),
        "quarkus.datasource.username",
        db.username(),
        "quarkus.datasource.password",
        db.password());
  }

  @Override
  public void stop() {
    if (db != null) {
      db.stop();
    }
  }
}
