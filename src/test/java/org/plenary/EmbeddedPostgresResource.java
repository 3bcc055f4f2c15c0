package org.plenary;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;
import org.plenary.db.EmbeddedDatabase;

/**
 * Starts the embedded PostgreSQL for the tests (files under {@link #dataDirectory()}), unless an
 * external database is configured through QUARKUS_DATASOURCE_JDBC_URL. Either way the service
 * reaches it through a {@link DatabaseProxy}, which the outage tests cut and restore. Tests that
 * write (the curation tests, under {@link WritingTestProfile}) get a database of their own on the
 * same server, so the read-only tests never see their changes.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {
  private static final java.util.regex.Pattern TCP =
      java.util.regex.Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?(/.*)");
  private EmbeddedDatabase db;
  private String profile;

  @Override
  public void setContext(Context context) {
    profile = context.testProfile();
  }

  private DatabaseProxy proxy;

  @Override
  public Map<String, String> start() {
    String external = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
    if (external != null && !external.isBlank()) {
      if (Integer.getInteger("tests.forks", 1) > 1) {
        // the test JVMs would load, drop and write the same database at once
        throw new IllegalStateException(
            "An external test database (QUARKUS_DATASOURCE_JDBC_URL) serves one test JVM: run"
                + " the tests with -Dtests.forks=1");
      }
      return Map.of("quarkus.datasource.jdbc.url", proxied(external));
    }
    db = EmbeddedDatabase.start(dataDirectory());
    String own = ownDatabase(profile);
    boolean record = profile != null && profile.equals(RecordTestProfile.class.getName());
    return Map.of(
        "quarkus.datasource.jdbc.url",
        // each run of the writing tests (and of the voting-record tests, which load layers) starts
        // from an empty database of their own
        proxied(
            own != null
                ? db.jdbcUrl(own, true)
                : record ? db.jdbcUrl(RecordTestProfile.DATABASE, true) : db.jdbcUrl()),
        "quarkus.datasource.username",
        db.username(),
        "quarkus.datasource.password",
        db.password());
  }

  /**
   * This test JVM's directory: target/test-data/fork-N when Maven runs the tests in several JVMs
   * (each its own server), target/test-data otherwise (a test run from an IDE).
   */
  public static Path dataDirectory() {
    return Path.of(System.getProperty("tests.data-dir", "target/test-data"));
  }

  /** The database of a writing profile's own ({@link WritingTestProfile#database()}), or null. */
  private static String ownDatabase(String profile) {
    if (profile == null) {
      return null;
    }
    try {
      Class<?> c = Class.forName(profile, true, Thread.currentThread().getContextClassLoader());
      // by name: the profile may come from another class loader than this resource
      Class<?> k = c;
      while (k != null && !k.getName().equals(WritingTestProfile.class.getName())) {
        k = k.getSuperclass();
      }
      if (k == null) {
        return null;
      }
      return (String) c.getMethod("database").invoke(c.getDeclaredConstructor().newInstance());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot read the test profile " + profile, e);
    }
  }

  /** The JDBC URL through the proxy. */
  private String proxied(String url) {
    var m = TCP.matcher(url);
    if (!m.matches()) {
      throw new IllegalStateException("The test database is not reached over TCP: " + url);
    }
    try {
      int port = m.group(2) == null ? 5432 : Integer.parseInt(m.group(2));
      proxy = new DatabaseProxy(m.group(1), port);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return "jdbc:postgresql://127.0.0.1:" + proxy.port() + m.group(3);
  }

  @Override
  public void stop() {
    if (proxy != null) {
      try {
        proxy.close();
      } catch (java.io.IOException ignored) {
        // the tests are over
      }
    }
    if (db != null) {
      db.stop();
    }
  }
}
