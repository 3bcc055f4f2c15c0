package org.plenary.vote;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class VoteResourceTest {

  @ParameterizedTest
  @CsvSource({"a-res-74-247, 79, 60, 33, 21", "a-res-73-187, 94, 59, 33, 7"})
  void resolutionTalliesAndRollCallAddUp(String id, int yes, int no, int abstain, int nonVoting) {
    given()
        .get("/v1/votes/" + id)
        .then()
        .statusCode(200)
        .body("data.yes", is(yes))
        .body("data.no", is(no))
        .body("data.abstain", is(abstain))
        .body("data.non_voting", is(nonVoting))
        .body("data.method", is("recorded"))
        .body("data.outcome", is("adopted"))
        .body("data.roll_call_status", is("complete"))
        .body("data.sources", not(hasSize(0)));

    List<String> ballots =
        given()
            .get("/v1/votes/" + id + "/roll-call?limit=1000")
            .then()
            .statusCode(200)
            .body("data", hasSize(193))
            .body("data.sources", everyItem(not(hasSize(0))))
            .extract()
            .jsonPath()
            .getList("data.vote", String.class);
    assertEquals(
        Map.of(
            "yes",
            (long) yes,
            "no",
            (long) no,
            "abstain",
            (long) abstain,
            "non_voting",
            (long) nonVoting),
        ballots.stream()
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())));

    // the same roll call embedded in the vote
    given()
        .get("/v1/votes/" + id + "?include=roll_call")
        .then()
        .statusCode(200)
        .body("data.roll_call", hasSize(193))
        .body("data.roll_call.findAll { it.vote == 'yes' }", hasSize(yes));
  }

  @ParameterizedTest
  @CsvSource({"a-res-74-247", "a-res-73-187"})
  void breakdownByRegionalGroupAddsUpToTheTallies(String id) {
    JsonPath json =
        given()
            .get("/v1/votes/" + id + "/breakdown?by=regional_group")
            .then()
            .statusCode(200)
            .body("data.by", is("regional_group"))
            .body("data.matches_tallies", is(true))
            .body(
                "data.groups.regional_group",
                contains("african", "asia_pacific", "eastern_european", "grulac", "weog"))
            .body("data.sources", not(hasSize(0)))
            .extract()
            .jsonPath();
    for (String b : List.of("yes", "no", "abstain", "non_voting")) {
      int sum = json.getList("data.groups." + b, Integer.class).stream().mapToInt(i -> i).sum();
      assertEquals(json.getInt("data.tallies." + b), sum, b);
    }
    assertEquals(
        193, json.getList("data.groups.total", Integer.class).stream().mapToInt(i -> i).sum());
  }

  @Test
  void breakdownOf74247MatchesTheReferenceGroups() {
    JsonPath json =
        given().get("/v1/votes/a-res-74-247/breakdown").then().statusCode(200).extract().jsonPath();
    Map<String, Map<String, Integer>> groups = new TreeMap<>();
    for (Map<String, Object> g : json.<Map<String, Object>>getList("data.groups")) {
      groups.put(
          (String) g.get("regional_group"),
          Map.of(
              "yes",
              (Integer) g.get("yes"),
              "no",
              (Integer) g.get("no"),
              "abstain",
              (Integer) g.get("abstain"),
              "non_voting",
              (Integer) g.get("non_voting")));
    }
    // facts.md: WEOG 28 No, 1 Abstain; EEG 18 No, 5 Yes; African 31 Yes, 8 Abstain, 1 No, 14
    // non-voting;
    // Asia-Pacific 34 Yes, 6 No, 9 Abstain, 5 non-voting; GRULAC 9 Yes, 7 No, 15 Abstain, 2
    // non-voting.
    assertEquals(Map.of("yes", 0, "no", 28, "abstain", 1, "non_voting", 0), groups.get("weog"));
    assertEquals(
        Map.of("yes", 5, "no", 18, "abstain", 0, "non_voting", 0), groups.get("eastern_european"));
    assertEquals(Map.of("yes", 31, "no", 1, "abstain", 8, "non_voting", 14), groups.get("african"));
    assertEquals(
        Map.of("yes", 34, "no", 6, "abstain", 9, "non_voting", 5), groups.get("asia_pacific"));
    assertEquals(Map.of("yes", 9, "no", 7, "abstain", 15, "non_voting", 2), groups.get("grulac"));
  }

  @Test
  void iranProposalHasUnknownAbstentionsAndAPartialRollCall() {
    given()
        .get("/v1/votes/ahc-2024-08-08-iran-delete-art-6-2")
        .then()
        .statusCode(200)
        .body("data.yes", is(23))
        .body("data.no", is(102))
        .body("data.abstain", nullValue())
        .body("data.non_voting", nullValue())
        .body("data.outcome", is("rejected"))
        .body("data.body_id", is("ahc-cybercrime"))
        .body("data.roll_call_status", is("partial"));
    given()
        .get("/v1/votes/ahc-2024-08-08-iran-delete-art-6-2/roll-call")
        .then()
        .statusCode(200)
        .body("data", hasSize(7))
        .body("data.vote", everyItem(is("yes")))
        .body("data.delegation_id", contains("IND", "LBY", "PRK", "RUS", "SDN", "SYR", "VEN"));
    given()
        .get("/v1/votes/ahc-2024-08-08-iran-delete-art-6-2/breakdown")
        .then()
        .statusCode(200)
        .body("data.roll_call_status", is("partial"))
        .body("data.totals.total", is(7))
        .body("data.matches_tallies", is(false));
  }

  @Test
  void decisionsWithoutAVoteHaveNoTallies() {
    given()
        .get("/v1/votes?method=without_vote")
        .then()
        .statusCode(200)
        .body("data", not(hasSize(0)))
        .body("data.yes", everyItem(nullValue()))
        .body("data.no", everyItem(nullValue()))
        .body("data.roll_call_status", everyItem(is("absent")))
        .body("data.id", hasItem("a-res-79-243"));
  }

  @Test
  void everyVoteIsListedOldestFirstWithItsDocuments() {
    given()
        .get("/v1/votes")
        .then()
        .statusCode(200)
        .body("data", hasSize(9))
        .body("meta.count", is(9))
        .body("meta.sort", is("date,id"))
        .body("links.next", nullValue())
        .body("data[0].id", is("ga3c-2018-ict-criminal-purposes"))
        .body(
            "data.find { it.id == 'a-res-74-247' }.documents.symbol",
            contains("A/C.3/74/L.11", "A/RES/74/247"))
        .body("data.body_name", everyItem(notNullValue()));
  }

  @Test
  void rollCallFiltersByVoteAndRegionalGroup() {
    given()
        .get("/v1/votes/a-res-74-247/roll-call?vote=no&regional_group=weog&limit=1000")
        .then()
        .statusCode(200)
        .body("data", hasSize(28))
        .body("data.regional_group", everyItem(is("weog")))
        .body("data.vote", everyItem(is("no")));
    given()
        .get("/v1/votes/a-res-74-247/roll-call?vote=abstain&regional_group=weog")
        .then()
        .statusCode(200)
        .body("data.delegation_id", contains("TUR"));
    given()
        .get(
            "/v1/votes/a-res-74-247/roll-call?vote__in=yes,abstain&regional_group=eastern_european")
        .then()
        .statusCode(200)
        .body("data.delegation_id", contains("ARM", "AZE", "BLR", "RUS", "SRB"));
  }

  @Test
  void unknownVoteIsAProblem404() {
    given()
        .get("/v1/votes/a-res-99-999")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", is(404))
        .body("detail", is("No vote 'a-res-99-999'."));
    given().get("/v1/votes/a-res-99-999/roll-call").then().statusCode(404);
    given().get("/v1/votes/a-res-99-999/breakdown").then().statusCode(404);
  }

  @Test
  void breakdownRefusesUnknownGroupings() {
    given()
        .get("/v1/votes/a-res-74-247/breakdown?by=colour")
        .then()
        .statusCode(400)
        .body("invalid_params[0].name", is("by"));
  }

  @Test
  void allRollCallsAndBodies() {
    given()
        .get("/v1/roll-calls?limit=1000&include=total")
        .then()
        .statusCode(200)
        .body("meta.total", is(393))
        .header("X-Total-Count", "393");
    given()
        .get("/v1/bodies")
        .then()
        .statusCode(200)
        .body("data.id", contains("ahc-cybercrime", "ga-plenary", "ga-third-committee"));
    given()
        .get("/v1/bodies/ga-third-committee")
        .then()
        .statusCode(200)
        .body("data.parent_id", is("ga-plenary"));
  }
}
