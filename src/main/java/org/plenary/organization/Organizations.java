package org.plenary.organization;

import static org.plenary.query.Field.longText;
import static org.plenary.query.Field.text;

import java.util.List;
import java.util.Map;
import org.plenary.position.Positions;
import org.plenary.query.CollectionSpec;
import org.plenary.query.CollectionSpec.Embed;

/** Organizations that took positions, with their coalition memberships. */
public final class Organizations {
  private Organizations() {}

  static final CollectionSpec MEMBERS =
      CollectionSpec.builder("members", "membership m join organization o on o.id = m.member_id")
          .field(text("organization_id", "m.organization_id", "The coalition"))
          .field(text("id", "o.id", "Member organization id"))
          .field(text("name", "o.name", "Member name"))
          .field(text("kind", "o.kind", "Member kind"))
          .field(longText("note", "m.note", "Notes on the membership"))
          .key("organization_id", "id")
          .sort("organization_id", "id")
          .cites("membership", "membership_id")
          .field(text("membership_id", "m.id", "Membership id"))
          .build();

  static final CollectionSpec MEMBER_OF =
      CollectionSpec.builder(
              "member_of", "membership m join organization o on o.id = m.organization_id")
          .field(text("member_id", "m.member_id", "The member"))
          .field(text("id", "o.id", "Coalition id"))
          .field(text("name", "o.name", "Coalition name"))
          .field(text("kind", "o.kind", "Coalition kind"))
          .key("member_id", "id")
          .sort("member_id", "id")
          .build();

  public static final CollectionSpec ORGANIZATIONS =
      CollectionSpec.builder("organizations", "organization o")
          .field(text("id", "o.id", "Organization id (slug)"))
          .field(text("name", "o.name", "Name"))
          .field(
              text(
                  "kind",
                  "o.kind",
                  "ngo, ngo_coalition, company, industry_coalition, business_association, think_tank,"
                      + " un_body, intergovernmental or eu_institution"))
          .field(longText("note", "o.note", "Notes"))
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
