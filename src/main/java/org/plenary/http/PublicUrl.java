package org.plenary.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The absolute URL of a request as links and cache keys show it: under plenary.public-base-url
 * (PLENARY_PUBLIC_BASE_URL) when it is set, so that no Host header decides what links say;
 * otherwise the request's own, and for a request without Host (HTTP/1.0) the local address.
 */
@ApplicationScoped
public class PublicUrl {
  @Inject PublicBaseUrl config;

  /** The request's absolute URL: scheme, host and port from the public base URL or the request. */
  public String absolute(HttpServerRequest req) {
    String target = req.path() + (req.query() == null ? "" : "?" + req.query());
    String origin = origin(req);
    return origin == null ? req.absoluteURI() : origin + target;
  }

  /** The origin to put in front of paths, or null to use the request's own absolute URI. */
  private String origin(HttpServerRequest req) {
    Optional<URI> publicBaseUrl = config.publicBaseUrl();
    if (publicBaseUrl.isPresent()) {
      URI base = publicBaseUrl.get();
      return base.getScheme() + "://" + base.getRawAuthority();
    }
    if (req.getHeader("Host") == null) {
      SocketAddress local = req.localAddress();
      String host =
          local == null || local.hostAddress() == null ? "localhost" : local.hostAddress();
      if (host.contains(":")) {
        host = "[" + host + "]";
      }
      return req.scheme() + "://" + host + (local == null ? "" : ":" + local.port());
    }
    return null;
  }

  /**
   * Makes the resources see the same absolute URL (links, cache keys). Runs before the other
   * pre-matching filters (the format suffix), which then rewrite this URL.
   */
  @ServerRequestFilter(preMatching = true, priority = 100)
  public void rewrite(ContainerRequestContext ctx, HttpServerRequest req) {
    String origin = origin(req);
    if (origin != null) {
      ctx.setRequestUri(URI.create(origin + "/"), URI.create(absolute(req)));
    }
  }
}
