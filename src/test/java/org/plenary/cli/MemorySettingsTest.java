package org.plenary.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What users run is what was measured: the Dockerfile and quarkus:run (the quick start) start the
 * service with the memory settings of docs/security.md, and a JVM started without a heap bound is
 * told so.
 */
class MemorySettingsTest {
  @Test
  void theDockerfileAndQuarkusRunShipTheMeasuredMemorySettings() throws Exception {
    String docker = Files.readString(Path.of("Dockerfile"), StandardCharsets.UTF_8);
    assertTrue(docker.contains("JAVA_OPTS_APPEND=\"" + Launch.MEMORY_OPTIONS + "\""), docker);
    String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
    assertTrue(
        pom.contains(
            "<environmentVariables>JAVA_TOOL_OPTIONS="
                + Launch.MEMORY_OPTIONS
                + "</environmentVariables>"),
        "quarkus:run");
    String docs = Files.readString(Path.of("docs/security.md"), StandardCharsets.UTF_8);
    assertTrue(docs.contains(Launch.MEMORY_OPTIONS), "the measured settings are documented");
  }

  @Test
  void anUnboundedHeapIsRecognized() {
    assertFalse(Launch.memoryBounded(List.of("-Dx=y", "-XX:+UseSerialGC")));
    assertTrue(Launch.memoryBounded(List.of("-Xmx256m")));
    assertTrue(Launch.memoryBounded(List.of("-XX:MaxRAMPercentage=50")));
  }
}
