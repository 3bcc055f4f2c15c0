package org.plenary.document;

import static org.plenary.seed.Schema.DOCUMENT;
import static org.plenary.seed.Schema.VOTE;
import static org.plenary.seed.Schema.VOTE_DOCUMENT;

import java.util.List;
import java.util.Map;
import org.plenary.query.CollectionSpec;
import org.plenary.query.CollectionSpec.Embed;
import org.plenary.query.Field;
import org.plenary.vote.Votes;

/** UN documents: resolutions, drafts, amendments, reports. */
public final class Documents {
  private Documents() {}

  static final CollectionSpec VOTES_ON_DOCUMENT =
      CollectionSpec.builder("document_votes", "vote_document vd join vote v on v.id = vd.vote_id")
          .field(Field.column("vd", VOTE_DOCUMENT, "document_id", "Document"))
          .field(Field.column("v", VOTE, "id", "Vote id"))
          .field(Field.column("v", VOTE, "subject", "What was voted on"))
          .field(Field.column("v", VOTE, "date", "Date of the vote"))
          .field(Field.column("v", VOTE, "outcome", "adopted or rejected"))
          .field(Field.column("vd", VOTE_DOCUMENT, "role", "The document's role in the vote"))
          .key("document_id", "id")
          .sort("document_id", "id")
          .build();

  public static final CollectionSpec DOCUMENTS =
      CollectionSpec.builder("documents", "document d")
          .field(
              Field.column(
                  "d", DOCUMENT, "id", "Document id: the symbol in lower case, / and . as -"))
          .field(
              Field.column(
                  "d",
                  DOCUMENT,
                  "symbol",
                  "UN document symbol, as its source writes it. symbol= finds a document however"
                      + " its symbol is written (case, spaces; a resolution's as resolution= on"
                      + " /v1/votes: A/RES/73/187 and 73/187, S/RES/2500 and S/RES/2500 (2019))"))
          .field(Field.column("d", DOCUMENT, "title", "Title, where a source gives it"))
          .field(
              Field.column(
                  "d",
                  DOCUMENT,
                  "kind",
                  "resolution, draft_resolution, amendment, report, proposal or meeting_record"))
          .field(Field.column("d", DOCUMENT, "body_id", "Body it belongs to"))
          .field(Field.column("d", DOCUMENT, "date", "Date, as precise as known"))
          .field(Field.column("d", DOCUMENT, "date_precision", "day, month or year"))
          .field(Field.column("d", DOCUMENT, "note", "Notes").asLongText())
          .timestamps("d")
          .key("id")
          .sort("id")
          .tagged(
              new CollectionSpec.TagFilter(
                  "symbol",
                  "document",
                  "id",
                  "symbol",
                  "d.id",
                  "Documents by their symbol, however it is written",
                  Votes.writtenSymbol("tag.symbol") + " = any(?)",
                  Votes::writtenForms))
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
