package org.plenary.query;

import io.agroal.api.AgroalDataSource;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the database, DOWN only when it cannot be reached, never merely because it is busy:
 * when the read engine completed a statement in the last {@value #RECENT_MILLIS} ms and no request
 * failed for want of the database since, it is UP without taking a connection (a check that waited
 * for a connection would report a loaded pool as DOWN and get the replica taken out of rotation
 * just when it is needed); otherwise it takes a connection and checks it.
 */
@Readiness
@jakarta.annotation.Priority(20) // listed first in /q/health/ready (ArC orders by priority)
@jakarta.enterprise.inject.Default
@ApplicationScoped
public class DatabaseHealth implements AsyncHealthCheck {
  static final long RECENT_MILLIS = 10_000;

  @Inject AgroalDataSource dataSource;

  private final ExecutorService probes =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "database-health");
            t.setDaemon(true);
            return t;
          });

  private volatile long lastSuccess;
  private volatile long lastFailure;

  /** A statement completed. */
  void succeeded() {
    lastSuccess = System.currentTimeMillis();
  }

  /** A request failed because the database could not be reached. */
  public void failed() {
    lastFailure = System.currentTimeMillis();
  }

  @Override
  public Uni<HealthCheckResponse> call() {
    long now = System.currentTimeMillis();
    if (now - lastSuccess < RECENT_MILLIS && lastSuccess > lastFailure) {
      return Uni.createFrom().item(HealthCheckResponse.named("database").up().build());
    }
    return Uni.createFrom().item(this::probe).runSubscriptionOn(probes);
  }

  private HealthCheckResponse probe() {
    try (Connection c = dataSource.getConnection()) {
      boolean valid = c.isValid(2);
      if (valid) {
        succeeded();
      }
      return HealthCheckResponse.named("database").status(valid).build();
    } catch (SQLException e) {
      failed();
      return HealthCheckResponse.named("database")
          .down()
          .withData("error", String.valueOf(e.getMessage()))
          .build();
    }
  }
}
