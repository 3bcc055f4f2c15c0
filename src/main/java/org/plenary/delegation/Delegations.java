package org.plenary.delegation;

import static org.plenary.query.Field.bool;
import static org.plenary.query.Field.longText;
import static org.plenary.query.Field.text;

import org.plenary.query.CollectionSpec;

/** Delegations: the member states and other actors that vote or speak. */
public final class Delegations {
  private Delegations() {}

  public static final CollectionSpec DELEGATIONS =
      CollectionSpec.builder("delegations", "delegation d")
          .field(text("id", "d.id", "ISO 3166-1 alpha-3 code (EUU for the European Union)"))
          .field(text("iso2", "d.iso2", "ISO 3166-1 alpha-2 code"))
          .field(text("name", "d.name", "Name"))
          .field(text("kind", "d.kind", "member_state or regional_organization"))
          .field(bool("un_member", "d.un_member", "Member of the United Nations"))
          .field(
              text(
                  "regional_group",
                  "d.regional_group",
                  "african, asia_pacific, eastern_european, grulac or weog"))
          .field(
              text(
                  "regional_group_status",
                  "d.regional_group_status",
                  "member, observer, disputed or none"))
          .field(longText("note", "d.note", "Special cases and conflicts between sources"))
          .timestamps("d")
          .key("id")
          .sort("id")
          .cites("delegation", "id")
          .build();
}
