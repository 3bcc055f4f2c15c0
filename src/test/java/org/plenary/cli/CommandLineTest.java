package org.plenary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.plenary.Fixtures;

/**
 * The command line in-process: every command's --help prints its usage and exits 0; usage errors
 * say what is wrong and exit 2; {@code release} runs on a copy of the fixture dataset. Starting the
 * service or an import without a database is {@code LaunchTest}'s (a process).
 */
class CommandLineTest {
  @TempDir Path dir;

  /** The exit status and what the command printed. */
  record Run(int status, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(status, out.toString(), err.toString());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--help|Usage: java -jar quarkus-run.jar [-h] [COMMAND]",
        "-h|Usage: java -jar quarkus-run.jar [-h] [COMMAND]",
        "serve --help|Usage: java -jar quarkus-run.jar serve [-h]",
        "import --help|Usage: java -jar quarkus-run.jar import [-h] [COMMAND]",
        "import undl --help|Usage: java -jar quarkus-run.jar import undl [-h] FILE...",
        "import ungdc --help|Usage: java -jar quarkus-run.jar import ungdc [-h] CORPUS",
        "export --help|Usage: java -jar quarkus-run.jar export [-h] DIR",
        "release --help|Usage: java -jar quarkus-run.jar release [-h] [--dir=DIR] VERSION CHANGES [DATE]",
      })
  void helpPrintsTheUsageAndExitsZero(String args, String usage) {
    Run r = run(args.split(" "));
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.err());
    assertEquals(
        usage,
        r.out().lines().filter(l -> l.startsWith("Usage:")).findFirst().orElseThrow(),
        r.out());
  }

  @Test
  void theTopLevelHelpNamesEveryCommand() {
    String out = run("--help").out();
    for (String command : new String[] {"serve", "import", "export", "release"}) {
      assertTrue(out.lines().anyMatch(l -> l.strip().startsWith(command + " ")), out);
    }
    assertTrue(out.contains("PLENARY_EMBEDDED_DATABASE=true"), out);
    String imports = run("import", "--help").out();
    assertTrue(imports.lines().anyMatch(l -> l.strip().startsWith("undl ")), imports);
    assertTrue(imports.lines().anyMatch(l -> l.strip().startsWith("ungdc ")), imports);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "frobnicate|Unmatched argument at index 0: 'frobnicate'",
        "--frobnicate|Unknown option: '--frobnicate'",
        "serve extra|Unmatched argument at index 1: 'extra'",
        "import|Missing required subcommand",
        "import csv x.csv|Unmatched arguments from index 1: 'csv', 'x.csv'",
        "import undl|Missing required parameter: 'FILE'",
        "import undl --all x.csv|Unknown option: '--all'",
        "import ungdc|Missing required parameter: 'CORPUS'",
        "import ungdc a.tgz b.tgz|Unmatched argument at index 3: 'b.tgz'",
        "export|Missing required parameter: 'DIR'",
        "export a b|Unmatched argument at index 2: 'b'",
        "release 1.0.1|Missing required parameter: 'CHANGES'",
        "release 1.0.1 x not-a-date|Invalid value for positional parameter at index 2 (DATE)",
      })
  void aUsageErrorSaysWhatIsWrongAndExitsTwo(String args, String message) {
    Run r = run(args.split(" "));
    assertEquals(2, r.status(), r.out() + r.err());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith(message), r.err());
    assertTrue(r.err().contains("Usage: java -jar quarkus-run.jar"), r.err());
  }

  @Test
  void releaseCutsAReleaseOfTheDirectory() throws IOException {
    Fixtures.copyTo(dir);
    Path votes = dir.resolve("votes.csv");
    Files.writeString(
        votes,
        Files.readString(votes, StandardCharsets.UTF_8).replace("GA/12235", "GA/12235 (edited)"));

    Run r = run("release", "--dir", dir.toString(), "99.0.0", "Edited a record", "2026-12-01");

    assertEquals(0, r.status(), r.err());
    String releases = Files.readString(dir.resolve("releases.csv"), StandardCharsets.UTF_8);
    String row = releases.lines().filter(l -> l.startsWith("99.0.0,")).findFirst().orElseThrow();
    String sha = row.substring(row.lastIndexOf(',') + 1);
    assertEquals("99.0.0,2026-12-01,Edited a record," + sha, row);
    assertEquals(
        "Release 99.0.0 of 2026-12-01 added to "
            + dir.resolve("releases.csv")
            + "\ndata_sha256 "
            + sha
            + "\n",
        r.out());
  }

  @Test
  void releaseRefusesUnchangedDataWithExitOne() throws IOException {
    Fixtures.copyTo(dir);
    String before = Files.readString(dir.resolve("releases.csv"), StandardCharsets.UTF_8);

    Run r = run("release", "--dir", dir.toString(), "99.0.0", "Nothing");

    assertEquals(1, r.status(), r.out());
    assertTrue(r.err().startsWith("release refused: "), r.err());
    assertTrue(r.err().contains("has not changed"), r.err());
    assertEquals(before, Files.readString(dir.resolve("releases.csv"), StandardCharsets.UTF_8));
  }
}
