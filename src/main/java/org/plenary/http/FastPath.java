package org.plenary.http;

import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.plenary.dataset.DatasetState;

/**
 * Answers a GET or HEAD whose response is already rendered straight from the event loop, before the
 * JAX-RS machinery: no worker thread, no query, no serialization. The bytes, ETag and headers are
 * exactly those the resource rendered for the same request (the cache is keyed by the dataset
 * checksum, so a new dataset is never answered from an old entry). Anything else — a miss, a format
 * suffix, an unusual Accept — goes on to the resources unchanged.
 */
@ApplicationScoped
public class FastPath {
  @Inject HttpCache cache;
  @Inject DatasetState state;
  @Inject PublicUrl publicUrl;

  /** Just after Quarkus's CORS filter (route order -priority), so CORS applies here too. */
  void install(@Observes Router router) {
    router.route().order(-SecurityHandlerPriorities.CORS + 1).handler(this::handle);
  }

  void handle(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    HttpMethod method = req.method();
    String path = req.path();
    if ((method != HttpMethod.GET && method != HttpMethod.HEAD)
        || path == null
        || path.startsWith("/q/")
        || state.loaded() == null) {
      ctx.next();
      return;
    }
    // outside the API, a URL has one representation (the explorer's pages and charts)
    String format = path.startsWith(Api.V1) ? format(req) : HttpCache.PAGE;
    HttpCache.Rendered hit =
        format == null ? null : cache.get(cache.key(format, publicUrl.absolute(req)));
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

  /** The format the resources would choose, when it is plain to see; null to let them decide. */
  private static String format(HttpServerRequest req) {
    String path = req.path();
    if (path.endsWith(".csv") || path.endsWith(".ndjson") || path.endsWith(".json")) {
      return null; // the suffix filter rewrites these; leave them to it
    }
    String query = req.query();
    if (query != null && query.contains("format=")) {
      var all = req.params().getAll("format");
      return all.size() == 1 ? all.get(0) : null;
    }
    String accept = req.getHeader("Accept");
    if (accept == null
        || accept.isEmpty()
        || accept.equals("*/*")
        || accept.equals("application/json")) {
      return "json";
    }
    if (accept.equals("text/csv")) {
      return "csv";
    }
    if (accept.equals("application/x-ndjson")) {
      return "ndjson";
    }
    return null;
  }
}
