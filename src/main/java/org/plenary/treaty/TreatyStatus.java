package org.plenary.treaty;

import java.util.List;
import java.util.Map;

/**
 * What /v1/treaty adds to the treaty's record: the known signatories against the official count,
 * the entry-into-force rule in words, the figures sources disagree on (each claim with its sources,
 * the reported value, the conflicts) and the ratifications (unknown, not zero, when none is
 * recorded).
 */
public record TreatyStatus(
    int signatoriesKnownCount,
    Boolean signatoriesListComplete,
    String entryIntoForceRule,
    List<Map<String, Object>> signatoriesClaims,
    Integer signatoriesReported,
    List<Conflict> conflicts,
    Integer ratificationsKnown,
    List<Map<String, Object>> ratifications,
    Integer ratificationsMissing,
    Boolean inForce) {

  /** A figure the sources disagree on: every value given, and the one Plenary reports. */
  public record Conflict(String property, List<Integer> values, Integer reported) {}
}
