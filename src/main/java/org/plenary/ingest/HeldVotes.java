package org.plenary.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.plenary.ingest.undl.HeldVote;
import org.plenary.ingest.undl.Symbol;
import org.plenary.ingest.undl.Tallies;

/**
 * The reconcile step's input from the database: the votes of a body the dataset holds, read once as
 * {@link HeldVote}s (in id order, the order {@link org.plenary.ingest.undl.SameDecision} breaks
 * ties by), with each vote's origin and adoption method beside them. A vote's symbol is its {@code
 * resolution}, else its adopted text's; ballots are not read (their differences are found set-wise
 * in SQL from the staged rows).
 */
record HeldVotes(List<HeldVote> votes, Map<String, String> origins, Map<String, String> methods) {

  /** The votes of {@code body}; only the recorded ones when {@code recordedOnly}. */
  static HeldVotes load(Connection c, String body, boolean recordedOnly) throws SQLException {
    List<HeldVote> votes = new ArrayList<>();
    Map<String, String> origins = new HashMap<>();
    Map<String, String> methods = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select coalesce(v.resolution, (select d.symbol from vote_document vd join document d"
                + " on d.id = vd.document_id where vd.vote_id = v.id and vd.role = 'adopted_text'"
                + " order by d.symbol limit 1)), v.date, v.id, v.yes, v.no, v.abstain,"
                + " v.non_voting, not (coalesce(v.amend, false) or coalesce(v.para, false)),"
                + " v.undl_id, v.origin, v.method, v.session from vote v where v.body_id = ?"
                + (recordedOnly ? " and v.method = 'recorded'" : "")
                + " order by v.id")) {
      ps.setString(1, body);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String id = rs.getString(3);
          String written = rs.getString(1);
          Symbol symbol = Symbol.parse(written).orElse(null);
          String session =
              rs.getString(12) != null
                  ? rs.getString(12)
                  : symbol == null ? null : symbol.session();
          votes.add(
              new HeldVote(
                  id,
                  symbol,
                  rs.getObject(2, LocalDate.class),
                  new Tallies(
                      (Integer) rs.getObject(4),
                      (Integer) rs.getObject(5),
                      (Integer) rs.getObject(6),
                      (Integer) rs.getObject(7)),
                  Map.of(),
                  rs.getBoolean(8),
                  (Integer) rs.getObject(9),
                  session,
                  symbol != null && !HeldVote.unofficial(written, symbol),
                  "voeten".equals(rs.getString(10)) && HeldVote.voetenDateApproximate(session)));
          origins.put(id, rs.getString(10));
          methods.put(id, rs.getString(11));
        }
      }
    }
    return new HeldVotes(votes, origins, methods);
  }
}
