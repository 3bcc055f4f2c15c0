package org.plenary.dataset;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.plenary.PlenaryConfig;
import org.plenary.http.Api;
import org.plenary.http.Responder;
import org.plenary.query.QueryEngine;

@Path(Api.V1)
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "dataset",
    description = "The dataset: version, licence, citation, releases, bulk dumps")
public class DatasetResource {
  @Inject Responder responder;
  @Inject DatasetState state;
  @Inject QueryEngine engine;
  @Inject PlenaryConfig config;

  @GET
  @Path("/dataset")
  @Operation(summary = "Name, version, licence, how to cite, row counts per table, releases")
  public Response dataset(@Context UriInfo uri) {
    Responder.noParameters(uri, "/v1/dataset");
    return responder.item(uri, this::describe);
  }

  /** The dataset's description, as /v1/dataset gives it (the explorer's home page shows it). */
  public Map<String, Object> describe() {
    DatasetState.Loaded loaded = state.loaded();
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("name", config.dataset().name());
    d.put("title", config.dataset().title());
    d.put("version", loaded.version());
    Map<String, Object> license = new LinkedHashMap<>();
    license.put("data", config.dataset().license());
    license.put("data_url", "https://creativecommons.org/licenses/by/4.0/");
    license.put("code", "Apache-2.0");
    license.put(
        "quotes",
        "Quotes are short excerpts attributed to their speakers and sources, for commentary.");
    d.put("license", license);
    d.put("citation", config.dataset().citation().formatted(loaded.version()));
    d.put("checksum", loaded.checksum());
    d.put("loaded_at", loaded.loadedAt().toInstant().toString());
    d.put("row_counts", loaded.rowCounts());
    List<Map<String, Object>> releases =
        engine.rows(
            "select version, to_char(date, 'YYYY-MM-DD') as date, changes, data_sha256, origin"
                + " from release order by date desc, version desc");
    // each release's changelog: the change sets it published, with their reasons
    Map<String, List<Map<String, Object>>> changelog = new LinkedHashMap<>();
    for (Map<String, Object> row :
        engine.rows(
            "select release_version, id as change_set, reason from change_set"
                + " where status = 'released' order by id")) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("change_set", row.get("change_set"));
      entry.put("reason", row.get("reason"));
      changelog
          .computeIfAbsent((String) row.get("release_version"), v -> new java.util.ArrayList<>())
          .add(entry);
    }
    for (Map<String, Object> r : releases) {
      r.put("changelog", changelog.getOrDefault((String) r.get("version"), List.of()));
      r.put("href", Api.V1 + "/releases/" + r.get("version"));
    }
    d.put("releases", releases);
    Map<String, Object> sources = new LinkedHashMap<>();
    sources.put("href", Api.V1 + "/sources");
    sources.put("count", loaded.rowCounts().get("source"));
    d.put("sources", sources);
    return d;
  }

  @GET
  @Path("")
  @Operation(summary = "The API's entry point: every collection, with its link")
  public Response index(@Context UriInfo uri) {
    Responder.noParameters(uri, "/v1");
    return responder.item(uri, this::index);
  }

  private Map<String, Object> index() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("name", config.dataset().title());
    d.put("dataset_version", state.version());
    d.put("documentation", "/q/swagger-ui");
    d.put("openapi", "/q/openapi");
    Map<String, String> links = new LinkedHashMap<>();
    for (String p :
        List.of(
            "votes",
            "roll-calls",
            "delegations",
            "organizations",
            "people",
            "positions",
            "documents",
            "sources",
            "events",
            "bodies",
            "signatures",
            "treaty",
            "dataset",
            "dumps")) {
      links.put(p.replace('-', '_'), Api.V1 + "/" + p);
    }
    d.put("collections", links);
    return d;
  }
}
