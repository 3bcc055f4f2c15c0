package org.plenary.web;

import io.quarkus.qute.Engine;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.plenary.http.Api;
import org.plenary.http.Problem;

/**
 * Errors outside the API, for browsers: a page asked for with {@code Accept: text/html} (an unknown
 * path, an unknown record, a refused filter) gets the problem as an HTML page with the same status.
 * The API ({@code /v1}) and {@code /q} keep application/problem+json, and so does any client that
 * does not ask for HTML.
 */
public class HtmlErrors {
  @Inject Pages pages;
  @Inject Engine engine;

  @ServerResponseFilter
  public void html(ContainerRequestContext req, ContainerResponseContext res) {
    if (res.getStatus() < 400 || !(res.getEntity() instanceof Problem p)) {
      return;
    }
    String path = req.getUriInfo().getRequestUri().getRawPath();
    if (path.startsWith(Api.V1) || path.startsWith("/q/") || path.equals("/q")) {
      return;
    }
    String accept = req.getHeaderString("Accept");
    if (accept == null || !accept.contains("text/html")) {
      return;
    }
    String content =
        engine
            .getTemplate("error")
            .data(
                "problem",
                Map.of(
                    "status",
                    p.status(),
                    "title",
                    p.title(),
                    "detail",
                    p.detail() == null ? "" : p.detail(),
                    "params",
                    p.invalidParams() == null
                        ? java.util.List.of()
                        : p.invalidParams().stream()
                            .map(i -> Map.of("name", i.name(), "reason", i.reason()))
                            .toList()))
            .render();
    byte[] body =
        pages
            .layout(new Pages.Frame(p.status() + " " + p.title()), content)
            .getBytes(StandardCharsets.UTF_8);
    res.setEntity(body, null, MediaType.valueOf(Pages.HTML));
    res.getHeaders().putSingle("Content-Security-Policy", Pages.PAGE_CSP);
    res.getHeaders().putSingle("Cache-Control", "no-store");
  }
}
