package org.plenary.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Plenary's own counters at /q/metrics, beside Quarkus's per-route request rates and latencies
 * (http_server_requests_seconds) and the connection pool's gauges (agroal_*).
 */
@ApplicationScoped
public class Metrics {
  @Inject MeterRegistry registry;

  private Counter cacheHits;
  private Counter rateLimited;
  private Counter busy;
  private Counter timeouts;
  private Counter unavailable;

  @PostConstruct
  void init() {
    cacheHits =
        Counter.builder("plenary.cache.hits")
            .description("Responses answered from the rendered-response cache, without a query")
            .register(registry);
    rateLimited =
        Counter.builder("plenary.rate.limited")
            .description("Expensive requests refused with 429 (the client's rate limit)")
            .register(registry);
    busy =
        Counter.builder("plenary.expensive.rejected")
            .description(
                "Requests refused with 503 because every expensive slot or every connection was busy")
            .register(registry);
    timeouts =
        Counter.builder("plenary.statement.timeouts")
            .description("Requests stopped by the statement timeout (503)")
            .register(registry);
    unavailable =
        Counter.builder("plenary.database.unavailable")
            .description(
                "Requests answered 503 because the database was down or had no free connection")
            .register(registry);
  }

  public void cacheHit() {
    cacheHits.increment();
  }

  public void rateLimited() {
    rateLimited.increment();
  }

  public void busy() {
    busy.increment();
  }

  /** Counts a 503 for the database's sake. */
  public void outage(Outage o) {
    if (o == Outage.TIMEOUT) {
      timeouts.increment();
    } else if (o == Outage.UNAVAILABLE) {
      unavailable.increment();
    } else if (o == Outage.BUSY) {
      busy.increment();
    }
  }
}
