package org.plenary.position;

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
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.plenary.http.Api;
import org.plenary.http.Format;
import org.plenary.http.Responder;

@Path(Api.V1 + "/positions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "positions", description = "Stated positions with quotes and sources")
public class PositionResource {
  @Inject Responder responder;

  @GET
  @Operation(
      summary =
          "Positions (filter by stance, actor_kind, organization_id, delegation_id, person_id, date range)")
  @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.NDJSON_TYPE})
  @Extension(name = "x-plenary-list", value = "positions")
  public Response positions(@Context UriInfo uri) {
    return responder.list(Positions.POSITIONS, uri);
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One position")
  @Extension(name = "x-plenary-item", value = "positions")
  public Response position(@PathParam("id") String id, @Context UriInfo uri) {
    return responder.one(Positions.POSITIONS, "id", id, uri, "position");
  }
}
