package org.plenary.vote;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
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
import org.plenary.query.QueryEngine;

@Path(Api.V1)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "votes", description = "Recorded votes, decisions without a vote, and roll calls")
public class VoteResource {
  private static final List<String> BALLOTS = org.plenary.seed.Vocabulary.BALLOT.terms();
  private static final Map<String, String> BREAKDOWNS =
      Map.of("regional_group", "coalesce(d.regional_group, 'none')");

  @Inject Responder responder;
  @Inject QueryEngine engine;

  @GET
  @Path("/votes")
  @Operation(summary = "Votes and decisions taken without a vote")
  @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.NDJSON_TYPE})
  @Extension(name = "x-plenary-list", value = "votes")
  public Response votes(@Context UriInfo uri, @Context Request request) {
    return responder.list(Votes.VOTES, uri, request);
  }

  @GET
  @Path("/votes/{id}")
  @Operation(summary = "One vote; include=roll_call embeds how each delegation voted")
  @Extension(name = "x-plenary-item", value = "votes")
  public Response vote(@PathParam("id") String id, @Context UriInfo uri) {
    return responder.one(Votes.VOTES, "id", id, uri, "vote");
  }

  @GET
  @Path("/votes/{id}/roll-call")
  @Operation(
      summary = "How each delegation voted on one vote (filter by vote, regional_group, ...)")
  @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.NDJSON_TYPE})
  @Extension(name = "x-plenary-list", value = "roll_calls")
  public Response rollCall(
      @PathParam("id") String id, @Context UriInfo uri, @Context Request request) {
    return responder.children(
        Votes.VOTES,
        id,
        "vote",
        Votes.ROLL_CALLS.sortedBy(Votes.ROLL_CALLS.asc("delegation_id")),
        "vote_id",
        uri,
        request);
  }

  @GET
  @Path("/votes/{id}/breakdown")
  @Operation(
      summary =
          "Roll-call counts per group (by=regional_group); the groups add up to the roll call")
  public Response breakdown(@PathParam("id") String id, @Context UriInfo uri) {
    var params = uri.getQueryParameters();
    for (String p : params.keySet()) {
      if (!p.equals("by")) {
        throw ProblemException.invalidParam(p, "unknown parameter. Allowed: by");
      }
    }
    String by = params.getFirst("by") == null ? "regional_group" : params.getFirst("by");
    String groupSql = BREAKDOWNS.get(by);
    if (groupSql == null || params.get("by") != null && params.get("by").size() > 1) {
      throw ProblemException.invalidParam(
          "by",
          "'" + by + "' is not a breakdown. Allowed: " + String.join(", ", BREAKDOWNS.keySet()));
    }
    return responder.item(uri, () -> breakdown(id, by, groupSql));
  }

  private Map<String, Object> breakdown(String id, String by, String groupSql) {
    List<Map<String, Object>> found =
        engine.rows(
            "select yes, no, abstain, non_voting, roll_call_status from vote where id = ?", id);
    if (found.isEmpty()) {
      throw ProblemException.notFound("No vote '" + id + "'.");
    }
    Map<String, Object> vote = found.get(0);
    List<Map<String, Object>> groups =
        engine.rows(
            "select "
                + groupSql
                + " as "
                + by
                + ", "
                + "count(*) filter (where r.vote = 'yes')::int as yes, "
                + "count(*) filter (where r.vote = 'no')::int as no, "
                + "count(*) filter (where r.vote = 'abstain')::int as abstain, "
                + "count(*) filter (where r.vote = 'non_voting')::int as non_voting, "
                + "count(*)::int as total "
                + "from roll_call r join delegation d on d.id = r.delegation_id "
                + "where r.vote_id = ? group by 1 order by 1",
            id);
    Map<String, Object> totals = new LinkedHashMap<>();
    for (String b : List.of("yes", "no", "abstain", "non_voting", "total")) {
      totals.put(b, groups.stream().mapToInt(g -> (Integer) g.get(b)).sum());
    }
    Map<String, Object> tallies = new LinkedHashMap<>();
    boolean matches = true;
    for (String b : BALLOTS) {
      tallies.put(b, vote.get(b));
      matches &= vote.get(b) != null && vote.get(b).equals(totals.get(b));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("vote_id", id);
    body.put("by", by);
    body.put("roll_call_status", vote.get("roll_call_status"));
    body.put("groups", groups);
    body.put("totals", totals);
    body.put("tallies", tallies);
    body.put("matches_tallies", matches);
    body.put("sources", rollCallSources(id));
    return body;
  }

  @GET
  @Path("/roll-calls")
  @Operation(summary = "Every delegation's vote on every recorded vote (the largest collection)")
  @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.NDJSON_TYPE})
  @Extension(name = "x-plenary-list", value = "roll_calls")
  public Response rollCalls(@Context UriInfo uri, @Context Request request) {
    return responder.list(Votes.ROLL_CALLS, uri, request);
  }

  @GET
  @Path("/bodies")
  @Operation(summary = "UN bodies that vote or decide")
  @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.NDJSON_TYPE})
  @Extension(name = "x-plenary-list", value = "bodies")
  public Response bodies(@Context UriInfo uri, @Context Request request) {
    return responder.list(Votes.BODIES, uri, request);
  }

  @GET
  @Path("/bodies/{id}")
  @Operation(summary = "One body")
  @Extension(name = "x-plenary-item", value = "bodies")
  public Response body(@PathParam("id") String id, @Context UriInfo uri) {
    return responder.one(Votes.BODIES, "id", id, uri, "body");
  }

  private List<Map<String, Object>> rollCallSources(String voteId) {
    return new ArrayList<>(
        engine.rows(
            "select s.id, s.publisher, s.title, s.url, c.locator from citation c "
                + "join source s on s.id = c.source_id "
                + "where c.record_type = 'roll_call' and c.record_id = ? order by s.id",
            voteId));
  }
}
