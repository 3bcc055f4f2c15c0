package org.plenary.document;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Documents, sources, events, the treaty and the dataset. */
@QuarkusTest
class ReferenceResourcesTest {

  @Test
  void documentsBySymbolOrId() {
    given()
        .get("/v1/documents?limit=100")
        .then()
        .statusCode(200)
        .body(
            "data.symbol",
            hasItems(
                "A/RES/73/187",
                "A/C.3/74/L.11",
                "A/RES/74/247",
                "A/RES/79/243",
                "A/78/986",
                "A/C.3/79/L.22"));
    given()
        .get("/v1/documents/A/RES/74/247")
        .then()
        .statusCode(200)
        .body("data.id", is("a-res-74-247"))
        .body("data.kind", is("resolution"))
        .body("data.date", is("2019-12-27"))
        .body("data.votes.id", hasItem("a-res-74-247"));
    given()
        .get("/v1/documents/a-c-3-79-l-22")
        .then()
        .statusCode(200)
        .body("data.symbol", is("A/C.3/79/L.22"));
  }

  @Test
  void sourcesAndWhatCitesThem() {
    given()
        .get("/v1/sources/unvotes-7eb7034")
        .then()
        .statusCode(200)
        .body("data.url", containsString("unvotes"))
        .body("data.cited_by.record_type", hasItem("roll_call"))
        .body("data.cited_by.record_id", hasItems("a-res-74-247", "a-res-73-187"));
  }

  @Test
  void timelineOldestFirst() {
    List<String> dates =
        given()
            .get("/v1/events?limit=100")
            .then()
            .statusCode(200)
            .body(
                "data.kind",
                hasItems("proposal", "suspension", "agreement", "adoption", "signing", "rule"))
            .extract()
            .jsonPath()
            .getList("data.date", String.class);
    for (int i = 1; i < dates.size(); i++) {
      // reduced-precision dates compare by their first day
      String a = (dates.get(i - 1) + "-01-01").substring(0, 10);
      String b = (dates.get(i) + "-01-01").substring(0, 10);
      org.junit.jupiter.api.Assertions.assertTrue(a.compareTo(b) <= 0, dates.toString());
    }
    given()
        .get("/v1/events?kind=signing")
        .then()
        .statusCode(200)
        .body("data.date", hasItem("2025-10-25"));
  }

  @Test
  void treatyStatus() {
    int known = given().get("/v1/signatures?include=total&limit=1").jsonPath().getInt("meta.total");
    org.junit.jupiter.api.Assertions.assertTrue(known > 0, "the fixture has signatures");
    given()
        .get("/v1/treaty")
        .then()
        .statusCode(200)
        .body("data.id", is("uncc"))
        .body("data.short_name", is("Hanoi Convention"))
        .body("data.adopted_on", is("2024-12-24"))
        .body("data.signatories_official_count", is(72))
        .body("data.signatories_known_count", is(known))
        .body("data.signatures", hasSize(known))
        .body("data.signatories_list_complete", is(false))
        .body("data.ratifications_required", is(40))
        .body("data.entry_into_force_days", is(90))
        .body("data.ratifications_known", nullValue())
        .body("data.in_force", nullValue())
        .body("data.sources", not(hasSize(0)));
    given().get("/v1/signatures?delegation_id=EUU").then().statusCode(200).body("data", hasSize(1));
    given()
        .get("/v1/signatures?limit=100")
        .then()
        .statusCode(200)
        .body("data.sources", everyItem(not(hasSize(0))));
  }

  @Test
  void datasetDescribesItself() {
    String version = given().get("/v1").jsonPath().getString("data.dataset_version");
    given()
        .get("/v1/dataset")
        .then()
        .statusCode(200)
        .header("X-Dataset-Version", version)
        .body("data.version", is(version))
        .body("data.license.data", is("CC-BY-4.0"))
        .body("data.license.code", is("Apache-2.0"))
        .body("data.citation", containsString(version))
        .body("data.row_counts.delegation", is(total("/v1/delegations")))
        .body("data.row_counts.roll_call", is(total("/v1/roll-calls")))
        .body("data.row_counts.position", is(total("/v1/positions")))
        .body("data.releases[0].version", is(version))
        .body("data.checksum", matchesPattern("[0-9a-f]{64}"));
    java.util.Map<String, String> collections =
        given()
            .get("/v1")
            .then()
            .statusCode(200)
            .body("data.collections.votes", is("/v1/votes"))
            .extract()
            .path("data.collections");
    // every collection a client can reach is listed, and each one listed answers
    assertEquals(
        List.of(
            "votes",
            "roll_calls",
            "delegations",
            "organizations",
            "people",
            "positions",
            "documents",
            "sources",
            "events",
            "bodies",
            "groups",
            "signatures",
            "treaty",
            "dataset",
            "dumps",
            "topics",
            "conflicts",
            "statements",
            "releases",
            "changes"),
        List.copyOf(collections.keySet()));
    collections.forEach((name, path) -> given().get(path).then().statusCode(200));
  }

  @Test
  void healthIsReadyOnceLoaded() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("checks.find { it.name == 'dataset' }.status", is("UP"))
        .body(
            "checks.find { it.name == 'dataset' }.data.version",
            is(given().get("/v1/dataset").jsonPath().getString("data.version")));
    given().get("/q/health/live").then().statusCode(200);
  }

  private static int total(String path) {
    return given().get(path + "?include=total&limit=1").jsonPath().getInt("meta.total");
  }
}
