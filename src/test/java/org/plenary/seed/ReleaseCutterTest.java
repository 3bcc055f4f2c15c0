package org.plenary.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.Fixtures;

/** scripts/release: what it adds to releases.csv, and what it refuses. */
class SeedReleaseTest {
  private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

  @TempDir Path dir;
  private String before;

  @BeforeEach
  void copyFixture() throws IOException {
    Fixtures.copyTo(dir);
    before = read("releases.csv");
  }

  @Test
  void aChangeIsReleasedWithTheDataChecksum() throws Exception {
    correctAQuote();

    String sha = ReleaseCutter.release(dir, "1.0.1", "Corrected a quote, with a comma", DAY);

    assertEquals(SeedReader.dataChecksum(SeedFiles.directory(dir)), sha);
    assertEquals(
        before + "1.0.1,2026-12-01,\"Corrected a quote, with a comma\"," + sha + "\n",
        read("releases.csv"),
        "the earlier rows are kept byte for byte; the new one is quoted where it must be");
    SeedReader.SeedData data = SeedReader.read(SeedFiles.directory(dir));
    assertEquals("1.0.1", data.version());
  }

  @Test
  void rowsStayInTheOrderTheDumpsWriteThem() throws Exception {
    correctAQuote();
    ReleaseCutter.release(dir, "1.0.9", "nine", DAY);
    Files.writeString(
        dir.resolve("votes.csv"), read("votes.csv").replace("GA/12235", "GA/12235 (edited)"));
    ReleaseCutter.release(dir, "1.0.10", "ten", DAY);
    String text = read("releases.csv");
    assertTrue(text.indexOf("\n1.0.10,") < text.indexOf("\n1.0.9,"), "byte-wise primary-key order");
    assertEquals("1.0.10", SeedReader.read(SeedFiles.directory(dir)).version());
  }

  @Test
  void unchangedDataIsRefused() {
    ReleaseCutter.Refused e =
        assertThrows(
            ReleaseCutter.Refused.class, () -> ReleaseCutter.release(dir, "1.0.1", "x", DAY));
    assertTrue(e.getMessage().contains("has not changed"), e.getMessage());
    assertEquals(before, read("releases.csv"));
  }

  @Test
  void aVersionNotHigherThanTheLastIsRefused() throws Exception {
    correctAQuote();
    ReleaseCutter.release(dir, "1.0.1", "first", DAY);
    Files.writeString(
        dir.resolve("votes.csv"), read("votes.csv").replace("GA/12235", "GA/12235 (edited)"));
    for (String version : new String[] {"1.0.1", "1.0.0", "0.9.9"}) {
      ReleaseCutter.Refused e =
          assertThrows(
              ReleaseCutter.Refused.class, () -> ReleaseCutter.release(dir, version, "again", DAY));
      assertTrue(e.getMessage().contains("not higher than the last release, 1.0.1"), version);
    }
  }

  @Test
  void aMalformedVersionAnEmptyNoteAndAnEarlierDateAreRefused() throws Exception {
    correctAQuote();
    for (String version : new String[] {"1.1", "v1.0.1", "1.0.1-rc1", ""}) {
      assertThrows(
          ReleaseCutter.Refused.class,
          () -> ReleaseCutter.release(dir, version, "x", DAY),
          version);
    }
    assertThrows(ReleaseCutter.Refused.class, () -> ReleaseCutter.release(dir, "1.0.1", " ", DAY));
    assertThrows(
        ReleaseCutter.Refused.class,
        () -> ReleaseCutter.release(dir, "1.0.1", "x", LocalDate.of(2000, 1, 1)));
    assertEquals(before, read("releases.csv"));
  }

  @Test
  void dataTheLoaderRefusesIsNotReleased() throws IOException {
    Files.writeString(
        dir.resolve("roll_calls.csv"), read("roll_calls.csv") + "a-res-74-247,XXX,yes\n");
    SeedException e =
        assertThrows(SeedException.class, () -> ReleaseCutter.release(dir, "1.0.1", "x", DAY));
    assertTrue(e.getMessage().contains("XXX"), e.getMessage());
    assertEquals(before, read("releases.csv"));
  }

  private void correctAQuote() throws IOException {
    String positions = read("positions.csv");
    String fixed =
        positions.replace(
            "is effectively a legal instrument of repression",
            "is effectively a legal instrument of repression [corrected]");
    assertTrue(!fixed.equals(positions), "the fixture has the quote");
    Files.writeString(dir.resolve("positions.csv"), fixed, StandardCharsets.UTF_8);
  }

  private String read(String file) {
    try {
      return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
