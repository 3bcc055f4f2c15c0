package org.plenary.query;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The read engine's share of the request budgets (prefix {@code plenary.limits}, shared with {@code
 * http.HttpLimits}, which holds the HTTP layer's); each can be set from the environment ({@code
 * PLENARY_LIMITS_STATEMENT_TIMEOUT}, ...).
 */
@ConfigMapping(prefix = "plenary.limits")
public interface QueryLimits {
  /** The default of {@link #searchLength()}. */
  String SEARCH_LENGTH = "256";

  /** The default of {@link #searchTerms()}. */
  String SEARCH_TERMS = "16";

  /**
   * The longest any API statement may run before it is cancelled (PostgreSQL answers 57014, the
   * HTTP layer a 503).
   */
  @WithDefault("5s")
  Duration statementTimeout();

  /** The longest q= accepted, in characters (longer: 400). */
  @WithDefault(SEARCH_LENGTH)
  int searchLength();

  /** The most words, phrases or exclusions q= may have (more: 400). */
  @WithDefault(SEARCH_TERMS)
  int searchTerms();
}
