package org.plenary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The production profile needs an explicit database or an explicit embedded opt-in, whatever the
 * command.
 */
class LaunchTest {
  @TempDir Path dir;

  /** No command (serve), serve, an import and an export: the same refusal. */
  @ParameterizedTest
  @ValueSource(
      strings = {"", "serve", "import undl x.csv", "import ungdc corpus.tgz", "export out"})
  void productionWithoutADatabaseRefusesWithOneLineAndANonZeroExit(String args) throws Exception {
    Path data = dir.resolve("data");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    if (!args.isEmpty()) {
      command.addAll(List.of(args.split(" ")));
    }
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(dir.resolve("out").toFile())
            .redirectError(dir.resolve("err").toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("PLENARY_"));
    pb.environment().put("PLENARY_DATA_DIR", data.toString());
    Process p = pb.start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String err = Files.readString(dir.resolve("err"), StandardCharsets.UTF_8);
    assertEquals(2, p.exitValue(), err);
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.startsWith("plenary: Refusing to start: no database configured."), err);
    assertTrue(err.contains("QUARKUS_DATASOURCE_JDBC_URL"), err);
    assertTrue(err.contains("PLENARY_EMBEDDED_DATABASE=true"), err);
    assertFalse(Files.exists(data), "nothing embedded was started");
  }

  /**
   * A refusal found only as the embedded server starts, in the background (another program's
   * process holds the cluster's pid file), ends the command as a refusal found before does: one
   * line, exit status 2, and the other program untouched.
   */
  @Test
  void aRefusalFoundAsTheServerStartsEndsWithOneLineAndExitTwo() throws Exception {
    Path data = dir.resolve("data");
    org.plenary.db.EmbeddedDatabase.start(data).stop(); // a cluster, stopped
    Path pidFile = data.toAbsolutePath().normalize().resolve("postgres/postmaster.pid");
    long other = ProcessHandle.current().pid(); // a live process that is not PostgreSQL
    Files.writeString(pidFile, other + "\n" + pidFile.getParent() + "\n", StandardCharsets.UTF_8);
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "export",
                dir.resolve("out-dir").toString())
            .directory(dir.toFile())
            .redirectOutput(dir.resolve("out").toFile())
            .redirectError(dir.resolve("err").toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("PLENARY_"));
    pb.environment().put("PLENARY_DATA_DIR", data.toString());
    pb.environment().put("PLENARY_EMBEDDED_DATABASE", "true");
    Process p = pb.start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String err = Files.readString(dir.resolve("err"), StandardCharsets.UTF_8);
    List<String> ours = err.lines().filter(l -> l.startsWith("plenary: ")).toList();
    assertEquals(2, p.exitValue(), err);
    assertEquals(1, ours.size(), err);
    assertTrue(
        ours.get(0).startsWith("plenary: Process " + other + " ")
            && ours.get(0).contains("is not Plenary's PostgreSQL for this directory"),
        err);
    assertTrue(ProcessHandle.of(other).map(ProcessHandle::isAlive).orElse(false));
  }

  @Test
  void theOptInTheDatabaseOrAnotherProfileLetItStart() {
    Properties none = new Properties();
    assertTrue(Launch.embeddedRefusal(Map.of(), none).contains("Refusing to start"));
    assertTrue(
        Launch.embeddedRefusal(Map.of("QUARKUS_PROFILE", "prod"), none) != null,
        "prod named explicitly");
    assertTrue(Launch.embeddedRefusal(Map.of("PLENARY_EMBEDDED_DATABASE", "false"), none) != null);
    assertNull(Launch.embeddedRefusal(Map.of("PLENARY_EMBEDDED_DATABASE", "true"), none));
    Properties optIn = new Properties();
    optIn.setProperty("plenary.embedded-database", "true");
    assertNull(Launch.embeddedRefusal(Map.of(), optIn), "as quarkus:run passes it");
    assertNull(Launch.embeddedRefusal(Map.of("QUARKUS_PROFILE", "dev"), none));
    assertTrue(
        Launch.externalDatabaseConfigured(
            Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db/plenary"), none));
    assertFalse(Launch.externalDatabaseConfigured(Map.of(), none));
  }
}
