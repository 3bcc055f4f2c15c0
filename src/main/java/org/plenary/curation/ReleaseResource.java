package org.plenary.curation;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.plenary.dataset.DatasetState;
import org.plenary.http.Api;
import org.plenary.http.Envelope;
import org.plenary.http.HttpCache;
import org.plenary.http.Parameters;

/** Releases: publish (reviewer or admin), list, and every release's dumps byte for byte. */
@Path(Api.V1 + "/releases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "curation", description = "Change sets, review, releases, tokens and the audit trail")
public class ReleaseResource {
  @Inject CuratedReleaseService releases;
  @Inject ChangeService changes;
  @Inject SecurityIdentity identity;
  @Inject DatasetState state;
  @Inject HttpCache cache;

  /** One release in the envelope. */
  public record ReleaseItem(Views.ReleaseView data, Envelope.Links links, Envelope.Meta meta) {}

  /** Releases in the envelope. */
  public record ReleaseList(
      List<Views.ReleaseView> data, Envelope.Links links, Envelope.Meta meta) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.REVIEWER)
  @SecurityRequirement(name = "bearer")
  @Operation(
      summary =
          "Publish every approved, unreleased change set as a new dataset version, atomically"
              + " (reviewer or admin)")
  @APIResponse(
      responseCode = "201",
      description = "Published",
      content = @Content(schema = @Schema(implementation = ReleaseItem.class)))
  public Response publish(Views.ReleaseRequest request, @Context UriInfo uri) {
    if (request == null) {
      throw ChangeService.unprocessable("A JSON body {version, notes} is required.", null);
    }
    changes.validate(request);
    Views.ReleaseView view =
        releases.publish(request.version(), request.notes(), CurationResource.caller(identity));
    String self = Api.absolute(uri, Api.V1 + "/releases/" + view.version());
    return Response.created(java.net.URI.create(self))
        .entity(
            new ReleaseItem(
                view, new Envelope.Links(self, null), new Envelope.Meta(state.version())))
        .header("Cache-Control", "no-store")
        .build();
  }

  @GET
  @Operation(summary = "Every published release, newest first, with its changelog and files")
  @APIResponse(
      responseCode = "200",
      description = "Releases",
      content = @Content(schema = @Schema(implementation = ReleaseList.class)))
  public Response list(@Context UriInfo uri) {
    Parameters.none(uri, "/v1/releases");
    return Response.ok(
            new ReleaseList(
                releases.list(),
                new Envelope.Links(uri.getRequestUri().toString(), null),
                new Envelope.Meta(state.version())))
        .header("Cache-Control", "no-cache")
        .build();
  }

  @GET
  @Path("/{version}")
  @Operation(summary = "One release: date, origin, notes, changelog, files with their SHA-256")
  @APIResponse(
      responseCode = "200",
      description = "The release",
      content = @Content(schema = @Schema(implementation = ReleaseItem.class)))
  public Response get(@PathParam("version") String version, @Context UriInfo uri) {
    Parameters.none(uri, "A release");
    String self = uri.getRequestUri().toString();
    return Response.ok(
            new ReleaseItem(
                releases.get(version),
                new Envelope.Links(self, null),
                new Envelope.Meta(state.version())))
        .header("Cache-Control", "no-cache")
        .build();
  }

  @GET
  @Path("/{version}/dumps/{file}")
  @Produces({
    "text/csv",
    MediaType.APPLICATION_JSON,
    "application/zip",
    "text/markdown",
    MediaType.WILDCARD
  })
  @Operation(
      summary =
          "A dump file of a published release, byte for byte as published; its SHA-256 is its"
              + " ETag and never changes")
  @APIResponse(
      responseCode = "200",
      description = "The file's bytes (CSV, JSON, Markdown or zip, by its name)",
      content =
          @Content(
              mediaType = "application/octet-stream",
              schema =
                  @Schema(
                      type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                      format = "binary")))
  public Response file(
      @PathParam("version") String version, @PathParam("file") String name, @Context UriInfo uri) {
    Parameters.none(uri, "A dump file");
    ReleaseFile f = releases.file(version, name, sha256 -> !cache.notModified(sha256));
    EntityTag etag = new EntityTag(f.sha256);
    if (cache.notModified(f.sha256)) {
      return Response.notModified()
          .tag(etag)
          .header("Cache-Control", "public, max-age=31536000, immutable")
          .build();
    }
    String type =
        f.mediaType.startsWith("text/") || f.mediaType.equals("application/json")
            ? f.mediaType + "; charset=utf-8"
            : f.mediaType;
    String download = f.name.startsWith("plenary-") ? f.name : "plenary-" + version + "-" + f.name;
    return Response.ok(f.content, type)
        .tag(etag)
        .header("Cache-Control", "public, max-age=31536000, immutable")
        .header("Content-Disposition", "attachment; filename=\"" + download + "\"")
        .header(
            "Digest",
            "sha-256="
                + java.util.Base64.getEncoder()
                    .encodeToString(java.util.HexFormat.of().parseHex(f.sha256)))
        .build();
  }
}
