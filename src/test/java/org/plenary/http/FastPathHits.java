package org.plenary.http;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts, from the tests, the requests the {@link FastPath} answered from the response cache: a
 * route just before it watches each response's headers, and a route just after it marks the
 * requests it let through; a 200 or 304 never marked was the fast path's. Production code carries
 * no counter.
 */
@ApplicationScoped
public class FastPathHits {
  private static final String PASSED = "plenary.test.past-the-fast-path";

  private final AtomicLong hits = new AtomicLong();

  void install(@Observes Router router) {
    router
        .route()
        .order(FastPath.ORDER - 1)
        .handler(
            ctx -> {
              ctx.addHeadersEndHandler(
                  v -> {
                    int status = ctx.response().getStatusCode();
                    if (ctx.get(PASSED) == null && (status == 200 || status == 304)) {
                      hits.incrementAndGet();
                    }
                  });
              ctx.next();
            });
    router
        .route()
        .order(FastPath.ORDER + 1)
        .handler(
            ctx -> {
              ctx.put(PASSED, true);
              ctx.next();
            });
  }

  /** How many requests the fast path has answered since the service started. */
  public long count() {
    return hits.get();
  }
}
