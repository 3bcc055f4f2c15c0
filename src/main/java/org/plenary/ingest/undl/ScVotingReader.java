package org.plenary.ingest.undl;

import java.util.Locale;

/**
 * Reads the Security Council voting file (record 4055387): {@code permanent_member} is {@code True}
 * or {@code False}; {@code modality} is {@code Vote} or {@code Without Vote} and alone decides
 * whether there was a roll call.
 */
public final class ScVotingReader extends LayoutReader<ScVote> {
  public ScVotingReader() {
    super(Layout.File.SC_VOTING);
  }

  @Override
  ScVote row(Layout layout, Row r) {
    String m = r.required("modality");
    AdoptionMethod method = AdoptionMethod.parse(m);
    if (method == null || method == AdoptionMethod.NON_RECORDED_VOTE) {
      throw r.refuse("modality '" + m + "' is not Vote or Without Vote");
    }
    boolean voted = method == AdoptionMethod.RECORDED_VOTE;
    String resolution = r.required("resolution");
    return new ScVote(
        r.id("undl_id"),
        r.alpha3("ms_code", true),
        r.text("ms_name"),
        permanent(r),
        voted ? GaVotingReader.ballot(r, "ms_vote") : null,
        r.date("date"),
        resolution,
        r.symbol("resolution"),
        method,
        r.list("draft"),
        r.list("meeting"),
        r.title("description"),
        r.list("agenda"),
        r.list("subjects"),
        r.text("vote_note"),
        voted ? r.tallies() : Tallies.UNKNOWN,
        r.count("total_ms"),
        r.text("undl_link"),
        r.line());
  }

  private static boolean permanent(Row r) {
    String p = r.required("permanent_member");
    return switch (p.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw r.refuse("permanent_member '" + p + "' is not True or False");
    };
  }
}
