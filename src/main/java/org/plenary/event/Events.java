package org.plenary.event;

import static org.plenary.seed.Schema.EVENT;

import org.plenary.query.CollectionSpec;
import org.plenary.query.Field;

/** The timeline. */
public final class Events {
  private Events() {}

  public static final CollectionSpec EVENTS =
      CollectionSpec.builder("events", "event e")
          .field(Field.column("e", EVENT, "id", "Event id (slug)"))
          .field(Field.column("e", EVENT, "date", "Date, as precise as known"))
          .field(Field.column("e", EVENT, "date_precision", "day, month or year"))
          .field(Field.column("e", EVENT, "end_date", "Last day, for events over several days"))
          .field(
              Field.column(
                  "e",
                  EVENT,
                  "kind",
                  "proposal, resolution, session, suspension, agreement, adoption, signing, rule or vote"))
          .field(Field.column("e", EVENT, "title", "Title"))
          .field(Field.column("e", EVENT, "description", "What happened").asLongText())
          .field(Field.column("e", EVENT, "vote_id", "Vote"))
          .field(Field.column("e", EVENT, "document_id", "Document"))
          .field(Field.column("e", EVENT, "certainty", "confirmed, single_source or uncertain"))
          .field(Field.column("e", EVENT, "note", "Caveats").asLongText())
          .timestamps("e")
          .key("id")
          .sort("date")
          .cites("event", "id")
          .build();
}
