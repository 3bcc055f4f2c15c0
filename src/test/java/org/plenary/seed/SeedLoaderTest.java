package org.plenary.seed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.dataset.DatasetState;
import org.plenary.query.QueryEngine;

/**
 * Loading is idempotent and merges changes row by row. These tests reload the database; each one
 * ends by loading the packaged seed-data again, so the other tests see the real fixtures.
 */
@QuarkusTest
class SeedLoaderTest {
  @Inject SeedLoader loader;
  @Inject QueryEngine engine;
  @Inject DatasetState state;
  @TempDir Path dir;

  @AfterEach
  void restore() {
    loader.load(SeedFiles.packaged());
  }

  @Test
  void loadingTheSameFilesAgainChangesNothing() {
    Map<String, Long> before = state.loaded().rowCounts();
    Map<String, Integer> changed = loader.load(SeedFiles.packaged());
    assertTrue(changed.isEmpty(), "nothing reloaded: " + changed);
    // even when forced past the checksum shortcut, the merge writes no row
    engine.rows("update dataset_state set checksum = 'forced' returning 1");
    changed = loader.load(SeedFiles.packaged());
    assertTrue(changed.values().stream().allMatch(n -> n == 0), "no row rewritten: " + changed);
    assertEquals(before, state.loaded().rowCounts());
  }

  @Test
  void aChangedRowIsUpdatedAndOnlyIt() throws IOException {
    copySeedData();
    Path votes = dir.resolve("votes.csv");
    String text = Files.readString(votes, StandardCharsets.UTF_8);
    Files.writeString(
        votes, text.replace("press release GA/12235", "press release GA/12235 (edited)"));
    // a release newer than the packaged one, a week after it
    SeedReader.SeedData packaged = SeedReader.read(SeedFiles.packaged());
    String[] v = packaged.version().split("\\.");
    String next = v[0] + "." + v[1] + "." + (Integer.parseInt(v[2]) + 1);
    java.time.LocalDate date =
        packaged.table("release").stream()
            .filter(r -> r.text("version").equals(packaged.version()))
            .map(r -> (java.time.LocalDate) r.get("date"))
            .findFirst()
            .orElseThrow()
            .plusDays(7);
    Files.writeString(
        dir.resolve("releases.csv"),
        next + "," + date + ",Edited a meeting,x\n",
        StandardOpenOption.APPEND);
    Object createdBefore =
        engine
            .rows("select created_at from vote where id = 'a-res-74-247'")
            .get(0)
            .get("created_at");

    Map<String, Integer> changed = loader.load(SeedFiles.directory(dir));

    assertEquals(1, changed.get("vote"), "one vote changed: " + changed);
    assertEquals(1, changed.get("release"), "one release added: " + changed);
    assertEquals(0, changed.get("roll_call"));
    Map<String, Object> row =
        engine
            .rows("select meeting, created_at, updated_at from vote where id = 'a-res-74-247'")
            .get(0);
    assertTrue(row.get("meeting").toString().endsWith("(edited)"));
    assertEquals(createdBefore, row.get("created_at"));
    assertNotEquals(row.get("created_at"), row.get("updated_at"));
    // timestamps are the release's date: deterministic across replicas
    given()
        .get("/v1/votes/a-res-74-247")
        .then()
        .body("data.meeting", org.hamcrest.Matchers.endsWith("(edited)"))
        .body("data.updated_at", is(date + "T00:00:00.000000Z"))
        .header("X-Dataset-Version", next);
    given()
        .get("/v1/votes?updated_since=" + date)
        .then()
        .body("data.id", org.hamcrest.Matchers.contains("a-res-74-247"));
    given().get("/v1/roll-calls?updated_since=" + date).then().body("data.size()", is(0));
  }

  @Test
  void aRemovedRowIsDeletedAndARestoredOneComesBack() throws IOException {
    copySeedData();
    removeLines("signatures.csv", "uncc--aus");
    removeLines("citations.csv", "signature,uncc--aus,");
    loader.load(SeedFiles.directory(dir));
    given()
        .get("/v1/signatures?delegation_id=AUS")
        .then()
        .statusCode(200)
        .body("data.size()", is(0));
    loader.load(SeedFiles.packaged());
    given()
        .get("/v1/signatures?delegation_id=AUS")
        .then()
        .statusCode(200)
        .body("data.size()", is(1));
  }

  @Test
  void refusedFilesLeaveTheDatabaseUntouched() throws IOException {
    copySeedData();
    removeLines("citations.csv", "vote,a-res-74-247,");
    Map<String, Long> before = state.loaded().rowCounts();
    SeedException e =
        assertThrows(SeedException.class, () -> loader.load(SeedFiles.directory(dir)));
    assertTrue(e.getMessage().contains("vote 'a-res-74-247' cites no source"), e.getMessage());
    state.refresh();
    assertEquals(before, state.loaded().rowCounts());
    given().get("/v1/votes/a-res-74-247").then().statusCode(200);
  }

  private void copySeedData() throws IOException {
    try (var files = Files.list(Path.of("seed-data"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
  }

  private void removeLines(String file, String prefix) throws IOException {
    Path p = dir.resolve(file);
    List<String> kept =
        Files.readAllLines(p, StandardCharsets.UTF_8).stream()
            .filter(l -> !l.startsWith(prefix))
            .toList();
    Files.write(p, kept, StandardCharsets.UTF_8);
  }
}
