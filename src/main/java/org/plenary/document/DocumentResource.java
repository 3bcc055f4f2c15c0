package org.plenary.document;

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

@Path(Api.V1 + "/documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "documents", description = "UN documents")
public class DocumentResource {
  @Inject Responder responder;

  @GET
  @Operation(summary = "Documents (filter by kind, body_id, date, ...)")
  @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.NDJSON_TYPE})
  @Extension(name = "x-plenary-list", value = "documents")
  public Response documents(@Context UriInfo uri) {
    return responder.list(Documents.DOCUMENTS, uri);
  }

  /** By symbol (A/RES/74/247, slashes and all) or by id (a-res-74-247). */
  @GET
  @Path("/{symbol: .+}")
  @Operation(summary = "One document, by UN symbol (A/RES/74/247) or id (a-res-74-247)")
  @Extension(name = "x-plenary-item", value = "documents")
  public Response document(@PathParam("symbol") String symbol, @Context UriInfo uri) {
    boolean isSymbol = symbol.contains("/");
    return responder.one(Documents.DOCUMENTS, isSymbol ? "symbol" : "id", symbol, uri, "document");
  }
}
