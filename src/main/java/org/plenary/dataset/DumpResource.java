package org.plenary.dataset;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.plenary.http.Api;
import org.plenary.http.HttpCache;
import org.plenary.http.ProblemException;
import org.plenary.http.Responder;

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
  @Operation(
      summary =
          "The bulk files of the current release: the zip of everything, datapackage.json, README.md, and each table's CSV, with sizes and SHA-256")
  public Response files(@Context UriInfo uri) {
    Responder.noParameters(uri, "/v1/dumps");
    return responder.fixedList(
        uri,
        () -> {
          List<Map<String, Object>> data = new ArrayList<>();
          for (Dumps.DumpFile f : dumps.current().files()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("url", Api.V1 + "/dumps/" + f.name());
            m.put("table", f.table());
            m.put("description", f.description());
            m.put("media_type", f.mediaType());
            m.put("bytes", f.bytes());
            m.put("sha256", f.sha256());
            m.put("rows", f.rows());
            data.add(m);
          }
          return data;
        });
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
  @Operation(summary = "One dump file; its SHA-256 is its ETag (If-None-Match gives 304)")
  public Response file(
      @PathParam("name") String name, @Context Request request, @Context UriInfo uri) {
    Responder.noParameters(uri, "A dump file");
    Dumps.Release release = dumps.current();
    Dumps.DumpFile f = release.file(name);
    if (f == null) {
      throw ProblemException.notFound(
          "No dump file '" + name + "'. The files are listed at " + Api.V1 + "/dumps.");
    }
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
    return cache
        .headers(Response.ok(release.dir().resolve(f.name()), type))
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
