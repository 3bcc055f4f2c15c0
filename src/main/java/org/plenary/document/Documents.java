package org.plenary.document;

import static org.plenary.query.Field.longText;
import static org.plenary.query.Field.partialDate;
import static org.plenary.query.Field.text;

import java.util.List;
import java.util.Map;
import org.plenary.query.CollectionSpec;
import org.plenary.query.CollectionSpec.Embed;

/** UN documents: resolutions, drafts, amendments, reports. */
public final class Documents {
  private Documents() {}

  static final CollectionSpec VOTES_ON_DOCUMENT =
      CollectionSpec.builder("document_votes", "vote_document vd join vote v on v.id = vd.vote_id")
          .field(text("document_id", "vd.document_id", "Document"))
          .field(text("id", "v.id", "Vote id"))
          .field(text("subject", "v.subject", "What was voted on"))
          .field(partialDate("date", "v.date", "v.date_precision", "Date of the vote"))
          .field(text("outcome", "v.outcome", "adopted or rejected"))
          .field(text("role", "vd.role", "The document's role in the vote"))
          .key("document_id", "id")
          .sort("document_id", "id")
          .build();

  public static final CollectionSpec DOCUMENTS =
      CollectionSpec.builder("documents", "document d")
          .field(text("id", "d.id", "Document id: the symbol in lower case, / and . as -"))
          .field(text("symbol", "d.symbol", "UN document symbol"))
          .field(text("title", "d.title", "Title, where a source gives it"))
          .field(
              text("kind", "d.kind", "resolution, draft_resolution, amendment, report or proposal"))
          .field(text("body_id", "d.body_id", "Body it belongs to"))
          .field(partialDate("date", "d.date", "d.date_precision", "Date, as precise as known"))
          .field(text("date_precision", "d.date_precision", "day, month or year"))
          .field(longText("note", "d.note", "Notes"))
          .timestamps("d")
          .key("id")
          .sort("id")
          .search(
              "setweight(to_tsvector('english', d.symbol || ' ' || coalesce(d.title, '')), 'A')"
                  + " || setweight(to_tsvector('english', coalesce(d.note, '')), 'D')",
              "concat_ws(' | ', d.symbol, d.title, d.note)")
          .embed(
              new Embed(
                  "votes",
                  VOTES_ON_DOCUMENT,
                  "document_id",
                  "id",
                  Map.of(),
                  List.of("document_id"),
                  "Votes on this document"))
          .cites("document", "id")
          .build();
}
