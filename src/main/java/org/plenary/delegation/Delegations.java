package org.plenary.delegation;

import static org.plenary.seed.Schema.DELEGATION;

import org.plenary.query.CollectionSpec;
import org.plenary.query.Field;

/** Delegations: the member states and other actors that vote or speak. */
public final class Delegations {
  private Delegations() {}

  public static final CollectionSpec DELEGATIONS =
      CollectionSpec.builder("delegations", "delegation d")
          .field(
              Field.column(
                  "d", DELEGATION, "id", "ISO 3166-1 alpha-3 code (EUU for the European Union)"))
          .field(Field.column("d", DELEGATION, "iso2", "ISO 3166-1 alpha-2 code"))
          .field(Field.column("d", DELEGATION, "name", "Name"))
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
          .cites("delegation", "id")
          .build();
}
