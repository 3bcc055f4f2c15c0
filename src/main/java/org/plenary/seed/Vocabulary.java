package org.plenary.seed;

import java.util.List;
import java.util.Set;

/**
 * The dataset's closed vocabularies, declared once. The table model ({@link Schema}) gives each to
 * its columns; from there they reach the loader's validation, the dumps' datapackage.json, the API
 * fields and the OpenAPI document's {@code enum}s. The database holds each as a CHECK constraint
 * (Flyway migrations), and TableModelTest checks that the two agree. Adding a value is one line
 * here plus a migration.
 */
public enum Vocabulary {
  CERTAINTY("confirmed", "single_source", "uncertain"),
  DATE_PRECISION("day", "month", "year"),
  /** The ballots of a roll call, in the order tallies are given. */
  BALLOT("yes", "no", "abstain", "non_voting"),
  STANCE("supports", "opposes", "conditional", "concerned", "mixed"),
  /**
   * What a position's stance is on (positions.csv subject): {@code convention}, the convention as a
   * whole (its draft or adopted text, its adoption, signature or ratification); {@code clause}, a
   * provision or group of provisions of it (named in stance_summary); {@code proposal}, a proposal
   * made during the negotiations (an amendment or a deletion; vote_id names the vote on it where
   * one was held); {@code vote}, a resolution other than the convention voted on (e.g. the 2019
   * resolution that opened the negotiations; vote_id names it).
   */
  POSITION_SUBJECT("convention", "clause", "proposal", "vote"),
  QUOTE_STATUS("verbatim", "fragment", "none"),
  /** Recorded vote, non-recorded vote (a show of hands), or decision without a vote. */
  METHOD("recorded", "without_vote", "non_recorded"),
  /** vetoed: a Security Council draft a permanent member voted down. */
  OUTCOME("adopted", "rejected", "vetoed"),
  ROLL_CALL_STATUS("complete", "partial", "absent"),
  REGIONAL_GROUP("african", "asia_pacific", "eastern_european", "grulac", "weog"),
  REGIONAL_GROUP_STATUS("member", "observer", "disputed", "none"),
  DELEGATION_KIND("member_state", "regional_organization"),
  SOURCE_KIND(
      "official_un",
      "government",
      "news",
      "ngo",
      "company",
      "dataset",
      "aggregator",
      "ai_summary",
      "reference_work",
      "blog",
      "intergovernmental",
      "business_association"),
  BODY_KIND("plenary", "main_committee", "subsidiary_body"),
  DOCUMENT_KIND(
      "resolution", "draft_resolution", "amendment", "report", "proposal", "meeting_record"),
  DOCUMENT_ROLE("adopted_text", "draft", "amendment", "report", "subject", "meeting_record"),
  ORGANIZATION_KIND(
      "ngo",
      "ngo_coalition",
      "company",
      "industry_coalition",
      "business_association",
      "think_tank",
      "un_body",
      "intergovernmental",
      "eu_institution"),
  ACTOR_KIND("organization", "delegation"),
  EVENT_KIND(
      "proposal",
      "resolution",
      "session",
      "suspension",
      "agreement",
      "adoption",
      "signing",
      "rule",
      "vote"),
  /** The tables whose records cite sources (citations.csv record_type). */
  RECORD_TYPE(
      "delegation",
      "body",
      "document",
      "vote",
      "roll_call",
      "organization",
      "membership",
      "person",
      "position",
      "event",
      "treaty",
      "signature",
      "claim",
      "ratification"),
  /** What a claim is about (claims.csv subject_type). */
  CLAIM_SUBJECT_TYPE("treaty"),
  /** The figures modelled as claims (claims.csv property). */
  CLAIM_PROPERTY("signatories_count");

  private final List<String> values;
  private final Set<String> set;

  Vocabulary(String... values) {
    this.values = List.of(values);
    this.set = Set.copyOf(this.values);
  }

  /** The values, in their declared order. */
  public List<String> terms() {
    return values;
  }

  public Set<String> asSet() {
    return set;
  }
}
