package org.plenary.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.plenary.Fixtures;
import org.plenary.dataset.SeedLoader;
import org.plenary.http.HttpCache;
import org.plenary.seed.SeedFiles;

@QuarkusTest
class HttpCachingTest {
  @Inject SeedLoader loader;
  @Inject HttpCache cache;
  @TempDir Path dir;

  @AfterEach
  void restore() {
    loader.load(Fixtures.files());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/v1",
        "/v1/votes",
        "/v1/votes/a-res-74-247",
        "/v1/votes/a-res-74-247?include=roll_call",
        "/v1/votes/a-res-74-247/roll-call",
        "/v1/votes/a-res-74-247/breakdown",
        "/v1/roll-calls?limit=10",
        "/v1/delegations",
        "/v1/delegations/USA",
        "/v1/delegations/USA/votes",
        "/v1/organizations/hrw",
        "/v1/people",
        "/v1/positions?stance=opposes",
        "/v1/documents/A/RES/74/247",
        "/v1/sources",
        "/v1/events",
        "/v1/treaty",
        "/v1/dataset",
        "/v1/signatures",
        "/v1/votes.csv",
        "/v1/positions.ndjson",
        "/v1/dumps",
        "/v1/dumps/votes.csv"
      })
  void everyGetHasAStrongEtagAnd304(String path) {
    String etag =
        given()
            .get(path)
            .then()
            .statusCode(200)
            .header("ETag", matchesPattern("\"[A-Za-z0-9_-]+\""))
            .header("Cache-Control", containsString("max-age="))
            .header("X-Dataset-Version", Fixtures.version())
            .extract()
            .header("ETag");
    assertEquals(etag, given().get(path).then().extract().header("ETag"), "stable");
    given().header("If-None-Match", etag).get(path).then().statusCode(304).body(is(emptyString()));
    given().header("If-None-Match", "W/" + etag + ", \"other\"").get(path).then().statusCode(304);
    given().header("If-None-Match", "\"other\"").get(path).then().statusCode(200);
    given().head(path).then().statusCode(200).header("ETag", etag).body(is(emptyString()));
  }

  @Test
  void theFastPathServesExactlyWhatTheResourceRendered() {
    cache.clear();
    String path = "/v1/positions?stance=concerned&sort=-date&limit=3";
    var first = given().get(path).then().statusCode(200).extract(); // rendered by the resource
    var second = given().get(path).then().statusCode(200).extract(); // served from the event loop
    org.junit.jupiter.api.Assertions.assertArrayEquals(first.asByteArray(), second.asByteArray());
    for (String h :
        List.of(
            "ETag",
            "Link",
            "Cache-Control",
            "Last-Modified",
            "Vary",
            "X-Dataset-Version",
            "Content-Type")) {
      assertEquals(first.header(h), second.header(h), h);
    }
    given()
        .header("Origin", "https://dashboard.example")
        .get(path)
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", "*")
        .header("Access-Control-Expose-Headers", containsString("ETag"));
    given()
        .head(path)
        .then()
        .statusCode(200)
        .header("Content-Length", String.valueOf(first.asByteArray().length));
    // CSV small enough to render whole is cached too, with its download headers
    var csv1 = given().accept("text/csv").get("/v1/bodies").then().extract();
    var csv2 = given().accept("text/csv").get("/v1/bodies").then().extract();
    assertEquals(csv1.asString(), csv2.asString());
    assertEquals(csv1.header("Content-Disposition"), csv2.header("Content-Disposition"));
    assertEquals(csv1.header("X-Total-Count"), csv2.header("X-Total-Count"));
  }

  @Test
  void lastModifiedIsTheReleaseDateAndAcceptVaries() {
    given()
        .get("/v1/votes")
        .then()
        .header(
            "Last-Modified",
            java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.LocalDate.parse(Fixtures.releaseDate())
                    .atStartOfDay(java.time.ZoneOffset.UTC)))
        .header("Vary", containsString("Accept"));
    assertNotEquals(
        given().accept("text/csv").get("/v1/votes").header("ETag"),
        given().get("/v1/votes").header("ETag"),
        "each representation has its own tag");
  }

  @Test
  void errorsAreNotCached() {
    given().get("/v1/votes/none").then().statusCode(404).header("Cache-Control", "no-store");
  }

  @Test
  void anyOriginMayReadAndSeeTheHeaders() {
    given()
        .header("Origin", "https://dashboard.example")
        .get("/v1/votes?limit=2")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", anyOf(is("*"), is("https://dashboard.example")))
        .header("Access-Control-Expose-Headers", containsString("ETag"))
        .header("Access-Control-Expose-Headers", containsString("Link"))
        .header("Access-Control-Expose-Headers", containsString("X-Total-Count"))
        .header("Access-Control-Expose-Headers", containsString("X-Dataset-Version"));
    given()
        .header("Origin", "https://dashboard.example")
        .header("Access-Control-Request-Method", "GET")
        .options("/v1/votes")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Methods", containsString("GET"));
  }

  @Test
  void aChangeIsVisibleOnTheNextRequestAndOnlyWhereItShows() throws IOException {
    String vote = given().get("/v1/votes/a-res-74-247").then().extract().header("ETag");
    String other = given().get("/v1/votes/a-res-73-187").then().extract().header("ETag");
    given().get("/v1/votes/a-res-74-247").then().body("data.meeting", containsString("GA/12235"));

    Fixtures.copyTo(dir);
    Path votes = dir.resolve("votes.csv");
    Files.writeString(
        votes,
        Files.readString(votes, StandardCharsets.UTF_8)
            .replace("press release GA/12235", "press release GA/12235 [corrected]"));
    loader.load(SeedFiles.directory(dir));

    // the next request shows the change: no stale cache
    given()
        .header("If-None-Match", vote)
        .get("/v1/votes/a-res-74-247")
        .then()
        .statusCode(200)
        .body("data.meeting", containsString("[corrected]"));
    // a response whose data did not change keeps its tag (same release: same timestamps)
    assertEquals(other, given().get("/v1/votes/a-res-73-187").then().extract().header("ETag"));

    loader.load(Fixtures.files());
    assertEquals(
        vote,
        given().get("/v1/votes/a-res-74-247").then().extract().header("ETag"),
        "same data, same tag");
  }
}
