package org.plenary.seed;

import static org.plenary.seed.Column.Type.BOOLEAN;
import static org.plenary.seed.Column.Type.DATE;
import static org.plenary.seed.Column.Type.INTEGER;
import static org.plenary.seed.Column.Type.PARTIAL_DATE;
import static org.plenary.seed.Column.of;
import static org.plenary.seed.Column.oneOf;
import static org.plenary.seed.Column.ref;
import static org.plenary.seed.Column.text;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dataset's tables, in load order (a table only references tables before it). The one
 * description of the CSV files: the loader validates against it, and the dumps and their
 * datapackage.json are written from it.
 */
public final class Schema {
  private Schema() {}

  private static Column id(String description) {
    return text("id", true, description);
  }

  private static Column note() {
    return text("note", false, "Free-text caveats: conflicts between sources, what is unknown");
  }

  public static final TableSpec RELEASE =
      new TableSpec(
          "release",
          "releases.csv",
          List.of(
              text("version", true, "Dataset version (semantic versioning)"),
              of("date", DATE, true, "Release date"),
              text("changes", true, "What changed in this release"),
              text(
                  "data_sha256",
                  true,
                  "SHA-256 of the dataset's other files at this release (see SeedReader.dataChecksum)")),
          List.of("version"),
          "Releases of the dataset");

  public static final TableSpec SOURCE =
      new TableSpec(
          "source",
          "sources.csv",
          List.of(
              id("Source id (slug)"),
              text("publisher", true, "Who published it"),
              text("title", false, "Title of the page or document"),
              text("url", false, "Where it was read; empty when only an offline copy exists"),
              of("published", PARTIAL_DATE, false, "Publication date, as precise as known"),
              oneOf("kind", true, Vocabulary.SOURCE_KIND, "Kind of publisher"),
              note()),
          List.of("id"),
          "Every source cited by the dataset");

  public static final TableSpec DELEGATION =
      new TableSpec(
          "delegation",
          "delegations.csv",
          List.of(
              id("ISO 3166-1 alpha-3 code (EUU for the European Union)"),
              text("iso2", false, "ISO 3166-1 alpha-2 code; empty for historic states without one"),
              text("name", true, "Name"),
              oneOf(
                  "kind",
                  true,
                  Vocabulary.DELEGATION_KIND,
                  "Member state or regional organization"),
              of("un_member", BOOLEAN, true, "Member of the United Nations"),
              oneOf("regional_group", false, Vocabulary.REGIONAL_GROUP, "UN regional group"),
              oneOf(
                  "regional_group_status",
                  true,
                  Vocabulary.REGIONAL_GROUP_STATUS,
                  "How the delegation belongs to its regional group"),
              note()),
          List.of("id"),
          "Delegations: the 193 member states and other actors that vote or speak");

  public static final TableSpec BODY =
      new TableSpec(
          "body",
          "bodies.csv",
          List.of(
              id("Body id (slug)"),
              text("name", true, "Name"),
              oneOf("kind", true, Vocabulary.BODY_KIND, "Kind of body"),
              ref("parent_id", false, "body", "The body it reports to"),
              note()),
          List.of("id"),
          "UN bodies that vote or decide");

  public static final TableSpec DOCUMENT =
      new TableSpec(
          "document",
          "documents.csv",
          List.of(
              id("Document id: the symbol in lower case, / and . as -"),
              text("symbol", true, "UN document symbol"),
              text("title", false, "Title, where a source gives it"),
              oneOf("kind", true, Vocabulary.DOCUMENT_KIND, "Kind of document"),
              ref("body_id", false, "body", "Body it belongs to"),
              of("date", PARTIAL_DATE, false, "Date, as precise as known"),
              note()),
          List.of("id"),
          "UN documents");

  public static final TableSpec VOTE =
      new TableSpec(
          "vote",
          "votes.csv",
          List.of(
              id("Vote id (slug)"),
              ref("body_id", true, "body", "Body that voted or decided"),
              of("date", PARTIAL_DATE, true, "Date, as precise as known"),
              text("date_note", false, "Why the date is imprecise"),
              text("subject", true, "What was voted on"),
              oneOf(
                  "method",
                  true,
                  Vocabulary.METHOD,
                  "Recorded vote, or decision without a vote (consensus)"),
              oneOf(
                  "outcome",
                  false,
                  Vocabulary.OUTCOME,
                  "Outcome; empty when unknown (roll calls imported from the UN Digital Library)"),
              of("yes", INTEGER, false, "Votes in favour; empty when no source gives it"),
              of("no", INTEGER, false, "Votes against; empty when no source gives it"),
              of("abstain", INTEGER, false, "Abstentions; empty when no source gives it"),
              of("non_voting", INTEGER, false, "Members not voting; empty when unknown"),
              oneOf(
                  "roll_call_status",
                  true,
                  Vocabulary.ROLL_CALL_STATUS,
                  "Whether the per-delegation roll call is complete, partial or absent"),
              text("meeting", false, "Meeting or session"),
              oneOf("certainty", true, Vocabulary.CERTAINTY, "How well sourced the tally is"),
              note()),
          List.of("id"),
          "Votes and decisions without a vote");

  public static final TableSpec VOTE_DOCUMENT =
      new TableSpec(
          "vote_document",
          "vote_documents.csv",
          List.of(
              ref("vote_id", true, "vote", "Vote"),
              ref("document_id", true, "document", "Document"),
              oneOf("role", true, Vocabulary.DOCUMENT_ROLE, "The document's role in the vote")),
          List.of("vote_id", "document_id"),
          "Documents of each vote");

  public static final TableSpec ROLL_CALL =
      new TableSpec(
          "roll_call",
          "roll_calls.csv",
          List.of(
              ref("vote_id", true, "vote", "Vote"),
              ref("delegation_id", true, "delegation", "Delegation"),
              oneOf("vote", true, Vocabulary.BALLOT, "How the delegation voted")),
          List.of("vote_id", "delegation_id"),
          "How each delegation voted on each recorded vote");

  public static final TableSpec ORGANIZATION =
      new TableSpec(
          "organization",
          "organizations.csv",
          List.of(
              id("Organization id (slug)"),
              text("name", true, "Name"),
              oneOf("kind", true, Vocabulary.ORGANIZATION_KIND, "Kind of organization"),
              note()),
          List.of("id"),
          "Organizations that took positions");

  public static final TableSpec MEMBERSHIP =
      new TableSpec(
          "membership",
          "memberships.csv",
          List.of(
              id("organization_id--member_id (or organization_id--delegation_id)"),
              ref("organization_id", true, "organization", "The coalition"),
              ref(
                  "member_id",
                  false,
                  "organization",
                  "Its member, an organization (or empty when the member is a delegation)"),
              ref(
                  "delegation_id",
                  false,
                  "delegation",
                  "Its member, a delegation (a state in a coalition of states; or empty)"),
              of(
                  "start_date",
                  DATE,
                  false,
                  "First day of membership, as the source gives it (empty: no bound known); a"
                      + " coalition's cohesion counts a member's votes from it"),
              of(
                  "end_date",
                  DATE,
                  false,
                  "Last day of membership (empty: still a member, or no bound known)"),
              note()),
          List.of("id"),
          "Members of coalitions: organizations, or delegations (coalitions of states)");

  public static final TableSpec PERSON =
      new TableSpec(
          "person",
          "people.csv",
          List.of(
              id("Person id (slug)"),
              text("name", true, "Name as the sources give it"),
              text("role", false, "Role at the time"),
              ref("organization_id", false, "organization", "Organization"),
              ref("delegation_id", false, "delegation", "Delegation"),
              note()),
          List.of("id"),
          "People who voiced positions");

  public static final TableSpec POSITION =
      new TableSpec(
          "position",
          "positions.csv",
          List.of(
              id("Position id (slug)"),
              oneOf(
                  "actor_kind",
                  true,
                  Vocabulary.ACTOR_KIND,
                  "Whether an organization or a delegation holds it"),
              ref("organization_id", false, "organization", "Organization holding it"),
              ref("delegation_id", false, "delegation", "Delegation holding it"),
              ref("person_id", false, "person", "Person who voiced it"),
              oneOf("stance", true, Vocabulary.STANCE, "Stance, from a fixed vocabulary"),
              oneOf(
                  "subject",
                  true,
                  Vocabulary.POSITION_SUBJECT,
                  "What the stance is on: the convention, a clause of it, a proposal in the"
                      + " negotiations, or a vote on another resolution"),
              text("stance_summary", true, "The stance in the source's own words"),
              text("quote", false, "Verbatim quote; empty where only a paraphrase exists"),
              oneOf(
                  "quote_status",
                  true,
                  Vocabulary.QUOTE_STATUS,
                  "verbatim, fragment, or none (no verbatim quote found)"),
              text("paraphrase", false, "Paraphrase, where no verbatim quote exists"),
              of("date", PARTIAL_DATE, true, "Date, as precise as the source allows"),
              text("date_note", false, "Why the date is imprecise"),
              ref("vote_id", false, "vote", "The vote it is about"),
              oneOf("certainty", false, Vocabulary.CERTAINTY, "How well sourced it is"),
              note()),
          List.of("id"),
          "Stated positions on the convention");

  public static final TableSpec EVENT =
      new TableSpec(
          "event",
          "events.csv",
          List.of(
              id("Event id (slug)"),
              of("date", PARTIAL_DATE, true, "Date, as precise as known"),
              of("end_date", PARTIAL_DATE, false, "Last day, for events over several days"),
              oneOf("kind", true, Vocabulary.EVENT_KIND, "Kind of event"),
              text("title", true, "Title"),
              text("description", false, "What happened"),
              ref("vote_id", false, "vote", "Vote"),
              ref("document_id", false, "document", "Document"),
              oneOf("certainty", false, Vocabulary.CERTAINTY, "How well sourced it is"),
              note()),
          List.of("id"),
          "The timeline of the convention");

  public static final TableSpec TREATY =
      new TableSpec(
          "treaty",
          "treaties.csv",
          List.of(
              id("Treaty id (slug)"),
              text("name", true, "Full title"),
              text("short_name", false, "Short name"),
              ref("adopted_document_id", false, "document", "Resolution adopting it"),
              ref("adoption_vote_id", false, "vote", "The adoption decision"),
              of("adopted_on", DATE, false, "Date of adoption"),
              of("signature_opened", DATE, false, "First day open for signature"),
              of("signature_closes", DATE, false, "Last day open for signature"),
              of("signatories_official_count", INTEGER, false, "Official count of signatories"),
              of("ratifications_required", INTEGER, false, "Ratifications for entry into force"),
              of("entry_into_force_days", INTEGER, false, "Days after the last one needed"),
              note()),
          List.of("id"),
          "Treaties");

  public static final TableSpec SIGNATURE =
      new TableSpec(
          "signature",
          "signatures.csv",
          List.of(
              id("treaty_id--iso3"),
              ref("treaty_id", true, "treaty", "Treaty"),
              ref("delegation_id", true, "delegation", "Signatory"),
              of("date", PARTIAL_DATE, false, "Date of signature"),
              oneOf("certainty", true, Vocabulary.CERTAINTY, "How well sourced it is"),
              note()),
          List.of("id"),
          "Known signatures (a partial list)");

  public static final TableSpec CLAIM =
      new TableSpec(
          "claim",
          "claims.csv",
          List.of(
              id("Claim id (slug)"),
              oneOf(
                  "subject_type",
                  true,
                  Vocabulary.CLAIM_SUBJECT_TYPE,
                  "The table of the record it is about"),
              ref("subject_id", true, "treaty", "The record it is about"),
              oneOf("property", true, Vocabulary.CLAIM_PROPERTY, "The figure claimed"),
              of("value", INTEGER, true, "The value this source gives"),
              of(
                  "as_of",
                  PARTIAL_DATE,
                  false,
                  "The date the figure describes, as precise as known"),
              oneOf("certainty", true, Vocabulary.CERTAINTY, "How well sourced it is"),
              of("reported", BOOLEAN, true, "Whether Plenary reports this value (one per figure)"),
              text("reason", false, "Why Plenary reports it (required for the reported one)"),
              note()),
          List.of("id"),
          "Figures that sources disagree on: every claim, with its source; one is reported");

  public static final TableSpec RATIFICATION =
      new TableSpec(
          "ratification",
          "ratifications.csv",
          List.of(
              id("treaty_id--iso3"),
              ref("treaty_id", true, "treaty", "Treaty"),
              ref("delegation_id", true, "delegation", "Ratifying delegation"),
              of("date", PARTIAL_DATE, false, "Date the instrument was deposited"),
              oneOf("certainty", true, Vocabulary.CERTAINTY, "How well sourced it is"),
              note()),
          List.of("id"),
          "Known ratifications (acceptances, approvals, accessions)");

  public static final TableSpec CITATION =
      new TableSpec(
          "citation",
          "citations.csv",
          List.of(
              oneOf("record_type", true, Vocabulary.RECORD_TYPE, "The table of the cited record"),
              text("record_id", true, "The record's id (for roll_call, the vote id)"),
              ref("source_id", true, "source", "Source"),
              text("locator", false, "Where in the source")),
          List.of("record_type", "record_id", "source_id"),
          "Which source each record cites");

  /**
   * The columns curation keeps in the release table beside the file's (V9): how each release was
   * published. Not in releases.csv, the dumps or the content checksum; mapped by
   * org.plenary.curation.PublishedRelease. By name, the database type.
   */
  public static final Map<String, String> RELEASE_PUBLICATION_COLUMNS =
      Map.of(
          "notes", "text",
          "checksum", "text",
          "published_at", "timestamp with time zone",
          "published_by", "text");

  /**
   * How a release was published: from seed-data, by the General Assembly import (undl), through
   * curation's review, or by the General Debate import (ungdc); "import" is kept for importers that
   * would publish through curation (none does today: the General Assembly import publishes its own
   * releases).
   */
  public static final List<String> RELEASE_ORIGINS =
      List.of("seed", "undl", "curation", "import", "ungdc");

  /** The tables in load order (a table only references tables before it). */
  public static final List<TableSpec> TABLES =
      List.of(
          RELEASE,
          SOURCE,
          DELEGATION,
          BODY,
          DOCUMENT,
          VOTE,
          VOTE_DOCUMENT,
          ROLL_CALL,
          ORGANIZATION,
          MEMBERSHIP,
          PERSON,
          POSITION,
          EVENT,
          TREATY,
          SIGNATURE,
          CLAIM,
          RATIFICATION,
          CITATION);

  /**
   * The tables an import of outside data (the UN Digital Library voting file) or a layer (V13: the
   * Security Council comes with the veto list, hence body; V24: the Library's documents of a vote)
   * writes to: their rows have an origin ('seed', 'undl', or a layer's name), and the seed loader
   * deletes only its own.
   */
  public static final Set<String> IMPORTED =
      Set.of(
          "release",
          "source",
          "delegation",
          "body",
          "document",
          "vote",
          "vote_document",
          "roll_call",
          "citation");

  /**
   * The UN Digital Library identity of the votes linked to it (written by imports, never by the
   * seed files): dumped as undl_votes.csv beside the seed-format tables.
   */
  public static final TableSpec UNDL_VOTES =
      new TableSpec(
          "undl_vote",
          "undl_votes.csv",
          List.of(
              ref("vote_id", true, "vote", "The vote"),
              of("undl_id", INTEGER, true, "Its roll call in the UN Digital Library's voting data"),
              text("session", false, "General Assembly session: 74, or e.g. ES-10"),
              text("resolution", false, "Symbol of the resolution voted on (A/RES/74/247)")),
          List.of("vote_id"),
          "Votes linked to the UN Digital Library's General Assembly voting data (by import)");

  /**
   * A vote's identity and flags in the outside sources (V13; written by the layers and imports,
   * never by the seed files): dumped as vote_details.csv.
   */
  public static final TableSpec VOTE_DETAILS =
      new TableSpec(
          "vote_detail",
          "vote_details.csv",
          List.of(
              ref("vote_id", true, "vote", "The vote"),
              of("voeten_rcid", INTEGER, false, "Its roll-call id (rcid) in Voeten's data"),
              of("amend", BOOLEAN, false, "A vote on an amendment (Voeten's amend)"),
              of("para", BOOLEAN, false, "A separate vote on a paragraph (Voeten's para)"),
              of(
                  "important_vote",
                  BOOLEAN,
                  false,
                  "Listed as important by the US State Department (Voeten's importantvote)"),
              text("draft", false, "The draft voted on (a vetoed Security Council draft)")),
          List.of("vote_id"),
          "Votes' identities and flags in the outside sources (Voeten's data, the veto list)");

  public static final TableSpec TOPIC =
      new TableSpec(
          "topic",
          "topics.csv",
          List.of(
              id("Topic id (readable slug: human-rights)"),
              text(
                  "scheme", true, "voeten (Voeten's six issues), unbis (UN subject terms), agenda"),
              text("name", true, "Name"),
              note()),
          List.of("id"),
          "Topics of votes: Voeten's issues, UN subject terms, agenda items");

  public static final TableSpec VOTE_TOPIC =
      new TableSpec(
          "vote_topic",
          "vote_topics.csv",
          List.of(ref("vote_id", true, "vote", "Vote"), ref("topic_id", true, "topic", "Topic")),
          List.of("vote_id", "topic_id"),
          "The topics of each vote");

  public static final TableSpec DELEGATION_SUCCESSION =
      new TableSpec(
          "delegation_succession",
          "delegation_successions.csv",
          List.of(
              ref("predecessor_id", true, "delegation", "The historic state"),
              ref("successor_id", true, "delegation", "The state whose record continues it"),
              of(
                  "date",
                  PARTIAL_DATE,
                  false,
                  "Date of the succession; empty when no source gives it"),
              note(),
              ref("source_id", true, "source", "Source"),
              text("locator", false, "Where in the source")),
          List.of("predecessor_id", "successor_id"),
          "Historic states and the states whose record continues theirs");

  public static final TableSpec DELEGATION_NAME =
      new TableSpec(
          "delegation_name",
          "delegation_names.csv",
          List.of(
              ref("delegation_id", true, "delegation", "Delegation"),
              text("language", true, "Language (en, fr, es, ar, zh, ru)"),
              text("name", true, "A name the delegation is known by in a source"),
              ref("source_id", true, "source", "Source")),
          List.of("delegation_id", "language", "name", "source_id"),
          "Every name of each delegation in the sources");

  public static final TableSpec BODY_MEMBER =
      new TableSpec(
          "body_member",
          "body_members.csv",
          List.of(
              ref("body_id", true, "body", "Body"),
              ref("delegation_id", true, "delegation", "Member"),
              of("permanent", BOOLEAN, true, "A permanent member (of the Security Council)"),
              note(),
              ref("source_id", true, "source", "Source")),
          List.of("body_id", "delegation_id"),
          "Members of bodies: the Security Council's permanent members");

  public static final TableSpec CONFLICT =
      new TableSpec(
          "conflict",
          "conflicts.csv",
          List.of(
              id("Conflict id: vote--field[--delegation]"),
              ref("vote_id", true, "vote", "The vote both sources report"),
              text("field", true, "What differs: yes, no, abstain, non_voting, ballot, ..."),
              ref("delegation_id", false, "delegation", "The delegation, for a ballot"),
              text("published_value", false, "What the published dataset holds (empty: nothing)"),
              ref("published_source_id", false, "source", "The source of the published value"),
              text("other_value", false, "What the other source says"),
              ref("other_source_id", true, "source", "The other source"),
              text("other_locator", false, "Where in the other source"),
              note()),
          List.of("id"),
          "Where two sources of one vote disagree; the published value stands");

  /**
   * A delegation's periods of UN membership (V24), from the current name's row of the UN Digital
   * Library's Member States' names file (written by its import only).
   */
  public static final TableSpec UN_MEMBERSHIP =
      new TableSpec(
          "un_membership",
          "un_memberships.csv",
          List.of(
              ref("delegation_id", true, "delegation", "The member state"),
              of("start_date", DATE, true, "First day of the period of membership"),
              of("end_date", DATE, false, "Last day of the period; empty while it lasts"),
              of(
                  "founding_member",
                  BOOLEAN,
                  false,
                  "A founding member (of the first period); empty when the source does not say"),
              text(
                  "resolution",
                  false,
                  "The resolution admitting it (of the first period); empty when none is given"),
              ref("source_id", true, "source", "Source"),
              text("locator", false, "Where in the source")),
          List.of("delegation_id", "start_date"),
          "Periods of UN membership of each member state (the Library's Member States' names)");

  /** The tables of the voting record (V13, V24), dumped beside the seed-format tables. */
  public static final List<TableSpec> RECORD_TABLES =
      List.of(
          VOTE_DETAILS,
          TOPIC,
          VOTE_TOPIC,
          DELEGATION_SUCCESSION,
          DELEGATION_NAME,
          BODY_MEMBER,
          CONFLICT,
          UN_MEMBERSHIP);

  /**
   * The origins of the layers built from outside data (org.plenary.seed.Layers): part of the
   * published dataset and its dumps, but not of the curated tables that curation validates,
   * archives and exports (they are rebuilt from their sources by scripts/build-layers).
   */
  public static final List<String> LAYER_ORIGINS = List.of("voeten", "sc-vetoes");

  /** Tables whose rows carry an origin. */
  public static boolean hasOrigin(String table) {
    return IMPORTED.contains(table)
        || RECORD_TABLES.stream().anyMatch(t -> t.table().equals(table) && t != VOTE_DETAILS);
  }

  /** Every table the dumps hold: the seed-format tables, then the imports' and layers' own. */
  public static final List<TableSpec> DUMPED =
      java.util.stream.Stream.concat(
              java.util.stream.Stream.concat(
                  TABLES.stream(), java.util.stream.Stream.of(UNDL_VOTES)),
              RECORD_TABLES.stream())
          .toList();

  /** Record types that must cite at least one source, and the table that holds their ids. */
  public static final List<String> MUST_CITE = Vocabulary.RECORD_TYPE.terms();

  /**
   * Tables added after the first release: a directory of files from before them (an old dump) may
   * lack their files, which then read as empty tables.
   */
  public static final Set<String> ADDED_LATER = Set.of(CLAIM.table(), RATIFICATION.table());

  /** A dumped table by name: a seed-format table, or one of the imports' and layers' own. */
  public static Optional<TableSpec> dumped(String name) {
    return DUMPED.stream().filter(t -> t.table().equals(name)).findFirst();
  }

  /**
   * Columns added after the first release, by table, each with the value a file from before it (an
   * old release's dump) reads as: a positions.csv without {@code subject} is the data of releases
   * up to 1.1.0, whose stances were all read as stances on the convention; a memberships.csv
   * without {@code delegation_id}, {@code start_date} and {@code end_date} is from before
   * delegations could be members (V21).
   */
  public static final Map<String, Map<String, String>> COLUMNS_ADDED_LATER =
      Map.of(
          POSITION.table(),
          Map.of("subject", "convention"),
          MEMBERSHIP.table(),
          Map.of("delegation_id", "", "start_date", "", "end_date", ""));

  public static Optional<TableSpec> table(String name) {
    return TABLES.stream().filter(t -> t.table().equals(name)).findFirst();
  }
}
