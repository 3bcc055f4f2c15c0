package org.plenary.db;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the embedded PostgreSQL, when this process runs one: DOWN until a new cluster's
 * files are on disk ({@link EmbeddedDatabase#synced()}: initdb does not wait for them, the start
 * goes on while they are synced), so that nothing is served, and nothing curated is accepted,
 * before the database is durable. UP otherwise, and always with an external database.
 */
@Readiness
@ApplicationScoped
public class EmbeddedDatabaseReadiness implements HealthCheck {
  @Override
  public HealthCheckResponse call() {
    EmbeddedDatabase db = EmbeddedDatabase.current();
    boolean synced = db == null || db.synced();
    var r = HealthCheckResponse.named("embedded-database").status(synced);
    if (!synced) {
      r.withData("files", "being synced to disk");
    }
    return r.build();
  }
}
