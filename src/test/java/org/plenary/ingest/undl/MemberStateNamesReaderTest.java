package org.plenary.ingest.undl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemberStateNamesReaderTest {
  @TempDir Path dir;

  private final MemberStateNamesReader reader = new MemberStateNamesReader();

  @Test
  void currentAndFormerNamesInSixLanguagesWithTheirPeriods() throws IOException {
    Path file =
        TestFiles.csv(
            dir,
            "2025_unms_names.csv",
            TestFiles.NAMES,
            "4082001,Netherlands (Kingdom of the),ms,528,NLD,1945-12-10:,Netherlands|Holland,"
                + "Netherlands,,NETHERLANDS,True,,,Pays-Bas (Royaume des),"
                + "Países Bajos (Reino de los),هولندا (مملكة),荷兰王国,Нидерланды (Королевство),"
                + "https://digitallibrary.un.org/record/4082001,https://metadata.un.org/x",
            "4082002,Union of Soviet Socialist Republics,fs,,SUN,1945-10-24:1991-12-24,USSR|"
                + "Soviet Union,,Russian Federation,,True,,Continued by the Russian Federation,"
                + "Union des Républiques socialistes soviétiques,,,,,,",
            "4082003,Yemen,fs,,,1947-09-30:1990-05-22|1990-05-22:1990-05-22,,,"
                + "Yemen,,false,A/RES/108(II),,,,,,,,");
    List<MemberStateName> rows = TestFiles.rows(reader, file);
    assertEquals(Layout.MEMBER_STATES, reader.read(file, n -> {}).layout());
    MemberStateName nl = rows.get(0);
    assertEquals("Netherlands (Kingdom of the)", nl.name());
    assertEquals(MemberStateName.Status.CURRENT, nl.status());
    assertEquals("NLD", nl.iso());
    assertEquals("528", nl.m49());
    assertEquals(
        List.of(new MemberStateName.Period(LocalDate.of(1945, 12, 10), null)), nl.periods());
    assertEquals(List.of("Netherlands", "Holland"), nl.otherNames());
    assertEquals("Pays-Bas (Royaume des)", nl.names().get("fr"));
    assertEquals("Países Bajos (Reino de los)", nl.names().get("es"));
    assertEquals("هولندا (مملكة)", nl.names().get("ar"));
    assertEquals("荷兰王国", nl.names().get("zh"));
    assertEquals("Нидерланды (Королевство)", nl.names().get("ru"));
    assertEquals("Netherlands (Kingdom of the)", nl.names().get("en"));
    assertEquals(true, nl.foundingMember());
    assertEquals("https://metadata.un.org/x", nl.ontologyLink());

    MemberStateName ussr = rows.get(1);
    assertEquals(MemberStateName.Status.FORMER, ussr.status());
    assertEquals(
        List.of(new MemberStateName.Period(LocalDate.of(1945, 10, 24), LocalDate.of(1991, 12, 24))),
        ussr.periods());
    assertEquals(List.of("Russian Federation"), ussr.laterNames());
    assertEquals(List.of("USSR", "Soviet Union"), ussr.otherNames());
    assertEquals(
        Map.of(
            "en",
            "Union of Soviet Socialist Republics",
            "fr",
            "Union des Républiques socialistes soviétiques"),
        ussr.names());

    MemberStateName yemen = rows.get(2);
    assertNull(yemen.iso());
    assertEquals(2, yemen.periods().size());
    assertEquals(false, yemen.foundingMember());
    assertEquals("A/RES/108(II)", yemen.membershipResolution());
  }

  @Test
  void badValuesAreRefusedWithTheirLine() throws IOException {
    String h = "undl_id,member_state,name_status,iso,coverage_periods";
    Map<String, String> bad =
        Map.of(
            "1,France,current,FRA,1945-10-24:",
            "line 2: name_status 'current' is not ms (current) or fs (former)",
            "1,France,ms,FR,1945-10-24:",
            "line 2: iso 'FR' is not an ISO alpha-3 code",
            "1,France,ms,FRA,1945-10-24:1944-01-01",
            "line 2: coverage_periods '1945-10-24:1944-01-01' ends before it starts",
            "1,France,ms,FRA,24/10/1945:",
            "line 2: coverage_periods '24/10/1945' is not a date (YYYY-MM-DD)",
            "1,France,ms,FRA,:1945-10-24",
            "line 2: coverage_periods ':1945-10-24' has no start",
            "1,,ms,FRA,1945-10-24:",
            "line 2: member_state is missing");
    int i = 0;
    for (var e : bad.entrySet()) {
      Path file = TestFiles.csv(dir, "n" + i++ + ".csv", h, e.getKey());
      Refused r = assertThrows(Refused.class, () -> reader.read(file, n -> {}), e.getKey());
      assertTrue(r.getMessage().startsWith(file + " " + e.getValue()), r.getMessage());
    }
  }
}
