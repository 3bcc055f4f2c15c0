package org.plenary.person;

import static org.plenary.query.Field.longText;
import static org.plenary.query.Field.text;

import java.util.List;
import java.util.Map;
import org.plenary.position.Positions;
import org.plenary.query.CollectionSpec;
import org.plenary.query.CollectionSpec.Embed;

/** People who voiced positions. */
public final class People {
  private People() {}

  public static final CollectionSpec PEOPLE =
      CollectionSpec.builder(
              "people",
              "person pe left join organization o on o.id = pe.organization_id "
                  + "left join delegation d on d.id = pe.delegation_id")
          .field(text("id", "pe.id", "Person id (slug)"))
          .field(text("name", "pe.name", "Name as the sources give it"))
          .field(text("role", "pe.role", "Role at the time"))
          .field(text("organization_id", "pe.organization_id", "Organization"))
          .field(text("organization_name", "o.name", "Organization name"))
          .field(text("delegation_id", "pe.delegation_id", "Delegation (ISO alpha-3)"))
          .field(text("delegation_name", "d.name", "Delegation name"))
          .field(longText("note", "pe.note", "Notes"))
          .timestamps("pe")
          .key("id")
          .sort("id")
          .cites("person", "id")
          .include(
              new Embed(
                  "positions",
                  Positions.POSITIONS,
                  "person_id",
                  "id",
                  Map.of(),
                  List.of(),
                  "Positions they voiced"))
          .build();
}
