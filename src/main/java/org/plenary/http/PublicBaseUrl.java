package org.plenary.http;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.util.Optional;

/** The HTTP layer's setting under the prefix {@code plenary} ({@code config.PlenaryConfig}'s). */
@ConfigMapping(prefix = "plenary")
public interface PublicBaseUrl {
  /**
   * The public base URL of the service (e.g. https://api.example.org), used for every link instead
   * of the request's Host header ({@code PLENARY_PUBLIC_BASE_URL}). Unset: links follow the request
   * (Host, or the local address when a request has no Host).
   */
  Optional<URI> publicBaseUrl();
}
