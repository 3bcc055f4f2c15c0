package org.plenary.curation;

import io.quarkus.security.AuthenticationFailedException;
import java.util.Map;
import org.plenary.http.SecurityProblems;

/**
 * Authentication refused because the client failed too often: {@code http/SecurityProblems} answers
 * it with a 429 and Retry-After.
 */
final class TooManyFailures {
  private TooManyFailures() {}

  static AuthenticationFailedException exception(long retryAfterSeconds) {
    return new AuthenticationFailedException(
        "too many failed attempts", Map.of(SecurityProblems.RETRY_AFTER, retryAfterSeconds));
  }
}
