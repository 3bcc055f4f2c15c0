package org.plenary.curation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.blankOrNullString;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plenary.curation.Curators.ADMIN;
import static org.plenary.curation.Curators.approve;
import static org.plenary.curation.Curators.as;
import static org.plenary.curation.Curators.base;
import static org.plenary.curation.Curators.changeSet;
import static org.plenary.curation.Curators.create;
import static org.plenary.curation.Curators.propose;
import static org.plenary.curation.Curators.publish;
import static org.plenary.curation.Curators.update;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.Fixtures;
import org.plenary.WritingTestProfile;
import org.plenary.config.PlenaryConfig.OnTamper;
import org.plenary.dataset.DatasetState;
import org.plenary.http.Problem;
import org.plenary.release.ContentChecksum;
import org.plenary.seed.SeedFiles;
import org.plenary.seed.SeedReader;

/** The curation flow through the API, on the writing tests' own database. */
@QuarkusTest
@TestProfile(WritingTestProfile.class)
class CurationTest extends WithCurators {
  @Inject DatasetState state;
  @Inject org.plenary.dataset.SeedLoader loader;
  @Inject org.flywaydb.core.Flyway flyway;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String url;

  @ConfigProperty(name = "quarkus.datasource.username")
  String user;

  @ConfigProperty(name = "quarkus.datasource.password")
  String password;

  @Inject io.agroal.api.AgroalDataSource dataSource;

  @Override
  void leftApproved(List<Integer> approved) {
    // a test leaves no approved change set behind for another test's release
    if (!approved.isEmpty()) {
      publish(ADMIN);
    }
  }

  private static void problem(Response r, int status) {
    r.then()
        .statusCode(status)
        .contentType(Problem.MEDIA_TYPE)
        .body("status", is(status))
        .body("detail", not(blankOrNullString()));
  }

  @Test
  void theRoleMatrixOnEveryWrite() {
    Curators.World w = Curators.world(editor, reviewer);
    String admin = ADMIN;
    // POST /v1/tokens: admin only
    Map<String, Object> tokenBody = Map.of("name", Curators.unique("x"), "role", "editor");
    problem(as(null).body(tokenBody).post("/v1/tokens"), 401);
    problem(as(editor).body(tokenBody).post("/v1/tokens"), 403);
    problem(as(reviewer).body(tokenBody).post("/v1/tokens"), 403);
    as(admin).body(tokenBody).post("/v1/tokens").then().statusCode(201);

    // POST /v1/changes: editor or above
    Map<String, Object> change =
        changeSet("Role matrix", List.of(update("positions", w.positionA(), Map.of("note", "x"))));
    problem(as(null).body(change).post("/v1/changes"), 401);
    long byEditor = propose(editor, change);
    long byReviewer = propose(reviewer, change);
    long byAdmin = propose(admin, change);

    // approve / reject: reviewer or admin
    for (String action : List.of("approve", "reject")) {
      problem(as(null).post("/v1/changes/" + byEditor + "/" + action), 401);
      problem(as(editor2).post("/v1/changes/" + byEditor + "/" + action), 403);
    }
    as(reviewer).post("/v1/changes/" + byAdmin + "/reject").then().statusCode(200);
    as(admin).post("/v1/changes/" + byReviewer + "/reject").then().statusCode(200);
    as(admin).post("/v1/changes/" + byEditor + "/approve").then().statusCode(200);

    // POST /v1/releases: reviewer or admin
    Map<String, Object> release = Map.of("version", Curators.nextVersion(), "notes", "Roles");
    problem(as(null).body(release).post("/v1/releases"), 401);
    problem(as(editor).body(release).post("/v1/releases"), 403);
    as(reviewer).body(release).post("/v1/releases").then().statusCode(201);
    long more =
        propose(
            editor,
            changeSet("Roles 2", List.of(update("positions", w.positionB(), Map.of("note", "y")))));
    approve(reviewer, more);
    as(admin)
        .body(Map.of("version", Curators.nextVersion(), "notes", "Roles 2"))
        .post("/v1/releases")
        .then()
        .statusCode(201);

    // a bad token is a 401, whatever the role would have been
    problem(as("pln_not-a-token").body(change).post("/v1/changes"), 401);
    given()
        .header("Authorization", "Basic Zm9vOmJhcg==")
        .contentType("application/json")
        .body(change)
        .post("/v1/changes")
        .then()
        .statusCode(401)
        .contentType(Problem.MEDIA_TYPE);
    // pending change sets are for editors: a 401 naming the scheme, as every 401 does
    problem(as(null).get("/v1/changes?status=proposed"), 401);
    as(null).get("/v1/changes?status=proposed").then().header("WWW-Authenticate", "Bearer");
    as(null).body(change).post("/v1/changes").then().header("WWW-Authenticate", "Bearer");
  }

  @Test
  void nobodyApprovesTheirOwnChange() {
    Curators.World w = Curators.world(editor, reviewer);
    long own =
        propose(
            reviewer,
            changeSet("Self", List.of(update("positions", w.positionA(), Map.of("note", "own")))));
    Response r = as(reviewer).post("/v1/changes/" + own + "/approve");
    problem(r, 403);
    r.then().body("detail", containsString("own change"));
    long admins =
        propose(
            ADMIN,
            changeSet(
                "Self admin", List.of(update("positions", w.positionB(), Map.of("note", "own")))));
    problem(as(ADMIN).post("/v1/changes/" + admins + "/approve"), 403);
    as(ADMIN).get("/v1/changes/" + own).then().body("data.status", is("proposed"));
    as(reviewer).post("/v1/changes/" + admins + "/reject").then().statusCode(200);
    as(ADMIN).post("/v1/changes/" + own + "/reject").then().statusCode(200);
  }

  @Test
  void aStaleBaseIsRefusedAtProposalAndAtApprovalAndNothingIsApplied() {
    Curators.World w = Curators.world(editor, reviewer);
    String seen = base("positions", w.positionA());
    Map<String, Object> first =
        changeSet(
            "First",
            List.of(update("positions", w.positionA(), Map.of("paraphrase", "second wording"))));
    Map<String, Object> second =
        changeSet(
            "Second",
            List.of(update("positions", w.positionA(), Map.of("paraphrase", "third wording"))));
    long a = propose(editor, first);
    long b = propose(editor2, second); // made on the same base
    approve(reviewer, a);
    // another approved change to the same record waits for a release: 409
    problem(as(reviewer).post("/v1/changes/" + b + "/approve"), 409);
    publish(reviewer);
    // now the record moved: b's base is stale, at approval...
    Response r = as(reviewer).post("/v1/changes/" + b + "/approve");
    problem(r, 409);
    r.then().body("detail", containsString("changed since you saw it"));
    // ... and at proposal
    problem(as(editor).body(second).post("/v1/changes"), 409);
    assertNotEquals(seen, base("positions", w.positionA()));
    given()
        .get("/v1/positions/" + w.positionA())
        .then()
        .body("data.paraphrase", is("second wording"));
    as(ADMIN).get("/v1/changes/" + b).then().body("data.status", is("proposed"));
    // creating a record that exists, or changing one that does not: 409
    problem(
        as(editor)
            .body(
                changeSet(
                    "Dup",
                    List.of(
                        create(
                            "sources",
                            w.source(),
                            Map.of("publisher", "x", "kind", "news"),
                            null))))
            .post("/v1/changes"),
        409);
    Map<String, Object> ghost = Curators.op("update", "positions", "no-such-position");
    ghost.put("base", "abc");
    ghost.put("set", Map.of("note", "x"));
    ghost.put("sources", List.of(Map.of("source_id", w.source())));
    problem(as(editor).body(changeSet("Ghost", List.of(ghost))).post("/v1/changes"), 409);
    as(ADMIN).post("/v1/changes/" + b + "/reject").then().statusCode(200);
  }

  @Test
  void invalidValuesAre422NamingTheField() {
    Curators.World w = Curators.world(editor, reviewer);
    Response r =
        as(editor)
            .body(
                changeSet(
                    "Bad stance",
                    List.of(update("positions", w.positionA(), Map.of("stance", "angry")))))
            .post("/v1/changes");
    problem(r, 422);
    r.then()
        .body("invalid_params.name", hasItem("operations[0].set.stance"))
        .body("detail", containsString("angry"));
    Map<String, Object> uncited = update("positions", w.positionA(), Map.of("note", "x"));
    uncited.remove("sources");
    problem(as(editor).body(changeSet("No source", List.of(uncited))).post("/v1/changes"), 422);
    r =
        as(editor)
            .body(
                changeSet(
                    "Unknown field",
                    List.of(update("positions", w.positionA(), Map.of("mood", "x")))))
            .post("/v1/changes");
    problem(r, 422);
    r.then().body("invalid_params.name", hasItem("operations[0].set.mood"));
    r =
        as(editor)
            .body(
                changeSet(
                    "Bad date",
                    List.of(update("positions", w.positionA(), Map.of("date", "2025-13")))))
            .post("/v1/changes");
    problem(r, 422);
    r.then().body("invalid_params.name", hasItem("operations[0].set.date"));
    r = as(editor).body(Map.of("reason", "", "operations", List.of())).post("/v1/changes");
    problem(r, 422);
    r.then()
        .body("invalid_params.name", hasItem("reason"))
        .body("invalid_params.name", hasItem("operations"));
    Map<String, Object> elsewhere = update("positions", w.positionA(), Map.of("note", "x"));
    elsewhere.put("collection", "roll-calls");
    r = as(editor).body(changeSet("No such collection", List.of(elsewhere))).post("/v1/changes");
    problem(r, 422);
    r.then().body("invalid_params.name", hasItem("operations[0].collection"));
    problem(
        given()
            .contentType("application/json")
            .header("Authorization", "Bearer " + editor)
            .body("{not json")
            .post("/v1/changes"),
        400);
    // a reference that does not resolve breaks the dataset's rules: 422, nothing stored
    r =
        as(editor)
            .body(
                changeSet(
                    "Bad org",
                    List.of(
                        update(
                            "positions", w.positionA(), Map.of("organization_id", "no-such-org")))))
            .post("/v1/changes");
    problem(r, 422);
    // the loader's cross-record rules: quote_status none goes with an empty quote
    r =
        as(editor)
            .body(
                changeSet(
                    "Quote", List.of(update("positions", w.positionA(), Map.of("quote", "words")))))
            .post("/v1/changes");
    problem(r, 422);
    r.then().body("invalid_params.name", hasItem("operations[0]"));
    problem(as(ADMIN).body(Map.of("name", "", "role", "boss")).post("/v1/tokens"), 422);
    problem(as(ADMIN).body(Map.of("version", "one", "notes", "x")).post("/v1/releases"), 422);
  }

  @Test
  void aPublishedReleaseShowsEverywhereWithItsAudit() {
    Curators.World w = Curators.world(editor, reviewer);
    String before = currentEtag("/v1/positions/" + w.positionA());
    long id =
        propose(
            editor,
            changeSet(
                "Reworded after checking the source",
                List.of(
                    update("positions", w.positionA(), Map.of("paraphrase", "checked wording")))));
    // pending: editors see it, the public does not
    as(editor).get("/v1/changes/" + id).then().statusCode(200).body("data.status", is("proposed"));
    problem(given().get("/v1/changes/" + id), 401);
    given().get("/v1/changes/" + id).then().header("WWW-Authenticate", "Bearer");
    problem(as(editor).get("/v1/changes/999999"), 404);
    given()
        .get("/v1/changes")
        .then()
        .statusCode(200)
        .body("data.status", everyItem(is("released")));
    as(editor).get("/v1/changes").then().body("data.id", hasItem((int) id));
    given()
        .get("/v1/positions/" + w.positionA())
        .then()
        .body("data.paraphrase", is("first wording"));
    approve(reviewer, id);
    given()
        .get("/v1/positions/" + w.positionA())
        .then()
        .body("data.paraphrase", is("first wording"));
    String version = publish(reviewer);

    given()
        .get("/v1/positions/" + w.positionA())
        .then()
        .header("X-Dataset-Version", version)
        .body("data.paraphrase", is("checked wording"))
        .body("meta.dataset_version", is(version));
    assertNotEquals(before, currentEtag("/v1/positions/" + w.positionA()));
    given()
        .get("/v1/dataset")
        .then()
        .body("data.version", is(version))
        .body("data.releases[0].version", is(version))
        .body("data.releases[0].changelog.reason", hasItem("Reworded after checking the source"))
        .body("data.releases[0].changes", containsString("Reworded after checking the source"));
    given()
        .get("/v1/changes/" + id)
        .then()
        .statusCode(200)
        .body("data.status", is("released"))
        .body("data.author", notNullValue())
        .body("data.reviewer", notNullValue())
        .body("data.reviewed_at", matchesPattern("\\d{4}-\\d{2}-\\d{2}T.*Z"))
        .body("data.release", is(version))
        .body("data.sources", hasItem(w.source()))
        .body("data.operations[0].before.paraphrase", is("first wording"))
        .body("data.operations[0].after.paraphrase", is("checked wording"));
    given()
        .get("/v1/releases/" + version)
        .then()
        .statusCode(200)
        .body("data.origin", is("curation"))
        .body("data.changelog.change_set", hasItem((int) id))
        .body("data.files.name", hasItem("positions.csv"));
    given().get("/v1/releases").then().statusCode(200).body("data.version", hasItem(version));
    problem(given().get("/v1/releases/9.9.9"), 404);
    problem(
        as(reviewer).body(Map.of("version", version, "notes", "again")).post("/v1/releases"), 409);
    problem(
        as(reviewer)
            .body(Map.of("version", Curators.nextVersion(), "notes", "empty"))
            .post("/v1/releases"),
        409);
  }

  @Test
  void everyReleasesDumpsStayDownloadableByteForByte() throws Exception {
    Curators.World w = Curators.world(editor, reviewer);
    String old = Curators.currentVersion();
    byte[] positions =
        given().get("/v1/dumps/positions.csv").then().statusCode(200).extract().asByteArray();
    byte[] zip =
        given()
            .get("/v1/dumps/plenary-" + old + ".zip")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    long id =
        propose(
            editor,
            changeSet(
                "Dump test", List.of(update("positions", w.positionA(), Map.of("note", "dumps")))));
    approve(reviewer, id);
    String next = publish(reviewer);
    byte[] now =
        given().get("/v1/dumps/positions.csv").then().statusCode(200).extract().asByteArray();
    assertTrue(!java.util.Arrays.equals(positions, now), "the current dump moved on");
    byte[] kept =
        given()
            .get("/v1/releases/" + old + "/dumps/positions.csv")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    assertArrayEquals(positions, kept, "the old release's CSV, byte for byte");
    Response oldZip = given().get("/v1/releases/" + old + "/dumps/plenary-" + old + ".zip");
    assertArrayEquals(zip, oldZip.asByteArray(), "the old release's zip, byte for byte");
    assertEquals("\"" + sha256(zip) + "\"", oldZip.header("ETag"));
    List<Map<String, Object>> files =
        given().get("/v1/releases/" + old).then().extract().path("data.files");
    for (Map<String, Object> f : files) {
      byte[] body =
          given().get((String) f.get("url")).then().statusCode(200).extract().asByteArray();
      assertEquals(f.get("sha256"), sha256(body), f.get("name").toString());
    }
    given()
        .header("If-None-Match", "\"" + sha256(kept) + "\"")
        .get("/v1/releases/" + old + "/dumps/positions.csv")
        .then()
        .statusCode(304);
    given().get("/v1/releases/" + next + "/dumps/positions.csv").then().statusCode(200);
    problem(given().get("/v1/releases/" + old + "/dumps/nothing.csv"), 404);
  }

  @Test
  void theExportRoundTrips(@TempDir Path dir) throws Exception {
    Curators.world(editor, reviewer);
    String version = org.plenary.cli.Export.exportTo(url, user, password, dir);
    assertEquals(Curators.currentVersion(), version);
    SeedReader.SeedData data = SeedReader.read(SeedFiles.directory(dir));
    assertEquals(state.loaded().checksum(), data.checksum(), "the export is the published release");
    assertEquals(
        SeedReader.dataChecksum(SeedFiles.directory(dir)),
        data.table("release").stream()
            .filter(r -> r.text("version").equals(version))
            .findFirst()
            .orElseThrow()
            .text("data_sha256"),
        "its releases.csv records the data's checksum, as SeedDataTest checks");
    for (String file : List.of("positions.csv", "sources.csv", "claims.csv", "releases.csv")) {
      byte[] dump =
          given()
              .get("/v1/releases/" + version + "/dumps/" + file)
              .then()
              .statusCode(200)
              .extract()
              .asByteArray();
      assertArrayEquals(dump, java.nio.file.Files.readAllBytes(dir.resolve(file)), file);
    }
  }

  @Test
  void repeatedFailedAuthenticationIsSlowed() {
    for (int i = 0; i < AuthThrottle.MAX_FAILURES; i++) {
      problem(as("pln_wrong-" + i).post("/v1/changes/1/approve"), 401);
    }
    Response r = as(reviewer).post("/v1/changes/1/approve");
    problem(r, 429);
    r.then().header("Retry-After", matchesPattern("[1-9][0-9]*"));
    assertTrue(Integer.parseInt(r.header("Retry-After")) > 0);
    // reads stay open to everyone
    given().get("/v1/dataset").then().statusCode(200);
  }

  @Test
  void claimsAndRatificationsShowOnTheTreaty() {
    String treaty = given().get("/v1/treaty").then().statusCode(200).extract().path("data.id");
    String p = Curators.unique("c");
    String source = p + "-src";
    java.util.List<Map<String, Object>> ops = new java.util.ArrayList<>();
    ops.add(create("sources", source, Map.of("publisher", "Claims test", "kind", "news"), null));
    ops.add(create("claims", p + "-a", claim(treaty, 65, false, null), source));
    ops.add(create("claims", p + "-b", claim(treaty, 74, false, null), source));
    Map<String, Object> rat = new java.util.LinkedHashMap<>();
    rat.put("treaty_id", treaty);
    rat.put("delegation_id", "QAT");
    rat.put("date", "2026-05");
    rat.put("certainty", "single_source");
    ops.add(create("ratifications", treaty + "--QAT", rat, source));
    // only one claim of a figure is reported
    java.util.List<Map<String, Object>> twoReported = new java.util.ArrayList<>(ops);
    twoReported.add(create("claims", p + "-c", claim(treaty, 72, true, "one"), source));
    twoReported.add(create("claims", p + "-d", claim(treaty, 73, true, "another"), source));
    problem(as(editor).body(changeSet("Two reported", twoReported)).post("/v1/changes"), 422);
    long id = propose(editor, changeSet("Signatory counts and a ratification", ops));
    approve(reviewer, id);
    publish(reviewer);
    given()
        .get("/v1/treaty")
        .then()
        .body("data.signatories_claims.value", hasItem(65))
        .body("data.conflicts[0].property", is("signatories_count"))
        .body("data.conflicts[0].values", hasItem(65))
        .body("data.conflicts[0].values", hasItem(74))
        .body("data.ratifications.delegation_id", hasItem("QAT"))
        .body("data.ratifications_known", is(1))
        .body("data.ratifications_missing", notNullValue())
        .body("data.signatories_claims[0].sources", not(nullValue()));
  }

  @Test
  void aReaderDuringAPublishSeesTheOldOrTheNewReleaseNeverHalf() throws Exception {
    Curators.World w = Curators.world(editor, reviewer);
    String path = "/v1/positions?id=" + w.positionA() + "," + w.positionB() + "&sort=id";
    long id =
        propose(
            editor,
            changeSet(
                "Both at once",
                List.of(
                    update("positions", w.positionA(), Map.of("paraphrase", "new A")),
                    update("positions", w.positionB(), Map.of("paraphrase", "new B")))));
    approve(reviewer, id);
    java.util.concurrent.atomic.AtomicBoolean done =
        new java.util.concurrent.atomic.AtomicBoolean();
    java.util.List<String> seen =
        java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    Thread reader =
        new Thread(
            () -> {
              while (!done.get()) {
                List<String> p =
                    given().get(path).then().statusCode(200).extract().path("data.paraphrase");
                seen.add(String.join("|", p));
              }
            });
    reader.start();
    await().atMost(Duration.ofSeconds(30)).until(() -> !seen.isEmpty());
    publish(reviewer);
    await().atMost(Duration.ofSeconds(30)).until(() -> seen.contains("new A|new B"));
    done.set(true);
    reader.join(10_000);
    assertTrue(
        seen.contains("first wording|first wording"), "read the old release: " + seen.size());
    assertTrue(seen.contains("new A|new B"), "read the new release");
    for (String s : seen) {
      assertTrue(
          s.equals("first wording|first wording") || s.equals("new A|new B"),
          "half a release: " + s);
    }
    int firstNew = seen.indexOf("new A|new B");
    assertTrue(
        seen.subList(firstNew, seen.size()).stream().allMatch("new A|new B"::equals),
        "once the new release is seen, never the old one again");
  }

  @Test
  void aStartKeepsEveryChangeSetReviewAndRelease() throws Exception {
    Curators.World w = Curators.world(editor, reviewer);
    long id =
        propose(
            editor,
            changeSet("Kept", List.of(update("positions", w.positionA(), Map.of("note", "kept")))));
    approve(reviewer, id);
    String version = publish(reviewer);
    long pending =
        propose(
            editor,
            changeSet(
                "Pending", List.of(update("positions", w.positionB(), Map.of("note", "pending")))));
    String checksum = state.loaded().checksum();
    List<Object> releases = given().get("/v1/releases").then().extract().path("data.version");
    // what a start does: migrate, load the files (the bootstrap release, older than ours), keep
    // dumps
    flyway.migrate();
    assertEquals(
        Map.of(),
        loader.load(Fixtures.files(), OnTamper.REFUSE),
        "the curated content is verified as published: nothing reloaded, no tampering reported");
    state.refresh();
    assertEquals(version, state.version());
    assertEquals(
        checksum, state.loaded().checksum(), "nothing was reloaded over the curated release");
    given().get("/v1/positions/" + w.positionA()).then().body("data.note", is("kept"));
    assertEquals(releases, given().get("/v1/releases").then().extract().path("data.version"));
    given().get("/v1/changes/" + id).then().statusCode(200).body("data.reviews.size()", is(1));
    as(editor)
        .get("/v1/changes/" + pending)
        .then()
        .statusCode(200)
        .body("data.status", is("proposed"));
    as(ADMIN).post("/v1/changes/" + pending + "/reject").then().statusCode(200);
  }

  @Test
  void anUpdateThatChangesNothingIsRefusedAndLinksAreAbsolute() {
    Curators.World w = Curators.world(editor, reviewer);
    Map<String, Object> same = Curators.op("update", "positions", w.positionA());
    same.put("base", base("positions", w.positionA()));
    same.put("set", Map.of("stance", "concerned", "paraphrase", "first wording"));
    same.put("sources", List.of(Map.of("source_id", w.source(), "locator", "test")));
    Response refused = as(editor).body(changeSet("Nothing", List.of(same))).post("/v1/changes");
    problem(refused, 422);
    refused.then().body("invalid_params[0].name", is("operations[0].set"));

    // what the README promises of every link: absolute, the Location of a 201 too
    long id =
        propose(
            editor,
            changeSet(
                "Links",
                List.of(update("positions", w.positionA(), Map.of("paraphrase", "linked")))));
    Response one = as(editor).get("/v1/changes/" + id);
    String self = one.then().statusCode(200).extract().path("links.self");
    assertEquals(
        io.restassured.RestAssured.baseURI
            + ":"
            + io.restassured.RestAssured.port
            + "/v1/changes/"
            + id,
        self);
    Response approved = as(reviewer).post("/v1/changes/" + id + "/approve");
    assertEquals(self, approved.then().statusCode(200).extract().path("links.self"));
    io.restassured.specification.RequestSpecification created =
        as(editor)
            .body(
                changeSet(
                    "Links 2",
                    List.of(update("positions", w.positionB(), Map.of("paraphrase", "linked")))));
    Response posted = created.post("/v1/changes");
    assertEquals(
        posted.header("Location"), posted.then().statusCode(201).extract().path("links.self"));
    assertTrue(posted.header("Location").startsWith("http://"), posted.header("Location"));
    as(reviewer).post("/v1/changes/" + posted.path("data.id") + "/reject").then().statusCode(200);
    String release = publishVersion();
    Response r = as(null).get("/v1/releases/" + release);
    assertTrue(r.then().statusCode(200).extract().<String>path("links.self").startsWith("http://"));
    assertTrue(
        as(null)
            .get("/v1/changes")
            .then()
            .extract()
            .<String>path("links.self")
            .startsWith("http://"));
  }

  private static String publishVersion() {
    return Curators.publish(Curators.ADMIN);
  }

  @Test
  void aDirectEditAfterACuratedReleaseIsCaughtAndRestoredFromItsDumps() throws Exception {
    Curators.World w = Curators.world(editor, reviewer);
    long id =
        propose(
            editor,
            changeSet(
                "Curated", List.of(update("positions", w.positionA(), Map.of("note", "curated")))));
    approve(reviewer, id);
    String version = publish(reviewer);
    assertEquals(Map.of(), loader.load(Fixtures.files(), OnTamper.REFUSE), "no tampering");
    try (Connection c = dataSource.getConnection();
        var s = c.createStatement()) {
      s.executeUpdate("update position set note = 'edited' where id = '" + w.positionA() + "'");
    }
    org.plenary.release.TamperedException e =
        assertThrows(
            org.plenary.release.TamperedException.class,
            () -> loader.load(Fixtures.files(), OnTamper.REFUSE));
    assertTrue(e.getMessage().contains("position"), e.getMessage());
    Map<String, Integer> changed = loader.load(Fixtures.files(), OnTamper.RESTORE);
    assertEquals(1, changed.get("position"), "restored from the curated release's dumps");
    state.refresh();
    assertEquals(version, state.version(), "the curated release stays");
    given().get("/v1/positions/" + w.positionA()).then().body("data.note", is("curated"));
    try (Connection c = dataSource.getConnection()) {
      assertEquals(List.of(), ContentChecksum.verify(c).orElseThrow());
    }
  }

  private static Map<String, Object> claim(
      String treaty, int value, boolean reported, String reason) {
    Map<String, Object> c = new java.util.LinkedHashMap<>();
    c.put("subject_type", "treaty");
    c.put("subject_id", treaty);
    c.put("property", "signatories_count");
    c.put("value", value);
    c.put("as_of", "2025-10-26");
    c.put("certainty", "single_source");
    c.put("reported", reported);
    c.put("reason", reason);
    return c;
  }

  private static String currentEtag(String path) {
    return given().get(path).then().statusCode(200).extract().header("ETag");
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
