package org.plenary.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plenary.api.ListQuery.Condition;
import org.plenary.dataset.DatasetState;

/** Answers collection and record requests in the one envelope, with paging links and headers. */
@ApplicationScoped
public class Responder {
  private static final ObjectMapper NDJSON = new ObjectMapper();

  @Inject QueryEngine engine;
  @Inject DatasetState state;

  /**
   * {@code c} filtered by the request's query and the path's {@code fixed} filters: a page of JSON,
   * or every matching row as CSV or NDJSON, as the request asks (see {@link Format}).
   */
  public Response list(Collection c, UriInfo uri, Request request, Condition... fixed) {
    MultivaluedMap<String, String> params = params(uri);
    Format format = Format.of(params, request);
    boolean bom = bom(params, format);
    if (format != Format.JSON) {
      return stream(c, uri, params, format, bom, fixed);
    }
    ListQuery q = ListQuery.parse(c, params, List.of(fixed));
    QueryEngine.Page page = engine.page(q);
    String self = uri.getRequestUri().toString();
    String next =
        page.next() == null
            ? null
            : uri.getRequestUriBuilder().replaceQueryParam("cursor", page.next()).build().toString();
    var body =
        new Envelope.ListBody(
            page.rows(),
            new Envelope.Links(self, next),
            new Envelope.ListMeta(
                state.version(),
                page.rows().size(),
                q.limit(),
                ListQuery.sortToken(q.sort()),
                page.total()));
    Response.ResponseBuilder b = Response.ok(body).header(Api.VERSION_HEADER, state.version());
    if (next != null) {
      b.header("Link", "<" + next + ">; rel=\"next\"");
    }
    if (page.total() != null) {
      b.header(Api.TOTAL_HEADER, page.total());
    }
    return b.build();
  }

  private Response stream(
      Collection c, UriInfo uri, MultivaluedMap<String, String> params, Format format, boolean bom, Condition... fixed) {
    ListQuery q = ListQuery.parse(c, params, List.of(fixed), true);
    if (format == Format.CSV && !q.includes().isEmpty()) {
      throw ProblemException.invalidParam(
          "include",
          "include=" + String.join(",", q.includes()) + " nests records, which CSV cannot hold: use format=ndjson, or download the nested collection itself as CSV");
    }
    List<String> columns = new ArrayList<>();
    c.fields().forEach(f -> columns.add(f.name()));
    Map<String, List<String>> embedKeys = new LinkedHashMap<>();
    for (Collection.Embed e : c.embeds()) {
      columns.add(e.name());
      embedKeys.put(e.name(), e.child().key().stream().filter(k -> !e.omit().contains(k) && !k.equals(e.childField())).toList());
    }
    QueryEngine.Stream rows = engine.open(q);
    StreamingOutput body =
        out -> {
          Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
          if (format == Format.CSV) {
            if (bom) {
              w.write('\uFEFF');
            }
            Csv.header(w, columns);
            rows.writeTo(batch -> {
              for (Map<String, Object> r : batch) {
                Csv.row(w, columns, r, embedKeys);
              }
              w.flush();
            });
          } else {
            rows.writeTo(batch -> {
              for (Map<String, Object> r : batch) {
                w.write(NDJSON.writeValueAsString(r));
                w.write('\n');
              }
              w.flush();
            });
          }
          w.flush();
        };
    String type = format == Format.CSV ? "text/csv; charset=utf-8; header=present" : Format.NDJSON_TYPE + "; charset=utf-8";
    return Response.ok(body, type)
        .header(Api.VERSION_HEADER, state.version())
        .header(Api.TOTAL_HEADER, rows.count())
        .header("Content-Disposition", "attachment; filename=\"" + filename(uri, format) + "\"")
        .build();
  }

  /** plenary-1.0.0-votes-a-res-74-247-roll-call.csv: the path, the dataset version, the format. */
  private String filename(UriInfo uri, Format format) {
    String path = uri.getPath().replaceFirst("^/?v1/?", "");
    String name = path.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
    return "plenary-" + state.version() + "-" + (name.isEmpty() ? "index" : name) + "." + format.extension();
  }

  private static boolean bom(MultivaluedMap<String, String> params, Format format) {
    List<String> values = params.get("bom");
    if (values == null) {
      return false;
    }
    String v = values.get(values.size() - 1);
    if (format != Format.CSV) {
      throw ProblemException.invalidParam("bom", "a byte-order mark applies to CSV only (format=csv)");
    }
    if (!v.equals("true") && !v.equals("false")) {
      throw ProblemException.invalidParam("bom", "'" + v + "' is not true or false");
    }
    return Boolean.parseBoolean(v);
  }

  /** The record of {@code c} whose {@code field} is {@code value}; a 404 problem when none. */
  public Response one(Collection c, String field, String value, UriInfo uri, String what) {
    return item(find(c, field, value, params(uri), what), uri);
  }

  /** Looks a record up (with the request's include=), or throws a 404 problem. */
  public Map<String, Object> find(
      Collection c, String field, String value, Map<String, List<String>> params, String what) {
    List<Problem.InvalidParam> bad = new ArrayList<>();
    Map<String, List<String>> includes = new LinkedHashMap<>();
    for (var e : params.entrySet()) {
      if (e.getKey().equals("include")) {
        includes.put("include", e.getValue());
      } else if (e.getKey().equals("format") && e.getValue().stream().allMatch("json"::equals)) {
        continue;
      } else if (e.getKey().equals("format") || e.getKey().equals("bom")) {
        bad.add(new Problem.InvalidParam(e.getKey(), "a single record is served as JSON only; CSV and NDJSON are for collections"));
      } else {
        bad.add(
            new Problem.InvalidParam(
                e.getKey(),
                "unknown parameter. A single record takes only include="
                    + (c.includes().isEmpty() ? " (nothing to include here)" : ListQuery.allowed(c.includes().keySet()))));
      }
    }
    if (!bad.isEmpty()) {
      throw ProblemException.invalidParams(bad);
    }
    if (includes.containsKey("include") && includes.get("include").stream().anyMatch(v -> v.contains("total"))) {
      throw ProblemException.invalidParam("include", "total applies to collections, not to a single record");
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
  public void requireExists(Collection c, String field, String value, String what) {
    if (engine.all(ListQuery.all(c, List.of(ListQuery.condition(c, field, "", value)))).isEmpty()) {
      throw ProblemException.notFound("No " + what + " '" + value + "'.");
    }
  }

  /** Any object in the envelope, with the version header. */
  public Response item(Object data, UriInfo uri) {
    var body =
        new Envelope.ItemBody(
            data,
            new Envelope.Links(uri.getRequestUri().toString(), null),
            new Envelope.Meta(state.version()));
    return Response.ok(body).header(Api.VERSION_HEADER, state.version()).build();
  }

  private static MultivaluedMap<String, String> params(UriInfo uri) {
    return uri.getQueryParameters(true);
  }
}
