package org.plenary.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that {@link SeedReader} accepts the fixture dataset and refuses a broken copy of it,
 * naming the file, the line and the problem. Each test copies the fixture into a temporary
 * directory and breaks one thing. (The published seed-data is checked by {@link SeedDataTest}.)
 */
final class SeedReaderTest {
  private static final Path SEED_DATA = org.plenary.Fixtures.DIR;

  @TempDir Path dir;

  // --- the fixture ---

  @Test
  void theFixtureLoads() {
    SeedReader.SeedData data = SeedReader.read(SeedFiles.directory(SEED_DATA));

    assertEquals(data.table("release").get(0).text("version"), data.version());
    assertEquals(193 + 1, data.table("delegation").size(), "193 member states + the EU");
    assertEquals(393, data.table("roll_call").size());
    assertEquals(64, data.checksum().length(), "a hex SHA-256: " + data.checksum());
  }

  @Test
  void readingIsDeterministic() throws IOException {
    copySeedData();
    String first = SeedReader.read(SeedFiles.directory(dir)).checksum();
    String second = SeedReader.read(SeedFiles.directory(dir)).checksum();
    assertEquals(first, second, "two reads of the same files");
    assertEquals(
        SeedReader.read(SeedFiles.directory(SEED_DATA)).checksum(),
        first,
        "a copy of the files has the checksum of the original");

    // one byte: 'F' -> 'f' in the release notes
    replaceInLine("releases.csv", 2, "Test fixture", "test fixture");
    String changed = SeedReader.read(SeedFiles.directory(dir)).checksum();
    assertNotEquals(first, changed, "changing one byte of releases.csv changes the checksum");
  }

  // --- consistency between tables ---

  @Test
  void completeRollCallWhoseCountsDifferFromTallies() throws IOException {
    copySeedData();
    int rollCallLine = lineMatching("roll_calls.csv", "a-res-74-247,", ",yes");
    replaceInLine("roll_calls.csv", rollCallLine, ",yes", ",no");

    assertProblem(
        "votes.csv",
        lineStarting("votes.csv", "a-res-74-247,"),
        "vote 'a-res-74-247' has a complete roll call",
        "counts (yes 78, no 61, abstain 33, non_voting 21)",
        "differ from its tallies (yes 79, no 60, abstain 33, non_voting 21)");
  }

  @Test
  void unknownDelegationCode() throws IOException {
    copySeedData();
    int line = lineStarting("roll_calls.csv", "a-res-73-187,AFG,");
    replaceInLine("roll_calls.csv", line, ",AFG,", ",XXX,");

    assertProblem("roll_calls.csv", line, "unknown delegation code 'XXX'", "delegation_id");
  }

  @Test
  void recordWithoutSource() throws IOException {
    copySeedData();
    String position = "apc-2024-03-research";
    List<String> citations = readLines("citations.csv");
    List<String> kept =
        citations.stream().filter(l -> !l.startsWith("position," + position + ",")).toList();
    assertTrue(kept.size() < citations.size(), "the position has citations to remove");
    writeLines("citations.csv", kept);

    assertProblem(
        "positions.csv",
        lineStarting("positions.csv", position + ","),
        "position '" + position + "' cites no source");
  }

  @Test
  void partialRollCallWithMoreEntriesThanItsTally() throws IOException {
    copySeedData();
    String vote = "ahc-2024-08-08-iran-delete-art-6-2";
    long yesEntries =
        readLines("roll_calls.csv").stream()
            .filter(l -> l.startsWith(vote + ",") && l.endsWith(",yes"))
            .count();
    assertEquals(7, yesEntries, "the roll call names the 7 supporters");
    int line = lineStarting("votes.csv", vote + ",");
    replaceInLine("votes.csv", line, ",rejected,23,102,", ",rejected,5,102,");

    assertProblem(
        "votes.csv",
        line,
        "vote '" + vote + "' has 7 yes entries in its roll call but a tally of 5");
  }

  @Test
  void tallyOnDecisionWithoutVote() throws IOException {
    copySeedData();
    int line = lineStarting("votes.csv", "a-res-79-243,");
    replaceInLine("votes.csv", line, ",without_vote,adopted,,,,,", ",without_vote,adopted,5,,,,");

    assertProblem(
        "votes.csv", line, "vote 'a-res-79-243' was taken without a vote but has a tally for yes");
  }

  @Test
  void quoteStatusNoneWithQuote() throws IOException {
    copySeedData();
    int line = lineStarting("positions.csv", "apc-2024-03-research,");
    replaceInLine("positions.csv", line, ",,none,", ",A made-up quote,none,");

    assertProblem("positions.csv", line, "quote_status 'none' goes with an empty quote");
  }

  @Test
  void duplicateId() throws IOException {
    copySeedData();
    List<String> lines = new ArrayList<>(readLines("delegations.csv"));
    int original = lineStarting("delegations.csv", "AFG,");
    lines.add(lines.get(original - 1));
    writeLines("delegations.csv", lines);
    int copy = lines.size();

    assertProblem("delegations.csv", copy, "duplicate id 'AFG'", "first on line " + original);
  }

  // --- one file at a time: header, types, vocabularies ---

  @Test
  void wrongHeader() throws IOException {
    copySeedData();
    replaceInLine("positions.csv", 1, ",stance,", ",position_stance,");

    assertProblem(
        "positions.csv",
        1,
        "header must be id,actor_kind,",
        "missing [stance]",
        "unknown [position_stance]");
  }

  @Test
  void missingFile() throws IOException {
    copySeedData();
    Files.delete(dir.resolve("treaties.csv"));

    List<String> problems = problems();
    String expected = dir.resolve("treaties.csv") + ": file is missing";
    assertTrue(problems.contains(expected), "expected '" + expected + "' in " + problems);
  }

  @Test
  void valueOutsideVocabulary() throws IOException {
    copySeedData();
    int line = lineStarting("positions.csv", "apc-2024-03-research,");
    replaceInLine("positions.csv", line, ",concerned,", ",loves,");

    assertProblem(
        "positions.csv",
        line,
        "column stance: 'loves' is not one of [concerned, conditional, mixed, opposes, supports]");
  }

  @Test
  void malformedInteger() throws IOException {
    copySeedData();
    int line = lineStarting("votes.csv", "a-res-74-247,");
    replaceInLine("votes.csv", line, ",adopted,79,60,", ",adopted,seventy,60,");

    assertProblem("votes.csv", line, "column yes: 'seventy' is not an integer");
  }

  @Test
  void malformedDate() throws IOException {
    copySeedData();
    int line = lineStarting("votes.csv", "ahc-2024-08-08-draft-convention,");
    replaceInLine("votes.csv", line, ",2024-08-08,", ",2024-13-01,");

    assertProblem("votes.csv", line, "column date: '2024-13-01' is not a valid calendar date");
  }

  @Test
  void malformedFullDate() throws IOException {
    copySeedData();
    int line = 2;
    replaceInLine("releases.csv", line, ",2026-11-22,", ",2024-13-01,");

    assertProblem("releases.csv", line, "column date: '2024-13-01' is not a date");
  }

  // --- encoding and CSV syntax ---

  @Test
  void fileThatIsNotUtf8() throws IOException {
    copySeedData();
    Path file = dir.resolve("organizations.csv");
    byte[] bytes = Files.readAllBytes(file);
    byte[] latin1 = " Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1); // 0xE9 alone
    byte[] broken = Arrays.copyOf(bytes, bytes.length + latin1.length + 1);
    System.arraycopy(latin1, 0, broken, bytes.length, latin1.length);
    broken[broken.length - 1] = '\n';
    Files.write(file, broken);

    long line =
        Files.readAllLines(dir.resolve("organizations.csv"), StandardCharsets.ISO_8859_1).size();
    List<String> problems = problems();
    String expected = dir.resolve("organizations.csv") + " line " + line + ": is not valid UTF-8";
    assertTrue(
        problems.stream().anyMatch(p -> p.startsWith(expected)),
        "expected '" + expected + "' in " + problems);
  }

  @Test
  void unbalancedQuoteNamesItsLine() throws IOException {
    copySeedData();
    Path file = dir.resolve("bodies.csv");
    List<String> lines =
        new java.util.ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    lines.add("broken,\"Unclosed quote,plenary,,");
    Files.write(file, lines, StandardCharsets.UTF_8);
    List<String> problems = problems();
    assertTrue(
        problems.stream()
            .anyMatch(
                p ->
                    p.startsWith(dir.resolve("bodies.csv") + " line ")
                        && p.contains("not valid CSV")),
        "expected an invalid-CSV problem with a line in " + problems);
  }

  @Test
  void byteOrderMarkIsAccepted() throws IOException {
    copySeedData();
    Path file = dir.resolve("votes.csv");
    byte[] bytes = Files.readAllBytes(file);
    byte[] withBom = new byte[bytes.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(bytes, 0, withBom, 3, bytes.length);
    Files.write(file, withBom);

    SeedReader.SeedData data = SeedReader.read(SeedFiles.directory(dir));
    SeedReader.Row first = data.table("vote").get(0);
    assertEquals("a-75-l-87-rev-1", first.text("id"), "the BOM is not part of the first column");
    assertEquals(2, first.line());
  }

  @Test
  void quotedFieldWithCommaQuoteAndNewline() throws IOException {
    copySeedData();
    String vote = "a-75-l-87-rev-1";
    int line = lineStarting("votes.csv", vote + ",");
    String note = "First line, with a comma and a \"quote\"\nsecond line";
    String original = readLines("votes.csv").get(line - 1);
    int lastComma = original.lastIndexOf(",\"");
    assertTrue(lastComma > 0, "the note is the last, quoted field: " + original);
    String edited = original.substring(0, lastComma) + ",\"" + note.replace("\"", "\"\"") + "\"";
    List<String> lines = new ArrayList<>(readLines("votes.csv"));
    lines.set(line - 1, edited);
    writeLines("votes.csv", lines); // the note adds one physical line after `line`

    SeedReader.SeedData data = SeedReader.read(SeedFiles.directory(dir));
    List<SeedReader.Row> votes = data.table("vote");
    SeedReader.Row edit = find(votes, vote);
    assertEquals(note, edit.text("note"), "comma, quote and newline survive");
    assertEquals(line, edit.line(), "a row's line is the line it starts on");
    int later = lineStarting("votes.csv", "a-res-79-243,");
    assertEquals(later, find(votes, "a-res-79-243").line(), "rows after it count the extra line");
    assertEquals(line + 1, lineStarting("votes.csv", "second line"), "the note spans two lines");

    replaceInLine("votes.csv", later, ",without_vote,adopted,,", ",without_vote,adopted,5,");
    assertProblem(
        "votes.csv", later, "vote 'a-res-79-243' was taken without a vote but has a tally for yes");
  }

  @Test
  void aSubjectOutsideItsVocabularyIsRefused() throws IOException {
    copySeedData();
    int line = lineStarting("positions.csv", "egy-2024-08-mla-safeguards,");
    replaceInLine("positions.csv", line, ",concerned,clause,", ",concerned,the treaty,");

    assertProblem(
        "positions.csv",
        line,
        "column subject: 'the treaty' is not one of [clause, convention, proposal, vote]");
  }

  @Test
  void positionsFromBeforeTheSubjectColumnReadAsStancesOnTheConvention() throws IOException {
    copySeedData();
    List<String> lines = new ArrayList<>();
    for (String line : readLines("positions.csv")) {
      List<String> fields = new ArrayList<>(Arrays.asList(line.split(",", 8)));
      fields.remove(6); // id,actor_kind,organization_id,delegation_id,person_id,stance,subject,...
      lines.add(String.join(",", fields));
    }
    assertTrue(
        lines
            .get(0)
            .startsWith(
                "id,actor_kind,organization_id,delegation_id,person_id,stance,stance_summary,"));
    writeLines("positions.csv", lines);

    SeedReader.SeedData old = SeedReader.read(SeedFiles.directory(dir));
    List<SeedReader.Row> positions = old.table("position");
    assertEquals(41, positions.size());
    assertTrue(positions.stream().allMatch(r -> "convention".equals(r.text("subject"))));
    assertEquals("concerned", find(positions, "egy-2024-08-mla-safeguards").text("stance"));
    assertEquals(
        "Concern that human-rights safeguards could be used to deny legal-assistance requests"
            + " (paraphrase)",
        find(positions, "egy-2024-08-mla-safeguards").text("stance_summary"));

    // a row that lacks a field is still refused, with the file's own count of fields
    int line = lineStarting("positions.csv", "egy-2024-08-mla-safeguards,");
    replaceInLine("positions.csv", line, ",concerned,", ",");
    assertProblem("positions.csv", line, "has 14 fields, the header has 15");
  }

  @Test
  void membershipsOfDelegationsHaveOneMemberAnOrderedPeriodAndNoRegionalGroupsId()
      throws IOException {
    copySeedData();
    List<String> out = new ArrayList<>(readLines("memberships.csv"));
    assertEquals("id,organization_id,member_id,delegation_id,start_date,end_date,note", out.get(0));
    out.add("cybersecurity-tech-accord--FRA,cybersecurity-tech-accord,meta,FRA,,,Two members");
    out.add("cybersecurity-tech-accord--DEU,cybersecurity-tech-accord,,DEU,2020-01-01,2019-12-31,");
    out.add("weog--FRA,weog,,FRA,,,A coalition named like a regional group");
    writeLines("memberships.csv", out);
    int n = out.size();
    assertProblem("memberships.csv", n - 2, "a membership has one member");
    assertProblem("memberships.csv", n - 1, "start_date is after end_date");
    assertProblem("memberships.csv", n, "cannot have a regional group's id (weog)");
  }

  @Test
  void membershipsFromBeforeDelegationMembersReadWithoutThem() throws IOException {
    copySeedData();
    List<String> lines = new ArrayList<>();
    for (String line : readLines("memberships.csv")) {
      List<String> fields = new ArrayList<>(Arrays.asList(line.split(",", 7)));
      fields.subList(3, 6).clear(); // delegation_id, start_date, end_date (V21)
      lines.add(String.join(",", fields));
    }
    assertEquals("id,organization_id,member_id,note", lines.get(0));
    writeLines("memberships.csv", lines);
    List<SeedReader.Row> memberships =
        SeedReader.read(SeedFiles.directory(dir)).table("membership");
    assertEquals(lines.size() - 1, memberships.size());
    assertTrue(memberships.stream().allMatch(r -> r.get("delegation_id") == null));
    assertEquals("hp", find(memberships, "cybersecurity-tech-accord--hp").text("member_id"));
  }

  // --- helpers ---

  /** Copies seed-data/*.csv into the temporary directory. */
  private void copySeedData() throws IOException {
    try (DirectoryStream<Path> csvs = Files.newDirectoryStream(SEED_DATA, "*.csv")) {
      for (Path csv : csvs) {
        Files.copy(csv, dir.resolve(csv.getFileName().toString()));
      }
    }
  }

  private List<String> readLines(String file) {
    try {
      return Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the lines with {@code \n} line ends, as the dataset does. */
  private void writeLines(String file, List<String> lines) throws IOException {
    Files.writeString(dir.resolve(file), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  /** The 1-based number of the first physical line that starts with the prefix. */
  private int lineStarting(String file, String prefix) {
    return lineMatching(file, prefix, "");
  }

  /** The 1-based number of the first physical line with the given start and end. */
  private int lineMatching(String file, String prefix, String suffix) {
    List<String> lines = readLines(file);
    return IntStream.range(0, lines.size())
            .filter(i -> lines.get(i).startsWith(prefix) && lines.get(i).endsWith(suffix))
            .findFirst()
            .orElseThrow(() -> new AssertionError(file + " has no line " + prefix + "…" + suffix))
        + 1;
  }

  /** Replaces the first occurrence of {@code from} in a 1-based line; fails if it is not there. */
  private void replaceInLine(String file, int line, String from, String to) throws IOException {
    List<String> lines = new ArrayList<>(readLines(file));
    String text = lines.get(line - 1);
    int at = text.indexOf(from);
    if (at < 0) {
      fail(file + " line " + line + " does not contain '" + from + "': " + text);
    }
    lines.set(line - 1, text.substring(0, at) + to + text.substring(at + from.length()));
    writeLines(file, lines);
  }

  private static SeedReader.Row find(List<SeedReader.Row> rows, String id) {
    return rows.stream()
        .filter(r -> id.equals(r.text("id")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + id));
  }

  /** Reads the temporary copy, which must be refused, and returns its problems. */
  private List<String> problems() {
    SeedException e =
        assertThrows(SeedException.class, () -> SeedReader.read(SeedFiles.directory(dir)));
    return e.problems();
  }

  /** Asserts a problem names the file and line and contains every fragment. */
  private void assertProblem(String file, long line, String... fragments) {
    List<String> problems = problems();
    String prefix = dir.resolve(file) + " line " + line + ": ";
    assertTrue(
        problems.stream()
            .anyMatch(p -> p.startsWith(prefix) && Arrays.stream(fragments).allMatch(p::contains)),
        "expected a problem starting '"
            + prefix
            + "' and containing "
            + Arrays.toString(fragments)
            + ", got:\n  "
            + String.join("\n  ", problems));
  }
}
