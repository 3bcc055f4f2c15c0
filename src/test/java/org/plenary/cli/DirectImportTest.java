package org.plenary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import undl FILE} on the embedded database, with nothing but the environment configuring
 * it, runs without the framework ({@code ImportCommand#direct}): the launcher migrates and loads as
 * at any start, then the same importers run in the same transactions. End to end, as a user runs it
 * (a JVM of its own, the logging of the packaged jar): a first import on a new data directory, the
 * same file again (nothing changes), a refused file (nothing changes, exit 1); the General Debate's
 * command too.
 */
class DirectImportTest {
  @TempDir Path dir;

  @Test
  void anImportRunsWithoutTheFrameworkAndReportsAsTheCommandDoes() throws Exception {
    Path file = Path.of("src/test/resources/undl/ga-2025.csv").toAbsolutePath();
    Run first = run(file);
    assertEquals(0, first.status(), first.output());
    assertTrue(first.output().contains("loading without the framework"), first.output());
    assertFalse(first.output().contains("Installed features"), "no framework: " + first.output());
    // the launcher's log, written as the packaged jar's (no framework configured it)
    assertTrue(first.output().contains("INFO  [or.pl.da.EarlyLoad]"), first.output());
    assertTrue(first.output().contains("Imported " + file + " (SHA-256 "), first.output());
    assertTrue(
        first.output().matches("(?s).*dataset version: \\S+ -> \\S+\\+undl\\.1\\n.*"),
        first.output());

    Run again = run(file);
    assertEquals(0, again.status(), again.output());
    assertTrue(again.output().contains("Dataset already loaded"), again.output());
    assertTrue(again.output().contains("  nothing changed: dataset version "), again.output());

    Path refused = dir.resolve("no-votes.csv");
    Files.writeString(refused, "undl_id,ms_code\n1,USA\n", StandardCharsets.UTF_8);
    Run bad = run(refused);
    assertEquals(1, bad.status(), bad.output());
    assertTrue(bad.output().contains("Refused: "), bad.output());
    assertTrue(
        bad.output()
            .contains("Nothing of " + refused + " was imported; the database is as it was."),
        bad.output());
    Run after = run(file);
    assertTrue(after.output().contains("  nothing changed: dataset version "), after.output());
    assertEquals(
        versionOf(again.output()), versionOf(after.output()), "the refused file changed nothing");

    // the General Debate's command takes the same way
    Run corpus = run("ungdc", Path.of("src/test/resources/ungdc").toAbsolutePath());
    assertEquals(0, corpus.status(), corpus.output());
    assertTrue(corpus.output().contains("loading without the framework"), corpus.output());
    assertTrue(
        corpus.output().matches("(?s).*\\n  statements: [1-9][0-9,]* added.*"), corpus.output());
    assertTrue(
        corpus.output().matches("(?s).*dataset version: \\S+ -> \\S+\\+ungdc\\.1\\n.*"),
        corpus.output());
  }

  private record Run(int status, String output) {}

  private Run run(Path file) throws Exception {
    return run("undl", file);
  }

  private Run run(String what, Path file) throws Exception {
    Path out = dir.resolve("out");
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "import",
            what,
            file.toString());
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("PLENARY_"));
    pb.environment().put("PLENARY_DATA_DIR", dir.resolve("data").toString());
    pb.environment().put("PLENARY_EMBEDDED_DATABASE", "true");
    pb.environment()
        .put(
            "PLENARY_SEED_DIR", Path.of("src/test/resources/fixtures").toAbsolutePath().toString());
    Process p = pb.start();
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "ended");
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
  }

  private static String versionOf(String output) {
    return output
        .lines()
        .filter(l -> l.startsWith("  nothing changed: dataset version "))
        .findFirst()
        .orElseThrow();
  }
}
