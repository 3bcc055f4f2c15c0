package org.plenary.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The quick start's PostgreSQL: the binaries of each supported platform are packaged. */
class EmbeddedDatabasePlatformTest {

  @ParameterizedTest
  @CsvSource({
    "Linux, amd64, postgres-linux-x86_64.txz",
    "Linux, aarch64, postgres-linux-arm_64.txz",
    "Mac OS X, x86_64, postgres-darwin-x86_64.txz",
    "Mac OS X, aarch64, postgres-darwin-arm_64.txz"
  })
  void eachSupportedPlatformHasItsBinariesOnTheClasspath(String os, String arch, String archive)
      throws Exception {
    EmbeddedDatabase.Platform platform = EmbeddedDatabase.Platform.of(os, arch);
    assertEquals(archive, platform.archive());
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(archive)) {
      assertNotNull(in, archive + " is packaged");
      assertTrue(in.read() >= 0);
    }
  }

  @ParameterizedTest
  @CsvSource({"Windows 11, amd64", "Linux, ppc64le", "FreeBSD, amd64"})
  void anotherPlatformIsToldWhatToDo(String os, String arch) {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> EmbeddedDatabase.Platform.of(os, arch));
    assertTrue(e.getMessage().contains("QUARKUS_DATASOURCE_JDBC_URL"), e.getMessage());
    assertTrue(e.getMessage().contains(os + " " + arch), e.getMessage());
  }
}
