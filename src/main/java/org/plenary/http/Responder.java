package org.plenary.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.plenary.PlenaryConfig;
import org.plenary.dataset.DatasetState;
import org.plenary.query.CollectionSpec;
import org.plenary.query.Field;
import org.plenary.query.ListQuery;
import org.plenary.query.ListQuery.Condition;
import org.plenary.query.QueryEngine;

/**
 * Answers collection and record requests in the one envelope, with paging links and the HTTP
 * caching headers. Every response is rendered to bytes once, tagged with a hash of them, and kept
 * in the {@link HttpCache}; only CSV or NDJSON downloads too large to render whole are streamed.
 */
@ApplicationScoped
public class Responder {
  /** The JSON of every response: snake_case, field order as declared. */
  public static final ObjectMapper JSON =
      new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  @Inject QueryEngine engine;
  @Inject DatasetState state;
  @Inject HttpCache cache;
  @Inject PlenaryConfig config;

  /**
   * {@code c} filtered by the request's query and the path's {@code fixed} filters: a page of JSON,
   * or every matching row as CSV or NDJSON, as the request asks (see {@link Format}).
   */
  public Response list(CollectionSpec c, UriInfo uri, Request request, Condition... fixed) {
    return list(c, uri, request, null, fixed);
  }

  /**
   * The records of {@code child} whose {@code childField} is a parent's id (a vote's roll call, a
   * delegation's positions, ...); a 404 problem when the parent does not exist.
   */
  public Response children(
      CollectionSpec parent,
      String parentId,
      String what,
      CollectionSpec child,
      String childField,
      UriInfo uri,
      Request request) {
    return list(
        child,
        uri,
        request,
        () -> requireExists(parent, "id", parentId, what),
        ListQuery.condition(child, childField, "", parentId));
  }

  /** Refuses any query parameter: for resources that take none. */
  public static void noParameters(UriInfo uri, String resource) {
    if (!uri.getQueryParameters().isEmpty()) {
      throw ProblemException.invalidParam(
          uri.getQueryParameters().keySet().iterator().next(),
          "unknown parameter. " + resource + " takes none");
    }
  }

  /**
   * As {@link #list}, for a sub-collection: {@code parentCheck} (which throws a 404 problem when
   * the parent does not exist) runs only when there is nothing to show, saving a query on every
   * other request.
   */
  public Response list(
      CollectionSpec c, UriInfo uri, Request request, Runnable parentCheck, Condition... fixed) {
    MultivaluedMap<String, String> params = params(uri);
    Format format = Format.of(params, request);
    boolean bom = bom(params, format);
    String key = cache.key(format.extension(), uri.getRequestUri().toString());
    HttpCache.Rendered hit = cache.get(key);
    if (hit != null) {
      return cache.send(hit);
    }
    if (format != Format.JSON) {
      return download(c, uri, params, format, bom, key, parentCheck, fixed);
    }
    ListQuery q = ListQuery.parse(c, params, List.of(fixed));
    QueryEngine.Page page = engine.page(q);
    if (page.rows().isEmpty() && parentCheck != null) {
      parentCheck.run();
    }
    String self = uri.getRequestUri().toString();
    String next = page.next() == null ? null : withCursor(self, page.next());
    var body =
        new Envelope.ListBody(
            page.rows(),
            new Envelope.Links(self, next),
            new Envelope.ListMeta(
                state.version(),
                page.rows().size(),
                q.limit(),
                ListQuery.sortToken(q.sort()),
                page.total(),
                page.facets()));
    Map<String, String> headers = new LinkedHashMap<>();
    if (next != null) {
      headers.put("Link", "<" + next + ">; rel=\"next\"");
    }
    if (page.total() != null) {
      headers.put(Api.TOTAL_HEADER, page.total().toString());
    }
    return render(key, json(body), "application/json", headers);
  }

  /**
   * Every matching row as CSV or NDJSON. Up to plenary.http.render-rows rows are rendered whole
   * (exact ETag, cached); larger results stream a batch at a time in constant memory, tagged by the
   * dataset checksum and the request (a strong validator that changes whenever the dataset does).
   */
  private Response download(
      CollectionSpec c,
      UriInfo uri,
      MultivaluedMap<String, String> params,
      Format format,
      boolean bom,
      String key,
      Runnable parentCheck,
      Condition... fixed) {
    ListQuery q = ListQuery.parse(c, params, List.of(fixed), true);
    if (format == Format.CSV && !q.includes().isEmpty()) {
      throw ProblemException.invalidParam(
          "include",
          "include="
              + String.join(",", q.includes())
              + " nests records, which CSV cannot hold: use format=ndjson, or download the nested collection itself as CSV");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Disposition", "attachment; filename=\"" + filename(uri, format) + "\"");
    String type =
        format == Format.CSV
            ? "text/csv; charset=utf-8; header=present"
            : Format.NDJSON_TYPE + "; charset=utf-8";
    QueryEngine.Stream rows = engine.open(q);
    if (rows.count() == 0 && parentCheck != null) {
      try {
        parentCheck.run();
      } catch (RuntimeException e) {
        rows.close();
        throw e;
      }
    }
    headers.put(Api.TOTAL_HEADER, Long.toString(rows.count()));
    if (rows.count() <= config.http().renderRows()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        write(c, format, bom, rows, out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return render(key, out.toByteArray(), type, headers);
    }
    String etag = HttpCache.etag(key.getBytes(StandardCharsets.UTF_8));
    if (cache.notModified(etag)) {
      rows.close();
      Response.ResponseBuilder b = Response.notModified().tag(new EntityTag(etag));
      headers.forEach(b::header);
      return cache.headers(b).build();
    }
    StreamingOutput body = out -> write(c, format, bom, rows, out);
    Response.ResponseBuilder b = Response.ok(body, type).tag(new EntityTag(etag));
    headers.forEach(b::header);
    return cache.headers(b).build();
  }

  private static void write(
      CollectionSpec c, Format format, boolean bom, QueryEngine.Stream rows, OutputStream out)
      throws IOException {
    List<Field> fields = rows.query().fields();
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    if (format == Format.CSV) {
      List<String> columns = new ArrayList<>();
      fields.forEach(f -> columns.add(f.name()));
      Map<String, List<String>> embedKeys = new LinkedHashMap<>();
      for (CollectionSpec.Embed e : c.embeds()) {
        columns.add(e.name());
        embedKeys.put(
            e.name(),
            e.child().key().stream()
                .filter(k -> !e.omit().contains(k) && !k.equals(e.childField()))
                .toList());
      }
      if (bom) {
        w.write('\uFEFF');
      }
      Csv.header(w, columns);
      rows.writeTo(
          batch -> {
            for (Map<String, Object> r : batch) {
              Csv.row(w, columns, r, embedKeys);
            }
            w.flush();
          });
    } else {
      rows.writeTo(
          batch -> {
            for (Map<String, Object> r : batch) {
              w.write(JSON.writeValueAsString(r));
              w.write('\n');
            }
            w.flush();
          });
    }
    w.flush();
  }

  /** The request URI with its cursor parameter replaced (cursors are URL-safe base64). */
  static String withCursor(String uri, String cursor) {
    int q = uri.indexOf('?');
    StringBuilder sb = new StringBuilder(uri.length() + cursor.length() + 8);
    sb.append(q < 0 ? uri : uri, 0, q < 0 ? uri.length() : q);
    char sep = '?';
    if (q >= 0) {
      for (String p : uri.substring(q + 1).split("&")) {
        if (!p.isEmpty() && !p.startsWith("cursor=") && !p.equals("cursor")) {
          sb.append(sep).append(p);
          sep = '&';
        }
      }
    }
    return sb.append(sep).append("cursor=").append(cursor).toString();
  }

  /** plenary-1.0.0-votes-a-res-74-247-roll-call.csv: the path, the dataset version, the format. */
  private String filename(UriInfo uri, Format format) {
    String path = uri.getPath().replaceFirst("^/?v1/?", "");
    String name = path.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
    return "plenary-"
        + state.version()
        + "-"
        + (name.isEmpty() ? "index" : name)
        + "."
        + format.extension();
  }

  private static boolean bom(MultivaluedMap<String, String> params, Format format) {
    List<String> values = params.get("bom");
    if (values == null) {
      return false;
    }
    String v = values.get(values.size() - 1);
    if (format != Format.CSV) {
      throw ProblemException.invalidParam(
          "bom", "a byte-order mark applies to CSV only (format=csv)");
    }
    if (!v.equals("true") && !v.equals("false")) {
      throw ProblemException.invalidParam("bom", "'" + v + "' is not true or false");
    }
    return Boolean.parseBoolean(v);
  }

  /** The record of {@code c} whose {@code field} is {@code value}; a 404 problem when none. */
  public Response one(CollectionSpec c, String field, String value, UriInfo uri, String what) {
    return item(uri, () -> find(c, field, value, params(uri), what));
  }

  /** Looks a record up (with the request's include=), or throws a 404 problem. */
  public Map<String, Object> find(
      CollectionSpec c, String field, String value, Map<String, List<String>> params, String what) {
    List<Problem.InvalidParam> bad = new ArrayList<>();
    Map<String, List<String>> includes = new LinkedHashMap<>();
    for (var e : params.entrySet()) {
      if (e.getKey().equals("include")) {
        includes.put("include", e.getValue());
      } else if (e.getKey().equals("format") && e.getValue().stream().allMatch("json"::equals)) {
        continue;
      } else if (e.getKey().equals("format") || e.getKey().equals("bom")) {
        bad.add(
            new Problem.InvalidParam(
                e.getKey(),
                "a single record is served as JSON only; CSV and NDJSON are for collections"));
      } else {
        bad.add(
            new Problem.InvalidParam(
                e.getKey(),
                "unknown parameter. A single record takes only include="
                    + (c.includes().isEmpty()
                        ? " (nothing to include here)"
                        : ListQuery.allowed(c.includes().keySet()))));
      }
    }
    if (!bad.isEmpty()) {
      throw ProblemException.invalidParams(bad);
    }
    if (includes.containsKey("include")
        && includes.get("include").stream().anyMatch(v -> v.contains("total"))) {
      throw ProblemException.invalidParam(
          "include", "total applies to collections, not to a single record");
    }
    Condition byKey = ListQuery.condition(c, field, "", value);
    ListQuery q = ListQuery.parse(c, includes, List.of(byKey));
    List<Map<String, Object>> rows = engine.all(q);
    if (rows.isEmpty()) {
      throw ProblemException.notFound("No " + what + " '" + value + "'.");
    }
    return rows.get(0);
  }

  /** Throws a 404 problem unless a record of {@code c} has {@code field} = {@code value}. */
  public void requireExists(CollectionSpec c, String field, String value, String what) {
    if (!engine.exists(ListQuery.all(c, List.of(ListQuery.condition(c, field, "", value))))) {
      throw ProblemException.notFound("No " + what + " '" + value + "'.");
    }
  }

  /** Any object in the envelope, rendered once per dataset and request. */
  public Response item(UriInfo uri, Supplier<Object> data) {
    String key = cache.key("json", uri.getRequestUri().toString());
    HttpCache.Rendered hit = cache.get(key);
    if (hit != null) {
      return cache.send(hit);
    }
    var body =
        new Envelope.ItemBody(
            data.get(),
            new Envelope.Links(uri.getRequestUri().toString(), null),
            new Envelope.Meta(state.version()));
    return render(key, json(body), "application/json", Map.of());
  }

  /** A fixed list (not a collection: no filters or pages) in the list envelope. */
  public Response fixedList(UriInfo uri, Supplier<? extends List<?>> data) {
    String key = cache.key("json", uri.getRequestUri().toString());
    HttpCache.Rendered hit = cache.get(key);
    if (hit != null) {
      return cache.send(hit);
    }
    List<?> rows = data.get();
    var body =
        new Envelope.ListBody(
            rows,
            new Envelope.Links(uri.getRequestUri().toString(), null),
            new Envelope.ListMeta(
                state.version(), rows.size(), rows.size(), null, (long) rows.size(), null));
    return render(
        key,
        json(body),
        "application/json",
        Map.of(Api.TOTAL_HEADER, Integer.toString(rows.size())));
  }

  private Response render(String key, byte[] body, String type, Map<String, String> headers) {
    HttpCache.Rendered r = new HttpCache.Rendered(body, type, HttpCache.etag(body), headers);
    cache.put(key, r);
    return cache.send(r);
  }

  private static byte[] json(Object body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not render JSON", e);
    }
  }

  private static MultivaluedMap<String, String> params(UriInfo uri) {
    return uri.getQueryParameters(true);
  }
}
