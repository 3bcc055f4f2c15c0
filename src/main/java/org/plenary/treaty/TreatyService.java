package org.plenary.treaty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plenary.query.QueryEngine;
import org.plenary.refusal.Refusal;

/**
 * The convention's status: its record with the known signatures set against the official count, the
 * entry-into-force rule in words, the figures sources disagree on (claims, conflicts) and the
 * ratifications (unknown, not zero, when none is recorded). The computed fields are {@link
 * TreatyStatus}'s.
 */
@ApplicationScoped
public class TreatyService {
  @Inject QueryEngine engine;

  /** The convention's status, as /v1/treaty gives it (the explorer's pages show it). */
  public Map<String, Object> status() {
    List<Map<String, Object>> rows =
        engine.all(
            engine.parse(Treaties.TREATIES, Map.of("include", List.of("signatures")), List.of()));
    if (rows.isEmpty()) {
      throw Refusal.notFound("The dataset holds no treaty.");
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
    // Figures that sources disagree on are claims: every claim with its sources, the reported
    // one marked with its reason, and each disagreement listed.
    List<Map<String, Object>> claims =
        engine.all(engine.parse(Treaties.CLAIMS, Map.of(), List.of()));
    List<Map<String, Object>> signatoryClaims =
        claims.stream()
            .filter(c -> t.get("id").equals(c.get("subject_id")))
            .filter(c -> "signatories_count".equals(c.get("property")))
            .toList();
    t.put("signatories_claims", signatoryClaims);
    t.put(
        "signatories_reported",
        signatoryClaims.stream()
            .filter(c -> Boolean.TRUE.equals(c.get("reported")))
            .findFirst()
            .map(c -> c.get("value"))
            .orElse(null));
    List<Map<String, Object>> conflicts = new ArrayList<>();
    List<Object> values = signatoryClaims.stream().map(c -> c.get("value")).distinct().toList();
    if (values.size() > 1) {
      Map<String, Object> conflict = new LinkedHashMap<>();
      conflict.put("property", "signatories_count");
      conflict.put("values", values.stream().sorted().toList());
      conflict.put("reported", t.get("signatories_reported"));
      conflicts.add(conflict);
    }
    t.put("conflicts", conflicts);
    // Ratifications are records: those not uncertain count toward the threshold. With no record
    // at all, the number is unknown (null), not zero.
    List<Map<String, Object>> ratifications =
        engine.all(engine.parse(Treaties.RATIFICATIONS, Map.of(), List.of())).stream()
            .filter(r -> t.get("id").equals(r.get("treaty_id")))
            .toList();
    Integer known =
        ratifications.isEmpty()
            ? null
            : (int)
                ratifications.stream().filter(r -> !"uncertain".equals(r.get("certainty"))).count();
    t.put("ratifications_known", known);
    t.put("ratifications", ratifications);
    Integer required = (Integer) t.get("ratifications_required");
    t.put(
        "ratifications_missing",
        known == null || required == null ? null : Math.max(0, required - known));
    t.put("in_force", null);
    t.put("signatures", signatures);
    t.put("sources", sources);
    return t;
  }
}
