package org.plenary.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Turns a format suffix on a path into the format parameter, for browsers and spreadsheets' "import
 * from URL": {@code /v1/votes.csv?outcome=adopted} is {@code /v1/votes?outcome=adopted&format=csv}.
 */
public class FormatSuffixFilter {

  @ServerRequestFilter(preMatching = true)
  public void suffix(ContainerRequestContext ctx) {
    URI uri = ctx.getUriInfo().getRequestUri();
    String path = uri.getRawPath();
    if (!path.startsWith(Api.V1)
        || path.startsWith(Api.V1 + "/dumps/")
        || (path.startsWith(Api.V1 + "/releases/") && path.contains("/dumps/"))) {
      return; // dump files are named with their extension
    }
    for (Format f : Format.values()) {
      String suffix = "." + f.extension();
      if (path.endsWith(suffix) && path.length() > Api.V1.length() + suffix.length()) {
        URI rewritten =
            UriBuilder.fromUri(uri)
                .replacePath(path.substring(0, path.length() - suffix.length()))
                .replaceQueryParam("format", f.extension())
                .build();
        ctx.setRequestUri(rewritten);
        return;
      }
    }
  }
}
