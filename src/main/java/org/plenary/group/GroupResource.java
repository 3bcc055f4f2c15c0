package org.plenary.group;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.plenary.http.Api;
import org.plenary.http.Format;
import org.plenary.http.Responder;

@Path(Api.V1 + "/groups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "groups",
    description = "Groups of delegations (the UN regional groups) and their cohesion")
public class GroupResource {
  @Inject Responder responder;

  @GET
  @Operation(summary = "Groups of delegations: the UN regional groups, with their members")
  @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.NDJSON_TYPE})
  @Extension(name = "x-plenary-list", value = "groups")
  public Response groups(@Context UriInfo uri) {
    return responder.list(Groups.GROUPS, uri);
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One group, by id (weog, african, asia_pacific, eastern_european, grulac)")
  @Extension(name = "x-plenary-item", value = "groups")
  public Response group(@PathParam("id") String id, @Context UriInfo uri) {
    return responder.one(Groups.GROUPS, "id", id, uri, "group");
  }

  @GET
  @Path("/{id}/cohesion")
  @Operation(
      summary =
          "The group's cohesion (Hix-Noury-Roland Agreement Index) on every chosen vote, with the"
              + " members against its majority; by=year: per year; by=topic: per topic. Vote filters (date__gte,"
              + " session, body_id, q, any filter of /v1/votes) choose the votes")
  @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.NDJSON_TYPE})
  @Extension(name = "x-plenary-list", value = "group_cohesion_votes")
  @Parameter(
      name = "by",
      in = ParameterIn.QUERY,
      description =
          "vote (default): one row per vote; year: one row per calendar year (GroupCohesionYear"
              + " records); topic: one row per topic of the votes (GroupCohesionTopic records),"
              + " the topic that divides the group most first",
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"vote", "year", "topic"}))
  public Response cohesion(@PathParam("id") String id, @Context UriInfo uri) {
    return responder.childrenBy(
        Groups.GROUPS,
        id,
        "group",
        "group_id",
        uri,
        Groups.COHESION_VOTES,
        Map.of(
            "vote",
            Groups.COHESION_VOTES,
            "year",
            Groups.COHESION_YEARS,
            "topic",
            Groups.COHESION_TOPICS));
  }
}
