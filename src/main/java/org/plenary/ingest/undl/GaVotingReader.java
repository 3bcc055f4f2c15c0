package org.plenary.ingest.undl;

/**
 * Reads the General Assembly voting file (record 4060887) in any of its layouts: 2024 ({@code
 * modality}, {@code NV}), 2025, 2026 ({@code vote_note}). Ballots {@code Y}, {@code N}, {@code A};
 * {@code X}, {@code NV} or empty for a member that did not vote; anything else is refused.
 */
public final class GaVotingReader extends LayoutReader<GaVote> {
  public GaVotingReader() {
    super(Layout.File.GA_VOTING);
  }

  @Override
  GaVote row(Layout layout, Row r) {
    return new GaVote(
        r.id("undl_id"),
        r.alpha3("ms_code", true),
        r.text("ms_name"),
        ballot(r, "ms_vote"),
        r.date("date"),
        r.text("session"),
        r.text("resolution"),
        r.symbol("resolution"),
        method(r),
        r.list("draft"),
        r.list("committee_report"),
        r.list("meeting"),
        r.title("title"),
        r.list("agenda_title"),
        r.list("subjects"),
        r.text("vote_note"),
        r.tallies(),
        r.count("total_ms"),
        r.text("undl_link"),
        r.line());
  }

  /** A ballot letter; refused when it is not one. */
  static Ballot ballot(Row r, String column) {
    Ballot b = Ballot.ofLetter(r.raw(column));
    if (b == null) {
      throw r.refuse(
          column
              + " '"
              + r.raw(column)
              + "' is not a vote: expected Y, N, A, X, NV or empty (not voting)");
    }
    return b;
  }

  /** The {@code modality}, when the file has one; refused when it is not an adoption method. */
  static AdoptionMethod method(Row r) {
    String m = r.text("modality");
    if (m == null) {
      return null;
    }
    AdoptionMethod a = AdoptionMethod.parse(m);
    if (a == null) {
      throw r.refuse(
          "modality '"
              + m
              + "' is not an adoption method: expected Vote, recorded; Vote, non-recorded;"
              + " Without a vote");
    }
    return a;
  }
}
