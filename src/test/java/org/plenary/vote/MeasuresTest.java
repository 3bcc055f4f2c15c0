package org.plenary.vote;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The measures of docs/analytics.md on a small roll call built here (a body of its own, five votes,
 * six delegations), each checked against values this test computes itself from the ballots, in
 * plain Java, independently of the SQL that serves them.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeasuresTest {
  private static final String BODY = "test-measures";
  private static final String SOURCE = "test-measures-source";

  /** A second source, cited by the roll calls of tm-4 and tm-5 only (beside the first). */
  private static final String SOURCE_B = "test-measures-source-b";

  private static final List<String> CITING_B = List.of("tm-4", "tm-5");
  private static final List<String> DELEGATIONS = List.of("BRA", "CHN", "DEU", "FRA", "GBR", "RUS");
  private static final Map<String, String> GROUP =
      Map.of(
          "BRA", "grulac",
          "CHN", "asia_pacific",
          "DEU", "weog",
          "FRA", "weog",
          "GBR", "weog",
          "RUS", "eastern_european");

  /** A constructed vote: its ballots (missing delegations have no roll-call row). */
  record V(
      String id,
      String date,
      String outcome,
      String status,
      Integer yes,
      Integer no,
      Integer abstain,
      Integer nonVoting,
      Map<String, String> ballots) {}

  private static Map<String, String> ballots(String... kv) {
    Map<String, String> m = new TreeMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static V complete(String id, String date, String outcome, Map<String, String> b) {
    return new V(
        id,
        date,
        outcome,
        "complete",
        count(b, "yes"),
        count(b, "no"),
        count(b, "abstain"),
        count(b, "non_voting"),
        b);
  }

  private static int count(Map<String, String> b, String ballot) {
    return (int) b.values().stream().filter(ballot::equals).count();
  }

  static final List<V> VOTES =
      List.of(
          complete(
              "tm-1",
              "2001-03-01",
              "adopted",
              ballots(
                  "FRA", "yes", "DEU", "yes", "GBR", "no", "RUS", "no", "CHN", "yes", "BRA",
                  "abstain")),
          complete(
              "tm-2",
              "2001-06-01",
              "rejected",
              ballots(
                  "FRA",
                  "no",
                  "DEU",
                  "no",
                  "GBR",
                  "no",
                  "RUS",
                  "yes",
                  "CHN",
                  "abstain",
                  "BRA",
                  "non_voting")),
          // a tie decided by the outcome
          complete(
              "tm-3",
              "2002-01-15",
              "adopted",
              ballots(
                  "FRA", "yes", "DEU", "no", "GBR", "yes", "RUS", "no", "CHN", "abstain", "BRA",
                  "abstain")),
          // a tie with an unknown outcome: no majority side
          complete(
              "tm-4",
              "2002-05-01",
              null,
              ballots(
                  "FRA", "yes", "DEU", "no", "GBR", "abstain", "RUS", "abstain", "CHN", "yes",
                  "BRA", "no")),
          // a partial roll call whose source records no absences
          new V(
              "tm-5",
              "2002-09-01",
              "adopted",
              "partial",
              4,
              1,
              0,
              null,
              ballots("FRA", "yes", "DEU", "yes", "RUS", "no")));

  /** The topics of the constructed votes (a vote may have several): topic id -> its votes. */
  static final Map<String, List<String>> TOPICS =
      Map.of(
          "tm-topic-a", List.of("tm-1", "tm-2", "tm-3"),
          "tm-topic-b", List.of("tm-3", "tm-4", "tm-5"),
          "tm-topic-c", List.of("tm-2"));

  @Inject AgroalDataSource dataSource;

  @BeforeAll
  void insert() throws SQLException {
    remove();
    try (Connection c = dataSource.getConnection()) {
      exec(
          c,
          "insert into body (id, name, kind) values (?, 'Test body for measures', 'plenary')",
          BODY);
      for (String source : List.of(SOURCE, SOURCE_B)) {
        exec(
            c,
            "insert into source (id, publisher, kind) values (?, 'Plenary tests', 'dataset')",
            source);
      }
      for (V v : VOTES) {
        exec(
            c,
            "insert into vote (id, body_id, date, date_precision, subject, method, outcome, yes,"
                + " no, abstain, non_voting, roll_call_status, certainty) values (?, ?, ?, 'day',"
                + " ?, 'recorded', ?, ?, ?, ?, ?, ?, 'confirmed')",
            v.id(),
            BODY,
            LocalDate.parse(v.date()),
            "Measures test " + v.id(),
            v.outcome(),
            v.yes(),
            v.no(),
            v.abstain(),
            v.nonVoting(),
            v.status());
        exec(
            c,
            "insert into citation (record_type, record_id, source_id) values ('roll_call', ?, ?)",
            v.id(),
            SOURCE);
        if (CITING_B.contains(v.id())) {
          exec(
              c,
              "insert into citation (record_type, record_id, source_id) values ('roll_call', ?,"
                  + " ?)",
              v.id(),
              SOURCE_B);
        }
        for (var b : v.ballots().entrySet()) {
          exec(
              c,
              "insert into roll_call (vote_id, delegation_id, vote) values (?, ?, ?)",
              v.id(),
              b.getKey(),
              b.getValue());
        }
      }
      for (var t : new TreeMap<>(TOPICS).entrySet()) {
        exec(
            c,
            "insert into topic (id, scheme, name) values (?, 'agenda', ?)",
            t.getKey(),
            "Measures test topic " + t.getKey());
        for (String vote : t.getValue()) {
          exec(c, "insert into vote_topic (vote_id, topic_id) values (?, ?)", vote, t.getKey());
        }
      }
    }
  }

  @AfterAll
  void remove() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      exec(c, "delete from vote_topic where topic_id like 'tm-topic-%'");
      exec(c, "delete from topic where id like 'tm-topic-%'");
      exec(c, "delete from roll_call where vote_id like 'tm-%'");
      exec(c, "delete from citation where source_id in (?, ?)", SOURCE, SOURCE_B);
      exec(c, "delete from vote where body_id = ?", BODY);
      exec(c, "delete from body where id = ?", BODY);
      exec(c, "delete from source where id in (?, ?)", SOURCE, SOURCE_B);
    }
  }

  private static void exec(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      ps.executeUpdate();
    }
  }

  // ---- the measures, computed here in plain Java from the ballots ----

  /** The sources a row counting these votes cites: those of their roll calls, joined by ';'. */
  static String sources(List<String> voteIds) {
    return voteIds.stream().anyMatch(CITING_B::contains) ? SOURCE + ";" + SOURCE_B : SOURCE;
  }

  static List<String> ids(List<V> votes) {
    return votes.stream().map(V::id).toList();
  }

  static String majority(V v) {
    if (v.yes() > v.no()) {
      return "yes";
    }
    if (v.no() > v.yes()) {
      return "no";
    }
    return v.outcome() == null ? null : v.outcome().equals("adopted") ? "yes" : "no";
  }

  static Double share(double part, double whole) {
    return whole == 0 ? null : Math.round(part / whole * 10000) / 10000.0;
  }

  /** with, minority, abstained, ballots, lone, held, tookPart for one delegation. */
  static Map<String, Object> record(String delegation, List<V> votes, int loneMax) {
    int ballots = 0, with = 0, minority = 0, abstained = 0, lone = 0, held = 0, took = 0;
    for (V v : votes) {
      String b = v.ballots().get(delegation);
      if (b == null) {
        continue;
      }
      if (v.status().equals("complete") && v.nonVoting() != null) {
        held++;
        if (!b.equals("non_voting")) {
          took++;
        }
      }
      String side = majority(v);
      if (side == null || b.equals("non_voting")) {
        continue;
      }
      ballots++;
      if (b.equals(side)) {
        with++;
      } else if (b.equals("abstain")) {
        abstained++;
      } else {
        minority++;
        int minoritySize = side.equals("yes") ? v.no() : v.yes();
        if (minoritySize <= loneMax) {
          lone++;
        }
      }
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("ballots", ballots);
    r.put("with_majority", with);
    r.put("with_majority_share", share(with, ballots));
    r.put("in_minority", minority);
    r.put("in_minority_share", share(minority, ballots));
    r.put("abstained", abstained);
    r.put("abstained_share", share(abstained, ballots));
    r.put("lone", lone);
    r.put("votes_held", held);
    r.put("took_part", took);
    r.put("participation", share(took, held));
    return r;
  }

  static Double agreementIndex(int y, int n, int a) {
    int t = y + n + a;
    if (t == 0) {
      return null;
    }
    int max = Math.max(y, Math.max(n, a));
    return Math.round((max - (t - max) / 2.0) / t * 10000) / 10000.0;
  }

  static String groupMajority(int y, int n, int a) {
    if (y > Math.max(n, a)) {
      return "yes";
    }
    if (n > Math.max(y, a)) {
      return "no";
    }
    if (a > Math.max(y, n)) {
      return "abstain";
    }
    return null;
  }

  private static List<V> votesFrom(String date) {
    return VOTES.stream().filter(v -> v.date().compareTo(date) >= 0).toList();
  }

  // ---- the API against them ----

  @Test
  void votesCarryMarginShareMajorityAndDivisionAndSortByMargin() {
    JsonPath json =
        given()
            .get("/v1/votes?body_id=" + BODY + "&sort=margin")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Map<String, Object>> rows = json.getList("data");
    List<String> expectedOrder =
        VOTES.stream()
            .sorted(
                java.util.Comparator.comparingInt((V v) -> Math.abs(v.yes() - v.no()))
                    .thenComparing(V::id))
            .map(V::id)
            .toList();
    assertEquals(expectedOrder, rows.stream().map(r -> r.get("id")).toList());
    for (Map<String, Object> r : rows) {
      V v = VOTES.stream().filter(x -> x.id().equals(r.get("id"))).findFirst().orElseThrow();
      int total = v.yes() + v.no() + v.abstain();
      assertEquals(Math.abs(v.yes() - v.no()), r.get("margin"), v.id());
      assertEquals(share(Math.abs(v.yes() - v.no()), total), number(r.get("margin_share")), v.id());
      assertEquals(share(Math.min(v.yes(), v.no()), total), number(r.get("division")), v.id());
      assertEquals(majority(v), r.get("majority"), v.id());
      assertEquals(
          majority(v) == null ? null : majority(v).equals("yes") ? v.no() : v.yes(),
          r.get("minority"),
          v.id());
    }
    // most divided first, and a filter on a share
    given()
        .get("/v1/votes?body_id=" + BODY + "&sort=-division&division__gte=0.3")
        .then()
        .statusCode(200)
        .body("data.id", is(List.of("tm-1", "tm-3", "tm-4")))
        .body("data.division", is(List.of(0.3333f, 0.3333f, 0.3333f)));
  }

  @Test
  void everyDelegationsRecordMatchesTheBallots() {
    JsonPath json =
        given()
            .get("/v1/delegations/record?body_id=" + BODY)
            .then()
            .statusCode(200)
            .body("meta.definition", is(Measures.RECORD_DEFINITION))
            .extract()
            .jsonPath();
    List<Map<String, Object>> rows = json.getList("data");
    assertEquals(DELEGATIONS, rows.stream().map(r -> r.get("delegation_id")).toList());
    for (Map<String, Object> r : rows) {
      String d = (String) r.get("delegation_id");
      assertEquals(record(d, VOTES, 10), measures(r), d);
      assertEquals(sources(ids(VOTES)), r.get("source_ids"), d);
      assertEquals(GROUP.get(d), r.get("regional_group"), d);
    }
  }

  @Test
  void aDelegationsRecordOverAPeriodWithAnotherLoneBoundAndPerYear() {
    Map<String, Object> fra =
        given()
            .get("/v1/delegations/fra/record?body_id=" + BODY + "&date__gte=2002&lone_max=1")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("data[0]");
    assertEquals(record("FRA", votesFrom("2002"), 1), measures(fra));
    List<Map<String, Object>> years =
        given()
            .get("/v1/delegations/RUS/record?body_id=" + BODY + "&by=year&lone_max=1")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("data");
    assertEquals(List.of(2001, 2002), years.stream().map(r -> r.get("year")).toList());
    List<V> of2001 = VOTES.stream().filter(v -> v.date().startsWith("2001")).toList();
    assertEquals(record("RUS", of2001, 1), measures(years.get(0)));
    assertEquals(record("RUS", votesFrom("2002"), 1), measures(years.get(1)));
    // each year cites the roll calls it counts: 2001's cite one source, 2002's both
    assertEquals(SOURCE, years.get(0).get("source_ids"));
    assertEquals(sources(ids(votesFrom("2002"))), years.get(1).get("source_ids"));
    assertEquals(SOURCE + ";" + SOURCE_B, years.get(1).get("source_ids"));
  }

  @Test
  void theRankingSortsByShareAndTheCsvHoldsTheSameRows() {
    List<Map<String, Object>> rows =
        given()
            .get("/v1/delegations/record?body_id=" + BODY + "&sort=-in_minority_share")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("data");
    List<String> expected =
        DELEGATIONS.stream()
            .sorted(
                java.util.Comparator.comparing(
                        (String d) -> {
                          Double s = (Double) record(d, VOTES, 10).get("in_minority_share");
                          return s == null ? Double.MAX_VALUE : s;
                        })
                    .reversed()
                    .thenComparing(d -> d))
            .toList();
    assertEquals(expected, rows.stream().map(r -> r.get("delegation_id")).toList());

    String csv =
        given()
            .get("/v1/delegations/record.csv?body_id=" + BODY + "&sort=-in_minority_share")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    List<CSVRecord> records = parse(csv);
    assertEquals(rows.size(), records.size());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(rows.get(i).get("delegation_id"), records.get(i).get("delegation_id"));
      assertEquals(
          String.valueOf(rows.get(i).get("in_minority")), records.get(i).get("in_minority"));
      Object share = rows.get(i).get("in_minority_share");
      assertEquals(
          share == null ? "" : String.valueOf(share), records.get(i).get("in_minority_share"));
    }
  }

  @Test
  void aGroupsCohesionPerVoteAndPerYear() {
    List<Map<String, Object>> rows = cohesion("/v1/groups/weog/cohesion?body_id=" + BODY);
    assertEquals(
        VOTES.stream().map(V::id).toList(), rows.stream().map(r -> r.get("vote_id")).toList());
    Map<Integer, List<Double>> indexes = new TreeMap<>();
    Map<Integer, Integer> defections = new TreeMap<>();
    for (Map<String, Object> r : rows) {
      V v = VOTES.stream().filter(x -> x.id().equals(r.get("vote_id"))).findFirst().orElseThrow();
      GroupVote g = groupVote("weog", v);
      String maj = g.majority();
      TreeSet<String> against = g.against();
      assertEquals(g.index(), number(r.get("agreement_index")), v.id());
      assertEquals(maj, r.get("majority"), v.id());
      assertEquals(maj == null ? null : against.size(), r.get("defections"), v.id());
      assertEquals(
          against.isEmpty() ? null : String.join(";", against),
          r.get("against_group_majority"),
          v.id());
      // a vote's row cites its own roll call's sources, not every chosen vote's
      assertEquals(sources(List.of(v.id())), r.get("source_ids"), v.id());
      int year = Integer.parseInt(v.date().substring(0, 4));
      if (g.index() != null) {
        indexes.computeIfAbsent(year, k -> new ArrayList<>()).add(g.index());
      }
      defections.merge(year, maj == null ? 0 : against.size(), Integer::sum);
    }
    List<Map<String, Object>> years =
        given()
            .get("/v1/groups/weog/cohesion?by=year&body_id=" + BODY)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("data");
    assertEquals(List.of(2001, 2002), years.stream().map(r -> r.get("year")).toList());
    for (Map<String, Object> r : years) {
      int year = (Integer) r.get("year");
      double mean =
          indexes.get(year).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      assertEquals(Math.round(mean * 10000) / 10000.0, number(r.get("agreement_index")));
      assertEquals(indexes.get(year).size(), r.get("votes"));
      assertEquals(defections.get(year), r.get("defections"));
      assertEquals(year == 2001 ? SOURCE : SOURCE + ";" + SOURCE_B, r.get("source_ids"));
    }
  }

  /** A group's yes, no, abstain ballots on a vote, and the members against its majority. */
  record GroupVote(int yes, int no, int abstain, String majority, TreeSet<String> against) {
    Double index() {
      return agreementIndex(yes, no, abstain);
    }
  }

  static GroupVote groupVote(String group, V v) {
    int y = 0, n = 0, a = 0;
    for (var b : v.ballots().entrySet()) {
      if (GROUP.get(b.getKey()).equals(group)) {
        y += b.getValue().equals("yes") ? 1 : 0;
        n += b.getValue().equals("no") ? 1 : 0;
        a += b.getValue().equals("abstain") ? 1 : 0;
      }
    }
    String maj = groupMajority(y, n, a);
    TreeSet<String> against = new TreeSet<>();
    for (var b : v.ballots().entrySet()) {
      if (GROUP.get(b.getKey()).equals(group)
          && maj != null
          && !b.getValue().equals("non_voting")
          && !b.getValue().equals(maj)) {
        against.add(b.getKey());
      }
    }
    return new GroupVote(y, n, a, maj, against);
  }

  @Test
  void aGroupsCohesionPerTopicMostDivisiveFirstInJsonAndCsv() {
    for (String group : List.of("weog", "eastern_european")) {
      // computed here: per topic, the mean of its votes' indexes, the votes, the defections
      record Expected(String topic, int votes, Double index, int defections, int withDefections) {}
      List<Expected> expected = new ArrayList<>();
      for (var t : TOPICS.entrySet()) {
        List<Double> indexes = new ArrayList<>();
        int defections = 0, withDefections = 0;
        for (String id : t.getValue()) {
          V v = VOTES.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
          GroupVote g = groupVote(group, v);
          if (g.index() != null) {
            indexes.add(g.index());
          }
          defections += g.against().size();
          withDefections += g.against().isEmpty() ? 0 : 1;
        }
        Double mean =
            indexes.isEmpty()
                ? null
                : Math.round(
                        indexes.stream().mapToDouble(Double::doubleValue).average().orElseThrow()
                            * 10000)
                    / 10000.0;
        expected.add(new Expected(t.getKey(), indexes.size(), mean, defections, withDefections));
      }
      expected.sort(
          java.util.Comparator.comparing(
                  (Expected e) -> e.index() == null ? Double.MAX_VALUE : e.index())
              .thenComparing(Expected::topic));
      List<Map<String, Object>> rows =
          cohesion("/v1/groups/" + group + "/cohesion?by=topic&body_id=" + BODY);
      assertEquals(
          expected.stream().map(Expected::topic).toList(),
          rows.stream().map(r -> r.get("topic_id")).toList(),
          group + ": the lowest mean index first");
      for (int i = 0; i < rows.size(); i++) {
        Map<String, Object> r = rows.get(i);
        Expected e = expected.get(i);
        assertEquals(group, r.get("group_id"));
        assertEquals("Measures test topic " + e.topic(), r.get("topic_name"));
        assertEquals("agenda", r.get("scheme"));
        assertEquals(e.votes(), r.get("votes"), e.topic());
        assertEquals(e.index(), number(r.get("agreement_index")), e.topic());
        assertEquals(e.defections(), r.get("defections"), e.topic());
        assertEquals(e.withDefections(), r.get("votes_with_defections"), e.topic());
        // a topic's row cites the roll calls of that topic's votes only
        assertEquals(sources(TOPICS.get(e.topic())), r.get("source_ids"), e.topic());
      }
      List<CSVRecord> csv =
          parse(
              given()
                  .get("/v1/groups/" + group + "/cohesion.csv?by=topic&body_id=" + BODY)
                  .then()
                  .statusCode(200)
                  .extract()
                  .asString());
      assertEquals(rows.size(), csv.size());
      for (int i = 0; i < rows.size(); i++) {
        assertEquals(rows.get(i).get("topic_id"), csv.get(i).get("topic_id"));
        Object index = rows.get(i).get("agreement_index");
        assertEquals(index == null ? "" : String.valueOf(index), csv.get(i).get("agreement_index"));
      }
    }
    // the votes' own filters choose the votes; the rows' own fields filter the rows
    given()
        .get(
            "/v1/groups/weog/cohesion?by=topic&body_id="
                + BODY
                + "&date__gte=2002&topic_id=tm-topic-a")
        .then()
        .statusCode(200)
        .body("data.topic_id", is(List.of("tm-topic-a")))
        .body("data[0].votes", is(1)); // tm-3 only
    given()
        .get("/v1/groups/weog/cohesion?by=topic&body_id=" + BODY + "&sort=-votes&limit=1")
        .then()
        .statusCode(200)
        .body("data.topic_id", is(List.of("tm-topic-a")));
    given()
        .get("/v1/groups/weog/cohesion?by=topic&body_id=" + BODY + "&date__gte=2030")
        .then()
        .statusCode(200)
        .body("data", is(List.of()));
    given()
        .get("/v1/groups/weog/cohesion?by=topics")
        .then()
        .statusCode(400)
        .body("invalid_params[0].name", is("by"));
    given()
        .get("/v1/groups/weog/cohesion?by=topic&votes__gte=many")
        .then()
        .statusCode(400)
        .body("invalid_params[0].name", is("votes__gte"));
  }

  @Test
  void theBreakdownGivesEachGroupsIndexAndWhoWasAgainstIt() {
    JsonPath json =
        given().get("/v1/votes/tm-1/breakdown").then().statusCode(200).extract().jsonPath();
    // tm-1 in WEOG: FRA yes, DEU yes, GBR no
    assertEquals(
        agreementIndex(2, 1, 0),
        json.getDouble("data.groups.find { it.regional_group == 'weog' }.agreement_index"));
    assertEquals(
        "yes", json.getString("data.groups.find { it.regional_group == 'weog' }.majority"));
    assertEquals(
        List.of("GBR"),
        json.getList("data.groups.find { it.regional_group == 'weog' }.against_group_majority"));
    assertEquals(Measures.COHESION_DEFINITION, json.getString("data.definition"));
  }

  @Test
  void badParametersAreProblems() {
    given()
        .get("/v1/delegations/record?lone_max=0")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("invalid_params[0].name", is("lone_max"));
    given()
        .get("/v1/delegations/record?by=month")
        .then()
        .statusCode(400)
        .body("invalid_params[0].name", is("by"));
    given()
        .get("/v1/delegations/record?date__gte=20x")
        .then()
        .statusCode(400)
        .body("invalid_params[0].name", is("date__gte"));
    given()
        .get("/v1/delegations/record?colour=red")
        .then()
        .statusCode(400)
        .body("invalid_params[0].name", is("colour"));
    given().get("/v1/delegations/XXX/record").then().statusCode(404);
    given().get("/v1/groups/nowhere/cohesion").then().statusCode(404);
    given().get("/v1/votes?margin_share__gte=half").then().statusCode(400);
    // a delegation with no counted vote in the period: an empty record, not a 404
    given()
        .get("/v1/delegations/FRA/record?body_id=" + BODY + "&date__gte=2030")
        .then()
        .statusCode(200)
        .body("data", is(List.of()));
  }

  @Test
  void theExplorerAnswersBothQuestionsInOnePageEach() {
    // the closest votes first, with their margins
    String votes =
        given()
            .accept("text/html")
            .get("/votes?body_id=" + BODY + "&sort=margin")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(votes.indexOf("tm-3") < votes.indexOf("tm-2"), "tm-3 (margin 0) before tm-2");
    assertTrue(
        votes.contains("<td class=\"num\" data-label=\"Division\">0.3333</td>"), "division shown");
    // who voted against the majority most often: RUS (every ballot) first
    String records =
        given()
            .accept("text/html")
            .get("/delegations/record?body_id=" + BODY)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(
        records.indexOf("/delegations/RUS") < records.indexOf("/delegations/FRA"), "RUS first");
    assertTrue(records.contains("<td class=\"num\">100% (4)</td>"), "RUS: 4 of 4 against");
    assertTrue(records.contains("Plenary tests"), "the source of the roll calls counted");
    // a group's page and its chart
    String group =
        given()
            .accept("text/html")
            .get("/groups/weog?body_id=" + BODY)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(group.contains("Agreement Index per year: 2001 "), "the chart's description");
    // the topics that divided it most: tm-topic-b (mean 0.5) before tm-topic-a (0.6667)
    assertTrue(
        group.contains("<a href=\"/votes?topic=tm-topic-b\">Measures test topic tm-topic-b</a>"),
        "the topics' table");
    assertTrue(
        group.indexOf("/votes?topic=tm-topic-b") < group.indexOf("/votes?topic=tm-topic-a"),
        "the most divisive topic first");
    given()
        .get("/charts/groups/weog/cohesion.svg?body_id=" + BODY)
        .then()
        .statusCode(200)
        .contentType(org.hamcrest.Matchers.startsWith("image/svg+xml"));
    given().accept("text/html").get("/groups/weog?colour=red").then().statusCode(400);
  }

  @Test
  void theFixturesRealRollCallGivesWeogsIndex() {
    // A/RES/74/247 in WEOG: 28 no, 1 abstention (Türkiye): (28 - 1/2) / 29
    JsonPath json =
        given().get("/v1/votes/a-res-74-247/breakdown").then().statusCode(200).extract().jsonPath();
    assertEquals(
        0.9483,
        json.getDouble("data.groups.find { it.regional_group == 'weog' }.agreement_index"),
        1e-9);
    assertEquals(
        List.of("TUR"),
        json.getList("data.groups.find { it.regional_group == 'weog' }.against_group_majority"));
    given()
        .get("/v1/votes/a-res-74-247")
        .then()
        .body("data.margin", is(19))
        .body("data.margin_share", is(0.1105f))
        .body("data.majority", is("yes"))
        .body("data.minority", is(60))
        .body("data.division", is(0.3488f));
  }

  /** A group's cohesion rows, with the definition they carry. */
  private static List<Map<String, Object>> cohesion(String path) {
    return given()
        .get(path)
        .then()
        .statusCode(200)
        .body("meta.definition", is(Measures.COHESION_DEFINITION))
        .extract()
        .jsonPath()
        .getList("data");
  }

  private static Map<String, Object> measures(Map<String, Object> row) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String k :
        List.of(
            "ballots",
            "with_majority",
            "with_majority_share",
            "in_minority",
            "in_minority_share",
            "abstained",
            "abstained_share",
            "lone",
            "votes_held",
            "took_part",
            "participation")) {
      Object v = row.get(k);
      out.put(k, v instanceof Number x && !(v instanceof Integer) ? number(x) : v);
    }
    return out;
  }

  private static Double number(Object o) {
    return o == null ? null : Math.round(((Number) o).doubleValue() * 10000) / 10000.0;
  }

  private static List<CSVRecord> parse(String csv) {
    try {
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .build()
          .parse(new StringReader(csv))
          .getRecords();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static {
    assertNull(majority(VOTES.get(3)));
  }
}
