package org.plenary.dataset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.plenary.EmbeddedPostgresResource;

/**
 * Dumps are written under the data directory, never a shared temporary one; a file planted or
 * changed on disk is never served as the release's, a missing one is written again, and Range
 * requests are answered 206 with the right Content-Range (416 when unsatisfiable).
 */
@QuarkusTest
class DumpIntegrityTest {
  @Inject Dumps dumps;
  @Inject DatasetState state;

  private byte[] whole(String name) {
    return given().get("/v1/dumps/" + name).then().statusCode(200).extract().asByteArray();
  }

  @Test
  void dumpsLiveInAPrivateDirectoryUnderTheDataDirectory() throws Exception {
    Path dir = dumps.current().dir();
    Path root = dir.getParent();
    assertEquals(
        EmbeddedPostgresResource.dataDirectory().resolve("dumps").toAbsolutePath().normalize(),
        root);
    // never the shared temp dir itself (the clone may well live under it, so compare exactly)
    Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
    assertNotEquals(tmp, root);
    assertNotEquals(tmp.resolve("plenary-dumps"), root);
    assertTrue(dir.startsWith(root), "the release's dumps are inside the data dir's dumps folder");
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root)));
  }

  @Test
  void aFilePlantedOrChangedOnDiskIsNeverServed() throws Exception {
    Dumps.DumpFile votes = dumps.current().file("votes.csv");
    byte[] real = whole("votes.csv");
    Path file = dumps.current().dir().resolve("votes.csv");
    Files.writeString(file, "id,planted\nx,y\n");
    byte[] served =
        given()
            .get("/v1/dumps/votes.csv")
            .then()
            .statusCode(200)
            .header("ETag", "\"" + votes.sha256() + "\"")
            .extract()
            .asByteArray();
    assertArrayEquals(real, served, "the planted file was replaced by the release's");
    assertEquals(votes.sha256(), Dumps.sha256(Files.readAllBytes(file)));

    // same size, other bytes: found by the checksum when the files are (re)used
    byte[] same = Files.readAllBytes(file);
    same[same.length - 2] = (byte) (same[same.length - 2] == 'x' ? 'y' : 'x');
    Files.write(file, same);
    Dumps.Release rewritten = dumps.write(state.loaded());
    assertEquals(votes.sha256(), Dumps.sha256(rewritten.dir().resolve("votes.csv")));
  }

  @Test
  void aListedFileMissingOnDiskIsWrittenAgain() throws Exception {
    byte[] real = whole("README.md");
    Files.delete(dumps.current().dir().resolve("README.md"));
    assertArrayEquals(real, whole("README.md"));
  }

  @Test
  void aRangeIsAnswered206WithItsContentRange() {
    byte[] all = whole("votes.csv");
    Dumps.DumpFile f = dumps.current().file("votes.csv");
    byte[] part =
        given()
            .header("Range", "bytes=0-10")
            .get("/v1/dumps/votes.csv")
            .then()
            .statusCode(206)
            .header("Content-Range", "bytes 0-10/" + all.length)
            .header("ETag", "\"" + f.sha256() + "\"")
            .header("Accept-Ranges", "bytes")
            .extract()
            .asByteArray();
    assertArrayEquals(Arrays.copyOfRange(all, 0, 11), part);
    byte[] tail =
        given()
            .header("Range", "bytes=-5")
            .get("/v1/dumps/votes.csv")
            .then()
            .statusCode(206)
            .header(
                "Content-Range",
                "bytes " + (all.length - 5) + "-" + (all.length - 1) + "/" + all.length)
            .extract()
            .asByteArray();
    assertArrayEquals(Arrays.copyOfRange(all, all.length - 5, all.length), tail);
    byte[] from =
        given()
            .header("Range", "bytes=100-")
            .get("/v1/dumps/votes.csv")
            .then()
            .statusCode(206)
            .extract()
            .asByteArray();
    assertArrayEquals(Arrays.copyOfRange(all, 100, all.length), from);
  }

  @Test
  void anUnsatisfiableRangeIs416AndOthersAreIgnored() {
    byte[] all = whole("votes.csv");
    given()
        .header("Range", "bytes=" + (all.length + 10) + "-")
        .get("/v1/dumps/votes.csv")
        .then()
        .statusCode(416)
        .header("Content-Range", "bytes */" + all.length)
        .contentType("application/problem+json")
        .body("status", is(416));
    for (String ignored : new String[] {"bytes=0-1,5-9", "lines=0-3", "bytes=9-2"}) {
      byte[] body =
          given()
              .header("Range", ignored)
              .get("/v1/dumps/votes.csv")
              .then()
              .statusCode(200)
              .extract()
              .asByteArray();
      assertArrayEquals(all, body, ignored);
    }
    byte[] stale =
        given()
            .header("Range", "bytes=0-10")
            .header("If-Range", "\"another-version\"")
            .get("/v1/dumps/votes.csv")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    assertTrue(Arrays.equals(all, stale), "If-Range for another version: the whole file");
  }
}
