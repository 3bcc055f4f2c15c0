package org.plenary.ingest.undl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GaVotingReaderTest {
  @TempDir Path dir;

  private final GaVotingReader reader = new GaVotingReader();

  private static final String TITLE =
      "\"Necessity of ending the economic, commercial and financial embargo imposed by the United"
          + " States of America against Cuba : resolution / adopted by the General Assembly\"";

  @Test
  void the2026LayoutIsReadByColumnName() throws IOException {
    Path file =
        TestFiles.csv(
            dir,
            "2026_02_06_ga_voting.csv",
            TestFiles.GA_2026,
            "4068034,CUB,CUBA,Y,2024-10-30,79,A/RES/79/7,A/79/L.6,,A/79/PV.33,"
                + TITLE
                + ",Necessity of ending the embargo|Cuba,ECONOMIC SANCTIONS|CUBA|UNITED STATES,"
                + "vote note,187.0,2.0,1.0,3.0,193.0,https://digitallibrary.un.org/record/4068034",
            "4068034,USA,UNITED STATES,N,2024-10-30,79,A/RES/79/7,A/79/L.6,,A/79/PV.33,"
                + TITLE
                + ",,,vote note,187.0,2.0,1.0,3.0,193.0,https://digitallibrary.un.org/record/4068034",
            "4068034,MDA,REPUBLIC OF MOLDOVA,A,2024-10-30,79,A/RES/79/7,,,,"
                + TITLE
                + ",,,,187,2,1,3,193,",
            "4068034,VEN,VENEZUELA,X,2024-10-30,79,A/RES/79/7,,,,x,,,,187,2,1,3,193,",
            "4068034,AFG,AFGHANISTAN,,2024-10-30,79,A/RES/79/7,,,,x,,,,187,2,1,3,193,");
    List<GaVote> rows = new ArrayList<>();
    RowReader.Read read = reader.read(file, rows::add);
    assertEquals(Layout.GA_VOTING_2026, read.layout());
    assertEquals(5, read.rows());
    assertEquals(6, read.lastLine());
    assertEquals(List.of(), read.warnings());
    assertEquals(64, read.sha256().length());
    GaVote cuba = rows.get(0);
    assertEquals(4068034, cuba.undlId());
    assertEquals("CUB", cuba.memberCode());
    assertEquals("CUBA", cuba.memberName());
    assertEquals(Ballot.YES, cuba.ballot());
    assertEquals(LocalDate.of(2024, 10, 30), cuba.date());
    assertEquals("79", cuba.session());
    assertEquals(Symbol.ga("79", 7), cuba.symbol());
    assertNull(cuba.method());
    assertEquals(List.of("A/79/L.6"), cuba.drafts());
    assertEquals(List.of(), cuba.committeeReports());
    assertEquals(List.of("A/79/PV.33"), cuba.meetings());
    assertEquals(
        "Necessity of ending the economic, commercial and financial embargo imposed by the United"
            + " States of America against Cuba",
        cuba.title().text());
    assertEquals(": resolution / adopted by the General Assembly", cuba.title().suffix());
    assertEquals(List.of("Necessity of ending the embargo", "Cuba"), cuba.agendaTitles());
    assertEquals(List.of("ECONOMIC SANCTIONS", "CUBA", "UNITED STATES"), cuba.subjects());
    assertEquals("vote note", cuba.voteNote());
    assertEquals(new Tallies(187, 2, 1, 3), cuba.tallies());
    assertEquals(193, cuba.totalMembers());
    assertEquals("https://digitallibrary.un.org/record/4068034", cuba.link());
    assertEquals(2, cuba.line());
    assertEquals(
        List.of(Ballot.YES, Ballot.NO, Ballot.ABSTAIN, Ballot.NON_VOTING, Ballot.NON_VOTING),
        rows.stream().map(GaVote::ballot).toList());
    assertEquals(new Tallies(187, 2, 1, 3), rows.get(2).tallies(), "integers as floats");
    assertNull(rows.get(3).voteNote());
  }

  @Test
  void the2025LayoutGzippedWithEmptyTotalsAndAnExtraColumn() throws IOException {
    Path file =
        TestFiles.gzip(
            dir,
            "2025_03_31_ga_voting.csv.gz",
            TestFiles.GA_2025 + ",country_note",
            "6059,AND,ANDORRA,A,2018-10-16,73,R/73/5,,,,Chair of the Group of 77 for 2019 :"
                + " resolution / adopted by the General Assemly,,,146.0,3.0,15.0,,,,a note");
    List<GaVote> rows = TestFiles.rows(reader, file);
    RowReader.Read read = reader.read(file, v -> {});
    assertEquals(Layout.GA_VOTING_2025, read.layout());
    assertEquals(
        List.of(
            "column(s) country_note are not in the General Assembly voting, March 2025 (without"
                + " vote_note) layout: not read"),
        read.warnings());
    GaVote v = rows.get(0);
    assertEquals(Symbol.ga("73", 5), v.symbol());
    assertEquals("R/73/5", v.resolution());
    assertEquals("Chair of the Group of 77 for 2019", v.title().text(), "the typo Assemly too");
    assertEquals(new Tallies(146, 3, 15, null), v.tallies());
    assertNull(v.totalMembers());
    assertNull(v.link());
  }

  @Test
  void the2024LayoutWithModalityAndNv() throws IOException {
    Path file =
        TestFiles.csv(
            dir,
            "2024_09_ga_voting.csv",
            "undl_id,ms_code,ms_name,ms_vote,date,modality,resolution,title,subjects",
            "999,FRA,FRANCE,NV,1950-12-14,\"Vote, recorded\",A/RES/428(V),Statute of the Office"
                + " of the UNHCR,REFUGEES",
            "999,GBR,UNITED KINGDOM,Y,1950-12-14,Adopted with a vote,A/RES/428 (V),x,REFUGEES");
    List<GaVote> rows = TestFiles.rows(reader, file);
    assertEquals(Layout.GA_VOTING_2024, reader.read(file, v -> {}).layout());
    assertEquals(Ballot.NON_VOTING, rows.get(0).ballot());
    assertEquals(AdoptionMethod.RECORDED_VOTE, rows.get(0).method());
    assertEquals(AdoptionMethod.RECORDED_VOTE, rows.get(1).method());
    assertEquals(Symbol.ga("5", 428), rows.get(0).symbol());
    assertEquals(rows.get(0).symbol(), rows.get(1).symbol());
    assertEquals("A/RES/428(V)", rows.get(1).symbol().toString());
    assertEquals(Tallies.UNKNOWN, rows.get(0).tallies());
    assertNull(rows.get(0).session());
  }

  @Test
  void aBadRowIsRefusedWithTheFileAndItsLine() throws IOException {
    String ok = "1,USA,UNITED STATES,Y,2019-10-01,74,A/RES/74/1,,,,t,,,,,,,,";
    Map<String, String> bad =
        Map.of(
            "1,USA,UNITED STATES,Yes,2019-10-01,74,A/RES/74/1,,,,t,,,,,,,,",
            "line 3: ms_vote 'Yes' is not a vote: expected Y, N, A, X, NV or empty",
            "1,USA,UNITED STATES,Y,2019-13-01,74,A/RES/74/1,,,,t,,,,,,,,",
            "line 3: date '2019-13-01' is not a date (YYYY-MM-DD)",
            ",USA,UNITED STATES,Y,2019-10-01,74,A/RES/74/1,,,,t,,,,,,,,",
            "line 3: undl_id is missing",
            "x1,USA,UNITED STATES,Y,2019-10-01,74,A/RES/74/1,,,,t,,,,,,,,",
            "line 3: undl_id 'x1' is not a whole number",
            "1,US,UNITED STATES,Y,2019-10-01,74,A/RES/74/1,,,,t,,,,,,,,",
            "line 3: ms_code 'US' is not an ISO alpha-3 code",
            "1,USA,UNITED STATES,Y,2019-10-01,74,A/RES/74/1,,,,t,,,2.5,,,,,",
            "line 3: total_yes '2.5' is not a count",
            "1,USA,UNITED STATES,Y,2019-10-01,74,A/RES/74/1,,,,t,,,,,,,",
            "line 3: has 18 fields, the header has 19");
    int i = 0;
    for (var e : bad.entrySet()) {
      Path file = TestFiles.csv(dir, "bad" + i++ + ".csv", TestFiles.GA_2025, ok, e.getKey());
      Refused r = assertThrows(Refused.class, () -> reader.read(file, v -> {}), e.getKey());
      assertTrue(r.getMessage().startsWith(file + " " + e.getValue()), r.getMessage());
    }
    Path empty = TestFiles.csv(dir, "header-only.csv", TestFiles.GA_2025);
    assertEquals(
        empty + " line 2: the file has a header but no rows",
        assertThrows(Refused.class, () -> reader.read(empty, v -> {})).getMessage());
  }

  @Test
  void theHeaderLineSaysWhichSeparatorTheFileUses() throws IOException {
    String row =
        "4068034;CUB;CUBA;Y;2024-10-30;79;A/RES/79/7;A/79/L.6;;A/79/PV.33;"
            + TITLE
            + ";Necessity of ending the embargo|Cuba;\"SANCTIONS; ECONOMIC\";a note, with a comma;"
            + "187;2;1;3;193;https://digitallibrary.un.org/record/4068034";
    // semicolons (a spreadsheet's CSV in some languages), with a BOM and Windows line ends
    Path semicolons = dir.resolve("semicolons.csv");
    java.nio.file.Files.writeString(
        semicolons,
        "\uFEFF" + TestFiles.GA_2026.replace(',', ';') + "\r\n" + row + "\r\n",
        java.nio.charset.StandardCharsets.UTF_8);
    List<GaVote> rows = new ArrayList<>();
    RowReader.Read read = reader.read(semicolons, rows::add);
    assertEquals(Layout.GA_VOTING_2026, read.layout());
    assertEquals(
        List.of(
            "the fields are separated by semicolons, not commas (as a spreadsheet saves CSV in"
                + " some languages): read so"),
        read.warnings());
    GaVote cuba = rows.get(0);
    assertEquals(Symbol.ga("79", 7), cuba.symbol());
    assertEquals(List.of("SANCTIONS; ECONOMIC"), cuba.subjects(), "a quoted semicolon is a value");
    assertEquals("a note, with a comma", cuba.voteNote());
    assertEquals(new Tallies(187, 2, 1, 3), cuba.tallies());
    // tabs, gzipped
    Path tabs =
        TestFiles.gzip(
            dir,
            "tabs.csv.gz",
            TestFiles.GA_2026.replace(',', '\t'),
            row.replace("\"SANCTIONS; ECONOMIC\"", "SANCTIONS").replace(';', '\t'));
    read = reader.read(tabs, v -> {});
    assertEquals(1, read.rows());
    assertTrue(read.warnings().get(0).startsWith("the fields are separated by tabs"));
    // commas in the header decide, whatever the values hold: the Library's files, no warning
    Path commas =
        TestFiles.csv(
            dir,
            "commas.csv",
            TestFiles.GA_2026,
            "4068034,CUB,CUBA,Y,2024-10-30,79,A/RES/79/7,,,,a title; with a semicolon,,,,"
                + "187,2,1,3,193,");
    rows.clear();
    read = reader.read(commas, rows::add);
    assertEquals(List.of(), read.warnings());
    assertEquals("a title; with a semicolon", rows.get(0).title().text());
    // a header of one name has no separator: commas, and it is no layout
    Path one = TestFiles.csv(dir, "one.csv", "undl_id", "1");
    assertTrue(
        assertThrows(Refused.class, () -> reader.read(one, v -> {}))
            .getMessage()
            .contains("the header is none of the UN Digital Library's files"));
  }

  @Test
  void theCsvInputRefusesWhatIsNotCsv() throws IOException {
    Path unclosed =
        TestFiles.csv(
            dir,
            "unclosed.csv",
            TestFiles.GA_2025,
            "1,USA,UNITED STATES,Y,2019-10-01,74,A/RES/74/1,,,,t,,,,,,,,\"https://x",
            "1,FRA,FRANCE,Y,2019-10-01,74,A/RES/74/1,,,,t,,,,,,,,");
    assertTrue(
        assertThrows(Refused.class, () -> reader.read(unclosed, v -> {}))
            .getMessage()
            .startsWith(unclosed + " line 2: is not valid CSV (a quoted field is not closed"));
    Path latin1 = dir.resolve("latin1.csv");
    java.nio.file.Files.write(
        latin1,
        (TestFiles.GA_2025 + "\n1,CIV,CÔTE D'IVOIRE,Y,2019-10-01,74,A/RES/74/1,,,,t,,,,,,,,\n")
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertEquals(
        latin1 + ": is not UTF-8 text (save it as UTF-8: CSV UTF-8)",
        assertThrows(Refused.class, () -> reader.read(latin1, v -> {})).getMessage());
    Path notGzip = TestFiles.csv(dir, "plain.csv.gz", TestFiles.GA_2025);
    assertTrue(
        assertThrows(Refused.class, () -> reader.read(notGzip, v -> {}))
            .getMessage()
            .contains(": is not a valid gzip file"));
    Path txt = TestFiles.csv(dir, "votes.txt", TestFiles.GA_2025);
    assertEquals(
        txt + ": not a .csv or .csv.gz file",
        assertThrows(Refused.class, () -> reader.read(txt, v -> {})).getMessage());
  }

  @Test
  void rowsBecomeRollCallsWhoseRowsMustAgree() throws IOException {
    Path file =
        TestFiles.csv(
            dir,
            "ga.csv",
            TestFiles.GA_2025,
            "7,USA,UNITED STATES,N,2019-12-27,74,A/RES/74/247,,,,t,,,,,,,,",
            "7,RUS,RUSSIAN FEDERATION,Y,2019-12-27,74,A/RES/74/247,,,,t,,,,,,,,",
            "8,USA,UNITED STATES,Y,2019-12-18,74,R/74/5,,,,t,,,3.0,0.0,1.0,,,",
            "7,FRA,FRANCE,Y,2019-12-27,74,A/RES/74/247,,,,t,,,,,,,,",
            "7,CHN,CHINA,X,2019-12-27,74,A/RES/74/247,,,,t,,,,,,,,");
    RollCallCollector c = new RollCallCollector(file);
    reader.read(file, c::add);
    List<FileRollCall> rcs = c.rollCalls();
    assertEquals(List.of(7, 8), rcs.stream().map(FileRollCall::undlId).toList());
    assertEquals(new Tallies(2, 1, 0, 1), rcs.get(0).tallies(), "counted from the rows");
    assertEquals(new Tallies(3, 0, 1, null), rcs.get(1).tallies(), "the file's totals");
    assertEquals(
        Map.of("USA", Ballot.NO, "RUS", Ballot.YES, "FRA", Ballot.YES, "CHN", Ballot.NON_VOTING),
        rcs.get(0).ballots());
    assertEquals(Symbol.ga("74", 247), rcs.get(0).symbol());

    Map<String, String> bad =
        Map.of(
            "7,GBR,UNITED KINGDOM,Y,2019-12-28,74,A/RES/74/247,,,,t,,,,,,,,",
            "line 3: roll call 7 has the date '2019-12-28' here but '2019-12-27' on line 2",
            "7,GBR,UNITED KINGDOM,Y,2019-12-27,74,A/RES/74/247,,,,t,,,4.0,,,,,",
            "line 3: roll call 7 has the totals yes 4, no unknown, abstain unknown, non_voting"
                + " unknown here but yes unknown",
            "7,USA,UNITED STATES,Y,2019-12-27,74,A/RES/74/247,,,,t,,,,,,,,",
            "line 3: roll call 7 lists USA twice",
            "7,GBR,UNITED KINGDOM,Y,2019-12-27,74,A/RES/74/248,,,,t,,,,,,,,",
            "line 3: roll call 7 is of resolution 'A/RES/74/248' here but 'A/RES/74/247'");
    int i = 0;
    for (var e : bad.entrySet()) {
      Path f =
          TestFiles.csv(
              dir,
              "rc" + i++ + ".csv",
              TestFiles.GA_2025,
              "7,USA,UNITED STATES,N,2019-12-27,74,A/RES/74/247,,,,t,,,,,,,,",
              e.getKey());
      RollCallCollector cc = new RollCallCollector(f);
      Refused r = assertThrows(Refused.class, () -> reader.read(f, cc::add), e.getKey());
      assertTrue(r.getMessage().startsWith(f + " " + e.getValue()), r.getMessage());
    }
  }

  @Test
  void theSampleFileIsReadWhole() {
    Path sample = Path.of("../shared/data/undl-sample/ga-voting-sessions-73-74.csv.gz");
    assertTrue(
        java.nio.file.Files.isRegularFile(sample),
        "the shared sample is not present next to the repository");
    RollCallCollector c = new RollCallCollector(sample);
    RowReader.Read read = reader.read(sample, c::add);
    assertEquals(33_279, read.rows());
    assertEquals(186, c.rollCalls().size());
    assertTrue(c.rollCalls().stream().allMatch(rc -> rc.symbol() != null));
  }
}
