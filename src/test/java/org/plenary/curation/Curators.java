package org.plenary.curation;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.plenary.WritingTestProfile;

/** What the curation tests do through the API: tokens, change sets, reviews, releases. */
final class Curators {
  private Curators() {}

  private static final AtomicInteger COUNTER = new AtomicInteger();
  static final String ADMIN = WritingTestProfile.ADMIN_TOKEN;

  static String unique(String prefix) {
    return prefix + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
  }

  static RequestSpecification as(String token) {
    RequestSpecification r = given().contentType(ContentType.JSON);
    return token == null ? r : r.header("Authorization", "Bearer " + token);
  }

  /** A new token of that role; returns its secret. */
  static String token(String role) {
    return as(ADMIN)
        .body(Map.of("name", unique(role), "role", role))
        .post("/v1/tokens")
        .then()
        .statusCode(201)
        .extract()
        .path("data.token");
  }

  static Map<String, Object> op(String op, String collection, String id) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("op", op);
    m.put("collection", collection);
    m.put("id", id);
    return m;
  }

  static Map<String, Object> update(String collection, String id, Map<String, Object> set) {
    Map<String, Object> m = op("update", collection, id);
    m.put("base", base(collection, id));
    m.put("set", set);
    m.put("sources", List.of(Map.of("source_id", sourceOf(collection, id))));
    return m;
  }

  static Map<String, Object> create(
      String collection, String id, Map<String, Object> record, String source) {
    Map<String, Object> m = op("create", collection, id);
    m.put("record", record);
    if (source != null) {
      m.put("sources", List.of(Map.of("source_id", source, "locator", "test")));
    }
    return m;
  }

  static Map<String, Object> changeSet(String reason, List<Map<String, Object>> ops) {
    return Map.of("reason", reason, "operations", ops);
  }

  /** Proposes; returns the change set's id. */
  static long propose(String token, Map<String, Object> changeSet) {
    return ((Number)
            as(token)
                .body(changeSet)
                .post("/v1/changes")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id"))
        .longValue();
  }

  static void approve(String token, long id) {
    as(token).post("/v1/changes/" + id + "/approve").then().statusCode(200);
  }

  static String currentVersion() {
    return given().get("/v1/dataset").then().statusCode(200).extract().path("data.version");
  }

  static String nextVersion() {
    String[] v = currentVersion().split("\\.");
    // the fixture's version is 0.0.0-fixture: its next is 0.0.1
    return v[0] + "." + v[1] + "." + (Integer.parseInt(v[2].replaceAll("\\D.*", "")) + 1);
  }

  /** Publishes what is approved; returns the new version. */
  static String publish(String token) {
    String version = nextVersion();
    as(token)
        .body(Map.of("version", version, "notes", "Test release " + version))
        .post("/v1/releases")
        .then()
        .statusCode(201);
    return version;
  }

  static String base(String collection, String id) {
    return given()
        .get("/v1/changes/records/" + collection + "/" + id)
        .then()
        .statusCode(200)
        .extract()
        .path("data.base");
  }

  private static String sourceOf(String collection, String id) {
    List<Map<String, Object>> sources =
        given()
            .get("/v1/changes/records/" + collection + "/" + id)
            .then()
            .statusCode(200)
            .extract()
            .path("data.record.sources");
    return sources.isEmpty() ? null : (String) sources.get(0).get("source_id");
  }

  /** Creates a position of an organization, citing a source. */
  static Map<String, Object> position(
      String id, String organization, String source, String paraphrase) {
    Map<String, Object> pos = new LinkedHashMap<>();
    pos.put("actor_kind", "organization");
    pos.put("organization_id", organization);
    pos.put("stance", "concerned");
    pos.put("subject", "convention");
    pos.put("stance_summary", "Test stance");
    pos.put("quote", null);
    pos.put("quote_status", "none");
    pos.put("paraphrase", paraphrase);
    pos.put("date", "2025-10");
    pos.put("certainty", "single_source");
    return create("positions", id, pos, source);
  }

  /** Creates a source of a test's own. */
  static Map<String, Object> source(String id, String p) {
    return create(
        "sources",
        id,
        Map.of("publisher", "Test Publisher", "kind", "news", "url", "https://example.org/" + p),
        null);
  }

  /** Records of a test's own: a source, an organization and two positions, published. */
  record World(String source, String organization, String positionA, String positionB) {}

  static World world(String editor, String reviewer) {
    String p = unique("t");
    World w = new World(p + "-src", p + "-org", p + "-pos-a", p + "-pos-b");
    List<Map<String, Object>> ops = new ArrayList<>();
    ops.add(source(w.source(), p));
    ops.add(
        create(
            "organizations",
            w.organization(),
            Map.of("name", "Test organization " + p, "kind", "ngo"),
            w.source()));
    for (String id : List.of(w.positionA(), w.positionB())) {
      ops.add(position(id, w.organization(), w.source(), "first wording"));
    }
    long id = propose(editor, changeSet("Test records " + p, ops));
    approve(reviewer, id);
    publish(reviewer);
    return w;
  }
}
