package org.plenary.ingest.undl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeaderTest {
  private static final Path FILE = Path.of("2026_02_06_ga_voting.csv");

  private static Header header(String line) {
    return Header.recognize(FILE, List.of(line.split(",", -1)));
  }

  @Test
  void eachOfTheFourFilesIsRecognizedByItsColumns() {
    assertEquals(Layout.GA_VOTING_2026, header(TestFiles.GA_2026).layout());
    assertEquals(Layout.GA_VOTING_2025, header(TestFiles.GA_2025).layout());
    assertEquals(
        Layout.GA_VOTING_2024,
        header("undl_id,ms_code,ms_name,ms_vote,date,modality,resolution,title,subjects").layout());
    assertEquals(Layout.GA_RESOLUTIONS, header(TestFiles.GA_OUTCOMES).layout());
    assertEquals(Layout.SC_VOTING, header(TestFiles.SC).layout());
    assertEquals(Layout.MEMBER_STATES, header(TestFiles.NAMES).layout());
    for (String h :
        List.of(TestFiles.GA_2026, TestFiles.GA_2025, TestFiles.GA_OUTCOMES, TestFiles.SC)) {
      assertEquals(List.of(), header(h).warnings(), h);
    }
    assertEquals(List.of(), header(TestFiles.NAMES).warnings());
  }

  @Test
  void columnsAreFoundByNameInAnyOrderAndCase() {
    Header h = header("TITLE,resolution,Undl_Id,ms_vote,date,ms_name,ms_code,session");
    assertEquals(Layout.GA_VOTING_2025, h.layout());
    assertEquals(2, h.index("undl_id"));
    assertEquals(-1, h.index("vote_note"));
    assertEquals(8, h.width());
    Header bom =
        Header.recognize(FILE, List.of("\uFEFFundl_id", "resolution", "date", "title", "modality"));
    assertEquals(Layout.GA_RESOLUTIONS, bom.layout());
    assertEquals(0, bom.index("undl_id"));
  }

  @Test
  void anExtraColumnIsAWarningNamingItNeverARefusal() {
    Header h = header(TestFiles.GA_2026 + ",country_note,source");
    assertEquals(Layout.GA_VOTING_2026, h.layout());
    assertEquals(
        List.of(
            "column(s) country_note, source are not in the General Assembly voting, July 2025 on"
                + " (with vote_note) layout: not read"),
        h.warnings());
    Header sc = header(TestFiles.SC + ",veto");
    assertEquals(Layout.SC_VOTING, sc.layout());
    assertTrue(sc.warnings().get(0).startsWith("column(s) veto are not in"), sc.warnings().get(0));
  }

  @Test
  void aMissingRequiredColumnIsRefusedNamingIt() {
    Refused r =
        assertThrows(
            Refused.class,
            () -> header(TestFiles.GA_2026.replace("ms_name,", "").replace(",date", "")));
    assertEquals(1, r.line());
    assertTrue(
        r.getMessage()
            .startsWith(
                FILE
                    + " line 1: the header is the General Assembly voting, July 2025 on (with"
                    + " vote_note) layout but lacks the required column(s) ms_name, date"),
        r.getMessage());
    Refused sc = assertThrows(Refused.class, () -> header(TestFiles.SC.replace(",modality", "")));
    assertTrue(sc.problem().contains("Security Council voting layout"), sc.problem());
    assertTrue(sc.problem().contains("required column(s) modality "), sc.problem());
    Refused names = assertThrows(Refused.class, () -> header(TestFiles.NAMES.replace(",iso", "")));
    assertTrue(names.problem().contains("lacks the required column(s) iso "), names.problem());
  }

  @Test
  void anUnrecognizableHeaderIsRefusedSayingWhichLayoutsWereExpected() {
    Refused r = assertThrows(Refused.class, () -> header("rcid,country,vote"));
    assertTrue(r.problem().startsWith("the header is none of the UN Digital Library's files"));
    for (Layout l : Layout.values()) {
      assertTrue(r.problem().contains(l.title() + ": " + String.join(",", l.required())), l.name());
    }
  }

  @Test
  void theDocsListEveryLayoutWithItsColumns() throws IOException {
    String docs = java.nio.file.Files.readString(Path.of("docs", "importing.md"));
    for (Layout l : Layout.values()) {
      String row =
          "| "
              + l.title()
              + " | `"
              + String.join(",", l.required())
              + "` | `"
              + String.join(", ", l.optional())
              + "` |";
      assertTrue(docs.contains(row), "docs/importing.md lacks the row " + row);
    }
    for (Layout.File f : Layout.File.values()) {
      assertTrue(docs.contains("<" + f.record() + ">"), f.record());
    }
  }

  @Test
  void aColumnNamedTwiceIsRefused() {
    Refused r = assertThrows(Refused.class, () -> header(TestFiles.GA_2026 + ",date"));
    assertEquals("the header names column date twice", r.problem());
  }

  @Test
  void aReaderRefusesAnotherFileAndTheHeaderCanBeReadAlone(@TempDir Path dir) throws IOException {
    Path sc =
        TestFiles.csv(
            dir,
            "sc.csv",
            TestFiles.SC,
            "1,USA,UNITED STATES,True,Y,2023-12-22,S/RES/2720(2023),,,,,,,13,0,2,0,15,Vote,");
    Refused r = assertThrows(Refused.class, () -> new GaVotingReader().read(sc, v -> {}));
    assertEquals(
        sc
            + " line 1: the header is the Security Council voting file's, not the General"
            + " Assembly voting file's",
        r.getMessage());
    assertEquals(Layout.SC_VOTING, Header.of(sc).layout());
  }
}
