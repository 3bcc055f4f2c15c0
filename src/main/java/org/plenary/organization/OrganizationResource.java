package org.plenary.organization;

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
import org.plenary.position.Positions;

@Path(Api.V1 + "/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "organizations", description = "NGOs, companies, coalitions and UN bodies")
public class OrganizationResource {
  @Inject Responder responder;

  @GET
  @Operation(summary = "Organizations (filter by kind, ...)")
  @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.NDJSON_TYPE})
  @Extension(name = "x-plenary-list", value = "organizations")
  public Response organizations(@Context UriInfo uri) {
    return responder.list(Organizations.ORGANIZATIONS, uri);
  }

  @GET
  @Path("/{slug}")
  @Operation(summary = "One organization, with its members and the coalitions it belongs to")
  @Extension(name = "x-plenary-item", value = "organizations")
  public Response organization(@PathParam("slug") String slug, @Context UriInfo uri) {
    return responder.one(Organizations.ORGANIZATIONS, "id", slug, uri, "organization");
  }

  @GET
  @Path("/{slug}/positions")
  @Operation(summary = "Positions held by the organization")
  @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.NDJSON_TYPE})
  @Extension(name = "x-plenary-list", value = "positions")
  public Response positions(@PathParam("slug") String slug, @Context UriInfo uri) {
    return responder.children(
        Organizations.ORGANIZATIONS,
        slug,
        "organization",
        Positions.POSITIONS,
        "organization_id",
        uri);
  }
}
