package org.plenary.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * The router's guard, before any resource and after the {@link FastPath} (so cached hits are never
 * limited), on the event loop and without blocking:
 *
 * <ol>
 *   <li>every response carries X-Content-Type-Options: nosniff (installed first of all);
 *   <li>a URI longer than plenary.limits.uri-length is 414, headers larger than
 *       plenary.limits.header-bytes 431, a body on the read-only API 413;
 *   <li>malformed percent-encoding or a control character in a path segment or parameter: 400
 *       naming it ({@link InputHygiene});
 *   <li>an expensive request ({@link #expensive}) takes a token from its client's bucket (429 with
 *       Retry-After when empty) and one of plenary.limits.expensive-concurrency slots (503 with
 *       Retry-After when all are busy), so expensive requests never hold the connections that cheap
 *       requests and health checks need.
 * </ol>
 *
 * All as application/problem+json.
 */
@ApplicationScoped
public class RequestGuard {
  static final long MAX_BODY = 1 << 16;

  /** The Retry-After of an overloaded answer: a moment, as the slots free in milliseconds. */
  static final long OVERLOAD_RETRY_SECONDS = 1;

  @Inject HttpLimits limits;
  @Inject RateLimiter limiter;
  @Inject Metrics metrics;

  private Semaphore expensiveSlots;
  private Semaphore slots;

  @PostConstruct
  void init() {
    expensiveSlots = new Semaphore(Math.max(1, limits.expensiveConcurrency()));
    slots = new Semaphore(limits.effectiveConcurrency());
  }

  void install(@Observes Router router) {
    // Quarkus's CORS handler runs at order -300 and FastPath at -299 (FastPath.ORDER): the header
    // check comes before both, the rest of the guard right after FastPath
    router.route().order(FastPath.ORDER - 2).handler(RequestGuard::headers);
    router.route().order(FastPath.ORDER + 1).handler(this::handle);
    // errors the router itself raises (an invalid Host, ...): problem+json, before Quarkus's
    // own failure handler (which answers text/plain)
    router
        .route()
        .order(Integer.MIN_VALUE + 1)
        .failureHandler(
            ctx -> {
              int status = ctx.statusCode();
              if (status == -1
                  && ctx.failure() instanceof io.vertx.ext.web.handler.HttpException h) {
                status = h.getStatusCode();
              }
              if (status == 400 || status == 413 || status == 414 || status == 431) {
                routerError(ctx, status);
              } else {
                ctx.next();
              }
            });
    for (int status : new int[] {400, 406, 413, 414, 431}) {
      final int code = status;
      router.errorHandler(code, ctx -> routerError(ctx, code));
    }
  }

  static void routerError(RoutingContext ctx, int status) {
    String title =
        switch (status) {
          case 413 -> "Content Too Large";
          case 414 -> "URI Too Long";
          case 431 -> "Request Header Fields Too Large";
          case 406 -> "Not Acceptable";
          default -> "Bad Request";
        };
    String detail =
        switch (status) {
          case 400 -> "The request is malformed (e.g. an invalid Host header).";
          case 406 ->
              "This resource cannot produce any media type the Accept header asks for"
                  + (ctx.request().path() != null && ctx.request().path().startsWith("/q/metrics")
                      ? ": the metrics are text/plain (Prometheus) or"
                          + " application/openmetrics-text."
                      : ".");
          default -> title + ".";
        };
    String path;
    try {
      path = ctx.request().path();
    } catch (RuntimeException e) {
      path = null;
    }
    Problems.send(ctx, Problems.blank(status, title, detail, path), Map.of());
  }

  /**
   * nosniff on every response; and CORS as {@code *} (Quarkus's filter echoes the request's Origin,
   * which a shared cache would then serve to other origins): the API is public and never takes
   * credentials, so any origin may read it and the answer does not vary by Origin.
   */
  static void headers(RoutingContext ctx) {
    var res = ctx.response();
    if (refusedMalformed(ctx) || refusedMetricsType(ctx)) {
      return;
    }
    res.headers().set("X-Content-Type-Options", "nosniff");
    ctx.addHeadersEndHandler(
        v -> {
          if (res.headers().contains("Access-Control-Allow-Origin")) {
            res.headers().set("Access-Control-Allow-Origin", "*");
            res.headers().remove("Access-Control-Allow-Credentials");
          }
        });
    ctx.next();
  }

  /**
   * Answers a request whose target is not a URI (malformed percent-encoding, a raw character RFC
   * 3986 does not allow: space, {@code "<>\\^`{|}}) or that names two Hosts (RFC 9112 section 3.2)
   * with a 400 problem, and returns true. Quarkus's own check of the target answers a bare 400, so
   * it is turned off ({@code vertx.disableURIValidation}, set by cli.Main and the build) and done
   * here instead, first of all.
   */
  static boolean refusedMalformed(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    String uri = req.uri();
    String why = uri == null ? "there is no request target" : UriCheck.why(uri);
    if (why == null && req.headers().getAll("Host").size() > 1) {
      why = "it names more than one Host header (RFC 9112 section 3.2)";
    }
    if (why == null) {
      return false;
    }
    String path = uri == null ? null : uri.split("\\?", 2)[0];
    Problems.send(
        ctx,
        Problems.of(ProblemType.MALFORMED_REQUEST, "The request is malformed: " + why + ".", path),
        Map.of());
    return true;
  }

  /**
   * The metrics (a route of Quarkus's own, under /q) are text/plain or OpenMetrics: an Accept that
   * takes neither is answered here with a 406 problem (Quarkus's sub-router answers a bare 406).
   */
  static boolean refusedMetricsType(RoutingContext ctx) {
    String path = ctx.request().path();
    String accept = ctx.request().getHeader("Accept");
    if (path == null || !path.startsWith("/q/metrics") || accept == null || accept.isBlank()) {
      return false;
    }
    String a = accept.toLowerCase(java.util.Locale.ROOT);
    if (a.contains("*/*")
        || a.contains("text/*")
        || a.contains("text/plain")
        || a.contains("application/openmetrics-text")) {
      return false;
    }
    routerError(ctx, 406);
    return true;
  }

  /**
   * Answers an oversized request (URI, headers) with its problem and returns true; the fast path
   * asks too, so that a cached URL is no way around the limits.
   */
  boolean refusedOversized(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    String uri = req.uri();
    String path = req.path();
    if (uri != null && uri.length() > limits.uriLength()) {
      Problems.send(
          ctx,
          Problems.of(
              ProblemType.URI_TOO_LONG,
              "The request URI is longer than "
                  + limits.uriLength()
                  + " characters. Ask for fewer values at once (e.g. split an id__in list).",
              null),
          Map.of());
      return true;
    }
    long headerBytes = 0;
    for (Map.Entry<String, String> h : req.headers()) {
      headerBytes += h.getKey().length() + h.getValue().length() + 4;
    }
    if (headerBytes > limits.headerBytes()) {
      Problems.send(
          ctx,
          Problems.of(
              ProblemType.HEADERS_TOO_LARGE,
              "The request headers are larger than " + limits.headerBytes() + " bytes.",
              path),
          Map.of());
      return true;
    }
    return false;
  }

  void handle(RoutingContext ctx) {
    if (refusedOversized(ctx)) {
      return;
    }
    HttpServerRequest req = ctx.request();
    String path = req.path();
    String length = req.getHeader("Content-Length");
    boolean write = curationWrite(req);
    long maxBody = write ? limits.writeBodyBytes() : MAX_BODY;
    if (path != null && path.startsWith(Api.V1) && tooLong(length, maxBody)) {
      Problems.send(
          ctx,
          Problems.of(
              ProblemType.CONTENT_TOO_LARGE,
              write
                  ? "A curation request (a change set of up to 500 operations, a review, a release,"
                      + " a token) carries at most "
                      + maxBody
                      + " bytes; split a larger change set in two."
                  : "Reading requests carry no body larger than " + maxBody + " bytes.",
              path),
          Map.of());
      return;
    }
    List<Problem.InvalidParam> bad = InputHygiene.check(path, req.query());
    if (!bad.isEmpty()) {
      Problem p = ProblemException.invalidParams(bad).toProblem(Problems.printable(path));
      if (bad.size() == 1 && bad.get(0).name().equals("path")) {
        p =
            new Problem(
                p.type(),
                "Invalid path",
                400,
                "The path's " + bad.get(0).reason(),
                p.instance(),
                p.invalidParams());
      }
      Problems.send(ctx, p, Map.of());
      return;
    }
    if (path != null && !path.startsWith("/q/")) {
      // every request past the fast path holds a slot while it is served: beyond them, 503 at once
      if (!slots.tryAcquire()) {
        metrics.busy();
        Problems.send(
            ctx,
            Problems.of(
                ProblemType.OVERLOADED,
                "The service is serving as many requests as it can ("
                    + limits.effectiveConcurrency()
                    + " at once). Retry after the number of seconds in Retry-After; cached"
                    + " answers and the bulk dumps at /v1/dumps stay fast.",
                path),
            Map.of("Retry-After", Long.toString(OVERLOAD_RETRY_SECONDS)));
        return;
      }
      ctx.addEndHandler(done -> slots.release()); // on end, failure or a closed connection
    }
    if (!expensive(req)) {
      ctx.next();
      return;
    }
    RateLimiter.Verdict v = limiter.take(req);
    Map<String, String> rate = new LinkedHashMap<>();
    rate.put("RateLimit-Limit", Long.toString(v.limit()));
    rate.put("RateLimit-Remaining", Long.toString(v.remaining()));
    rate.put("RateLimit-Reset", Long.toString(v.resetSeconds()));
    if (!v.allowed()) {
      metrics.rateLimited();
      rate.put("Retry-After", Long.toString(v.resetSeconds()));
      Problems.send(
          ctx,
          Problems.of(
              ProblemType.RATE_LIMITED,
              "This client made more than "
                  + limits.burst()
                  + " expensive requests (search, facets, rankings, downloads) in a burst, or more"
                  + " than "
                  + limits.rate()
                  + (limits.ratePeriod().equals(Duration.ofSeconds(1))
                      ? " a second"
                      : " per " + limits.ratePeriod().toSeconds() + " s")
                  + ". Retry after "
                  + v.resetSeconds()
                  + " s; the bulk dumps at /v1/dumps hold everything.",
              path),
          rate);
      return;
    }
    if (!expensiveSlots.tryAcquire()) {
      metrics.busy();
      rate.put("Retry-After", Long.toString(limits.retryAfter().toSeconds()));
      Problems.send(
          ctx,
          Problems.of(
              ProblemType.BUSY,
              "Every slot for expensive requests (search, facets, rankings, downloads) is busy."
                  + " Retry after the number of seconds in Retry-After.",
              path),
          rate);
      return;
    }
    ctx.addEndHandler(done -> expensiveSlots.release()); // on end, failure or a closed connection
    rate.forEach(ctx.response().headers()::set);
    ctx.next();
  }

  /** A write of curation: a change set, a review, a withdrawal, a release or a token. */
  static boolean curationWrite(HttpServerRequest req) {
    String path = req.path();
    return path != null
        && req.method() == io.vertx.core.http.HttpMethod.POST
        && (path.startsWith(Api.V1 + "/changes")
            || path.startsWith(Api.V1 + "/releases")
            || path.startsWith(Api.V1 + "/tokens"));
  }

  private static boolean tooLong(String contentLength, long max) {
    if (contentLength == null) {
      return false;
    }
    try {
      return Long.parseLong(contentLength.trim()) > max;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * Whether a request costs more than a page lookup: full-text search (q=), facets, the agreement
   * ranking and comparisons, the voting records and group cohesion, CSV and NDJSON downloads of
   * collections; and the explorer's pages that run the same work (a search, a delegation's
   * agreement ranking and chart, the records' ranking, a group's cohesion and its chart, the
   * positions page's counts). Health, the explorer's static files and the bulk dumps never are.
   */
  static boolean expensive(HttpServerRequest req) {
    String path = req.path();
    if (path == null || path.startsWith("/q/") || path.startsWith(Api.V1 + "/dumps")) {
      return false;
    }
    if (!path.startsWith(Api.V1 + "/") && !path.equals(Api.V1)) {
      return expensivePage(path, req.query());
    }
    if (path.endsWith("/agreement")
        || path.endsWith("/record")
        || path.endsWith("/cohesion")
        || path.endsWith(".csv")
        || path.endsWith(".ndjson")) {
      return true;
    }
    String query = req.query();
    if (query != null
        && (query.startsWith("q=")
            || query.contains("&q=")
            || query.contains("facet=")
            || query.contains("format=csv")
            || query.contains("format=ndjson"))) {
      return true;
    }
    String accept = req.getHeader("Accept");
    return accept != null && (accept.contains("text/csv") || accept.contains("ndjson"));
  }

  private static boolean expensivePage(String path, String query) {
    boolean search = query != null && (query.startsWith("q=") || query.contains("&q="));
    return search
        || path.equals("/positions")
        || path.startsWith("/charts/delegations/")
        || path.startsWith("/charts/groups/")
        || path.startsWith("/groups/")
        || (path.startsWith("/delegations/") && path.indexOf('/', "/delegations/".length()) < 0);
  }
}
