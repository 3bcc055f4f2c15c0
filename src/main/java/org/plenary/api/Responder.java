package org.plenary.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;
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
  @Inject QueryEngine engine;
  @Inject DatasetState state;

  /** A page of {@code c}, filtered by the request's query and the path's {@code fixed} filters. */
  public Response list(Collection c, UriInfo uri, Condition... fixed) {
    ListQuery q = ListQuery.parse(c, params(uri), List.of(fixed));
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
