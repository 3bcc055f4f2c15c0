package org.plenary.dataset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once the dataset is loaded. */
@Readiness
@ApplicationScoped
public class DatasetReadiness implements HealthCheck {
  @Inject DatasetState state;

  @Override
  public HealthCheckResponse call() {
    DatasetState.Loaded loaded = state.loaded();
    var b = HealthCheckResponse.named("dataset").status(loaded != null);
    if (loaded != null) {
      b.withData("version", loaded.version()).withData("checksum", loaded.checksum());
    }
    return b.build();
  }
}
