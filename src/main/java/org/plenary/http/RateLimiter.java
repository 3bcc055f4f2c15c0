package org.plenary.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Per-client token buckets (Bucket4j) for expensive requests: plenary.limits.rate per second,
 * bursts of plenary.limits.burst. A client is its address; X-Forwarded-For is believed only when
 * the connection comes from one of plenary.limits.trusted-proxies (then the client is the nearest
 * address in it that is not itself a trusted proxy). Buckets of clients not seen for a minute are
 * forgotten (Caffeine, bounded in size).
 */
@ApplicationScoped
public class RateLimiter {
  /** What a request may do: allowed or not, and the numbers for the RateLimit headers. */
  public record Verdict(boolean allowed, long limit, long remaining, long resetSeconds) {}

  @Inject HttpLimits limits;

  private Cache<String, Bucket> buckets;
  private Set<String> trusted;

  @PostConstruct
  void init() {
    buckets =
        Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(1)).maximumSize(100_000).build();
    trusted = Set.copyOf(limits.trustedProxies().orElse(List.of()));
  }

  /** Takes one token from the client's bucket. */
  public Verdict take(HttpServerRequest req) {
    long burst = limits.burst();
    Bucket bucket = buckets.get(client(req), k -> newBucket());
    ConsumptionProbe p = bucket.tryConsumeAndReturnRemaining(1);
    long reset =
        p.isConsumed()
            ? seconds(p.getNanosToWaitForReset())
            : Math.max(1, seconds(p.getNanosToWaitForRefill()));
    return new Verdict(p.isConsumed(), burst, p.getRemainingTokens(), reset);
  }

  private Bucket newBucket() {
    long rate = limits.rate();
    long burst = limits.burst();
    return Bucket.builder()
        .addLimit(l -> l.capacity(burst).refillGreedy(rate, limits.ratePeriod()))
        .build();
  }

  /** The client's address, through trusted proxies only. */
  String client(HttpServerRequest req) {
    SocketAddress remote = req.remoteAddress();
    String peer = remote == null ? "unknown" : remote.hostAddress();
    if (!trusted.contains(peer)) {
      return peer;
    }
    String forwarded = req.getHeader("X-Forwarded-For");
    if (forwarded == null || forwarded.isBlank()) {
      return peer;
    }
    String[] hops = forwarded.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (!hop.isEmpty() && !trusted.contains(hop)) {
        return hop;
      }
    }
    return peer;
  }

  private static long seconds(long nanos) {
    return (nanos + 999_999_999L) / 1_000_000_000L;
  }
}
