package org.plenary.web;

import io.quarkus.qute.Engine;
import io.quarkus.qute.RawString;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.plenary.config.PlenaryConfig;
import org.plenary.dataset.DatasetState;
import org.plenary.http.HttpCache;
import org.plenary.http.Negotiation;

/**
 * Renders the explorer's pages and charts through the API's HTTP caching: each response is rendered
 * once to bytes per dataset and URL, tagged by a hash of those bytes (strong ETag, 304), carries
 * X-Dataset-Version, and a repeated request is answered by the event-loop fast path.
 */
@ApplicationScoped
public class Pages {
  public static final String HTML = "text/html; charset=utf-8";
  public static final String SVG = "image/svg+xml; charset=utf-8";

  /** Pages load only what Plenary serves; nothing from elsewhere. */
  static final String PAGE_CSP =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
          + " frame-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

  /** A chart loads nothing at all, and may be framed by any site (embedding). */
  static final String CHART_CSP = "default-src 'none'";

  @Inject Engine engine;
  @Inject HttpCache cache;
  @Inject DatasetState state;
  @Inject PlenaryConfig config;

  /** What every page shows around its content: title, sources, version, citation, data links. */
  public static final class Frame {
    final String title;
    String json;
    String csv;
    final List<Map<String, Object>> sources = new ArrayList<>();
    private final Set<Object> seen = new LinkedHashSet<>();

    public Frame(String title) {
      this.title = title;
    }

    /** The same data in the API: its JSON and CSV URLs (with the page's filters). */
    public Frame data(String json, String csv) {
      this.json = json;
      this.csv = csv;
      return this;
    }

    /** Adds the sources of a record (or of many), each once. */
    @SuppressWarnings("unchecked")
    public Frame cite(Object sources) {
      if (sources instanceof List<?> list) {
        for (Object o : list) {
          if (o instanceof Map<?, ?> m && seen.add(m.get("id"))) {
            Map<String, Object> source = new LinkedHashMap<>((Map<String, Object>) m);
            source.put("url", Html.safeUrl(m.get("url")));
            sources().add(source);
          }
        }
      }
      return this;
    }

    /** Adds the sources of every row. */
    public Frame citeAll(List<Map<String, Object>> rows) {
      rows.forEach(r -> cite(r.get("sources")));
      return this;
    }

    List<Map<String, Object>> sources() {
      return sources;
    }
  }

  /** A page: {@code template} rendered with {@code data}, in the layout, cached by URL. */
  public Response page(UriInfo uri, String template, Supplier<Page> build) {
    return cached(
        uri,
        () -> {
          Page p = build.get();
          return new Body(
              html(template, p.frame(), p.model(), base(uri)),
              HTML,
              Map.of("Content-Security-Policy", PAGE_CSP));
        });
  }

  /** A page's content (its template's typed model) and frame. */
  public record Page(Frame frame, PageModel model) {}

  /** A chart served alone, as SVG, cached by URL. */
  public Response chart(UriInfo uri, Supplier<String> svg) {
    return cached(
        uri,
        () ->
            new Body(
                ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg.get())
                    .getBytes(StandardCharsets.UTF_8),
                SVG,
                Map.of("Content-Security-Policy", CHART_CSP)));
  }

  private record Body(byte[] bytes, String type, Map<String, String> headers) {}

  private Response cached(UriInfo uri, Supplier<Body> render) {
    String key = cache.key(Negotiation.negotiate(uri.getRequestUri().toString(), null));
    HttpCache.Rendered hit = cache.get(key);
    if (hit != null) {
      return cache.send(hit);
    }
    Body b = render.get();
    Map<String, String> headers = new LinkedHashMap<>(b.headers());
    headers.put("X-Content-Type-Options", "nosniff");
    return cache.render(key, b.bytes(), b.type(), headers);
  }

  /** The page in the layout, as bytes. */
  byte[] html(String template, Frame frame, PageModel model, String base) {
    Template body = engine.getTemplate(template);
    var instance = body.instance().data("base", base);
    model.fill(instance::data);
    String content = instance.render();
    return layout(frame, content).getBytes(StandardCharsets.UTF_8);
  }

  /** The service's own origin, for the embedding snippets: http://host:port. */
  static String base(UriInfo uri) {
    String b = uri.getBaseUri().toString();
    return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
  }

  /** The layout around already-rendered content (also used by the error pages). */
  String layout(Frame frame, String content) {
    String version = state.version();
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("title", frame.title);
    page.put("json", frame.json);
    page.put("csv", frame.csv);
    page.put("sources", frame.sources());
    page.put("version", version);
    page.put("citation", version == null ? null : config.dataset().citation().formatted(version));
    return engine
        .getTemplate("layout")
        .data("page", page)
        .data("content", new RawString(content))
        .render();
  }
}
