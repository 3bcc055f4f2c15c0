package org.plenary.ingest.undl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a voting file's links mean for the import: pure, no database. */
class VotingLinksTest {
  private static final LocalDate DAY = LocalDate.of(2018, 12, 17);
  private static final Set<String> HISTORY = Set.of("voeten-1", "voeten-2");

  private static HeldVote held(String id, String symbol, Tallies t, Integer undlId) {
    return new HeldVote(id, Symbol.parse(symbol).orElse(null), DAY, t, Map.of(), true, undlId);
  }

  private static FileRollCall file(int undlId, String resolution, Tallies t) {
    return new FileRollCall(
        undlId, resolution, Symbol.parse(resolution).orElse(null), DAY, t, Map.of());
  }

  private static VotingLinks links(List<HeldVote> held, List<FileRollCall> incoming) {
    var r = new SameDecision().reconcile(held, incoming);
    return VotingLinks.of(
        r, incoming, held, h -> h.id().startsWith("undl-"), h -> HISTORY.contains(h.id()));
  }

  @Test
  void aCuratedVoteWithTwoRollCallsInTheFileLinksTheOneWhoseTotalsMatch() {
    Tallies curated = new Tallies(94, 59, 33, 7);
    VotingLinks l =
        links(
            List.of(held("a-res-73-187", "A/RES/73/187", curated, null)),
            List.of(
                file(6139, "R/73/187", new Tallies(120, 2, 50, null)),
                file(6138, "R/73/187", new Tallies(94, 59, 33, 7))));
    assertEquals(Map.of(6138, "a-res-73-187"), l.links());
    assertEquals(Map.of(), l.imported());
    assertEquals(List.of("a-res-73-187 = undl_id 6138"), l.linked());
    assertEquals(
        List.of(
            "A/RES/73/187 has 2 roll calls in the file (undl_id 6139, 6138): linked 6138 to"
                + " a-res-73-187, the one whose totals match the curated tallies; the others are"
                + " separate votes"),
        l.conflicts());
    assertEquals(List.of(), l.tallies());
  }

  @Test
  void tallyDifferencesAreReportedAndRecordedTheHeldRecordStanding() {
    VotingLinks l =
        links(
            List.of(
                held("a-res-74-247", "A/RES/74/247", new Tallies(79, 60, 33, 21), null),
                held("voeten-1", "R/73/5", new Tallies(146, 3, 15, null), null)),
            List.of(
                file(9087, "A/RES/74/247", new Tallies(80, 60, 33, 21)),
                file(6059, "R/73/5", new Tallies(146, 4, 15, null))));
    assertEquals(
        List.of(
            "a-res-74-247 (undl_id 9087): the file's tallies yes 80, no 60, abstain 33,"
                + " non_voting 21 differ from the curated yes 79, no 60, abstain 33, non_voting"
                + " 21; the curated record stands",
            "voeten-1 (undl_id 6059): the file's tallies yes 146, no 4, abstain 15, non_voting"
                + " unknown differ from the published yes 146, no 3, abstain 15, non_voting"
                + " unknown; the published record stands"),
        l.conflicts());
    assertEquals(
        List.of(
            new Conflict("a-res-74-247", "yes", null, "79", "80"),
            new Conflict("voeten-1", "no", null, "3", "4")),
        l.tallies());
    assertEquals(
        List.of(
            "1 roll call(s) are votes the published history holds already (Voeten's data):"
                + " linked, not copied; the published roll calls stand"),
        l.notes());
    // only curated links are listed as such
    assertEquals(List.of("a-res-74-247 = undl_id 9087"), l.linked());
  }

  @Test
  void aRecordImportedBeforeIsMergedAgainNotLinked() {
    Tallies t = new Tallies(2, 0, 1, null);
    VotingLinks l =
        links(
            List.of(held("undl-8001", "A/RES/74/5", t, 8001)),
            List.of(file(8001, "A/RES/74/5", new Tallies(3, 0, 0, null))));
    assertEquals(Map.of(8001, "undl-8001"), l.imported());
    assertEquals(Map.of(), l.links());
    assertEquals(List.of(), l.conflicts());
    assertEquals(List.of(), l.tallies());
  }

  @Test
  void aCuratedVoteLinkedToAnotherRecordLeavesThisFilesRollCallsSeparate() {
    Tallies t = new Tallies(79, 60, 33, 21);
    VotingLinks l =
        links(
            List.of(held("a-res-74-247", "A/RES/74/247", t, 1234)),
            List.of(file(9087, "A/RES/74/247", t)));
    assertEquals(Map.of(), l.links());
    assertEquals(
        List.of(
            "a-res-74-247 is already linked to undl_id 1234 (from an earlier file); roll call(s)"
                + " 9087 of this file are imported as separate votes"),
        l.conflicts());
  }
}
