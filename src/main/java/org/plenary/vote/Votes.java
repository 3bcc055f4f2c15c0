package org.plenary.vote;

import static org.plenary.query.Field.integer;
import static org.plenary.query.Field.longText;
import static org.plenary.query.Field.partialDate;
import static org.plenary.query.Field.text;

import java.util.List;
import java.util.Map;
import org.plenary.query.CollectionSpec;
import org.plenary.query.CollectionSpec.Embed;

/** The vote collections: votes, their documents, roll calls and the bodies that vote. */
public final class Votes {
  private Votes() {}

  public static final CollectionSpec BODIES =
      CollectionSpec.builder("bodies", "body b")
          .field(text("id", "b.id", "Body id"))
          .field(text("name", "b.name", "Name"))
          .field(text("kind", "b.kind", "plenary, main_committee or subsidiary_body"))
          .field(text("parent_id", "b.parent_id", "The body it reports to"))
          .field(longText("note", "b.note", "Notes"))
          .timestamps("b")
          .key("id")
          .sort("id")
          .cites("body", "id")
          .build();

  static final CollectionSpec DOCUMENTS_OF_VOTE =
      CollectionSpec.builder(
              "vote_documents", "vote_document vd join document d on d.id = vd.document_id")
          .field(text("vote_id", "vd.vote_id", "Vote"))
          .field(text("id", "d.id", "Document id"))
          .field(text("symbol", "d.symbol", "UN symbol"))
          .field(text("title", "d.title", "Title"))
          .field(text("kind", "d.kind", "Kind of document"))
          .field(text("role", "vd.role", "Its role in the vote"))
          .key("vote_id", "id")
          .sort("vote_id", "id")
          .build();

  /** How each delegation voted: one row per delegation per recorded vote. */
  public static final CollectionSpec ROLL_CALLS =
      CollectionSpec.builder(
              "roll_calls",
              "roll_call r join vote v on v.id = r.vote_id join delegation d on d.id = r.delegation_id")
          .field(text("vote_id", "r.vote_id", "Vote"))
          .field(partialDate("vote_date", "v.date", "v.date_precision", "Date of the vote"))
          .field(text("vote_subject", "v.subject", "What was voted on"))
          .field(text("delegation_id", "r.delegation_id", "Delegation (ISO alpha-3)"))
          .field(text("delegation_name", "d.name", "Delegation name"))
          .field(text("regional_group", "d.regional_group", "UN regional group of the delegation"))
          .field(text("vote", "r.vote", "yes, no, abstain or non_voting"))
          .timestamps("r")
          .key("vote_id", "delegation_id")
          .sort("vote_id", "delegation_id")
          .cites("roll_call", "vote_id")
          .build();

  public static final CollectionSpec VOTES =
      CollectionSpec.builder("votes", "vote v join body b on b.id = v.body_id")
          .field(text("id", "v.id", "Vote id (slug)"))
          .field(text("body_id", "v.body_id", "Body that voted or decided"))
          .field(text("body_name", "b.name", "Name of the body"))
          .field(partialDate("date", "v.date", "v.date_precision", "Date, as precise as known"))
          .field(text("date_precision", "v.date_precision", "day, month or year"))
          .field(longText("date_note", "v.date_note", "Why the date is imprecise"))
          .field(text("subject", "v.subject", "What was voted on"))
          .field(text("method", "v.method", "recorded or without_vote (consensus)"))
          .field(
              text(
                  "outcome",
                  "v.outcome",
                  "adopted or rejected; null when unknown (the UN Digital Library's file does not"
                      + " say)"))
          .field(integer("yes", "v.yes", "Votes in favour; null when no source gives it"))
          .field(integer("no", "v.no", "Votes against; null when no source gives it"))
          .field(integer("abstain", "v.abstain", "Abstentions; null when no source gives it"))
          .field(integer("non_voting", "v.non_voting", "Members not voting; null when unknown"))
          .field(text("roll_call_status", "v.roll_call_status", "complete, partial or absent"))
          .field(text("meeting", "v.meeting", "Meeting or session"))
          .field(
              integer(
                  "undl_id",
                  "v.undl_id",
                  "The roll call's record in the UN Digital Library's voting data; null when not"
                      + " linked"))
          .field(text("session", "v.session", "General Assembly session: 74, or e.g. ES-10"))
          .field(
              text(
                  "resolution",
                  "v.resolution",
                  "Symbol of the resolution voted on (A/RES/74/247; the file's R/73/187 is A/RES/73/187)"))
          .field(text("certainty", "v.certainty", "confirmed, single_source or uncertain"))
          .field(longText("note", "v.note", "Caveats"))
          .timestamps("v")
          .key("id")
          .sort("date")
          // the search vector is a stored, GIN-indexed column (V4): subject (A), resolution and
          // meeting (B), notes (D)
          .search("v.search", "concat_ws(' | ', v.subject, v.resolution, v.meeting, v.note)")
          .embed(
              new Embed(
                  "documents",
                  DOCUMENTS_OF_VOTE,
                  "vote_id",
                  "id",
                  Map.of(),
                  List.of("vote_id"),
                  "The vote's documents"))
          .cites("vote", "id")
          .include(
              new Embed(
                  "roll_call",
                  ROLL_CALLS,
                  "vote_id",
                  "id",
                  Map.of(),
                  List.of("vote_id", "vote_date", "vote_subject"),
                  "The roll call: how each delegation voted"))
          .build();
}
