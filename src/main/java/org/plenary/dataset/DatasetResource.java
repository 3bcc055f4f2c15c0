package org.plenary.dataset;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.plenary.http.Api;
import org.plenary.http.ItemOf;
import org.plenary.http.Parameters;
import org.plenary.http.Responder;

@Path(Api.V1)
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "dataset",
    description = "The dataset: version, licence, citation, releases, bulk dumps")
public class DatasetResource {
  @Inject Responder responder;
  @Inject DatasetService service;

  @GET
  @Path("/dataset")
  @Operation(summary = "Name, version, licence, how to cite, row counts per table, releases")
  @ItemOf(DatasetRecords.Description.class)
  public Response dataset(@Context UriInfo uri) {
    Parameters.none(uri, "/v1/dataset");
    return responder.item(uri, service::describe);
  }

  @GET
  @Path("")
  @Operation(summary = "The API's entry point: every collection, with its link")
  @ItemOf(DatasetRecords.Index.class)
  public Response index(@Context UriInfo uri) {
    Parameters.none(uri, "/v1");
    return responder.item(uri, service::index);
  }
}
