package org.plenary.treaty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plenary.http.ProblemException;
import org.plenary.query.ListQuery;
import org.plenary.query.QueryEngine;

/**
 * The convention's status: its record with the known signatures set against the official count, the
 * entry-into-force rule in words, and the ratifications (unknown, not zero). The computed fields
 * are {@link TreatyStatus}'s.
 */
@ApplicationScoped
public class TreatyService {
  @Inject QueryEngine engine;

  /** The convention's status, as /v1/treaty gives it (the explorer's pages show it). */
  public Map<String, Object> status() {
    List<Map<String, Object>> rows =
        engine.all(
            ListQuery.parse(
                Treaties.TREATIES, Map.of("include", List.of("signatures")), List.of()));
    if (rows.isEmpty()) {
      throw ProblemException.notFound("The dataset holds no treaty.");
    }
    Map<String, Object> t = new LinkedHashMap<>(rows.get(0));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> signatures = (List<Map<String, Object>>) t.remove("signatures");
    Object sources = t.remove("sources");
    t.put("signatories_known_count", signatures.size());
    Integer official = (Integer) t.get("signatories_official_count");
    t.put("signatories_list_complete", official == null ? null : signatures.size() >= official);
    t.put(
        "entry_into_force_rule",
        "In force on the "
            + t.get("entry_into_force_days")
            + "th day after the deposit of the "
            + t.get("ratifications_required")
            + "th instrument of ratification, acceptance,"
            + " approval or accession (art. 65(1)).");
    // No source gives the ratifications: unknown, not zero (see note).
    t.put("ratifications_known", null);
    t.put("in_force", null);
    t.put("signatures", signatures);
    t.put("sources", sources);
    return t;
  }
}
