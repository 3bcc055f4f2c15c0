package org.plenary.curation;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.plenary.dataset.DatasetState;
import org.plenary.http.Api;
import org.plenary.http.Envelope;

/** Tokens for editors, reviewers and admins (admin only). */
@Path(Api.V1 + "/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "curation", description = "Change sets, review, releases, tokens and the audit trail")
public class TokenResource {
  @Inject TokenService tokens;
  @Inject ChangeService changes;
  @Inject SecurityIdentity identity;
  @Inject DatasetState state;

  /** A new token in the envelope: the only time its secret is shown. */
  public record TokenItem(
      TokenService.CreatedToken data, Envelope.Links links, Envelope.Meta meta) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @SecurityRequirement(name = "bearer")
  @Operation(
      summary =
          "Create a token (admin): {name, role: editor | reviewer | admin}. The token is shown in"
              + " this answer only; Plenary keeps its SHA-256")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = TokenItem.class)))
  public Response create(Views.TokenRequest request, @Context UriInfo uri) {
    if (request == null) {
      throw ChangeService.unprocessable("A JSON body {name, role} is required.", null);
    }
    changes.validate(request);
    TokenService.CreatedToken t =
        tokens.create(request.name().strip(), request.role(), identity.getPrincipal().getName());
    return Response.status(201)
        .entity(
            new TokenItem(
                t,
                new Envelope.Links(Api.absolute(uri, Api.V1 + "/tokens"), null),
                new Envelope.Meta(state.version())))
        .header("Cache-Control", "no-store")
        .build();
  }
}
