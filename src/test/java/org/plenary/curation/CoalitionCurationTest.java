package org.plenary.curation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plenary.curation.Curators.approve;
import static org.plenary.curation.Curators.as;
import static org.plenary.curation.Curators.changeSet;
import static org.plenary.curation.Curators.create;
import static org.plenary.curation.Curators.propose;
import static org.plenary.curation.Curators.publish;
import static org.plenary.curation.Curators.token;
import static org.plenary.curation.Curators.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.plenary.WritingTestProfile;
import org.plenary.http.Problem;

/**
 * A coalition of states: an organization whose members are delegations, entered through curation (a
 * change set of memberships citing a source, reviewed, published), is a group whose cohesion counts
 * each member's ballots within its membership's period. The coalition here is constructed for the
 * test (no real coalition's membership is implied); the expected values are computed here from the
 * fixture's roll calls as the API lists them.
 */
@QuarkusTest
@TestProfile(WritingTestProfile.class)
class CoalitionCurationTest {
  private static final String V73 = "a-res-73-187"; // 2018-12-17
  private static final String V74 = "a-res-74-247"; // 2019-12-27

  /** A member and its period (null: no bound). */
  record Member(String delegation, String start, String end) {
    boolean on(String date) {
      return (start == null || date.compareTo(start) >= 0)
          && (end == null || date.compareTo(end) <= 0);
    }
  }

  private static final List<Member> MEMBERS =
      List.of(
          new Member("BRA", "2019-01-01", null),
          new Member("CHN", null, null),
          new Member("FRA", null, "2019-06-30"),
          new Member("RUS", null, null),
          new Member("TUR", null, null));

  private static Map<String, Object> membership(String org, Member m) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("organization_id", org);
    r.put("delegation_id", m.delegation());
    r.put("start_date", m.start());
    r.put("end_date", m.end());
    r.put("note", "Constructed for a test");
    return r;
  }

  /** Proposes, approves and publishes a constructed coalition; returns its id. */
  private static String coalition(String editor, String reviewer) {
    String p = unique("t-coal");
    String source = p + "-src";
    String org = p + "-org";
    List<Map<String, Object>> ops = new ArrayList<>();
    ops.add(Curators.source(source, p));
    ops.add(
        create(
            "organizations",
            org,
            Map.of("name", "Test coalition " + p, "kind", "intergovernmental"),
            source));
    for (Member m : MEMBERS) {
      ops.add(create("memberships", org + "--" + m.delegation(), membership(org, m), source));
    }
    long id = propose(editor, changeSet("A constructed coalition of states " + p, ops));
    approve(reviewer, id);
    publish(reviewer);
    return org;
  }

  @Test
  void aCoalitionOfStatesIsAGroupWhoseCohesionCountsItsMembersWithinTheirPeriods() {
    String org = coalition(token("editor"), token("reviewer"));
    given()
        .get("/v1/groups/" + org)
        .then()
        .statusCode(200)
        .body("data.kind", is("organization"))
        .body("data.members", is(MEMBERS.size()))
        .body("data.member_ids", is("BRA;CHN;FRA;RUS;TUR"));
    given()
        .get("/v1/groups?kind=organization")
        .then()
        .statusCode(200)
        .body("data.id", hasItem(org));
    given()
        .get("/v1/organizations/" + org)
        .then()
        .statusCode(200)
        .body("data.member_delegations.id", is(List.of("BRA", "CHN", "FRA", "RUS", "TUR")))
        .body("data.member_delegations[0].start_date", is("2019-01-01"))
        .body("data.member_delegations[2].end_date", is("2019-06-30"))
        .body("data.members", is(List.of()));

    for (String vote : List.of(V73, V74)) {
      String date = given().get("/v1/votes/" + vote).then().extract().path("data.date");
      // the members' ballots as the API lists the roll call, counted here
      List<Map<String, Object>> rows =
          given()
              .get("/v1/votes/" + vote + "/roll-call?limit=1000")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getList("data");
      Map<String, String> ballots = new LinkedHashMap<>();
      for (Map<String, Object> r : rows) {
        String d = (String) r.get("delegation_id");
        if (MEMBERS.stream().anyMatch(m -> m.delegation().equals(d) && m.on(date))) {
          ballots.put(d, (String) r.get("vote"));
        }
      }
      int y = count(ballots, "yes"), n = count(ballots, "no"), a = count(ballots, "abstain");
      int t = y + n + a;
      int max = Math.max(y, Math.max(n, a));
      double index = Math.round((max - (t - max) / 2.0) / t * 10000) / 10000.0;
      String majority =
          y > Math.max(n, a)
              ? "yes"
              : n > Math.max(y, a) ? "no" : a > Math.max(y, n) ? "abstain" : null;
      TreeSet<String> against = new TreeSet<>();
      if (majority != null) {
        ballots.forEach(
            (d, b) -> {
              if (!b.equals("non_voting") && !b.equals(majority)) {
                against.add(d);
              }
            });
      }
      Map<String, Object> row =
          given()
              .get("/v1/groups/" + org + "/cohesion?vote_id=" + vote)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getMap("data[0]");
      assertEquals(y, row.get("yes"), vote);
      assertEquals(n, row.get("no"), vote);
      assertEquals(a, row.get("abstain"), vote);
      assertEquals(index, ((Number) row.get("agreement_index")).doubleValue(), 1e-9, vote);
      assertEquals(majority, row.get("majority"), vote);
      assertEquals(
          against.isEmpty() ? null : String.join(";", against),
          row.get("against_group_majority"),
          vote);
    }
    // by hand: on 73/187 BRA was not yet a member (CHN, RUS yes; FRA no; TUR abstain):
    // (2 - 2/2) / 4; on 74/247 FRA no longer was (CHN, RUS yes; BRA, TUR abstain): a tie
    given()
        .get("/v1/groups/" + org + "/cohesion?vote_id=" + V73)
        .then()
        .body("data[0].agreement_index", is(0.25f))
        .body("data[0].against_group_majority", is("FRA;TUR"));
    given()
        .get("/v1/groups/" + org + "/cohesion?vote_id=" + V74)
        .then()
        .body("data[0].agreement_index", is(0.25f))
        .body("data[0].majority", is((Object) null));
    given()
        .get("/v1/groups/" + org + "/cohesion.csv?vote_id=" + V73)
        .then()
        .statusCode(200)
        .body(containsString(org + "," + V73 + ","))
        .body(containsString(",FRA;TUR,"));
  }

  @Test
  void membershipsOfDelegationsObeyTheRules() {
    String editor = token("editor");
    Curators.World w = Curators.world(editor, token("reviewer"));
    Map<String, Object> both = membership(w.organization(), new Member("FRA", null, null));
    both.put("member_id", "hp");
    Map<String, Object> backwards =
        membership(w.organization(), new Member("FRA", "2020-01-01", "2019-01-01"));
    Map<String, Object> unknown = membership(w.organization(), new Member("XXX", null, null));
    Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
    cases.put("the record breaks a rule of memberships", both);
    cases.put("the record breaks a rule of memberships ", backwards);
    cases.put("XXX", unknown);
    for (var e : cases.entrySet()) {
      as(editor)
          .body(
              changeSet(
                  "Bad membership",
                  List.of(create("memberships", unique("t-coal-bad"), e.getValue(), w.source()))))
          .post("/v1/changes")
          .then()
          .statusCode(422)
          .contentType(Problem.MEDIA_TYPE)
          .body("detail", containsString(e.getKey().trim()));
    }
    // a coalition of states is a group: its id cannot be a regional group's
    as(editor)
        .body(
            changeSet(
                "A coalition named like a regional group",
                List.of(
                    create(
                        "organizations",
                        "weog",
                        Map.of("name", "Not the regional group", "kind", "intergovernmental"),
                        w.source()),
                    create(
                        "memberships",
                        "weog--FRA",
                        membership("weog", new Member("FRA", null, null)),
                        w.source()))))
        .post("/v1/changes")
        .then()
        .statusCode(422)
        .body("detail", containsString("cannot have a regional group's id (weog)"));
  }

  private static int count(Map<String, String> ballots, String b) {
    return (int) ballots.values().stream().filter(b::equals).count();
  }
}
