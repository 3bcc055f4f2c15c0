package org.plenary.ingest.undl;

/**
 * Reads the General Assembly resolutions file (record 4060945): every resolution with its adoption
 * method ({@code modality}: recorded vote, non-recorded vote, without a vote; a row without one is
 * refused). Totals are kept for recorded votes only.
 */
public final class GaResolutionsReader extends LayoutReader<GaResolution> {
  public GaResolutionsReader() {
    super(Layout.File.GA_RESOLUTIONS);
  }

  @Override
  GaResolution row(Layout layout, Row r) {
    r.required("modality");
    AdoptionMethod method = GaVotingReader.method(r);
    boolean recorded = method == AdoptionMethod.RECORDED_VOTE;
    String resolution = r.required("resolution");
    return new GaResolution(
        r.id("undl_id"),
        resolution,
        r.symbol("resolution"),
        r.text("session"),
        r.date("date"),
        r.title("title"),
        method,
        r.list("draft"),
        r.list("amended_draft"),
        r.list("committee_report"),
        r.list("meeting"),
        r.list("agenda_title"),
        r.list("subjects"),
        r.text("vote_note"),
        recorded ? r.tallies() : Tallies.UNKNOWN,
        recorded ? r.count("total_ms") : null,
        r.text("undl_link"),
        r.line());
  }
}
