package org.plenary.vote;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.plenary.http.Api;
import org.plenary.http.Format;
import org.plenary.http.ItemOf;
import org.plenary.http.Responder;
import org.plenary.query.CollectionSpec;
import org.plenary.refusal.Refusal;

@Path(Api.V1)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "votes", description = "Recorded votes, decisions without a vote, and roll calls")
public class VoteResource {
  /** A vote's roll call, by delegation. */
  public static final CollectionSpec ROLL_CALL_OF_VOTE =
      Votes.ROLL_CALLS.sortedBy(Votes.ROLL_CALLS.asc("delegation_id"));

  @Inject Responder responder;
  @Inject BreakdownService breakdowns;

  @GET
  @Path("/votes")
  @Operation(summary = "Votes and decisions taken without a vote")
  @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.NDJSON_TYPE})
  @Extension(name = "x-plenary-list", value = "votes")
  public Response votes(@Context UriInfo uri) {
    return responder.list(Votes.VOTES, uri);
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
  @Extension(name = "x-plenary-list", value = "roll_calls.of_vote")
  public Response rollCall(@PathParam("id") String id, @Context UriInfo uri) {
    return responder.children(Votes.VOTES, id, "vote", ROLL_CALL_OF_VOTE, "vote_id", uri);
  }

  @GET
  @Path("/votes/{id}/breakdown")
  @Operation(
      summary =
          "Roll-call counts per group (by=regional_group); the groups add up to the roll call")
  @ItemOf(VoteBreakdown.class)
  @Parameter(
      name = "by",
      in = ParameterIn.QUERY,
      description = "What to group the delegations by",
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"regional_group"},
              defaultValue = "regional_group"))
  public Response breakdown(@PathParam("id") String id, @Context UriInfo uri) {
    var params = uri.getQueryParameters();
    for (String p : params.keySet()) {
      if (!p.equals("by")) {
        throw Refusal.invalidParameter(p, "unknown parameter. Allowed: by");
      }
    }
    String by = params.getFirst("by") == null ? "regional_group" : params.getFirst("by");
    if (!BreakdownService.GROUPINGS.contains(by)
        || params.get("by") != null && params.get("by").size() > 1) {
      throw Refusal.invalidParameter(
          "by",
          "'"
              + by
              + "' is not a breakdown. Allowed: "
              + String.join(", ", BreakdownService.GROUPINGS));
    }
    return responder.item(
        uri,
        () ->
            breakdowns.breakdown(id).orElseThrow(() -> Refusal.notFound("No vote '" + id + "'.")));
  }

  @GET
  @Path("/roll-calls")
  @Operation(summary = "Every delegation's vote on every recorded vote (the largest collection)")
  @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.NDJSON_TYPE})
  @Extension(name = "x-plenary-list", value = "roll_calls")
  public Response rollCalls(@Context UriInfo uri) {
    return responder.list(Votes.ROLL_CALLS, uri);
  }

  @GET
  @Path("/bodies")
  @Operation(summary = "UN bodies that vote or decide")
  @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.NDJSON_TYPE})
  @Extension(name = "x-plenary-list", value = "bodies")
  public Response bodies(@Context UriInfo uri) {
    return responder.list(Votes.BODIES, uri);
  }

  @GET
  @Path("/bodies/{id}")
  @Operation(summary = "One body")
  @Extension(name = "x-plenary-item", value = "bodies")
  public Response body(@PathParam("id") String id, @Context UriInfo uri) {
    return responder.one(Votes.BODIES, "id", id, uri, "body");
  }
}
