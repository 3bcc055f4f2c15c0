package org.plenary.db;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness of the embedded PostgreSQL, when this process runs one: DOWN once it has been gone for
 * longer than {@link #GRACE_MILLIS} and could not be restarted (the watchdog of {@link
 * EmbeddedDatabase} tries every second), so that a supervisor (Docker's restart policy, Kubernetes)
 * restarts the whole service instead of leaving it answering 503. UP otherwise, and always with an
 * external database (its outages are readiness's business, not a reason to restart).
 */
@Liveness
@ApplicationScoped
public class EmbeddedDatabaseLiveness implements HealthCheck {
  static final long GRACE_MILLIS = 30_000;

  @Override
  public HealthCheckResponse call() {
    EmbeddedDatabase db = EmbeddedDatabase.current();
    long since = db == null ? 0 : db.downSince();
    boolean up = since == 0 || System.currentTimeMillis() - since < GRACE_MILLIS;
    var r = HealthCheckResponse.named("embedded-database").status(up);
    if (db != null) {
      r.withData("restarts", db.restarts());
      if (since != 0) {
        r.withData("down_for_ms", System.currentTimeMillis() - since);
      }
    }
    return r.build();
  }
}
