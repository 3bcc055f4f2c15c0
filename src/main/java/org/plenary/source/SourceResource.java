package org.plenary.source;

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

@Path(Api.V1 + "/sources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sources", description = "Sources and the records that cite them")
public class SourceResource {
  @Inject Responder responder;

  @GET
  @Operation(summary = "Sources (filter by kind, publisher, ...)")
  @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.NDJSON_TYPE})
  @Extension(name = "x-plenary-list", value = "sources")
  public Response sources(@Context UriInfo uri) {
    return responder.list(SourceCollections.SOURCES, uri);
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One source, with the records that cite it")
  @Extension(name = "x-plenary-item", value = "sources")
  public Response source(@PathParam("id") String id, @Context UriInfo uri) {
    return responder.one(SourceCollections.SOURCES, "id", id, uri, "source");
  }
}
