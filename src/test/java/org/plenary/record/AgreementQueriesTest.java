package org.plenary.record;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
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
}
