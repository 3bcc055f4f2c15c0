package org.plenary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What users run is what was measured: the Dockerfile and quarkus:run (the quick start) start the
 * service with the memory settings of docs/security.md, and a JVM started without a heap bound is
 * told so.
 */
class MemorySettingsTest {
  @Test
  void theDockerfileAndQuarkusRunShipTheMeasuredMemorySettings() throws Exception {
    String docker = Files.readString(Path.of("Dockerfile"), StandardCharsets.UTF_8);
    assertTrue(docker.contains("ENTRYPOINT [\"/app/plenary\"]"), "the image runs the launcher");
    String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
    assertTrue(
        pom.contains(
            "<environmentVariables>JAVA_TOOL_OPTIONS="
                + Launch.MEMORY_OPTIONS
                + "</environmentVariables>"),
        "quarkus:run");
    String launcher =
        Files.readString(Path.of("src/main/launcher/plenary"), StandardCharsets.UTF_8);
    assertTrue(launcher.contains(Launch.MEMORY_OPTIONS + " \\\n"), "the launcher");
    String docs = Files.readString(Path.of("docs/security.md"), StandardCharsets.UTF_8);
    assertTrue(docs.contains(Launch.MEMORY_OPTIONS), "the measured settings are documented");
  }

  /**
   * The launcher runs the jar beside it with the settings, then JAVA_OPTS (which may override
   * them), then the arguments unchanged (a JDK whose java prints its arguments stands in).
   */
  @Test
  void theLauncherStartsTheJarBesideItWithTheSettings(@TempDir Path dir) throws Exception {
    Path app = Files.createDirectories(dir.resolve("quarkus-app"));
    Path launcher = app.resolve("plenary");
    Files.copy(Path.of("src/main/launcher/plenary"), launcher);
    Path bin = Files.createDirectories(dir.resolve("jdk/bin"));
    Files.writeString(bin.resolve("java"), "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
    bin.resolve("java").toFile().setExecutable(true);
    ProcessBuilder b =
        new ProcessBuilder("sh", launcher.toString(), "import", "undl", "a file.csv")
            .redirectErrorStream(true);
    b.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
    b.environment().put("JAVA_OPTS", "-Xmx512m -Dx=1");
    Process p = b.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    List<String> expected = new java.util.ArrayList<>(List.of(Launch.MEMORY_OPTIONS.split(" ")));
    expected.addAll(
        List.of(
            "-Xmx512m",
            "-Dx=1",
            "-jar",
            app.toRealPath().resolve("quarkus-run.jar").toString(),
            "import",
            "undl",
            "a file.csv"));
    assertEquals(expected, List.of(out.strip().split("\n")));
  }

  @Test
  void anUnboundedHeapIsRecognized() {
    assertFalse(Launch.memoryBounded(List.of("-Dx=y", "-XX:+UseSerialGC")));
    assertTrue(Launch.memoryBounded(List.of("-Xmx256m")));
    assertTrue(Launch.memoryBounded(List.of("-XX:MaxRAMPercentage=50")));
  }
}
