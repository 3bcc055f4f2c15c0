package org.plenary.curation;

import io.quarkus.security.AuthenticationFailedException;
import java.util.Map;

/** Authentication refused because the client failed too often: a 429 with Retry-After. */
final class TooManyFailures {
  private TooManyFailures() {}

  /** The attribute holding the seconds to wait. */
  static final String RETRY_AFTER = "plenary.retry-after";

  static AuthenticationFailedException exception(long retryAfterSeconds) {
    return new AuthenticationFailedException(
        "too many failed attempts", Map.of(RETRY_AFTER, retryAfterSeconds));
  }

  /** The seconds to wait, when {@code e} is such a refusal; otherwise null. */
  static Long retryAfter(AuthenticationFailedException e) {
    Object v = e.getAttributes() == null ? null : e.getAttributes().get(RETRY_AFTER);
    return v instanceof Long l ? l : null;
  }
}
