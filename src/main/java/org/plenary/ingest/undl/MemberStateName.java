package org.plenary.ingest.undl;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One row of the Member States' names file: a name of a member state, current ({@code ms}) or
 * former ({@code fs}), with the periods it covers, its other, earlier and later names, and the name
 * in the six official languages ({@code names}, keyed by ISO 639-1: en, fr, es, ar, zh, ru; only
 * those the row gives). {@code iso} is alpha-3 (null when the row has none).
 */
public record MemberStateName(
    int undlId,
    String name,
    Status status,
    String m49,
    String iso,
    List<Period> periods,
    List<String> otherNames,
    List<String> earlierNames,
    List<String> laterNames,
    String geographicTerm,
    Boolean foundingMember,
    String membershipResolution,
    String scopeNote,
    Map<String, String> names,
    String link,
    String ontologyLink,
    long line) {

  /** Whether the name is the member's current one. */
  public enum Status {
    CURRENT,
    FORMER
  }

  /** A period the name covers: {@code to} is null while it lasts. */
  public record Period(LocalDate from, LocalDate to) {}
}
