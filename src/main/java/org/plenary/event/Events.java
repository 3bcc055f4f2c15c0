package org.plenary.event;

import static org.plenary.query.Field.longText;
import static org.plenary.query.Field.partialDate;
import static org.plenary.query.Field.text;

import org.plenary.query.CollectionSpec;

/** The timeline. */
public final class Events {
  private Events() {}

  public static final CollectionSpec EVENTS =
      CollectionSpec.builder("events", "event e")
          .field(text("id", "e.id", "Event id (slug)"))
          .field(partialDate("date", "e.date", "e.date_precision", "Date, as precise as known"))
          .field(text("date_precision", "e.date_precision", "day, month or year"))
          .field(
              partialDate(
                  "end_date",
                  "e.end_date",
                  "e.end_date_precision",
                  "Last day, for events over several days"))
          .field(
              text(
                  "kind",
                  "e.kind",
                  "proposal, resolution, session, suspension, agreement, adoption, signing, rule or vote"))
          .field(text("title", "e.title", "Title"))
          .field(longText("description", "e.description", "What happened"))
          .field(text("vote_id", "e.vote_id", "Vote"))
          .field(text("document_id", "e.document_id", "Document"))
          .field(text("certainty", "e.certainty", "confirmed, single_source or uncertain"))
          .field(longText("note", "e.note", "Caveats"))
          .timestamps("e")
          .key("id")
          .sort("date")
          .cites("event", "id")
          .build();
}
