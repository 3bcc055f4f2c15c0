package org.plenary.treaty;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import org.plenary.http.ItemOf;
import org.plenary.http.Parameters;
import org.plenary.http.Responder;

@Path(Api.V1)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "treaty", description = "The convention's status and signatures")
public class TreatyResource {
  @Inject Responder responder;
  @Inject TreatyService service;

  @GET
  @Path("/treaty")
  @Operation(
      summary =
          "The convention: adoption, signature period, signatories (official count and the known"
              + " list), the entry-into-force rule and what is known of ratifications")
  @Extension(name = "x-plenary-item", value = "treaties")
  @ItemOf(TreatyStatus.class)
  public Response treaty(@Context UriInfo uri) {
    Parameters.none(uri, "/v1/treaty");
    return responder.item(uri, service::status);
  }

  @GET
  @Path("/signatures")
  @Operation(summary = "Known signatures (a partial list; see /v1/treaty for the official count)")
  @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.NDJSON_TYPE})
  @Extension(name = "x-plenary-list", value = "signatures")
  public Response signatures(@Context UriInfo uri) {
    return responder.list(Treaties.SIGNATURES, uri);
  }
}
