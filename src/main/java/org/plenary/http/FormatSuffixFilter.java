package org.plenary.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Turns a format suffix on a path into the format parameter ({@link Negotiation#effectiveUri}), for
 * browsers and spreadsheets' "import from URL": {@code /v1/votes.csv?outcome=adopted} is {@code
 * /v1/votes?outcome=adopted&format=csv}.
 */
public class FormatSuffixFilter {

  @ServerRequestFilter(preMatching = true)
  public void suffix(ContainerRequestContext ctx) {
    String uri = ctx.getUriInfo().getRequestUri().toString();
    String effective = Negotiation.effectiveUri(uri);
    if (!effective.equals(uri)) {
      ctx.setRequestUri(URI.create(effective));
    }
  }
}
