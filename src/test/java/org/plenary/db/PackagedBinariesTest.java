package org.plenary.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The binaries the build unpacks into the package ({@link PackagedBinaries}) are used as they are
 * by a JVM that runs the package's jar: a first start unpacks nothing into its data directory, and
 * its server runs from them.
 */
class PackagedBinariesTest {
  @TempDir Path dir;

  @Test
  void aFirstStartFromThePackageUsesItsBinariesAndUnpacksNothing() throws Exception {
    Path app = dir.resolve("quarkus-app");
    PackagedBinaries.main(new String[] {app.resolve(PackagedBinaries.DIRECTORY).toString()});
    String classPath = System.getProperty("java.class.path");
    assertNull(EmbeddedDatabase.packagedBinaries(), "the tests' class path is no package");
    try {
      System.setProperty("java.class.path", app.resolve(PackagedBinaries.RUNNER).toString());
      Path packaged = EmbeddedDatabase.packagedBinaries();
      assertEquals(app.resolve(PackagedBinaries.DIRECTORY), packaged);
      Path data = dir.resolve("data");
      EmbeddedDatabase db = EmbeddedDatabase.start(data);
      try {
        assertFalse(Files.exists(data.resolve("postgres-binaries")), "nothing unpacked");
        long pid =
            Long.parseLong(
                Files.readAllLines(
                        data.toAbsolutePath().normalize().resolve("postgres/postmaster.pid"))
                    .get(0)
                    .trim());
        String command = ProcessHandle.of(pid).orElseThrow().info().command().orElse("");
        assertTrue(command.startsWith(packaged.toString()), command);
      } finally {
        db.stop();
      }
    } finally {
      System.setProperty("java.class.path", classPath);
    }
  }
}
