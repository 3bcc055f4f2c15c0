package org.plenary.record;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plenary.RecordTestProfile;

/**
 * How agreement is read at the size of the whole history: a pair's votes and measures in one scan
 * (the measures as window aggregates over its rows), and a delegation's ballots from roll_call's
 * index alone (V26).
 */
@QuarkusTest
@TestProfile(RecordTestProfile.class)
class AgreementQueriesTest {
  private static final List<String> MEASURES =
      List.of(
          "votes_shared",
          "votes_both_took_part",
          "votes_both_yes_or_no",
          "identical",
          "opposite",
          "one_abstained",
          "state_department",
          "voeten");

  @Inject AgroalDataSource dataSource;

  @Test
  void aPairsMeasuresAreItsRowInTheRanking() {
    for (String filter : List.of("", "&topic=human-rights", "&date__gte=1990")) {
      List<Map<String, Object>> ranking =
          given()
              .get(
                  "/v1/delegations/BRA/agreement"
                      + (filter.isEmpty() ? "" : "?" + filter.substring(1)))
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getList("data");
      assertTrue(ranking.size() > 10, filter + ": " + ranking.size());
      int compared = 0;
      // a spread of partners, from the most to the least in agreement
      for (int i = 0; i < ranking.size(); i += ranking.size() / 12) {
        Map<String, Object> row = ranking.get(i);
        String with = (String) row.get("with");
        JsonPath pair =
            given()
                .get("/v1/delegations/BRA/agreement?with=" + with + filter)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        for (String m : MEASURES) {
          assertEquals(row.get(m), pair.get("data." + m), with + filter + ": " + m);
        }
        assertEquals(row.get("votes_shared"), pair.getList("data.votes").size(), with + filter);
        compared++;
      }
      assertTrue(compared >= 12, filter + ": " + compared);
    }
  }

  @Test
  void aPairWithNoVoteInCommonHasCountsOfZeroAndNoMeasure() {
    given()
        .get("/v1/delegations/BRA/agreement?with=USA&date__lte=1900")
        .then()
        .statusCode(200)
        .body("data.votes_shared", is(0))
        .body("data.votes_both_took_part", is(0))
        .body("data.votes_both_yes_or_no", is(0))
        .body("data.identical", is(0))
        .body("data.opposite", is(0))
        .body("data.one_abstained", is(0))
        .body("data.state_department", nullValue())
        .body("data.voeten", nullValue())
        .body("data.votes", hasSize(0));
  }

  @Test
  void aDelegationsBallotsAreReadFromTheIndexAlone() throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("vacuum roll_call"); // as after a first start (its pages all-visible)
      // the planner would scan so small a table; without that choice, the index serves the
      // delegation's ballots without the table: the ballot is in it
      s.execute("set enable_seqscan = off");
      s.execute("set enable_bitmapscan = off");
      StringBuilder plan = new StringBuilder();
      try (ResultSet rs =
          s.executeQuery(
              "explain (analyze, costs off, timing off, summary off) select a.vote_id, a.vote"
                  + " from roll_call a where a.delegation_id = 'BRA'")) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
      s.execute("reset enable_seqscan");
      s.execute("reset enable_bitmapscan");
      assertTrue(
          plan.toString().contains("Index Only Scan using roll_call_delegation on roll_call"),
          plan.toString());
      assertTrue(plan.toString().contains("Heap Fetches: 0"), plan.toString());
    }
  }

  /** A CSV answer's rows, each split on commas (the values compared here hold none). */
  private static List<List<String>> csv(String path, int status) {
    String body = given().get(path).then().statusCode(status).extract().asString();
    List<List<String>> rows = new java.util.ArrayList<>();
    for (String line : body.split("\r\n")) {
      rows.add(List.of(line.split(",", -1)));
    }
    return rows;
  }

  @Test
  void theAgreementAsATableForSpreadsheets() {
    // by=year: a row per year, the delegations compared first, the measures unwrapped
    List<Map<String, Object>> series =
        given()
            .get("/v1/delegations/BRA/agreement?with=USA&by=year")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("data.series");
    List<List<String>> years = csv("/v1/delegations/BRA/agreement.csv?with=USA&by=year", 200);
    List<String> header = new java.util.ArrayList<>(List.of("delegation_id", "with", "year"));
    header.addAll(MEASURES);
    assertEquals(header, years.get(0));
    assertEquals(series.size() + 1, years.size());
    for (int i = 0; i < series.size(); i++) {
      assertEquals(List.of("BRA", "USA"), years.get(i + 1).subList(0, 2));
      for (int k = 2; k < header.size(); k++) {
        Object json = series.get(i).get(header.get(k));
        assertEquals(json == null ? "" : json.toString(), years.get(i + 1).get(k), header.get(k));
      }
    }
    // with=: a row per vote compared, as the JSON's votes
    List<String> votes =
        given()
            .get("/v1/delegations/BRA/agreement?with=USA&topic=human-rights")
            .then()
            .extract()
            .jsonPath()
            .getList("data.votes.vote_id");
    given()
        .get("/v1/delegations/BRA/agreement?with=USA&topic=human-rights&format=csv")
        .then()
        .statusCode(200)
        .contentType(containsString("text/csv"))
        .header("Content-Disposition", containsString("delegations-BRA-agreement.csv"))
        .header("X-Total-Count", Integer.toString(votes.size()))
        .body(
            startsWith(
                "delegation_id,with,vote_id,vote_date,vote_subject,vote,with_vote,agreement\r\n"
                    + "BRA,USA,"
                    + votes.get(0)
                    + ","));
    // the ranking: a row per delegation, with its sources' ids
    int ranked =
        given()
            .get("/v1/delegations/BRA/agreement")
            .then()
            .extract()
            .jsonPath()
            .getList("data")
            .size();
    List<List<String>> ranking = csv("/v1/delegations/BRA/agreement?format=csv", 200);
    assertEquals(
        List.of("delegation_id", "with", "with_name", "with_regional_group"),
        ranking.get(0).subList(0, 4));
    assertEquals("sources", ranking.get(0).get(ranking.get(0).size() - 1));
    assertEquals(ranked + 1, ranking.size());
    // NDJSON: one object per row; a byte-order mark on request, for Excel
    String ndjson =
        given()
            .header("Accept", "application/x-ndjson")
            .get("/v1/delegations/BRA/agreement?with=USA&by=year")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertEquals(series.size(), ndjson.split("\n").length);
    assertTrue(ndjson.startsWith("{\"delegation_id\":\"BRA\",\"with\":\"USA\",\"year\":"), ndjson);
    assertTrue(
        given()
            .get("/v1/delegations/BRA/agreement.csv?with=USA&by=year&bom=true")
            .then()
            .statusCode(200)
            .extract()
            .asString()
            .startsWith("\uFEFFdelegation_id,"));
    // no vote shared: the header alone
    assertEquals(
        List.of(header),
        csv("/v1/delegations/BRA/agreement.csv?with=USA&by=year&date__lte=1900", 200));
    // refusals: a byte-order mark on JSON, an unknown format
    given()
        .get("/v1/delegations/BRA/agreement?with=USA&bom=true")
        .then()
        .statusCode(400)
        .body("invalid_params[0].name", is("bom"));
    given()
        .get("/v1/delegations/BRA/agreement?with=USA&format=xml")
        .then()
        .statusCode(400)
        .body("invalid_params[0].name", is("format"));
  }
}
