package org.plenary.http;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Answers a GET or HEAD whose response is already rendered straight from the event loop, before the
 * JAX-RS machinery: no worker thread, no query, no serialization. The representation and the cache
 * key come from the same {@link Negotiation} and {@link HttpCache#key} the resources use, so the
 * bytes, ETag and headers are exactly those the resource rendered for the same request (the key
 * holds the dataset checksum, so a new dataset is never answered from an old entry). Anything else
 * — a miss, an Accept that names no format — goes on to the resources unchanged. Outside the API
 * (the explorer's pages and charts), a URL has one representation.
 */
@ApplicationScoped
public class FastPath {
  /**
   * The route order: just after Quarkus's CORS handler, which the HTTP layer installs at order -300
   * (its documented security-handler priority 300, routes ordered by -priority), so that CORS
   * applies here too; through the public Vert.x Router only.
   */
  static final int ORDER = -299;

  @Inject HttpCache cache;
  @Inject Served served;
  @Inject PublicUrl publicUrl;
  @Inject RequestGuard guard;

  void install(@Observes Router router) {
    router.route().order(ORDER).handler(this::handle);
  }

  void handle(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    HttpMethod method = req.method();
    String path = req.path();
    if ((method != HttpMethod.GET && method != HttpMethod.HEAD)
        || path == null
        || path.startsWith("/q/")
        || served.snapshot() == null) {
      ctx.next();
      return;
    }
    if (guard.refusedOversized(ctx)) {
      return;
    }
    Negotiation.Negotiated n =
        Negotiation.negotiate(
            Negotiation.effectiveUri(publicUrl.absolute(req)),
            accept(req.headers().getAll("Accept")));
    HttpCache.Rendered hit = n.format() == null ? null : cache.get(cache.key(n));
    if (hit == null) {
      ctx.next();
      return;
    }
    HttpServerResponse res = ctx.response();
    MultiMap h = res.headers();
    boolean notModified = HttpCache.matches(req.getHeader("If-None-Match"), hit.etag());
    h.addAll(notModified ? hit.wireNotModified() : hit.wire());
    if (notModified) {
      res.setStatusCode(304).end();
      return;
    }
    if (method == HttpMethod.HEAD) {
      h.set("Content-Length", Integer.toString(hit.body().length));
      res.end();
      return;
    }
    res.end(hit.buffer());
  }

  /** Every Accept header, joined as JAX-RS joins them. */
  private static String accept(java.util.List<String> values) {
    return values.isEmpty() ? null : values.size() == 1 ? values.get(0) : String.join(",", values);
  }
}
