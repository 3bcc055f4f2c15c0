package org.plenary.web;

import io.quarkus.qute.RawString;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.plenary.http.Api;
import org.plenary.http.Parameters;
import org.plenary.query.CollectionSpec;
import org.plenary.query.ListQuery;
import org.plenary.query.QueryEngine;
import org.plenary.refusal.Refusal;
import org.plenary.source.SourceCollections;
import org.plenary.statement.StatementRecords;
import org.plenary.statement.StatementService;
import org.plenary.statement.Statements;

/**
 * The explorer's General Debate: a search page (passages, a chart of matching statements per year)
 * and a statement page (its paragraphs with anchors, speaker, citation, and the delegation's
 * ballots in that session).
 */
@Path("/statements")
public class StatementPageResource {
  @Inject Pages pages;
  @Inject QueryEngine engine;
  @Inject StatementService statements;

  @GET
  @Operation(hidden = true)
  public Response search(@Context UriInfo uri) {
    return pages.page(
        uri,
        "statements",
        () -> {
          MultivaluedMap<String, String> params = PageResource.params(uri);
          if (params.containsKey("delegation_id")) {
            params.putSingle(
                "delegation_id", params.getFirst("delegation_id").toUpperCase(Locale.ROOT));
          }
          boolean searching = params.containsKey("q");
          CollectionSpec c = searching ? Statements.PASSAGES : Statements.STATEMENTS;
          params.putIfAbsent("limit", List.of("20"));
          QueryEngine.Page page = engine.page(engine.parse(c, params, List.of()));
          MultivaluedMap<String, String> filters = new MultivaluedHashMap<>(params);
          for (String p : List.of("limit", "cursor", "sort")) {
            filters.remove(p);
          }
          List<StatementRecords.Count> counts =
              statements.counts(engine.parse(c, filters, List.of()), "year");
          String query = Html.query(filters);
          Pages.Frame f =
              new Pages.Frame(
                      searching
                          ? "General Debate: “" + params.getFirst("q") + "”"
                          : "General Debate")
                  .data(
                      PageResource.api("/statements", query),
                      PageResource.api("/statements.csv", query))
                  .cite(corpus(null));
          List<Map<String, Object>> rows = new ArrayList<>();
          for (Map<String, Object> r : page.rows()) {
            Map<String, Object> m = new LinkedHashMap<>(r);
            m.put(
                "highlight",
                r.get("snippet") == null ? null : Html.highlight((String) r.get("snippet")));
            rows.add(m);
          }
          RawString chart =
              new RawString(
                  YearChart.svg(
                      "py",
                      searching
                          ? "Statements mentioning “" + params.getFirst("q") + "”, per year"
                          : "Statements per year",
                      counts));
          String next =
              page.next() == null
                  ? null
                  : uri.getPath() + "?" + Html.query(withCursor(params, page.next()));
          return new Pages.Page(
              f,
              new PageModel.StatementSearch(
                  rows,
                  searching,
                  PageResource.first(params, "q"),
                  PageResource.first(params, "delegation_id"),
                  PageResource.first(params, "year__gte"),
                  PageResource.first(params, "year__lte"),
                  counts,
                  chart,
                  next,
                  org.plenary.ingest.UngdcImporter.CITATION));
        });
  }

  @GET
  @Path("/{id}")
  @Operation(hidden = true)
  public Response statement(@PathParam("id") String id, @Context UriInfo uri) {
    Parameters.none(uri, "This page");
    return pages.page(
        uri,
        "statement",
        () -> {
          Map<String, Object> s =
              statements
                  .statement(id.toLowerCase(Locale.ROOT))
                  .orElseThrow(() -> Refusal.notFound("No statement '" + id + "'."));
          String name =
              s.get("delegation_name") != null
                  ? (String) s.get("delegation_name")
                  : (String) s.get("code");
          Pages.Frame f =
              new Pages.Frame(name + " in the General Debate, " + s.get("year"))
                  .data(
                      Api.V1 + "/statements/" + Html.encode((String) s.get("id")),
                      Api.V1 + "/statements.csv?id=" + Html.encode((String) s.get("id")))
                  .cite(corpus((String) s.get("locator")));
          return new Pages.Page(
              f,
              new PageModel.Statement(
                  s,
                  name,
                  statements.ballots(
                      (String) s.get("code"), ((Number) s.get("session")).intValue())));
        });
  }

  /** The corpus's source row (none before an import), cited at {@code locator}. */
  private List<Map<String, Object>> corpus(String locator) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> row : sources()) {
      Map<String, Object> m = new LinkedHashMap<>(row);
      m.put("locator", locator);
      out.add(m);
    }
    return out;
  }

  private List<Map<String, Object>> sources() {
    return engine.all(
        ListQuery.all(
            SourceCollections.SOURCES,
            List.of(
                ListQuery.condition(
                    SourceCollections.SOURCES,
                    "id",
                    "",
                    org.plenary.ingest.UngdcImporter.SOURCE_ID))));
  }

  private static MultivaluedMap<String, String> withCursor(
      MultivaluedMap<String, String> params, String cursor) {
    MultivaluedMap<String, String> out = new MultivaluedHashMap<>(params);
    out.putSingle("cursor", cursor);
    return out;
  }
}
