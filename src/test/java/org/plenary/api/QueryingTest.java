package org.plenary.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.plenary.Fixtures;
import org.plenary.http.HttpCache;
import org.plenary.query.StatementCounter;

/** Search, facets, agreement, batch reads, includes in a fixed number of queries. */
@QuarkusTest
class QueryingTest {
  @Inject StatementCounter statements;
  @Inject HttpCache cache;

  @Test
  void fullTextSearchIsRankedWithHighlightedSnippets() {
    JsonPath json =
        given()
            .get("/v1/positions?q=surveillance")
            .then()
            .statusCode(200)
            .body("meta.sort", is("-rank,id"))
            .body("data.size()", is(3))
            .body("data.snippet", everyItem(containsString("<mark>")))
            .extract()
            .jsonPath();
    List<Double> ranks = json.getList("data.rank", Double.class);
    for (int i = 1; i < ranks.size(); i++) {
      assertTrue(ranks.get(i - 1) >= ranks.get(i), "ranked: " + ranks);
    }
    // speaker and organization names are searched too
    given()
        .get("/v1/positions?q=Hogan-Burney")
        .then()
        .statusCode(200)
        .body("data[0].person_name", is("Amy Hogan-Burney"));
    given()
        .get("/v1/positions?q=Microsoft")
        .then()
        .statusCode(200)
        .body("data.organization_id", hasItem("microsoft"));
    // stemming, phrases and exclusion (websearch syntax)
    given()
        .get("/v1/positions?q=rejected")
        .then()
        .statusCode(200)
        .body("data.size()", is(6)); // reject, rejected, rejection
    given()
        .get("/v1/positions?q=%22human+rights%22+-watch")
        .then()
        .statusCode(200)
        .body("data.actor_name", everyItem(org.hamcrest.Matchers.not(is("Human Rights Watch"))));
    // combined with filters and facets
    given()
        .get("/v1/positions?q=treaty&stance=opposes&facet=actor_kind")
        .then()
        .statusCode(200)
        .body("data.stance", everyItem(is("opposes")))
        .body(
            "meta.facets.actor_kind.values.count.sum()",
            is(
                given()
                    .get("/v1/positions?q=treaty&stance=opposes&include=total")
                    .jsonPath()
                    .getInt("meta.total")));
  }

  @ParameterizedTest
  @CsvSource({
    "/v1/votes, Ad Hoc Committee, a-res-74-247",
    "/v1/documents, convention, a-res-79-243",
    "/v1/organizations, rights, hrw"
  })
  void otherCollectionsAreSearchable(String path, String q, String expected) {
    given()
        .queryParam("q", q)
        .get(path)
        .then()
        .statusCode(200)
        .body("data.id", hasItem(expected))
        .body("data.rank", everyItem(notNullValue()));
  }

  @Test
  void searchResultsPageByRankWithoutLosingRows() {
    List<String> all =
        given()
            .urlEncodingEnabled(false)
            .get("/v1/positions?q=treaty+OR+convention+OR+rights&limit=1000")
            .jsonPath()
            .getList("data.id");
    assertTrue(all.size() > 10, "enough matches to page: " + all.size());
    List<String> walked = new ArrayList<>();
    String next = "/v1/positions?q=treaty+OR+convention+OR+rights&limit=3";
    while (next != null) {
      JsonPath page =
          given().urlEncodingEnabled(false).get(next).then().statusCode(200).extract().jsonPath();
      walked.addAll(page.getList("data.id"));
      next = page.getString("links.next");
    }
    assertEquals(all, walked);
    assertEquals(walked.size(), new HashSet<>(walked).size());
  }

  @Test
  void searchIsRefusedWhereItDoesNotApply() {
    ErrorShapeTest.assertProblem(
        given().get("/v1/delegations?q=france").then(), 400, "/v1/delegations");
    ErrorShapeTest.assertProblem(given().get("/v1/positions?q=").then(), 400, "/v1/positions");
    ErrorShapeTest.assertProblem(
        given().get("/v1/positions?sort=rank").then(), 400, "/v1/positions");
    // odd search syntax is data, never an error
    given()
        .get("/v1/positions?q=%27%29%3B+drop+table+position%3B+--+%26+%7C+!")
        .then()
        .statusCode(200);
  }

  @Test
  void facetsCountTheWholeFilterBesideThePage() {
    JsonPath json =
        given()
            .get("/v1/delegations?facet=regional_group,un_member&limit=1")
            .then()
            .statusCode(200)
            .body("data", hasSize(1))
            .body("meta.facets.regional_group.truncated", is(false))
            .extract()
            .jsonPath();
    List<Map<String, Object>> groups = json.getList("meta.facets.regional_group.values");
    assertEquals(6, groups.size()); // five groups and the EU's null
    assertEquals(Map.of("value", "african", "count", 54), groups.get(0));
    assertTrue(
        groups.contains(java.util.Collections.singletonMap("value", null))
            || groups.stream()
                .anyMatch(g -> g.get("value") == null && ((Integer) g.get("count")) == 1));
    given()
        .get("/v1/votes/a-res-74-247/roll-call?facet=vote&regional_group=weog")
        .then()
        .statusCode(200)
        .body(
            "meta.facets.vote.values",
            contains(Map.of("value", "no", "count", 28), Map.of("value", "abstain", "count", 1)));
    given().get("/v1/votes").then().body("meta.facets", nullValue());
    ErrorShapeTest.assertProblem(
        given().get("/v1/positions?facet=quote").then(), 400, "/v1/positions");
    ErrorShapeTest.assertProblem(
        given().get("/v1/positions?facet=colour").then(), 400, "/v1/positions");
  }

  @Test
  void agreementBetweenTwoDelegations() {
    given()
        .get("/v1/delegations/USA/agreement?with=gbr")
        .then()
        .statusCode(200)
        .body("data.with", is("GBR"))
        .body("data.votes_shared", is(2))
        .body("data.state_department", is(1.0f))
        .body("data.voeten", is(1.0f))
        .body("data.votes.vote_id", contains("a-res-73-187", "a-res-74-247"))
        .body("data.sources", org.hamcrest.Matchers.not(hasSize(0)));
    // Türkiye abstained on 74/247 where the United States voted no: the measures differ
    JsonPath tur =
        given()
            .get("/v1/delegations/USA/agreement?with=TUR")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Map<String, String> votes = new java.util.HashMap<>();
    tur.<Map<String, Object>>getList("data.votes")
        .forEach(
            v -> votes.put((String) v.get("vote_id"), v.get("vote") + "/" + v.get("with_vote")));
    int sdIdentical = 0, sdOpposite = 0;
    double voeten = 0;
    int voetenN = 0;
    for (String pair : votes.values()) {
      String[] ab = pair.split("/");
      Double s = org.plenary.delegation.AgreementTestAccess.score(ab[0], ab[1]);
      if (s != null) {
        voeten += s;
        voetenN++;
      }
      boolean yn = List.of("yes", "no").contains(ab[0]) && List.of("yes", "no").contains(ab[1]);
      if (yn && ab[0].equals(ab[1])) sdIdentical++;
      if (yn && !ab[0].equals(ab[1])) sdOpposite++;
    }
    assertEquals(
        sdIdentical + sdOpposite == 0 ? null : (double) sdIdentical / (sdIdentical + sdOpposite),
        tur.get("data.state_department") == null ? null : tur.getDouble("data.state_department"));
    assertEquals(
        Math.round(voeten / voetenN * 10000) / 10000.0, tur.getDouble("data.voeten"), 1e-9);
  }

  @Test
  void agreementRankingForHeatMaps() {
    JsonPath json =
        given().get("/v1/delegations/RUS/agreement").then().statusCode(200).extract().jsonPath();
    List<Map<String, Object>> rows = json.getList("data");
    assertEquals(192, rows.size());
    Double previous = Double.MAX_VALUE;
    for (Map<String, Object> r : rows) {
      Number v = (Number) r.get("voeten");
      if (v != null) {
        assertTrue(v.doubleValue() <= previous, "ranked by voeten");
        previous = v.doubleValue();
      }
    }
    // Russia and its co-supporters of the Iran proposal agree fully on the three votes
    Map<String, Object> ven =
        rows.stream().filter(r -> r.get("with").equals("VEN")).findFirst().orElseThrow();
    assertEquals(3, ven.get("votes_shared"));
    assertEquals(1.0f, ((Number) ven.get("voeten")).floatValue());
  }

  @Test
  void agreementRefusesBadInput() {
    ErrorShapeTest.assertProblem(
        given().get("/v1/delegations/USA/agreement?with=XXX").then(),
        400,
        "/v1/delegations/USA/agreement");
    ErrorShapeTest.assertProblem(
        given().get("/v1/delegations/USA/agreement?with=USA").then(),
        400,
        "/v1/delegations/USA/agreement");
    ErrorShapeTest.assertProblem(
        given().get("/v1/delegations/USA/agreement?measure=x").then(),
        400,
        "/v1/delegations/USA/agreement");
    ErrorShapeTest.assertProblem(
        given().get("/v1/delegations/XXX/agreement").then(), 404, "/v1/delegations/XXX/agreement");
  }

  @Test
  void batchReadsById() {
    given()
        .get("/v1/votes?id=a-res-74-247,a-res-73-187,no-such")
        .then()
        .statusCode(200)
        .body("data.id", containsInAnyOrder("a-res-73-187", "a-res-74-247"));
    given()
        .get("/v1/delegations?id=FRA,DEU")
        .then()
        .statusCode(200)
        .body("data.id", contains("DEU", "FRA"));
  }

  @Test
  void updatedSinceFiltersByTimestamp() {
    // every row carries the release's date as its timestamps
    java.time.LocalDate released = java.time.LocalDate.parse(Fixtures.releaseDate());
    given()
        .get("/v1/votes?updated_since=" + released)
        .then()
        .statusCode(200)
        .body("data", hasSize(9));
    given()
        .get("/v1/votes?updated_since=" + released.plusDays(1) + "T00:00:00Z")
        .then()
        .statusCode(200)
        .body("data", hasSize(0));
    given()
        .get("/v1/votes?created_at__lte=" + released)
        .then()
        .statusCode(200)
        .body("data", hasSize(9));
  }

  @ParameterizedTest
  @CsvSource({
    "/v1/votes, include=roll_call, 5",
    "/v1/organizations, include=positions, 8", // members, member_delegations, member_of, ...
    "/v1/people, include=positions, 4",
    "/v1/roll-calls, , 2",
    "/v1/positions, , 2",
    "/v1/delegations, , 5",
    "/v1/sources, , 2",
  })
  void includesTakeAFixedNumberOfQueries(String path, String include, long queries) {
    String extra = include == null ? "" : "&" + include;
    long small = statementsFor(path + "?limit=10" + extra);
    long large = statementsFor(path + "?limit=1000" + extra);
    assertEquals(small, large, path + ": queries do not grow with the page size");
    // one for the page, one per embedded collection (nested ones included): organizations with
    // positions is the most, 7 (page, members, their sources, member_of, sources, positions, their
    // sources); a collection that only cites its sources, 2; delegations 5 (page, sources,
    // predecessors, successors, periods of UN membership)
    assertEquals(queries, large, path + ": queries");
  }

  private long statementsFor(String url) {
    cache.clear(); // measure the queries, not the response cache
    long before = statements.count();
    given().get(url).then().statusCode(200);
    return statements.count() - before;
  }
}
