package org.plenary.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The HTTP layer's settings (prefix {@code plenary.http}); each can be set from the environment.
 */
@ConfigMapping(prefix = "plenary.http")
public interface HttpConfig {
  /** Cache-Control max-age of API responses. */
  @WithDefault("60s")
  java.time.Duration maxAge();

  /** Memory for rendered responses kept to answer repeated reads without a query. */
  @WithDefault("67108864")
  long responseCacheBytes();

  /** CSV/NDJSON results up to this many rows are rendered whole (exact ETag, cacheable). */
  @WithDefault("20000")
  int renderRows();
}
