package org.plenary.vote;

import static org.plenary.seed.Schema.BODY;
import static org.plenary.seed.Schema.DELEGATION;
import static org.plenary.seed.Schema.DOCUMENT;
import static org.plenary.seed.Schema.ROLL_CALL;
import static org.plenary.seed.Schema.VOTE;
import static org.plenary.seed.Schema.VOTE_DOCUMENT;

import java.util.List;
import java.util.Map;
import org.plenary.ingest.undl.HeldVote;
import org.plenary.ingest.undl.Symbol;
import org.plenary.query.CollectionSpec;
import org.plenary.query.CollectionSpec.Embed;
import org.plenary.query.Field;

/** The vote collections: votes, their documents, roll calls and the bodies that vote. */
public final class Votes {
  private Votes() {}

  /**
   * A vote's full-text search: a stored, GIN-indexed vector (V4): subject (A), resolution and
   * meeting (B), notes (D); and the text its snippets are cut from.
   */
  public static final String SEARCH_VECTOR = "v.search";

  public static final String SEARCH_TEXT =
      "concat_ws(' | ', v.subject, v.resolution, v.meeting, v.note)";

  /** topic=human-rights: the votes on a topic (/v1/topics), any of several comma-separated. */
  static CollectionSpec.TagFilter topic(String voteId) {
    return new CollectionSpec.TagFilter(
        "topic",
        "vote_topic",
        "vote_id",
        "topic_id",
        voteId,
        "Votes on a topic (an id from /v1/topics: human-rights, nuclear-weapons, ...)");
  }

  /**
   * A resolution's symbol as {@link Symbol#parse} reads it, in SQL: upper case, without spaces or
   * trailing dots, a Security Council symbol without its year.
   */
  public static String writtenSymbol(String sql) {
    return "regexp_replace(rtrim(upper(regexp_replace("
        + sql
        + ", '\\s+', '', 'g')), '.'), '^(S/RES/[0-9]+)\\([0-9]{4}\\)$', '\\1')";
  }

  /**
   * The values resolution= looks for: every way the sources write the symbol asked for
   * (A/RES/73/187, Voeten's R/73/187, 73/187; A/RES/217(III), A/RES/217 (III), 217(III)), or the
   * text as written when it is no resolution's symbol. Voeten's R/ form of a session before the
   * 31st is no UN symbol (its number is often not the resolution's: {@link HeldVote#unofficial}):
   * asked for, it finds that text alone; and an official symbol does not find it.
   */
  public static java.util.Collection<String> writtenForms(String asked) {
    Symbol symbol = Symbol.parse(asked).orElse(null);
    if (symbol == null || HeldVote.unofficial(asked, symbol)) {
      return List.of(Symbol.written(asked));
    }
    return symbol.writtenForms().stream()
        .filter(form -> !HeldVote.unofficial(form, symbol))
        .toList();
  }

  /**
   * resolution=: the votes on a resolution however its symbol is written. Each vote's own symbol,
   * or (as the field shows) its adopted text's when it has none.
   */
  static CollectionSpec.TagFilter resolution(String voteId, String description) {
    return new CollectionSpec.TagFilter(
        "resolution",
        "(select id as vote_id, resolution as symbol from vote where resolution is not null"
            + " union all select vd.vote_id, d.symbol from vote_document vd join document d on"
            + " d.id = vd.document_id join vote rv on rv.id = vd.vote_id where vd.role ="
            + " 'adopted_text' and d.symbol like 'A/RES/%/%' and rv.resolution is null)",
        "vote_id",
        "symbol",
        voteId,
        description
            + ", however its symbol is written: A/RES/73/187, R/73/187 and 73/187 find the same"
            + " votes, as do A/RES/217(III) and A/RES/217 (III)",
        writtenSymbol("tag.symbol") + " = any(?)",
        Votes::writtenForms);
  }

  /** body=security-council: the votes of a body (/v1/bodies), any of several comma-separated. */
  static final String BODY_FILTER =
      "Votes of a body (an id from /v1/bodies: ga-plenary, security-council, ...)";

  /**
   * body= on the roll calls: the entries of the votes of a body ({@code voteId}, the entry's vote).
   */
  static CollectionSpec.TagFilter bodyOfVote(String voteId) {
    return new CollectionSpec.TagFilter("body", "vote", "id", "body_id", voteId, BODY_FILTER);
  }

  public static final CollectionSpec BODIES =
      CollectionSpec.builder("bodies", "body b")
          .field(Field.column("b", BODY, "id", "Body id"))
          .field(Field.column("b", BODY, "name", "Name"))
          .field(Field.column("b", BODY, "kind", "plenary, main_committee or subsidiary_body"))
          .field(Field.column("b", BODY, "parent_id", "The body it reports to"))
          .field(Field.column("b", BODY, "note", "Notes").asLongText())
          .timestamps("b")
          .key("id")
          .sort("id")
          .cites("body", "id")
          .build();

  static final CollectionSpec DOCUMENTS_OF_VOTE =
      CollectionSpec.builder(
              "vote_documents", "vote_document vd join document d on d.id = vd.document_id")
          .field(Field.column("vd", VOTE_DOCUMENT, "vote_id", "Vote"))
          .field(Field.column("d", DOCUMENT, "id", "Document id"))
          .field(Field.column("d", DOCUMENT, "symbol", "UN symbol"))
          .field(Field.column("d", DOCUMENT, "title", "Title"))
          .field(Field.column("d", DOCUMENT, "kind", "Kind of document"))
          .field(Field.column("vd", VOTE_DOCUMENT, "role", "Its role in the vote"))
          .key("vote_id", "id")
          .sort("vote_id", "id")
          .build();

  /** How each delegation voted: one row per delegation per recorded vote. */
  public static final CollectionSpec ROLL_CALLS =
      CollectionSpec.builder(
              "roll_calls",
              "roll_call r join vote v on v.id = r.vote_id join delegation d on d.id = r.delegation_id")
          .field(Field.column("r", ROLL_CALL, "vote_id", "Vote"))
          .field(Field.column("vote_date", "v", VOTE, "date", "Date of the vote"))
          .field(Field.column("vote_subject", "v", VOTE, "subject", "What was voted on"))
          .field(Field.column("r", ROLL_CALL, "delegation_id", "Delegation (ISO alpha-3)"))
          .field(Field.column("delegation_name", "d", DELEGATION, "name", "Delegation name"))
          .field(
              Field.column(
                  "d", DELEGATION, "regional_group", "UN regional group of the delegation"))
          .field(Field.column("r", ROLL_CALL, "vote", "yes, no, abstain or non_voting"))
          .timestamps("r")
          .key("vote_id", "delegation_id")
          .sort("vote_id", "delegation_id")
          .tagged(topic("r.vote_id"))
          .tagged(bodyOfVote("r.vote_id"))
          .tagged(resolution("r.vote_id", "The entries of the votes on a resolution"))
          .cites("roll_call", "vote_id")
          .build();

  public static final CollectionSpec VOTES =
      CollectionSpec.builder(
              "votes",
              // a curated vote's resolution and session are its adopted text's, where the import
              // has not linked it (the General Assembly's symbols: A/RES/79/243, session 79)
              "vote v join body b on b.id = v.body_id left join lateral (select d.symbol,"
                  + " split_part(d.symbol, '/', 3) as session from vote_document vd join document"
                  + " d on d.id = vd.document_id where vd.vote_id = v.id and vd.role ="
                  + " 'adopted_text' and d.symbol like 'A/RES/%/%' order by d.symbol limit 1) ad on"
                  + " v.resolution is null")
          .field(Field.column("v", VOTE, "id", "Vote id (slug)"))
          .field(Field.column("v", VOTE, "body_id", "Body that voted or decided"))
          .field(Field.column("body_name", "b", BODY, "name", "Name of the body"))
          .field(Field.column("v", VOTE, "date", "Date, as precise as known"))
          .field(Field.column("v", VOTE, "date_precision", "day, month or year"))
          .field(Field.column("v", VOTE, "date_note", "Why the date is imprecise").asLongText())
          .field(Field.column("v", VOTE, "subject", "What was voted on"))
          .field(
              Field.column(
                  "v",
                  VOTE,
                  "method",
                  "recorded, non_recorded (a show of hands) or without_vote (consensus)"))
          .field(
              Field.column(
                  "v",
                  VOTE,
                  "outcome",
                  "adopted, rejected or vetoed (a Security Council draft a permanent member voted"
                      + " down); null when unknown (the UN Digital Library's file and Voeten's data"
                      + " do not say)"))
          .field(Field.column("v", VOTE, "yes", "Votes in favour; null when no source gives it"))
          .field(Field.column("v", VOTE, "no", "Votes against; null when no source gives it"))
          .field(Field.column("v", VOTE, "abstain", "Abstentions; null when no source gives it"))
          .field(Field.column("v", VOTE, "non_voting", "Members not voting; null when unknown"))
          .field(Field.integer("margin", "v.margin", Measures.MARGIN))
          .field(Field.number("margin_share", "v.margin_share", Measures.MARGIN_SHARE))
          .field(Field.term("majority", "v.majority", Measures.MAJORITY, List.of("yes", "no")))
          .field(Field.integer("minority", "v.minority", Measures.MINORITY))
          .field(Field.number("division", "v.division", Measures.DIVISION))
          .field(Field.column("v", VOTE, "roll_call_status", "complete, partial or absent"))
          .field(Field.column("v", VOTE, "meeting", "Meeting or session"))
          .field(
              Field.integer(
                  "undl_id",
                  "v.undl_id",
                  "The roll call's record in the UN Digital Library's voting data; null when not"
                      + " linked"))
          .field(
              Field.text(
                  "session",
                  "coalesce(v.session, ad.session)",
                  "General Assembly session: 74, or e.g. ES-10 (of a curated vote: its adopted"
                      + " resolution's)"))
          .field(
              Field.text(
                  "resolution",
                  "coalesce(v.resolution, ad.symbol)",
                  "Symbol of the resolution voted on, as its source writes it (A/RES/74/247,"
                      + " Voeten's R/73/187; of a curated vote without one: its adopted text's)."
                      + " resolution= finds a resolution however its symbol is written:"
                      + " A/RES/73/187, R/73/187 and 73/187 find the same votes, as do"
                      + " A/RES/217(III) and A/RES/217 (III). Voeten's R/3/217 of a session before"
                      + " the 31st is no UN symbol: it finds that text alone"))
          .field(Field.column("v", VOTE, "certainty", "confirmed, single_source or uncertain"))
          .field(Field.column("v", VOTE, "note", "Caveats").asLongText())
          .field(
              Field.integer(
                  "voeten_rcid",
                  "v.voeten_rcid",
                  "The roll call's id (rcid) in Voeten's General Assembly data; null when not one"
                      + " of its roll calls"))
          .field(
              Field.bool(
                  "amend",
                  "v.amend",
                  "A vote on an amendment (Voeten's amend); null when the source does not say"))
          .field(
              Field.bool(
                  "para",
                  "v.para",
                  "A separate vote on a paragraph (Voeten's para); null when the source does not"
                      + " say"))
          .field(
              Field.bool(
                  "important_vote",
                  "v.important_vote",
                  "Listed as important by the US State Department's Voting Practices in the United"
                      + " Nations (Voeten's importantvote; not recorded for every year)"))
          .field(
              Field.text(
                  "draft", "v.draft", "The draft voted on (the vetoed Security Council draft)"))
          .timestamps("v")
          .key("id")
          .sort("date")
          .tagged(topic("v.id"))
          .tagged(resolution("v.id", "The votes on a resolution"))
          // the same as body_id=, by the name the API's users reach for first
          .tagged(
              new CollectionSpec.TagFilter("body", "body", "id", "id", "v.body_id", BODY_FILTER))
          // the search vector is a stored, GIN-indexed column (V4): subject (A), resolution and
          // meeting (B), notes (D)
          .search(SEARCH_VECTOR, SEARCH_TEXT)
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
