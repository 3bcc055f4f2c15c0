package org.plenary.dataset;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.PathPart;
import org.plenary.http.Api;
import org.plenary.http.HttpCache;
import org.plenary.http.ListOf;
import org.plenary.http.Parameters;
import org.plenary.http.Problems;
import org.plenary.http.Responder;
import org.plenary.refusal.Refusal;

@Path(Api.V1 + "/dumps")
@Tag(
    name = "dataset",
    description = "The dataset: version, licence, citation, releases, bulk dumps")
public class DumpResource {
  @Inject Dumps dumps;
  @Inject Responder responder;
  @Inject HttpCache cache;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @ListOf(DatasetRecords.DumpEntry.class)
  @Operation(
      summary =
          "The bulk files of the current release: the zip of everything, datapackage.json, README.md, and each table's CSV, with sizes and SHA-256")
  public Response files(@Context UriInfo uri) {
    Parameters.none(uri, "/v1/dumps");
    return responder.fixedList(
        uri,
        () ->
            dumps.current().files().stream()
                .map(
                    f ->
                        new DatasetRecords.DumpEntry(
                            f.name(),
                            Api.V1 + "/dumps/" + f.name(),
                            f.table(),
                            f.description(),
                            f.mediaType(),
                            f.bytes(),
                            f.sha256(),
                            f.rows()))
                .toList());
  }

  @GET
  @Path("/{name}")
  @Produces({
    "text/csv",
    MediaType.APPLICATION_JSON,
    "application/zip",
    "text/markdown",
    MediaType.WILDCARD
  })
  @Operation(
      summary =
          "One dump file; its SHA-256 is its ETag (If-None-Match gives 304); one byte range"
              + " (Range: bytes=a-b) gives 206 Partial Content, an unsatisfiable one 416")
  @Extension(name = "x-plenary-file", value = "true")
  public Response file(
      @PathParam("name") String name,
      @Context UriInfo uri,
      @HeaderParam("Range") String range,
      @HeaderParam("If-Range") String ifRange) {
    Parameters.none(uri, "A dump file");
    Dumps.Verified v = dumps.verified(name);
    if (v == null) {
      throw Refusal.notFound(
          "No dump file '" + name + "'. The files are listed at " + Api.V1 + "/dumps.");
    }
    Dumps.DumpFile f = v.file();
    Dumps.Release release = v.release(); // the file's own, even if a release lands meanwhile
    EntityTag etag = new EntityTag(f.sha256());
    if (cache.notModified(f.sha256())) {
      return cache.headers(Response.notModified().tag(etag)).build();
    }
    String download =
        f.name().startsWith("plenary-")
            ? f.name()
            : "plenary-" + release.version() + "-" + f.name();
    String type =
        f.mediaType().startsWith("text/") || f.mediaType().equals("application/json")
            ? f.mediaType() + "; charset=utf-8"
            : f.mediaType();
    java.nio.file.Path path = release.dir().resolve(f.name());
    ByteRange r = ByteRange.of(range, ifRange, f.sha256(), f.bytes());
    Response.ResponseBuilder b;
    if (r == null) {
      b = Response.ok(new PathPart(path, 0, f.bytes()), type);
    } else if (!r.satisfiable()) {
      return Problems.rangeNotSatisfiable(f.bytes(), uri.getRequestUri().getRawPath());
    } else {
      b =
          Response.status(206)
              .entity(new PathPart(path, r.first(), r.length()))
              .type(type)
              .header("Content-Range", r.contentRange(f.bytes()));
    }
    return cache
        .headers(b)
        .header("Accept-Ranges", "bytes")
        .tag(etag)
        .header("Content-Disposition", "attachment; filename=\"" + download + "\"")
        .header(
            "Digest",
            "sha-256="
                + java.util.Base64.getEncoder()
                    .encodeToString(java.util.HexFormat.of().parseHex(f.sha256())))
        .build();
  }
}
