package org.plenary.ingest.undl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GaResolutionsReaderTest {
  @TempDir Path dir;

  private final GaResolutionsReader reader = new GaResolutionsReader();

  @Test
  void everyResolutionWithItsAdoptionMethod() throws IOException {
    Path file =
        TestFiles.csv(
            dir,
            "2026_02_06_ga_outcomes.csv",
            TestFiles.GA_OUTCOMES,
            "4068034,A/RES/79/7,79,2024-10-30,Necessity of ending the embargo : resolution /"
                + " adopted by the General Assembly,\"Vote, recorded\",A/79/L.6,,A/79/PV.33,"
                + "Necessity of ending the embargo,ECONOMIC SANCTIONS|CUBA,,187.0,2.0,1.0,3.0,"
                + "193.0,https://digitallibrary.un.org/record/4068034",
            "4070001,A/RES/79/100,79,2024-12-04,Assistance in mine action,WITHOUT A VOTE,"
                + "A/79/L.20|A/79/L.20/Add.1,,A/79/PV.50,,MINES,,0.0,0.0,0.0,0.0,0.0,",
            "4070002,A/RES/79/101,79,2024-12-04,Some decision,\"vote, Non-Recorded\",,"
                + "A/79/400,,,,,,,,,,",
            "4070003,A/RES/217(III),3,1948-12-10,Universal Declaration of Human Rights,"
                + "Without a vote,,,,,,,,,,,,");
    List<GaResolution> rows = TestFiles.rows(reader, file);
    assertEquals(
        List.of(
            AdoptionMethod.RECORDED_VOTE,
            AdoptionMethod.WITHOUT_VOTE,
            AdoptionMethod.NON_RECORDED_VOTE,
            AdoptionMethod.WITHOUT_VOTE),
        rows.stream().map(GaResolution::method).toList());
    GaResolution cuba = rows.get(0);
    assertEquals(4068034, cuba.undlId());
    assertEquals(Symbol.ga("79", 7), cuba.symbol());
    assertEquals(LocalDate.of(2024, 10, 30), cuba.date());
    assertEquals("Necessity of ending the embargo", cuba.title().text());
    assertEquals(new Tallies(187, 2, 1, 3), cuba.tallies());
    assertEquals(193, cuba.totalMembers());
    assertEquals(List.of("ECONOMIC SANCTIONS", "CUBA"), cuba.subjects());
    assertEquals("https://digitallibrary.un.org/record/4068034", cuba.link());
    GaResolution mines = rows.get(1);
    assertEquals(Tallies.UNKNOWN, mines.tallies(), "totals only for a recorded vote");
    assertNull(mines.totalMembers());
    assertEquals(List.of("A/79/L.20", "A/79/L.20/Add.1"), mines.drafts());
    assertEquals(List.of("A/79/400"), rows.get(2).committeeReports());
    assertEquals("3", rows.get(3).symbol().session());
    assertEquals(217, rows.get(3).symbol().number());
  }

  @Test
  void aMissingOrUnknownModalityIsRefused() throws IOException {
    Path none =
        TestFiles.csv(
            dir,
            "none.csv",
            "undl_id,resolution,date,title,modality",
            "1,A/RES/79/1,2024-09-10,t,");
    assertEquals(
        none + " line 2: modality is missing",
        assertThrows(Refused.class, () -> reader.read(none, r -> {})).getMessage());
    Path odd =
        TestFiles.csv(
            dir,
            "odd.csv",
            "undl_id,resolution,date,title,modality,amended_draft",
            "1,A/RES/79/1,2024-09-10,t,By acclamation,");
    assertTrue(
        assertThrows(Refused.class, () -> reader.read(odd, r -> {}))
            .getMessage()
            .startsWith(odd + " line 2: modality 'By acclamation' is not an adoption method"));
  }
}
