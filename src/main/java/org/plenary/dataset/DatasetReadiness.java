package org.plenary.dataset;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once the dataset is loaded (asynchronous: answered on the event loop). */
@Readiness
@jakarta.annotation.Priority(10) // listed after the database in /q/health/ready
@ApplicationScoped
public class DatasetReadiness implements AsyncHealthCheck {
  @Inject DatasetState state;

  @Override
  public Uni<HealthCheckResponse> call() {
    DatasetState.Loaded loaded = state.loaded();
    var b = HealthCheckResponse.named("dataset").status(loaded != null);
    if (loaded != null) {
      b.withData("version", loaded.version()).withData("checksum", loaded.checksum());
    }
    return Uni.createFrom().item(b.build());
  }
}
