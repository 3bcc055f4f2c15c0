package org.plenary.organization;

import static org.plenary.seed.Schema.MEMBERSHIP;
import static org.plenary.seed.Schema.ORGANIZATION;

import java.util.List;
import java.util.Map;
import org.plenary.position.Positions;
import org.plenary.query.CollectionSpec;
import org.plenary.query.CollectionSpec.Embed;
import org.plenary.query.Field;

/** Organizations that took positions, with their coalition memberships. */
public final class Organizations {
  private Organizations() {}

  /** A coalition's members of one kind: its fields, then the membership's note and sources. */
  private static CollectionSpec members(String name, String from, List<Field> memberFields) {
    return CollectionSpec.builder(name, from)
        .field(Field.column("m", MEMBERSHIP, "organization_id", "The coalition"))
        .fields(memberFields)
        .field(Field.column("m", MEMBERSHIP, "note", "Notes on the membership").asLongText())
        .key("organization_id", "id")
        .sort("organization_id", "id")
        .cites("membership", "membership_id")
        .field(Field.column("membership_id", "m", MEMBERSHIP, "id", "Membership id"))
        .build();
  }

  static final CollectionSpec MEMBERS =
      members(
          "members",
          "membership m join organization o on o.id = m.member_id",
          List.of(
              Field.column("o", ORGANIZATION, "id", "Member organization id"),
              Field.column("o", ORGANIZATION, "name", "Member name"),
              Field.column("o", ORGANIZATION, "kind", "Member kind")));

  static final CollectionSpec MEMBER_DELEGATIONS =
      members(
          "member_delegations",
          "membership m join delegation d on d.id = m.delegation_id",
          List.of(
              Field.text("id", "d.id", "Member delegation (ISO alpha-3)"),
              Field.text("name", "d.name", "Member name"),
              Field.column(
                  "m", MEMBERSHIP, "start_date", "First day of membership (null: no bound known)"),
              Field.column(
                  "m", MEMBERSHIP, "end_date", "Last day of membership (null: no bound known)")));

  static final CollectionSpec MEMBER_OF =
      CollectionSpec.builder(
              "member_of", "membership m join organization o on o.id = m.organization_id")
          .field(Field.column("m", MEMBERSHIP, "member_id", "The member"))
          .field(Field.column("o", ORGANIZATION, "id", "Coalition id"))
          .field(Field.column("o", ORGANIZATION, "name", "Coalition name"))
          .field(Field.column("o", ORGANIZATION, "kind", "Coalition kind"))
          .key("member_id", "id")
          .sort("member_id", "id")
          .build();

  public static final CollectionSpec ORGANIZATIONS =
      CollectionSpec.builder("organizations", "organization o")
          .field(Field.column("o", ORGANIZATION, "id", "Organization id (slug)"))
          .field(Field.column("o", ORGANIZATION, "name", "Name"))
          .field(
              Field.column(
                  "o",
                  ORGANIZATION,
                  "kind",
                  "ngo, ngo_coalition, company, industry_coalition, business_association, think_tank,"
                      + " un_body, intergovernmental or eu_institution"))
          .field(Field.column("o", ORGANIZATION, "note", "Notes").asLongText())
          .timestamps("o")
          .key("id")
          .sort("id")
          .search(
              "setweight(to_tsvector('english', o.name), 'A')"
                  + " || setweight(to_tsvector('english', o.kind || ' ' || coalesce(o.note, '')), 'C')",
              "concat_ws(' | ', o.name, o.note)")
          .embed(
              new Embed(
                  "members",
                  MEMBERS,
                  "organization_id",
                  "id",
                  Map.of(),
                  List.of("organization_id"),
                  "Its members"))
          .embed(
              new Embed(
                  "member_delegations",
                  MEMBER_DELEGATIONS,
                  "organization_id",
                  "id",
                  Map.of(),
                  List.of("organization_id"),
                  "Its members that are delegations (a coalition of states: a group, /v1/groups)"))
          .embed(
              new Embed(
                  "member_of",
                  MEMBER_OF,
                  "member_id",
                  "id",
                  Map.of(),
                  List.of("member_id"),
                  "Coalitions it belongs to"))
          .cites("organization", "id")
          .include(
              new Embed(
                  "positions",
                  Positions.POSITIONS,
                  "organization_id",
                  "id",
                  Map.of(),
                  List.of(),
                  "Its positions"))
          .build();
}
