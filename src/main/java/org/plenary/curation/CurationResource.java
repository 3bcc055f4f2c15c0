package org.plenary.curation;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.plenary.dataset.DatasetState;
import org.plenary.http.Api;
import org.plenary.http.Envelope;

/** Change sets: propose, review, and the audit trail. No SQL here: the services hold it. */
@Path(Api.V1 + "/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "curation", description = "Change sets, review, releases, tokens and the audit trail")
public class CurationResource {
  @Inject ChangeService changes;
  @Inject SecurityIdentity identity;
  @Inject DatasetState state;

  /** One change set in the envelope. */
  public record ChangeSetItem(Views.ChangeSetView data, Envelope.Links links, Envelope.Meta meta) {}

  /** Change sets in the envelope. */
  public record ChangeSetList(
      List<Views.ChangeSetView> data, Envelope.Links links, Envelope.Meta meta) {}

  /** A record's base in the envelope. */
  public record RecordBaseItem(Views.RecordBase data, Envelope.Links links, Envelope.Meta meta) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.EDITOR)
  @SecurityRequirement(name = "bearer")
  @Operation(
      summary =
          "Propose a change set (editor or above): a reason and operations (create, update,"
              + " delete), each with the base it was made on and the sources it cites")
  @APIResponse(
      responseCode = "201",
      description = "Proposed",
      content = @Content(schema = @Schema(implementation = ChangeSetItem.class)))
  public Response propose(ChangeRequest request, @Context UriInfo uri) {
    if (request == null) {
      throw ChangeService.unprocessable("A JSON body {reason, operations} is required.", null);
    }
    Views.ChangeSetView view = changes.propose(request, caller());
    String self = Api.absolute(uri, Api.V1 + "/changes/" + view.id());
    return Response.created(java.net.URI.create(self))
        .entity(item(view, self))
        .header("Cache-Control", "no-store")
        .build();
  }

  @POST
  @Path("/{id}/approve")
  @RolesAllowed(Roles.REVIEWER)
  @SecurityRequirement(name = "bearer")
  @Operation(
      summary =
          "Approve a proposed change set (reviewer or admin, never its author); its bases and the"
              + " dataset's rules are checked again")
  @APIResponse(
      responseCode = "200",
      description = "Approved",
      content = @Content(schema = @Schema(implementation = ChangeSetItem.class)))
  @Consumes(MediaType.WILDCARD)
  @RequestBody(
      required = false,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Views.ReviewRequest.class)))
  public Response approve(@PathParam("id") long id, String body, @Context UriInfo uri)
      throws JsonProcessingException {
    return decide(id, true, body, uri);
  }

  @POST
  @Path("/{id}/reject")
  @RolesAllowed(Roles.REVIEWER)
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Reject a proposed change set (reviewer or admin, never its author)")
  @APIResponse(
      responseCode = "200",
      description = "Rejected",
      content = @Content(schema = @Schema(implementation = ChangeSetItem.class)))
  @Consumes(MediaType.WILDCARD)
  @RequestBody(
      required = false,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Views.ReviewRequest.class)))
  public Response reject(@PathParam("id") long id, String body, @Context UriInfo uri)
      throws JsonProcessingException {
    return decide(id, false, body, uri);
  }

  @POST
  @Path("/{id}/withdraw")
  @RolesAllowed(Roles.EDITOR)
  @SecurityRequirement(name = "bearer")
  @Operation(
      summary =
          "Withdraw a change set that waits for a release, proposed or approved (its author, a"
              + " reviewer or an admin): it is never published; the withdrawal, with its note,"
              + " stays in the audit trail")
  @APIResponse(
      responseCode = "200",
      description = "Withdrawn",
      content = @Content(schema = @Schema(implementation = ChangeSetItem.class)))
  @Consumes(MediaType.WILDCARD)
  @RequestBody(
      required = false,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Views.ReviewRequest.class)))
  public Response withdraw(@PathParam("id") long id, String body) throws JsonProcessingException {
    return written(changes.withdraw(id, note(body), caller()), Api.V1 + "/changes/" + id);
  }

  /** An optional JSON body {"note": "..."}: curl -X POST with no body approves too. */
  private Response decide(long id, boolean approve, String body, UriInfo uri)
      throws JsonProcessingException {
    return written(
        changes.review(id, approve, note(body), caller()),
        Api.absolute(uri, Api.V1 + "/changes/" + id));
  }

  /** A change set as a write left it, never stored by a cache. */
  private Response written(Views.ChangeSetView view, String self) {
    return Response.ok(item(view, self)).header("Cache-Control", "no-store").build();
  }

  /**
   * The note of an optional body {"note": "..."}, validated: null when there is no body; a 400/422
   * problem when it is not that object (JSON null, an array, a string, a wrong type or an unknown
   * field: Jackson's exception, which {@code http/ProblemMappers} answers).
   */
  private String note(String body) throws JsonProcessingException {
    if (body == null || body.isBlank()) {
      return null;
    }
    Views.ReviewRequest request =
        org.plenary.http.Json.MAPPER.readValue(body, Views.ReviewRequest.class);
    if (request == null) {
      throw ChangeService.unprocessable(
          "The body, when given, is a JSON object: {\"note\": \"...\"}.", null);
    }
    changes.validate(request);
    return request.note();
  }

  @GET
  @Operation(
      summary =
          "The audit trail: released change sets for everyone; proposed, approved, rejected and"
              + " withdrawn ones too for editors and above. Newest first")
  @APIResponse(
      responseCode = "200",
      description = "Change sets",
      content = @Content(schema = @Schema(implementation = ChangeSetList.class)))
  public Response list(@QueryParam("status") String status, @Context UriInfo uri) {
    List<Views.ChangeSetView> data = changes.list(mayReadPending(), status);
    return Response.ok(
            new ChangeSetList(
                data,
                new Envelope.Links(uri.getRequestUri().toString(), null),
                new Envelope.Meta(state.version())))
        .header("Cache-Control", "private, no-cache")
        .header("Vary", "Authorization")
        .build();
  }

  @GET
  @Path("/{id}")
  @Operation(
      summary =
          "One change set: author, reviewer, times, reason, sources, each operation's before and"
              + " after, and the release that published it")
  @APIResponse(
      responseCode = "200",
      description = "The change set",
      content = @Content(schema = @Schema(implementation = ChangeSetItem.class)))
  public Response get(@PathParam("id") long id, @Context UriInfo uri) {
    return Response.ok(
            item(changes.get(id, mayReadPending()), Api.absolute(uri, Api.V1 + "/changes/" + id)))
        .header("Cache-Control", "private, no-cache")
        .header("Vary", "Authorization")
        .build();
  }

  @GET
  @Path("/records/{collection}/{id}")
  @Operation(
      summary =
          "A record as published now, with its tag: the base a change to it gives (it changes"
              + " whenever the record or its sources change)")
  @APIResponse(
      responseCode = "200",
      description = "The record and its base",
      content = @Content(schema = @Schema(implementation = RecordBaseItem.class)))
  public Response base(
      @PathParam("collection") String collection,
      @PathParam("id") String id,
      @Context UriInfo uri) {
    String self = uri.getRequestUri().toString();
    return Response.ok(
            new RecordBaseItem(
                changes.base(collection, id),
                new Envelope.Links(self, null),
                new Envelope.Meta(state.version())))
        .header("Cache-Control", "no-cache")
        .build();
  }

  private ChangeSetItem item(Views.ChangeSetView view, String self) {
    return new ChangeSetItem(
        view, new Envelope.Links(self, null), new Envelope.Meta(state.version()));
  }

  private boolean mayReadPending() {
    return !identity.isAnonymous() && identity.hasRole(Roles.EDITOR);
  }

  private TokenService.Caller caller() {
    return caller(identity);
  }

  static TokenService.Caller caller(SecurityIdentity identity) {
    return new TokenService.Caller(
        identity.getPrincipal().getName(), identity.getAttribute(TokenIdentityProvider.ROLE));
  }
}
