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
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.plenary.config.PlenaryConfig.OnTamper;
import org.plenary.dataset.SeedLoader.StartSettings;

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

  /**
   * The launcher begins the service's migration and load ({@code dataset.EarlyLoad}) only when the
   * environment and the system properties are all the configuration there is for them.
   */
  @Test
  void begunOnlyWhenTheEnvironmentAndThePropertiesAreAllTheConfiguration() throws Exception {
    Properties none = new Properties();
    Path wd = dir.resolve("wd");
    Files.createDirectories(wd);
    Optional<StartSettings> defaults =
        Optional.of(new StartSettings(Optional.empty(), Optional.empty(), OnTamper.RESTORE));
    assertEquals(
        defaults, Launch.loadSettings(Map.of("_", "/usr/bin/java", "PATH", "/bin"), none, wd));
    assertEquals(
        Optional.of(
            new StartSettings(Optional.of("/seed"), Optional.of("/layers"), OnTamper.REFUSE)),
        Launch.loadSettings(
            Map.of(
                "PLENARY_SEED_DIR", "/seed",
                "PLENARY_LAYERS_DIR", "/layers",
                "PLENARY_ON_TAMPER", "refuse"),
            none,
            wd));
    Properties seed = new Properties();
    seed.setProperty("plenary.seed-dir", "/from-property");
    assertEquals(
        Optional.of("/from-property"),
        Launch.loadSettings(Map.of("PLENARY_SEED_DIR", "/from-env"), seed, wd)
            .orElseThrow()
            .seedDir(),
        "a system property before the environment, as in Quarkus");
    assertEquals(
        defaults, Launch.loadSettings(Map.of("QUARKUS_FLYWAY_MIGRATE_AT_START", "true"), none, wd));

    // anything else that could configure them: the framework migrates and loads
    assertFalse(Launch.loadSettings(Map.of("QUARKUS_PROFILE", "dev"), none, wd).isPresent());
    assertFalse(
        Launch.loadSettings(Map.of("QUARKUS_FLYWAY_MIGRATE_AT_START", "false"), none, wd)
            .isPresent());
    assertFalse(
        Launch.loadSettings(Map.of("QUARKUS_FLYWAY_LOCATIONS", "db/other"), none, wd).isPresent());
    assertFalse(
        Launch.loadSettings(Map.of("_PROD_PLENARY_SEED_DIR", "/seed"), none, wd).isPresent());
    Properties profiled = new Properties();
    profiled.setProperty("%prod.plenary.seed-dir", "/seed");
    assertFalse(Launch.loadSettings(Map.of(), profiled, wd).isPresent());
    assertFalse(
        Launch.loadSettings(Map.of("QUARKUS_CONFIG_LOCATIONS", "/etc/plenary"), none, wd)
            .isPresent());
    assertFalse(Launch.loadSettings(Map.of("PLENARY_ON_TAMPER", "maybe"), none, wd).isPresent());
    Files.writeString(wd.resolve(".env"), "PLENARY_SEED_DIR=/seed\n");
    assertFalse(Launch.loadSettings(Map.of(), none, wd).isPresent());
    Files.delete(wd.resolve(".env"));
    Files.createDirectories(wd.resolve("config"));
    Files.writeString(wd.resolve("config/application.properties"), "plenary.seed-dir=/seed\n");
    assertFalse(Launch.loadSettings(Map.of(), none, wd).isPresent());
  }
}
