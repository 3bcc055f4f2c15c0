package org.plenary.dataset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plenary.config.PlenaryConfig;
import org.plenary.dataset.DatasetRecords.ChangelogEntry;
import org.plenary.dataset.DatasetRecords.Description;
import org.plenary.dataset.DatasetRecords.Index;
import org.plenary.dataset.DatasetRecords.License;
import org.plenary.dataset.DatasetRecords.Link;
import org.plenary.dataset.DatasetRecords.Release;
import org.plenary.http.Api;
import org.plenary.query.Jdbc;

/** Describes the loaded dataset and the API's entry point. */
@ApplicationScoped
public class DatasetService {
  /** The collections listed at /v1, in order (their paths under /v1). */
  static final List<String> COLLECTIONS =
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
          "groups",
          "signatures",
          "treaty",
          "dataset",
          "dumps",
          // added later, after the others so that their order stays
          "topics",
          "conflicts",
          "statements",
          "releases",
          "changes");

  @Inject DatasetState state;
  @Inject Jdbc jdbc;
  @Inject PlenaryConfig config;

  /** Name, version, licence, how to cite, row counts per table, releases. */
  public Description describe() {
    DatasetState.Loaded loaded = state.loaded();
    return new Description(
        config.dataset().name(),
        config.dataset().title(),
        loaded.version(),
        new License(
            config.dataset().license(),
            "https://creativecommons.org/licenses/by/4.0/",
            "Apache-2.0",
            "Quotes are short excerpts attributed to their speakers and sources, for commentary."),
        config.dataset().citation().formatted(loaded.version()),
        loaded.checksum(),
        loaded.loadedAt().toInstant().toString(),
        loaded.rowCounts(),
        releases(),
        new Link(Api.V1 + "/sources", loaded.rowCounts().get("source")));
  }

  /** Every release, newest first. */
  public List<Release> releases() {
    // each release's changelog: the change sets it published, with their reasons
    Map<String, List<ChangelogEntry>> changelog = new LinkedHashMap<>();
    jdbc.list(
            "select release_version, id, reason from change_set"
                + " where status = 'released' order by id",
            rs -> Map.entry(rs.getString(1), new ChangelogEntry(rs.getLong(2), rs.getString(3))))
        .forEach(
            e -> changelog.computeIfAbsent(e.getKey(), v -> new ArrayList<>()).add(e.getValue()));
    return jdbc.list(
        "select version, to_char(date, 'YYYY-MM-DD'), changes, data_sha256, origin from release"
            // versions compare by their numbers (0.0.10 is newer than 0.0.9), not as text
            + " order by date desc, string_to_array(nullif(regexp_replace(version,"
            + " '[^0-9.].*$', ''), ''), '.')::int[] desc nulls last, version desc",
        rs ->
            new Release(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                changelog.getOrDefault(rs.getString(1), List.of()),
                Api.V1 + "/releases/" + rs.getString(1)));
  }

  /** The entry point: every collection, with its link. */
  public Index index() {
    Map<String, String> links = new LinkedHashMap<>();
    for (String p : COLLECTIONS) {
      links.put(p.replace('-', '_'), Api.V1 + "/" + p);
    }
    return new Index(
        config.dataset().title(), state.version(), "/q/swagger-ui", "/q/openapi", links);
  }
}
