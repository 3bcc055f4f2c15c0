package org.plenary.delegation;

import static org.plenary.seed.Schema.DELEGATION;
import static org.plenary.seed.Schema.DELEGATION_SUCCESSION;
import static org.plenary.seed.Schema.UN_MEMBERSHIP;

import java.util.List;
import java.util.Map;
import org.plenary.query.CollectionSpec;
import org.plenary.query.CollectionSpec.Embed;
import org.plenary.query.Field;

/** Delegations: the member states and other actors that vote or speak. */
public final class Delegations {
  private Delegations() {}

  /** Historic states and the states whose record continues theirs (YUG -> SRB). */
  public static final CollectionSpec SUCCESSIONS =
      CollectionSpec.builder(
              "successions",
              "delegation_succession s join delegation p on p.id = s.predecessor_id"
                  + " join delegation q on q.id = s.successor_id")
          .field(Field.column("s", DELEGATION_SUCCESSION, "predecessor_id", "The historic state"))
          .field(Field.column("predecessor_name", "p", DELEGATION, "name", "Its name"))
          .field(
              Field.column(
                  "s",
                  DELEGATION_SUCCESSION,
                  "successor_id",
                  "The state whose record continues it"))
          .field(Field.column("successor_name", "q", DELEGATION, "name", "Its name"))
          .field(
              Field.column(
                  "s",
                  DELEGATION_SUCCESSION,
                  "date",
                  "Date of the succession; null when no source at hand gives it"))
          .field(Field.column("s", DELEGATION_SUCCESSION, "date_precision", "day, month or year"))
          .field(Field.column("s", DELEGATION_SUCCESSION, "note", "Caveats").asLongText())
          .field(Field.column("s", DELEGATION_SUCCESSION, "source_id", "Source of the fact"))
          .field(
              Field.column(
                  "s", DELEGATION_SUCCESSION, "locator", "Where in the source (the evidence)"))
          .key("predecessor_id", "successor_id")
          .sort("predecessor_id", "successor_id")
          .build();

  /**
   * A member state's periods of UN membership, from the UN Digital Library's Member States' names
   * file (none until it is imported).
   */
  static final CollectionSpec MEMBERSHIP_PERIODS =
      CollectionSpec.builder("un_membership", "un_membership m")
          .field(Field.column("m", UN_MEMBERSHIP, "delegation_id", "The member state"))
          .field(Field.column("m", UN_MEMBERSHIP, "start_date", "First day of the period"))
          .field(
              Field.column(
                  "m", UN_MEMBERSHIP, "end_date", "Last day of the period; null: it lasts"))
          .field(
              Field.column(
                  "m",
                  UN_MEMBERSHIP,
                  "founding_member",
                  "A founding member (on the first period); null when the source does not say"))
          .field(
              Field.column(
                  "m",
                  UN_MEMBERSHIP,
                  "resolution",
                  "The resolution admitting it (on the first period); null when none is given"))
          .field(Field.column("m", UN_MEMBERSHIP, "source_id", "Source of the period"))
          .field(Field.column("m", UN_MEMBERSHIP, "locator", "Where in the source"))
          .key("delegation_id", "start_date")
          .sort("delegation_id", "start_date")
          .build();

  public static final CollectionSpec DELEGATIONS =
      CollectionSpec.builder("delegations", "delegation d")
          .field(
              Field.column(
                  "d", DELEGATION, "id", "ISO 3166-1 alpha-3 code (EUU for the European Union)"))
          .field(Field.column("d", DELEGATION, "iso2", "ISO 3166-1 alpha-2 code"))
          .field(
              Field.column(
                  "d",
                  DELEGATION,
                  "name",
                  "Name. As a filter (name=), any name the delegation is known by: its name and"
                      + " every name a source gives it (the UN Digital Library's in six"
                      + " languages, Voeten's, former names), case ignored, a closing"
                      + " parenthetical optional: Pays-Bas, netherlands, USSR"))
          .field(Field.column("d", DELEGATION, "kind", "member_state or regional_organization"))
          .field(Field.column("d", DELEGATION, "un_member", "Member of the United Nations"))
          .field(
              Field.column(
                  "d",
                  DELEGATION,
                  "regional_group",
                  "african, asia_pacific, eastern_european, grulac or weog"))
          .field(
              Field.column(
                  "d", DELEGATION, "regional_group_status", "member, observer, disputed or none"))
          .field(
              Field.column("d", DELEGATION, "note", "Special cases and conflicts between sources")
                  .asLongText())
          .timestamps("d")
          .key("id")
          .sort("id")
          // any name it is known by, case ignored, "(Royaume des)" optional: name=Pays-Bas
          .tagged(
              new CollectionSpec.TagFilter(
                  "name",
                  "(select id as delegation_id, name from delegation union all select"
                      + " delegation_id, name from delegation_name)",
                  "delegation_id",
                  "name",
                  "d.id",
                  "Delegations known by this name (any source, any language, case ignored, a"
                      + " closing parenthetical optional)",
                  "array[lower(tag.name), lower(btrim(regexp_replace(tag.name,"
                      + " '\\s*\\([^()]*\\)\\s*$', '')))] && array(select lower(btrim(v))"
                      + " from unnest(?::text[]) v)"))
          // any name a source gives it, in any language: known_as=Yugoslavia
          .tagged(
              new CollectionSpec.TagFilter(
                  "known_as",
                  "delegation_name",
                  "delegation_id",
                  "name",
                  "d.id",
                  "Delegations known by this name in a source (any language, exact): Yugoslavia,"
                      + " USSR, Federal Republic of Germany"))
          .embed(
              new Embed(
                  "predecessors",
                  SUCCESSIONS,
                  "successor_id",
                  "id",
                  Map.of(),
                  List.of(),
                  "Historic states whose record this delegation's continues"))
          .embed(
              new Embed(
                  "successors",
                  SUCCESSIONS,
                  "predecessor_id",
                  "id",
                  Map.of(),
                  List.of(),
                  "States whose record continues this (historic) delegation's"))
          .cites("delegation", "id")
          // after sources: the field is appended (and the CSV column last), existing ones stay
          .embed(
              new Embed(
                  "un_membership",
                  MEMBERSHIP_PERIODS,
                  "delegation_id",
                  "id",
                  Map.of(),
                  List.of("delegation_id"),
                  "Its periods of UN membership, from the UN Digital Library's Member States'"
                      + " names file; empty when no such file was imported (which never means it"
                      + " was not a member: un_member says whether it is one)"))
          .build();
}
