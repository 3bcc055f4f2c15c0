package org.plenary.person;

import static org.plenary.seed.Schema.DELEGATION;
import static org.plenary.seed.Schema.ORGANIZATION;
import static org.plenary.seed.Schema.PERSON;

import java.util.List;
import java.util.Map;
import org.plenary.position.Positions;
import org.plenary.query.CollectionSpec;
import org.plenary.query.CollectionSpec.Embed;
import org.plenary.query.Field;

/** People who voiced positions. */
public final class People {
  private People() {}

  public static final CollectionSpec PEOPLE =
      CollectionSpec.builder(
              "people",
              "person pe left join organization o on o.id = pe.organization_id "
                  + "left join delegation d on d.id = pe.delegation_id")
          .field(Field.column("pe", PERSON, "id", "Person id (slug)"))
          .field(Field.column("pe", PERSON, "name", "Name as the sources give it"))
          .field(Field.column("pe", PERSON, "role", "Role at the time"))
          .field(Field.column("pe", PERSON, "organization_id", "Organization"))
          .field(Field.column("organization_name", "o", ORGANIZATION, "name", "Organization name"))
          .field(Field.column("pe", PERSON, "delegation_id", "Delegation (ISO alpha-3)"))
          .field(Field.column("delegation_name", "d", DELEGATION, "name", "Delegation name"))
          .field(Field.column("pe", PERSON, "note", "Notes").asLongText())
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
