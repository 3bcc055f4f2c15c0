package org.plenary.ingest.undl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SymbolTest {
  private static Symbol parse(String s) {
    return Symbol.parse(s).orElseThrow(() -> new AssertionError("not parsed: " + s));
  }

  private static void allAre(String canonical, String... variants) {
    for (String v : variants) {
      Symbol s = parse(v);
      assertEquals(canonical, s.toString(), v);
      assertEquals(parse(canonical), s, v);
      assertEquals(parse(canonical).hashCode(), s.hashCode(), v);
    }
  }

  @Test
  void aRecentGeneralAssemblyResolutionHasOneForm() {
    allAre(
        "A/RES/73/187",
        "A/RES/73/187",
        "R/73/187",
        "73/187",
        "a/res/73/187",
        " A/RES/73/187 ",
        "A/RES/73/187.",
        "A / RES / 73 / 187",
        "RES/73/187");
    assertEquals(Symbol.ga("73", 187), parse("R/73/187"));
  }

  @Test
  void beforeThe31stSessionTheSessionIsARomanNumeralAfterTheNumber() {
    allAre("A/RES/217(III)", "A/RES/217(III)", "A/RES/217 (III)", "217(III)", "R/3/217", "3/217");
    Symbol udhr = parse("A/RES/217(III)");
    assertEquals("3", udhr.session());
    assertEquals(217, udhr.number());
    allAre("A/RES/2758(XXVI)", "A/RES/2758 (XXVI)", "R/26/2758", "A/RES/26/2758");
    allAre("A/RES/3379(XXX)", "R/30/3379");
    allAre("A/RES/31/6", "R/31/6", "A/RES/6(XXXI)");
    allAre("A/RES/1(I)", "R/1/1", "A/RES/1 (I)");
    assertEquals("30", parse("A/RES/3379 (XXX)").session());
  }

  @Test
  void partsAreKeptAndDistinguishResolutions() {
    allAre("A/RES/181(II)A", "A/RES/181(II)A", "A/RES/181 A (II)", "A/RES/181(II)[A]", "R/2/181A");
    allAre("A/RES/32/105B", "A/RES/32/105 B", "R/32/105B");
    assertNotEquals(parse("R/32/105A"), parse("R/32/105B"));
    assertNotEquals(parse("R/32/105"), parse("R/32/105B"));
    assertEquals("/I", parse("R/31/208/I").part());
  }

  @Test
  void specialAndEmergencySpecialSessions() {
    allAre("A/RES/ES-10/20", "A/RES/ES-10/20", "ES-10/20", "a/res/es-10/20");
    assertEquals("ES-10", parse("A/RES/ES-10/20").session());
    allAre("A/RES/S-26/2", "A/RES/S-26/2", "S-26/2");
    allAre("A/RES/3201(S-VI)", "A/RES/3201 (S-VI)", "A/RES/3201(S-6)");
    allAre("A/RES/1004(ES-II)", "A/RES/1004 (ES-II)");
    allAre("A/RES/ES-6/2", "A/RES/ES-6/2");
    // Voeten's forms of the same: ESS/<n>/<number>, SS/<n>/<number>
    assertEquals(parse("A/RES/ES-1/34"), parse("ESS/1/34"));
    assertEquals("A/RES/34(ES-I)", parse("ESS/1/34").toString());
    assertEquals("A/RES/36(S-II)", parse("SS/2/36").toString());
    assertEquals("S-2", parse("SS/2/36").session());
    assertNotEquals(parse("A/RES/ES-10/20"), parse("A/RES/10/20"));
  }

  @Test
  void theSecurityCouncilNumbersItsResolutionsInOneSeries() {
    Symbol s = parse("S/RES/2720(2023)");
    assertEquals(Symbol.Body.SECURITY_COUNCIL, s.body());
    assertEquals(2720, s.number());
    assertEquals(2023, s.year());
    assertEquals("S/RES/2720(2023)", s.toString());
    assertEquals(s, parse("S/RES/2720 (2023)"));
    assertEquals(s, parse("s/res/2720"), "the year is not part of the identity");
    assertEquals("S/RES/2720", parse("S/RES/2720").toString());
    assertNotEquals(Symbol.ga("73", 2720), s);
  }

  @Test
  void whatIsNotAResolutionSymbolIsEmpty() {
    for (String s :
        List.of(
            "",
            "  ",
            "A/73/L.42",
            "S/2023/970",
            "A/RES/0/5",
            "R/73/",
            "SS/5",
            "A/RES/217(IIII)",
            "2720(2023)",
            "A/RES/217A(III)B",
            "hello")) {
      assertEquals(Optional.empty(), Symbol.parse(s), s);
    }
    assertEquals(Optional.empty(), Symbol.parse(null));
  }

  /**
   * A symbol as resolution= compares a stored one (Votes.writtenSymbol, in SQL): upper case, no
   * spaces, no trailing dots, a Council symbol without its year.
   */
  private static String written(String stored) {
    String s = stored.toUpperCase(java.util.Locale.ROOT).replaceAll("\\s+", "");
    s = s.replaceAll("\\.+$", "");
    return s.replaceAll("^(S/RES/[0-9]+)\\([0-9]{4}\\)$", "$1");
  }

  private static void allWritten(String... variants) {
    for (String a : variants) {
      for (String b : variants) {
        assertTrue(
            parse(a).writtenForms().contains(written(b)),
            b + " among the written forms of " + a + ": " + parse(a).writtenForms());
      }
    }
  }

  @Test
  void everyWayASourceWritesASymbolIsAmongItsWrittenForms() {
    allWritten("A/RES/73/187", "R/73/187", "73/187", "a/res/73/187", "A/RES/73/187.", "RES/73/187");
    allWritten("A/RES/217(III)", "A/RES/217 (III)", "217(III)", "R/3/217", "3/217", "A/RES/3/217");
    allWritten("A/RES/181(II)A", "A/RES/181 A (II)", "A/RES/181(II)[A]", "R/2/181A");
    allWritten("A/RES/32/105B", "A/RES/32/105 B", "R/32/105B");
    allWritten("A/RES/ES-10/20", "ES-10/20", "ESS/10/20", "R/ESS/10/20");
    allWritten("A/RES/3201(S-VI)", "A/RES/3201 (S-VI)", "A/RES/3201(S-6)", "SS/6/3201");
    allWritten("A/RES/1004(ES-II)", "ESS/2/1004");
    allWritten("A/RES/31/208/I", "R/31/208/I");
    allWritten("S/RES/2720(2023)", "S/RES/2720 (2023)", "s/res/2720");
    // a form is another resolution's only when it parses to that resolution
    for (String other : List.of("R/32/105A", "R/32/105", "A/RES/10/20", "S/RES/2721")) {
      for (String of : List.of("R/32/105B", "A/RES/ES-10/20", "S/RES/2720(2023)")) {
        if (!parse(other).equals(parse(of))) {
          assertTrue(!parse(of).writtenForms().contains(written(other)), other + " / " + of);
        }
      }
    }
  }

  @Test
  void everySymbolOfVoetensHistoryIsAmongItsWrittenForms() throws java.io.IOException {
    java.nio.file.Path votes =
        java.nio.file.Path.of("seed-data", "layers", "voeten", "votes.csv.gz");
    int parsed = 0;
    try (var in =
            new java.io.InputStreamReader(
                new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(votes)),
                java.nio.charset.StandardCharsets.UTF_8);
        var csv =
            org.apache.commons.csv.CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .build()
                .parse(in)) {
      for (var row : csv) {
        String unres = row.get("resolution");
        Optional<Symbol> symbol = Symbol.parse(unres);
        if (symbol.isPresent()) {
          parsed++;
          assertTrue(
              symbol.get().writtenForms().contains(written(unres)),
              unres + ": " + symbol.get().writtenForms());
        }
      }
    }
    assertTrue(parsed > 5_000, "Voeten's symbols read: " + parsed);
  }

  @Test
  void romanNumeralsRoundTrip() {
    for (int n = 1; n <= 100; n++) {
      assertEquals(n, Symbol.Roman.parse(Symbol.Roman.format(n)), "" + n);
    }
    assertEquals("XXX", Symbol.Roman.format(30));
    assertEquals(0, Symbol.Roman.parse("IIII"));
    assertTrue(Symbol.Roman.parse("XIV") == 14);
  }
}
