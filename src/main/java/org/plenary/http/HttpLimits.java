package org.plenary.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The HTTP layer's share of the request budgets (prefix {@code plenary.limits}); the statement
 * timeout and the search bounds are the read engine's, {@code query.QueryLimits}.
 */
@ConfigMapping(prefix = "plenary.limits")
public interface HttpLimits {
  /**
   * Expensive requests (q= search, facets, agreement rankings, CSV/NDJSON) served at once; more are
   * answered 503 at once, so they never take the connections cheap requests need.
   */
  @WithDefault("4")
  int expensiveConcurrency();

  /**
   * Requests served at once past the fast path (those that read the database or render: every
   * request but cached answers, health and metrics); more are answered 503 with Retry-After at
   * once, instead of queueing for a connection and holding memory while they wait. 0 (the default):
   * four per processor the JVM sees ({@link #effectiveConcurrency()}).
   */
  @WithDefault("0")
  int concurrency();

  /**
   * {@link #concurrency()}, or four per processor when it is 0: measured on 2 cores at 500
   * connections (docs/security.md), 8 slots served as many requests a second as 64 did, with a
   * seventh of the median latency, and a smaller peak memory.
   */
  default int effectiveConcurrency() {
    return concurrency() > 0 ? concurrency() : 4 * Runtime.getRuntime().availableProcessors();
  }

  /** Expensive requests per client per {@link #ratePeriod()} (token refill rate). */
  @WithDefault("5")
  long rate();

  /**
   * The period {@link #rate()} refills over: a second unless set (the rate-limit tests set a
   * minute, so that a slow machine never refills a bucket between two of their requests).
   */
  @WithDefault("1s")
  Duration ratePeriod();

  /** Expensive requests a client may make in a burst. */
  @WithDefault("20")
  long burst();

  /**
   * Addresses of reverse proxies whose X-Forwarded-For names the client; from anyone else the
   * header is ignored.
   */
  Optional<List<String>> trustedProxies();

  /** The Retry-After of a 503 (database unavailable, statement timeout, busy). */
  @WithDefault("5s")
  Duration retryAfter();

  /** The longest request URI answered (longer: 414). */
  @WithDefault("8192")
  int uriLength();

  /** The largest request headers answered, names and values together (larger: 431). */
  @WithDefault("16384")
  int headerBytes();

  /**
   * The largest body of a curation write (POST /v1/changes, /v1/releases, /v1/tokens, reviews),
   * sized for the largest change set accepted (500 operations); other requests carry at most 64
   * KiB. Larger: 413.
   */
  @WithDefault("4194304")
  long writeBodyBytes();
}
