package org.plenary.treaty;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.plenary.http.Api;
import org.plenary.http.Format;
import org.plenary.http.ProblemException;
import org.plenary.http.Responder;
import org.plenary.query.ListQuery;
import org.plenary.query.QueryEngine;

@Path(Api.V1)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "treaty", description = "The convention's status and signatures")
public class TreatyResource {
  @Inject Responder responder;
  @Inject QueryEngine engine;

  @GET
  @Path("/treaty")
  @Operation(
      summary =
          "The convention: adoption, signature period, signatories (official count and the known"
              + " list), the entry-into-force rule and what is known of ratifications")
  public Response treaty(@Context UriInfo uri) {
    Responder.noParameters(uri, "/v1/treaty");
    return responder.item(uri, this::status);
  }

  /** The convention's status, as /v1/treaty gives it (the explorer's pages show it). */
  public Map<String, Object> status() {
    List<Map<String, Object>> rows =
        engine.all(
            ListQuery.parse(
                Treaties.TREATIES, Map.of("include", List.of("signatures")), List.of()));
    if (rows.isEmpty()) {
      throw ProblemException.notFound("The dataset holds no treaty.");
    }
    Map<String, Object> t = new LinkedHashMap<>(rows.get(0));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> signatures = (List<Map<String, Object>>) t.remove("signatures");
    Object sources = t.remove("sources");
    t.put("signatories_known_count", signatures.size());
    Integer official = (Integer) t.get("signatories_official_count");
    t.put("signatories_list_complete", official == null ? null : signatures.size() >= official);
    t.put(
        "entry_into_force_rule",
        "In force on the "
            + t.get("entry_into_force_days")
            + "th day after the deposit of the "
            + t.get("ratifications_required")
            + "th instrument of ratification, acceptance,"
            + " approval or accession (art. 65(1)).");
    // No source gives the ratifications: unknown, not zero (see note).
    t.put("ratifications_known", null);
    t.put("in_force", null);
    t.put("signatures", signatures);
    t.put("sources", sources);
    return t;
  }

  @GET
  @Path("/signatures")
  @Operation(summary = "Known signatures (a partial list; see /v1/treaty for the official count)")
  @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.NDJSON_TYPE})
  @Extension(name = "x-plenary-list", value = "signatures")
  public Response signatures(@Context UriInfo uri, @Context Request request) {
    return responder.list(Treaties.SIGNATURES, uri, request);
  }
}
