package org.plenary.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The corpus reader on the small corpus in src/test/resources/ungdc: no database. */
class UngdcCorpusTest {
  static final Path DIR = Path.of("src", "test", "resources", "ungdc");

  @Test
  void paragraphsOfAnyLineEndingWithoutEmphasisOrPageFurniture() {
    assertEquals(List.of("One.", "Two."), UngdcCorpus.paragraphs("One.\r\nTwo.\r\n"));
    assertEquals(List.of("One.", "Two."), UngdcCorpus.paragraphs("One.\rTwo.\r"));
    assertEquals(List.of("One.", "Two."), UngdcCorpus.paragraphs("\uFEFFOne.\n\n\nTwo."));
    // ** emphasis goes; a page number and a rule between two halves of a sentence go, and the
    // sentence runs on across the break
    assertEquals(
        List.of("Mr. President, we call on all States to act now."),
        UngdcCorpus.paragraphs("**Mr. President,** we call on all\n12\n---\nStates to act now.\n"));
    // the record's symbol and date, a job number
    assertEquals(
        List.of("Peace.", "Security."),
        UngdcCorpus.paragraphs("Peace.\nA/74/PV.3 24/09/2019\n19-29063\nSecurity.\n"));
    // the record's own paragraph numbers stay, a tab becomes a space
    assertEquals(
        List.of("114. Mr. President, welcome."),
        UngdcCorpus.paragraphs("114.\tMr. President, welcome.\n"));
    assertEquals(List.of(), UngdcCorpus.paragraphs("\n 3 \n****\n"));
  }

  @Test
  void readsStatementsSpeakersAndNamesWhatItSkips() throws IOException {
    List<UngdcCorpus.Statement> read = new ArrayList<>();
    UngdcCorpus.Contents c = UngdcCorpus.read(DIR, read::add);
    assertEquals(5, c.statements());
    assertEquals(
        List.of("arg-1-1946", "est-74-2019", "eu-74-2019", "rus-74-2019", "usa-74-2019"),
        read.stream().map(UngdcCorpus.Statement::id).toList());
    assertEquals(List.of("TXT/Session 47 - 1992/.DS_Store-to-UTF-8.txt"), c.skipped());
    assertTrue(c.speakersFile());
    assertEquals(
        Map.of(
            "USA/74", new UngdcCorpus.Speaker("Mr. Donald Trump", "President"),
            "RUS/74", new UngdcCorpus.Speaker("Mr. Sergey Lavrov", "Minister for Foreign Affairs"),
            "EST/74", new UngdcCorpus.Speaker("Ms. Kersti Kaljulaid", "President"),
            "ARG/1", new UngdcCorpus.Speaker("Mr. Arce", null)),
        c.speakers());
    UngdcCorpus.Statement rus = read.get(3);
    assertEquals(
        List.of(
            "Mr. President, the Russian Federation proposes a convention.",
            "We call on all States to counter cybercrime through a universal instrument negotiated"
                + " under the United Nations.",
            "Information security must be ensured for all."),
        rus.paragraphs());
    assertEquals("TXT/Session 74 - 2019/RUS_74_2019.txt", rus.locator());
    assertEquals(74, rus.session());
    assertEquals(2019, rus.year());
    assertEquals(40, read.get(1).paragraphs().size());
    // the Argentine text breaks a sentence across two lines
    assertEquals(
        "2. Politics are determined by circumstances, and we hope these remarks will be"
            + " interpreted at their true value.",
        read.get(0).paragraphs().get(1));
  }

  @Test
  void aFileNamedForAnotherSessionThanItsFolderRefusesTheCorpus() {
    UndlFile.Refused e =
        assertThrows(
            UndlFile.Refused.class,
            () -> UngdcCorpus.read(Path.of("src", "test", "resources", "ungdc-refused"), s -> {}));
    assertTrue(e.getMessage().contains("FRA_73_2019.txt"), e.getMessage());
    assertTrue(e.getMessage().contains("are not its folder's (74, 2019)"), e.getMessage());
  }
}
