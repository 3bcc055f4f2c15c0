package org.plenary.person;

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

@Path(Api.V1 + "/people")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "people", description = "People who voiced positions")
public class PersonResource {
  @Inject Responder responder;

  @GET
  @Operation(summary = "People")
  @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.NDJSON_TYPE})
  @Extension(name = "x-plenary-list", value = "people")
  public Response people(@Context UriInfo uri) {
    return responder.list(People.PEOPLE, uri);
  }

  @GET
  @Path("/{slug}")
  @Operation(summary = "One person; include=positions embeds what they said")
  @Extension(name = "x-plenary-item", value = "people")
  public Response person(@PathParam("slug") String slug, @Context UriInfo uri) {
    return responder.one(People.PEOPLE, "id", slug, uri, "person");
  }
}
