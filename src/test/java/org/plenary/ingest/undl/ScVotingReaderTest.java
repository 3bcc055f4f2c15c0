package org.plenary.ingest.undl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScVotingReaderTest {
  @TempDir Path dir;

  private final ScVotingReader reader = new ScVotingReader();

  private static String row(
      int id,
      String code,
      String name,
      String permanent,
      String vote,
      String res,
      String totals,
      String modality) {
    return id
        + ","
        + code
        + ","
        + name
        + ","
        + permanent
        + ","
        + vote
        + ",2023-12-22,"
        + res
        + ",S/2023/1029,S/PV.9520,\"Resolution 2720 (2023) / adopted by the Security Council at"
        + " its 9520th meeting, on 22 December 2023\","
        + "The situation in the Middle East|Palestinian question,HUMANITARIAN ASSISTANCE,,"
        + totals
        + ","
        + modality
        + ",https://digitallibrary.un.org/record/"
        + id;
  }

  @Test
  void aRecordedVoteWithPermanentMembersMarked() throws IOException {
    Path file =
        TestFiles.csv(
            dir,
            "2025_07_sc_voting.csv",
            TestFiles.SC,
            row(
                4032961,
                "USA",
                "UNITED STATES",
                "True",
                "A",
                "S/RES/2720(2023)",
                "13.0,0.0,2.0,0.0,15.0",
                "Vote"),
            row(
                4032961,
                "ARE",
                "UNITED ARAB EMIRATES",
                "False",
                "Y",
                "S/RES/2720(2023)",
                "13.0,0.0,2.0,0.0,15.0",
                "Vote"));
    List<ScVote> rows = TestFiles.rows(reader, file);
    ScVote usa = rows.get(0);
    assertTrue(usa.permanentMember());
    assertFalse(rows.get(1).permanentMember());
    assertEquals(Ballot.ABSTAIN, usa.ballot());
    assertEquals(AdoptionMethod.RECORDED_VOTE, usa.method());
    assertEquals(Symbol.sc(2720, 2023), usa.symbol());
    assertEquals(2023, usa.symbol().year());
    assertEquals(new Tallies(13, 0, 2, 0), usa.tallies());
    assertEquals(15, usa.totalMembers());
    assertEquals(List.of("S/2023/1029"), usa.drafts());
    assertEquals(List.of("S/PV.9520"), usa.meetings());
    assertEquals("Resolution 2720 (2023)", usa.description().text());
    assertEquals(List.of("The situation in the Middle East", "Palestinian question"), usa.agenda());
    RollCallCollector c = new RollCallCollector(file);
    reader.read(file, c::add);
    assertEquals(1, c.rollCalls().size());
    assertEquals(new Tallies(13, 0, 2, 0), c.rollCalls().get(0).tallies());
  }

  @Test
  void adoptionWithoutAVoteIsDecidedByModalityNeverByTheLetters() throws IOException {
    // one Library file writes every member as Y, a later one as X with totals 0
    Path file =
        TestFiles.csv(
            dir,
            "sc.csv",
            TestFiles.SC,
            row(
                100,
                "FRA",
                "FRANCE",
                "True",
                "Y",
                "S/RES/2100(2013)",
                "15.0,0.0,0.0,0.0,15.0",
                "Without Vote"),
            row(
                100,
                "TGO",
                "TOGO",
                "False",
                "Y",
                "S/RES/2100(2013)",
                "15.0,0.0,0.0,0.0,15.0",
                "Without Vote"),
            row(
                200,
                "FRA",
                "FRANCE",
                "True",
                "X",
                "S/RES/2200(2015)",
                "0,0,0,0,15",
                "WITHOUT VOTE"),
            row(
                200,
                "CHL",
                "CHILE",
                "False",
                "X",
                "S/RES/2200(2015)",
                "0,0,0,0,15",
                "without vote"),
            row(300, "FRA", "FRANCE", "True", "Y", "S/RES/2300(2016)", "15,0,0,0,15", "Vote"));
    List<ScVote> rows = TestFiles.rows(reader, file);
    for (ScVote v : rows.subList(0, 4)) {
      assertEquals(AdoptionMethod.WITHOUT_VOTE, v.method(), "" + v.line());
      assertNull(v.ballot(), "no ballot, whatever the letter: line " + v.line());
      assertEquals(Tallies.UNKNOWN, v.tallies(), "no tallies: line " + v.line());
    }
    assertEquals(AdoptionMethod.RECORDED_VOTE, rows.get(4).method());
    assertEquals(Ballot.YES, rows.get(4).ballot());
    RollCallCollector c = new RollCallCollector(file);
    reader.read(file, c::add);
    assertEquals(List.of(300), c.rollCalls().stream().map(FileRollCall::undlId).toList());
  }

  @Test
  void badValuesAreRefusedWithTheirLine() throws IOException {
    Path perm =
        TestFiles.csv(
            dir,
            "perm.csv",
            TestFiles.SC,
            row(1, "FRA", "FRANCE", "yes", "Y", "S/RES/1(1946)", "10,0,1,0,11", "Vote"));
    assertEquals(
        perm + " line 2: permanent_member 'yes' is not True or False",
        assertThrows(Refused.class, () -> reader.read(perm, v -> {})).getMessage());
    Path modality =
        TestFiles.csv(
            dir,
            "modality.csv",
            TestFiles.SC,
            row(1, "FRA", "FRANCE", "True", "Y", "S/RES/1(1946)", "10,0,1,0,11", "Consensus"));
    assertEquals(
        modality + " line 2: modality 'Consensus' is not Vote or Without Vote",
        assertThrows(Refused.class, () -> reader.read(modality, v -> {})).getMessage());
    Path letter =
        TestFiles.csv(
            dir,
            "letter.csv",
            TestFiles.SC,
            row(1, "FRA", "FRANCE", "True", "V", "S/RES/1(1946)", "10,0,1,0,11", "Vote"));
    assertTrue(
        assertThrows(Refused.class, () -> reader.read(letter, v -> {}))
            .getMessage()
            .startsWith(letter + " line 2: ms_vote 'V' is not a vote"));
  }
}
