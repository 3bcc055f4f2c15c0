package org.plenary.curation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plenary.curation.Curators.ADMIN;
import static org.plenary.curation.Curators.approve;
import static org.plenary.curation.Curators.as;
import static org.plenary.curation.Curators.base;
import static org.plenary.curation.Curators.changeSet;
import static org.plenary.curation.Curators.create;
import static org.plenary.curation.Curators.op;
import static org.plenary.curation.Curators.propose;
import static org.plenary.curation.Curators.publish;
import static org.plenary.curation.Curators.token;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.plenary.WritingTestProfile;
import org.plenary.http.Problem;
import org.plenary.seed.CsvCells;

/**
 * What a hostile probe of the write side found (issue 22): change sets that break a release only
 * together, bodies of the wrong shape, database error text in problems, ids and URLs the read side
 * cannot serve, formula injection in CSV, a racy login throttle, and a body limit below the largest
 * change set accepted.
 */
@QuarkusTest
@TestProfile(WritingTestProfile.class)
class CurationHardeningTest extends WithCurators {
  @Inject io.agroal.api.AgroalDataSource dataSource;

  @Override
  void leftApproved(List<Integer> approved) {
    // approved change sets this class leaves are withdrawn, never released by another test
    for (Integer id : approved) {
      as(ADMIN).post("/v1/changes/" + id + "/withdraw").then().statusCode(200);
    }
  }

  private static void problem(Response r, int status, String detailPart) {
    r.then()
        .statusCode(status)
        .contentType(Problem.MEDIA_TYPE)
        .header("X-Content-Type-Options", "nosniff")
        .body("status", is(status))
        .body("detail", containsString(detailPart));
  }

  private static Map<String, Object> source(String id, Map<String, Object> fields) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("publisher", "Test Publisher");
    record.put("kind", "news");
    record.putAll(fields);
    return create("sources", id, record, null);
  }

  private static Map<String, Object> position(String id, String organization, String source) {
    return Curators.position(id, organization, source, "a wording");
  }

  /** A published source that nothing cites. */
  private String uncitedSource() {
    String id = Curators.unique("uncited");
    long cs = propose(editor, changeSet("An uncited source", List.of(source(id, Map.of()))));
    approve(reviewer, cs);
    publish(reviewer);
    return id;
  }

  @Test
  void changeSetsThatBreakAReleaseTogetherAreRefusedAtApprovalNamingTheFirst() {
    Curators.World w = Curators.world(editor, reviewer);
    String s = uncitedSource();
    Map<String, Object> delete = op("delete", "sources", s);
    delete.put("base", base("sources", s));
    long a = propose(editor, changeSet("Delete the uncited source", List.of(delete)));
    String p = Curators.unique("cites");
    long b =
        propose(
            editor2, changeSet("A position citing it", List.of(position(p, w.organization(), s))));
    approve(reviewer, a);
    // each passes on its own; together the release would break: the second is refused
    problem(
        as(reviewer).post("/v1/changes/" + b + "/approve"),
        409,
        "approved change set " + a + " waits for a release");
    as(reviewer).get("/v1/changes/" + b).then().body("data.status", is("proposed"));

    // the approved one can be withdrawn (with the audit trail), then the other approved
    as(editor2)
        .body(Map.of("note", "not mine"))
        .post("/v1/changes/" + a + "/withdraw")
        .then()
        .statusCode(403)
        .contentType(Problem.MEDIA_TYPE);
    as(reviewer)
        .body(Map.of("note", "conflicts with " + b))
        .post("/v1/changes/" + a + "/withdraw")
        .then()
        .statusCode(200)
        .body("data.status", is("withdrawn"))
        .body("data.reviews[-1].decision", is("withdrawn"))
        .body("data.reviews[-1].reviewer", is(not("admin")))
        .body("data.reviews[-1].note", is("conflicts with " + b));
    problem(as(reviewer).post("/v1/changes/" + a + "/withdraw"), 409, "is withdrawn");
    problem(as(reviewer).post("/v1/changes/" + a + "/approve"), 409, "is withdrawn");
    as(reviewer)
        .get("/v1/changes?status=withdrawn")
        .then()
        .statusCode(200)
        .body("data.id", org.hamcrest.Matchers.hasItem((int) a));
    approve(reviewer, b);
    String version = publish(reviewer);
    given().get("/v1/sources/" + s).then().statusCode(200);
    given().get("/v1/positions/" + p).then().statusCode(200).body("data.sources[0].id", is(s));
    given()
        .get("/v1/releases/" + version)
        .then()
        .body("data.changelog.change_set", is(List.of((int) b)));
  }

  @Test
  void theOtherOrderIsRefusedToo() {
    Curators.World w = Curators.world(editor, reviewer);
    String s = uncitedSource();
    String p = Curators.unique("cites");
    long b =
        propose(
            editor2, changeSet("A position citing it", List.of(position(p, w.organization(), s))));
    Map<String, Object> delete = op("delete", "sources", s);
    delete.put("base", base("sources", s));
    long a = propose(editor, changeSet("Delete the source", List.of(delete)));
    approve(reviewer, b);
    problem(
        as(reviewer).post("/v1/changes/" + a + "/approve"),
        409,
        "approved change set " + b + " waits for a release");
    publish(reviewer); // never blocked
    given().get("/v1/positions/" + p).then().statusCode(200);
  }

  @Test
  void aNullOrWrongTypeBodyIsAProblemNeverA500() {
    Curators.World w = Curators.world(editor, reviewer);
    long id =
        propose(
            editor,
            changeSet(
                "Bodies",
                List.of(
                    Curators.update(
                        "positions", w.positionA(), Map.of("paraphrase", "bodies test")))));
    for (String action : List.of("approve", "reject", "withdraw")) {
      for (String body : List.of("null", "[]", "\"x\"", "123", "{\"note\": {}}")) {
        Response r = as(reviewer).body(body).post("/v1/changes/" + id + "/" + action);
        assertEquals(422, r.statusCode(), action + " " + body + ": " + r.asString());
        assertEquals(Problem.MEDIA_TYPE, r.contentType().split(";")[0], action + " " + body);
      }
      problem(
          as(reviewer)
              .body("{\"note\": \"x\", \"extra\": 1}")
              .post("/v1/changes/" + id + "/" + action),
          422,
          "'extra'");
      problem(
          as(reviewer).body("{\"note\": ").post("/v1/changes/" + id + "/" + action), 400, "JSON");
    }
    as(reviewer).get("/v1/changes/" + id).then().body("data.status", is("proposed"));

    for (String path : List.of("/v1/changes", "/v1/releases", "/v1/tokens")) {
      String token =
          path.equals("/v1/tokens") ? ADMIN : path.equals("/v1/changes") ? editor : reviewer;
      for (String body :
          List.of(
              "[]",
              "\"x\"",
              "123",
              "{\"reason\":1,\"operations\":\"x\"}",
              "{\"version\":[],\"notes\":{}}",
              "{\"name\":{},\"role\":[]}")) {
        Response r = as(token).body(body).post(path);
        assertTrue(
            r.statusCode() == 422 || r.statusCode() == 400,
            path + " " + body + ": " + r.asString());
        assertEquals(Problem.MEDIA_TYPE, r.contentType().split(";")[0], path + " " + body);
        assertEquals("nosniff", r.header("X-Content-Type-Options"), path + " " + body);
      }
      problem(as(token).body("{").post(path), 400, "not valid JSON");
    }
    problem(
        as(editor).body("{\"reason\":\"r\",\"operations\":\"x\"}").post("/v1/changes"),
        422,
        "Field 'operations' must be an array");
    // unknown fields are refused by name, at every level
    problem(
        as(editor)
            .body(
                Map.of(
                    "reason",
                    "r",
                    "operations",
                    List.of(Curators.update("positions", w.positionA(), Map.of("paraphrase", "z"))),
                    "sneaky",
                    true))
            .post("/v1/changes"),
        422,
        "'sneaky'");
    Map<String, Object> op =
        new LinkedHashMap<>(Curators.update("positions", w.positionB(), Map.of("note", "z")));
    op.put("bsae", "typo");
    problem(
        as(editor).body(changeSet("typo", List.of(op))).post("/v1/changes"),
        422,
        "'operations[0].bsae'");
    problem(
        as(ADMIN).body(Map.of("name", "x", "role", "editor", "admin", true)).post("/v1/tokens"),
        422,
        "'admin'");
    problem(
        as(reviewer)
            .body(Map.of("version", "9.9.9", "notes", "n", "force", true))
            .post("/v1/releases"),
        422,
        "'force'");
  }

  @Test
  void deletingAReferencedRecordSaysWhichRecordsReferToIt() {
    Curators.World w = Curators.world(editor, reviewer);
    Map<String, Object> delete = op("delete", "organizations", w.organization());
    delete.put("base", base("organizations", w.organization()));
    Response r =
        as(editor).body(changeSet("Delete a cited org", List.of(delete))).post("/v1/changes");
    problem(r, 422, "organizations '" + w.organization() + "' is still referred to by");
    String detail = r.then().extract().path("detail");
    assertTrue(detail.contains("positions '" + w.positionA() + "'"), detail);
    assertTrue(detail.contains("positions '" + w.positionB() + "'"), detail);
    for (String leak : List.of("ERROR", "violates", "constraint", "Key (", "table \"")) {
      assertFalse(detail.contains(leak), detail);
      assertFalse(r.asString().contains(leak), r.asString());
    }
    // a reference to nothing, in the API's words too
    Map<String, Object> orphan = position(Curators.unique("orphan"), "no-such-org", w.source());
    Response o = as(editor).body(changeSet("Orphan", List.of(orphan))).post("/v1/changes");
    problem(o, 422, "organization_id 'no-such-org' (no such organizations)");
    assertFalse(o.asString().contains("ERROR"), o.asString());
  }

  @Test
  void idsAndUrlsTheReadSideCannotServeAreRefusedAtTheWrite() {
    for (String id :
        List.of("a/b", "a b", "a\nb", "a?b", "a#b", "a.csv", "-a", "é", "x".repeat(201))) {
      Response r =
          as(editor).body(changeSet("Bad id", List.of(source(id, Map.of())))).post("/v1/changes");
      problem(r, 422, "is not an id");
      r.then().body("invalid_params[0].name", is("operations[0].id"));
    }
    for (String url :
        List.of(
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,<script>x</script>",
            "file:///etc/passwd",
            "ftp://example.org/x",
            "//example.org/x",
            "https://",
            "not a url")) {
      Response r =
          as(editor)
              .body(changeSet("Bad url", List.of(source(Curators.unique("u"), Map.of("url", url)))))
              .post("/v1/changes");
      problem(r, 422, "is not an http:// or https:// URL");
      r.then().body("invalid_params[0].name", is("operations[0].record.url"));
    }
    String ok = Curators.unique("Good_id");
    long cs =
        propose(
            editor,
            changeSet("Good", List.of(source(ok, Map.of("url", "HTTPS://example.org/a?b=c#d")))));
    approve(reviewer, cs);
    publish(reviewer);
    given().get("/v1/sources/" + ok).then().statusCode(200).body("data.id", is(ok));
    // the schema says it too
    String spec = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
    assertTrue(spec.contains("[A-Za-z0-9][A-Za-z0-9_-]{0,199}"), "the id pattern in the schema");
  }

  @Test
  void formulasAreNeutralizedInCsvButJsonIsExact() throws Exception {
    String id = Curators.unique("formula");
    String title = "=HYPERLINK(\"https://evil.example\",\"click\")";
    long cs =
        propose(
            editor,
            changeSet(
                "Formulas",
                List.of(
                    source(
                        id,
                        Map.of(
                            "title", title,
                            "publisher", "@SUM(A1:A9)",
                            "note", "-3")))));
    approve(reviewer, cs);
    publish(reviewer);
    given()
        .get("/v1/sources/" + id)
        .then()
        .statusCode(200)
        .body("data.title", is(title))
        .body("data.publisher", is("@SUM(A1:A9)"))
        .body("data.note", is("-3"));
    String escapedTitle = "\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"click\"\")\"";
    for (String path : List.of("/v1/sources.csv?limit=1000", "/v1/dumps/sources.csv")) {
      String csv =
          new String(
              given().get(path).then().statusCode(200).extract().asByteArray(),
              StandardCharsets.UTF_8);
      String line =
          csv.lines()
              .filter(l -> l.startsWith(id + ","))
              .findFirst()
              .orElseThrow(() -> new AssertionError(path));
      assertTrue(line.contains(escapedTitle), path + ": " + line);
      assertTrue(line.contains(",'@SUM(A1:A9),"), path + ": " + line);
      assertTrue(line.contains(",-3"), path + ": " + line);
      assertFalse(line.contains(",=") || line.contains(",\"="), path + ": " + line);
    }
    // the database's rule (the dumps) and Java's (/v1/*.csv) agree, and reading undoes it
    try (Connection c = dataSource.getConnection()) {
      for (String v :
          List.of(
              "=1+1", "+1", "-1", "-3", "+1.5e3", "-x", "@a", "\tx", "\rx", "'=x", "''=x", "'x",
              "x=", "'-3", "", "a", "-", "--1")) {
        try (var ps =
            c.prepareStatement("select " + CsvCells.sql("v") + " from (select ? as v) t")) {
          ps.setString(1, v);
          ResultSet rs = ps.executeQuery();
          rs.next();
          assertEquals(CsvCells.escape(v), rs.getString(1), "'" + v + "'");
          assertEquals(v, CsvCells.unescape(CsvCells.escape(v)), "'" + v + "'");
        }
      }
    }
  }

  @Test
  void theLoginThrottleCountsConcurrentGuessesExactlyAndLetsKnownTokensIn() throws Exception {
    // a known-good token, used once
    as(editor).get("/v1/changes?status=proposed").then().statusCode(200);
    int threads = 64;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        String guess = "pln_guess_" + i;
        answers.add(
            pool.submit(
                () -> {
                  go.await();
                  return given()
                      .contentType(ContentType.JSON)
                      .header("Authorization", "Bearer " + guess)
                      .get("/v1/changes?status=proposed")
                      .statusCode();
                }));
      }
      go.countDown();
      int checked = 0;
      int refused = 0;
      for (Future<Integer> f : answers) {
        int status = f.get();
        if (status == 401) {
          checked++;
        } else if (status == 429) {
          refused++;
        }
      }
      assertEquals(AuthThrottle.MAX_FAILURES, checked, "guesses checked in one window");
      assertEquals(threads - AuthThrottle.MAX_FAILURES, refused);
    } finally {
      pool.shutdownNow();
    }
    // the address is locked out for guesses, not for the good token
    as(null)
        .header("Authorization", "Bearer pln_another_guess")
        .get("/v1/changes?status=proposed")
        .then()
        .statusCode(429)
        .header("Retry-After", org.hamcrest.Matchers.notNullValue());
    as(editor).get("/v1/changes?status=proposed").then().statusCode(200);
  }

  @Test
  void aChangeSetOfTwoHundredOperationsFitsTheBodyLimit() {
    List<Map<String, Object>> ops = new ArrayList<>();
    String prefix = Curators.unique("bulk");
    for (int i = 0; i < 200; i++) {
      ops.add(
          source(
              prefix + "-" + i,
              Map.of(
                  "title",
                  "A long title to make a large body, number " + i + " " + "x".repeat(400),
                  "url",
                  "https://example.org/bulk/" + i)));
    }
    Map<String, Object> body = changeSet("Two hundred sources", ops);
    int bytes = org.plenary.http.Json.bytes(body).length; // well past the read side's 64 KiB
    assertTrue(bytes > 1 << 16, "body of " + bytes + " bytes");
    as(editor)
        .body(body)
        .post("/v1/changes")
        .then()
        .statusCode(201)
        .body("data.operations.size()", is(200));
    // past the curation limit: a 413 that says what the limit is for
    String huge = "{\"reason\":\"" + "x".repeat(5 << 20) + "\",\"operations\":[]}";
    Response r = as(editor).body(huge).post("/v1/changes");
    problem(r, 413, "change set");
    assertFalse(r.asString().contains("read-only"), r.asString());
  }
}
