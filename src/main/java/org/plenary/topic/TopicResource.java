package org.plenary.topic;

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

/** Topics (/v1/topics) and conflicts between sources (/v1/conflicts). */
@Path(Api.V1)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "topics", description = "Topics of votes, and where sources of one vote disagree")
public class TopicResource {
  @Inject Responder responder;

  @GET
  @Path("/topics")
  @Operation(
      summary =
          "Topics of votes, each with its vote count: Voeten's six issues (scheme voeten), the UN's"
              + " subject terms (unbis), agenda items (agenda). Filter votes with topic=")
  @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.NDJSON_TYPE})
  @Extension(name = "x-plenary-list", value = "topics")
  public Response topics(@Context UriInfo uri) {
    return responder.list(Topics.TOPICS, uri);
  }

  @GET
  @Path("/topics/{id}")
  @Operation(summary = "One topic, with its vote count")
  @Extension(name = "x-plenary-item", value = "topics")
  public Response topic(@PathParam("id") String id, @Context UriInfo uri) {
    return responder.one(Topics.TOPICS, "id", id, uri, "topic");
  }

  @GET
  @Path("/conflicts")
  @Operation(
      summary =
          "Where two sources of one vote disagree (a tally, a delegation's ballot): what the"
              + " published dataset holds, what the other source says, both sources. The published"
              + " value stands")
  @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.NDJSON_TYPE})
  @Extension(name = "x-plenary-list", value = "conflicts")
  public Response conflicts(@Context UriInfo uri) {
    return responder.list(Topics.CONFLICTS, uri);
  }
}
