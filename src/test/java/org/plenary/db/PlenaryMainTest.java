package org.plenary.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production profile needs an explicit database or an explicit embedded opt-in. */
class PlenaryMainTest {
  @TempDir Path dir;

  @Test
  void productionWithoutADatabaseRefusesWithOneLineAndANonZeroExit() throws Exception {
    Path data = dir.resolve("data");
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                PlenaryMain.class.getName())
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

  @Test
  void theOptInTheDatabaseOrAnotherProfileLetItStart() {
    Properties none = new Properties();
    assertTrue(PlenaryMain.embeddedRefusal(Map.of(), none).contains("Refusing to start"));
    assertTrue(
        PlenaryMain.embeddedRefusal(Map.of("QUARKUS_PROFILE", "prod"), none) != null,
        "prod named explicitly");
    assertTrue(
        PlenaryMain.embeddedRefusal(Map.of("PLENARY_EMBEDDED_DATABASE", "false"), none) != null);
    assertNull(PlenaryMain.embeddedRefusal(Map.of("PLENARY_EMBEDDED_DATABASE", "true"), none));
    Properties optIn = new Properties();
    optIn.setProperty("plenary.embedded-database", "true");
    assertNull(PlenaryMain.embeddedRefusal(Map.of(), optIn), "as quarkus:run passes it");
    assertNull(PlenaryMain.embeddedRefusal(Map.of("QUARKUS_PROFILE", "dev"), none));
    assertTrue(
        PlenaryMain.externalDatabaseConfigured(
            Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db/plenary"), none));
    assertFalse(PlenaryMain.externalDatabaseConfigured(Map.of(), none));
  }
}
