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
import org.plenary.Fixtures;
import org.plenary.dataset.DatasetState;
import org.plenary.dataset.SeedLoader;

/**
 * Loading is idempotent and merges changes row by row. These tests reload the database; each one
 * ends by loading the fixture dataset again, so the other tests see it unchanged.
 */
@QuarkusTest
class SeedLoaderTest {
  @Inject SeedLoader loader;
  @Inject org.plenary.TestSql engine;
  @Inject DatasetState state;
  @TempDir Path dir;

  @AfterEach
  void restore() {
    loader.load(Fixtures.files());
  }

  @Test
  void loadingTheSameFilesAgainChangesNothing() {
    Map<String, Long> before = state.loaded().rowCounts();
    Map<String, Integer> changed = loader.load(Fixtures.files());
    assertTrue(changed.isEmpty(), "nothing reloaded: " + changed);
    // even when forced past the checksum shortcut, the merge writes no row
    engine.rows("update dataset_state set checksum = 'forced' returning 1");
    changed = loader.load(Fixtures.files());
    assertTrue(changed.values().stream().allMatch(n -> n == 0), "no row rewritten: " + changed);
    assertEquals(before, state.loaded().rowCounts());
  }

  @Test
  void aChangedRowIsUpdatedAndOnlyIt() throws IOException {
    String released = Fixtures.releaseDate();
    copySeedData();
    Path votes = dir.resolve("votes.csv");
    String text = Files.readString(votes, StandardCharsets.UTF_8);
    Files.writeString(
        votes, text.replace("press release GA/12235", "press release GA/12235 (edited)"));
    Files.writeString(
        dir.resolve("releases.csv"),
        "1.0.1,2026-12-01,Edited a meeting,x\n",
        StandardOpenOption.APPEND);
    Object createdBefore =
        engine
            .rows("select created_at from vote where id = 'a-res-74-247'")
            .get(0)
            .get("created_at");

    long analyzedBefore = analyses("vote");
    long rollCallsAnalyzedBefore = analyses("roll_call");

    Map<String, Integer> changed = loader.load(SeedFiles.directory(dir));

    assertEquals(1, changed.get("vote"), "one vote changed: " + changed);
    // the planner gets the statistics of the changed tables at once, and only theirs
    org.awaitility.Awaitility.await("vote analyzed")
        .atMost(java.time.Duration.ofSeconds(10))
        .until(() -> analyses("vote") == analyzedBefore + 1);
    assertEquals(rollCallsAnalyzedBefore, analyses("roll_call"));
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
        .body("data.created_at", is(released + "T00:00:00.000000Z"))
        .body("data.updated_at", is("2026-12-01T00:00:00.000000Z"))
        .header("X-Dataset-Version", "1.0.1");
    given()
        .get("/v1/votes?updated_since=2026-12-01")
        .then()
        .body("data.id", org.hamcrest.Matchers.contains("a-res-74-247"));
    given().get("/v1/roll-calls?updated_since=2026-12-01").then().body("data.size()", is(0));
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
    loader.load(Fixtures.files());
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

  /** How often the table was analyzed (manually: autovacuum's analyses are counted apart). */
  private long analyses(String table) {
    return ((Number)
            engine
                .rows(
                    "select pg_stat_clear_snapshot(), analyze_count from pg_stat_user_tables"
                        + " where relname = ?",
                    table)
                .get(0)
                .get("analyze_count"))
        .longValue();
  }

  private void copySeedData() throws IOException {
    Fixtures.copyTo(dir);
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
