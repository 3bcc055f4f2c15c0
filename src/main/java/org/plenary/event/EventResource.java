package org.plenary.event;

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

@Path(Api.V1 + "/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "events", description = "The timeline of the convention")
public class EventResource {
  @Inject Responder responder;

  @GET
  @Operation(summary = "The timeline, oldest first (filter by kind, date range, ...)")
  @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.NDJSON_TYPE})
  @Extension(name = "x-plenary-list", value = "events")
  public Response events(@Context UriInfo uri) {
    return responder.list(Events.EVENTS, uri);
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One event")
  @Extension(name = "x-plenary-item", value = "events")
  public Response event(@PathParam("id") String id, @Context UriInfo uri) {
    return responder.one(Events.EVENTS, "id", id, uri, "event");
  }
}
