package org.plenary.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.plenary.dataset.DatasetState;
import org.plenary.http.HttpCache;
import org.plenary.query.CollectionSpec;
import org.plenary.query.ListQuery;
import org.plenary.query.QueryEngine;
import org.plenary.statement.Statements;

/**
 * The General Debate on the small corpus of src/test/resources/ungdc (five statements, a file that
 * is not one, an observer's code, a speakers' file): the import (idempotent, a refusal changes
 * nothing, tgz and directory alike), search with passages, counts per year, a statement with its
 * paragraphs, the statements beside a vote, and the pages. The class imports once and removes what
 * it imported at the end (a test-only cleanup: the service never deletes), restoring the dataset
 * state for the other tests.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeneralDebateTest {
  static final Path DIR = Path.of("src", "test", "resources", "ungdc");

  @Inject UngdcImporter importer;
  @Inject org.plenary.TestSql sql;
  @Inject DatasetState state;
  @Inject HttpCache cache;
  @Inject QueryEngine engine;

  private Map<String, Object> stateBefore;
  private UngdcImporter.Summary first;
  private final List<String> progress = new ArrayList<>();

  @BeforeAll
  void importOnce() {
    sql.awaitWriters(); // the state as the start left it, checksums recorded
    stateBefore =
        sql.rows(
                "select version, checksum, import_checksum, content_checksums::text as sums from"
                    + " dataset_state")
            .get(0);
    first = importer.importCorpus(DIR, progress::add);
    cache.clear();
  }

  @AfterAll
  void removeWhatWasImported() {
    sql.rows(
        "with x as (delete from statement_search returning 1), p as (delete from"
            + " statement_paragraph returning 1), s as (delete from statement returning 1) select"
            + " (select count(*) from p) + (select count(*) from s) as n");
    sql.rows(
        "with f as (delete from release_file where version in (select version from release where"
            + " origin = 'ungdc') returning 1) select count(*) as n from f");
    sql.rows(
        "with r as (delete from release where origin = 'ungdc' returning 1), s as (delete from"
            + " source where origin = 'ungdc' returning 1) select (select count(*) from r) as n");
    sql.rows(
        "update dataset_state set version = ?, checksum = ?, import_checksum = ?,"
            + " content_checksums = ?::jsonb returning 1",
        stateBefore.get("version"),
        stateBefore.get("checksum"),
        stateBefore.get("import_checksum"),
        stateBefore.get("sums"));
    state.refresh();
    cache.clear();
  }

  @Test
  void theImportNamesWhatItSkippedAndTheCodesOutsideTheDelegations() {
    assertTrue(first.changed());
    assertEquals(5, first.statementsRead());
    assertEquals(5, first.added());
    assertEquals(4, first.withSpeaker());
    assertEquals(List.of("TXT/Session 47 - 1992/.DS_Store-to-UTF-8.txt"), first.skipped());
    assertEquals(Map.of("EU", 1), first.outsideDelegations());
    assertEquals(state.version(), first.versionAfter());
    assertTrue(first.versionAfter().endsWith("+ungdc.1"), first.versionAfter());
    List<Map<String, Object>> eu =
        sql.rows("select code, speaker, source_id, locator from statement where id = 'eu-74-2019'");
    assertEquals("EU", eu.get(0).get("code"));
    assertEquals(null, eu.get(0).get("speaker"));
    assertEquals("ungdc", eu.get(0).get("source_id"));
    assertEquals("TXT/Session 74 - 2019/EU_74_2019.txt", eu.get(0).get("locator"));
    String changes =
        (String)
            sql.rows("select changes from release where version = ?", first.versionAfter())
                .get(0)
                .get("changes");
    assertTrue(changes.contains("5 statements added"), changes);
    assertTrue(
        UngdcImporter.lines(first, 1.0).stream()
            .anyMatch(l -> l.equals("    skipped: TXT/Session 47 - 1992/.DS_Store-to-UTF-8.txt")));
  }

  @Test
  void aSecondImportChangesNothingFromTheDirectoryOrTheTgz() throws IOException {
    List<Map<String, Object>> before = sql.rows("select id, updated_at from statement order by id");
    long paragraphs =
        (Long) sql.rows("select count(*) as n from statement_paragraph").get(0).get("n");
    UngdcImporter.Summary again = importer.importCorpus(DIR, s -> {});
    assertFalse(again.changed());
    assertEquals(5, again.unchanged());
    Path tgz = Files.createTempFile("ungdc", ".tgz");
    try {
      tgz(DIR, tgz);
      UngdcImporter.Summary fromTgz = importer.importCorpus(tgz, s -> {});
      assertFalse(fromTgz.changed());
      assertEquals(5, fromTgz.statementsRead());
      assertEquals(List.of("TXT/Session 47 - 1992/.DS_Store-to-UTF-8.txt"), fromTgz.skipped());
    } finally {
      Files.delete(tgz);
    }
    assertEquals(first.versionAfter(), state.version());
    assertEquals(before, sql.rows("select id, updated_at from statement order by id"));
    assertEquals(
        paragraphs, sql.rows("select count(*) as n from statement_paragraph").get(0).get("n"));
  }

  @Test
  void aRefusedCorpusChangesNothing() {
    List<Map<String, Object>> before =
        sql.rows("select id, updated_at, text_sha256 from statement order by id");
    UndlFile.Refused e =
        assertThrows(
            UndlFile.Refused.class,
            () ->
                importer.importCorpus(
                    Path.of("src", "test", "resources", "ungdc-refused"), s -> {}));
    assertTrue(e.getMessage().contains("FRA_73_2019.txt"), e.getMessage());
    assertEquals(before, sql.rows("select id, updated_at, text_sha256 from statement order by id"));
    assertEquals(first.versionAfter(), state.version());
    assertEquals(
        1L, sql.rows("select count(*) as n from release where origin = 'ungdc'").get(0).get("n"));
  }

  @Test
  void aPhraseFoundInExactlyOneStatement() {
    JsonPath j =
        given()
            .queryParam("q", "\"bridge of trust\"")
            .queryParam("include", "total")
            .get("/v1/statements")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(1, j.getInt("meta.total"));
    assertEquals("usa-74-2019", j.getString("data[0].id"));
    assertEquals(2, j.getInt("data[0].paragraph"));
    assertEquals("Mr. Donald Trump", j.getString("data[0].speaker"));
    assertTrue(
        j.getString("data[0].snippet").contains("<mark>bridge</mark> of <mark>trust</mark>"),
        j.getString("data[0].snippet"));
    // the words apart, not as the phrase: the statement of Estonia has neither
    given()
        .queryParam("q", "\"trust of bridge\"")
        .get("/v1/statements")
        .then()
        .statusCode(200)
        .body("meta.count", equalTo(0));
  }

  @Test
  void aNegationExcludesTheParagraphsWithTheWord() {
    JsonPath all = given().queryParam("q", "cybercrime").get("/v1/statements").jsonPath();
    assertEquals(List.of("rus-74-2019", "usa-74-2019"), sortedIds(all));
    JsonPath without =
        given().queryParam("q", "cybercrime -treaty").get("/v1/statements").jsonPath();
    assertEquals(List.of("rus-74-2019"), sortedIds(without));
    assertEquals(2, without.getInt("data[0].paragraph"));
  }

  @Test
  void aTermInOneParagraphOfALongTextIsShownInThatParagraph() {
    JsonPath j = given().queryParam("q", "quantum").get("/v1/statements").jsonPath();
    assertEquals(1, j.getInt("meta.count"));
    assertEquals("est-74-2019", j.getString("data[0].id"));
    assertEquals(23, j.getInt("data[0].paragraph"));
    assertEquals(40, j.getInt("data[0].paragraphs"));
    assertEquals(
        "Estonia will open a <mark>quantum</mark> sandbox for young engineers from every region of"
            + " the world",
        j.getString("data[0].snippet"));
  }

  @Test
  void aSearchSortedByRankRanksTheNewestMatchesWithinItsBound() {
    // "security": 39 of Estonia's 40 paragraphs (all but 23) and Russia's third, all in 2019;
    // ranked among the two newest (year, then statement and paragraph, descending)
    CollectionSpec two = Statements.PASSAGES.rankBounded(Statements.newest(2));
    QueryEngine.Page ranked =
        engine.page(
            ListQuery.parse(
                two, Map.of("q", List.of("security"), "include", List.of("total")), List.of()));
    assertEquals(List.of("est-74-2019#40", "rus-74-2019#3"), anchors(ranked));
    assertEquals(2L, ranked.total());
    // a filter on the delegation (a joined table) bounds the same way, among its own matches
    QueryEngine.Page estonia =
        engine.page(
            ListQuery.parse(
                two, Map.of("q", List.of("security"), "delegation_id", List.of("EST")), List.of()));
    assertEquals(List.of("est-74-2019#39", "est-74-2019#40"), anchors(estonia));
    // another order reaches every match; the per-year counts count every match
    QueryEngine.Page byYear =
        engine.page(
            ListQuery.parse(
                two,
                Map.of(
                    "q",
                    List.of("security"),
                    "sort",
                    List.of("year"),
                    "include",
                    List.of("total"),
                    "limit",
                    List.of("100")),
                List.of()));
    assertEquals(40L, byYear.total());
    assertEquals(40, byYear.rows().size());
    // the service's own bound is far above the fixture's matches: every one is ranked
    given()
        .queryParam("q", "security")
        .queryParam("include", "total")
        .get("/v1/statements")
        .then()
        .statusCode(200)
        .body("meta.total", equalTo(40));
  }

  private static List<String> anchors(QueryEngine.Page page) {
    return page.rows().stream().map(r -> r.get("id") + "#" + r.get("paragraph")).sorted().toList();
  }

  @Test
  void filtersFacetsAndCountsPerYear() {
    JsonPath j =
        given()
            .queryParam("q", "united nations")
            .queryParam("year__gte", "1990")
            .queryParam("facet", "delegation_id,decade")
            .get("/v1/statements")
            .jsonPath();
    assertEquals(List.of("rus-74-2019"), sortedIds(j));
    assertEquals(2010, j.getInt("meta.facets.decade.values[0].value"));
    JsonPath old =
        given()
            .queryParam("q", "united nations")
            .queryParam("date__lte", "1950")
            .get("/v1/statements")
            .jsonPath();
    assertEquals(List.of(), sortedIds(old));
    JsonPath counts =
        given()
            .queryParam("q", "session or security")
            .queryParam("by", "year")
            .get("/v1/statements/counts")
            .jsonPath();
    // "session" once in the Argentine text of 1946; "security" in 39 of Estonia's 40 paragraphs
    // and one of Russia's, in 2019
    assertEquals(List.of(1946, 2019), counts.getList("data.value"));
    assertEquals(List.of(1, 2), counts.getList("data.statements"));
    assertEquals(List.of(1, 40), counts.getList("data.paragraphs"));
    JsonPath perDecade = given().queryParam("by", "decade").get("/v1/statements/counts").jsonPath();
    assertEquals(List.of(1940, 2010), perDecade.getList("data.value"));
    assertEquals(List.of(1, 4), perDecade.getList("data.statements"));
  }

  @Test
  void theDumpsCarryTheStatementsMetadataAndTheCorpusCitationNeverTheirTexts() {
    String csv =
        given().get("/v1/dumps/statements.csv").then().statusCode(200).extract().asString();
    List<String> lines = csv.lines().toList();
    assertEquals(
        "id,code,session,year,speaker,post,paragraphs,characters,text_sha256,source_id,locator",
        lines.get(0));
    assertEquals(6, lines.size()); // the header and the five statements, in id order
    assertTrue(lines.get(1).startsWith("arg-1-1946,ARG,1,1946,"), lines.get(1));
    Map<String, Object> rus =
        sql.rows("select characters, text_sha256 from statement where id = 'rus-74-2019'").get(0);
    String line =
        lines.stream().filter(l -> l.startsWith("rus-74-2019,")).findFirst().orElseThrow();
    assertTrue(line.startsWith("rus-74-2019,RUS,74,2019,Mr. Sergey Lavrov,"), line);
    assertTrue(
        line.endsWith(
            ",3,"
                + rus.get("characters")
                + ","
                + rus.get("text_sha256")
                + ",ungdc,TXT/Session 74 - 2019/RUS_74_2019.txt"),
        line);
    // no paragraph of any statement is in any file of the dumps
    JsonPath dumps = given().get("/v1/dumps").then().statusCode(200).extract().jsonPath();
    List<String> names = dumps.getList("data.name", String.class);
    assertTrue(names.contains("statements.csv"), names.toString());
    List<String> paragraphs =
        sql.rows("select text from statement_paragraph where length(text) > 30").stream()
            .map(r -> (String) r.get("text"))
            .toList();
    for (String name : names) {
      if (name.endsWith(".zip")) {
        continue; // its entries are the other files
      }
      String body = given().get("/v1/dumps/" + name).then().statusCode(200).extract().asString();
      for (String p : paragraphs) {
        assertFalse(body.contains(p), name + " holds a statement's paragraph: " + p);
      }
    }
    JsonPath pkg =
        given().get("/v1/dumps/datapackage.json").then().statusCode(200).extract().jsonPath();
    assertEquals("https://doi.org/10.7910/DVN/0TJX8Y", pkg.getString("sources[2].path"));
    assertTrue(pkg.getString("sources[2].title").contains("Words to unite nations"));
    assertEquals(
        List.of("id"), pkg.getList("resources.find { it.name == 'statements' }.schema.primaryKey"));
    assertEquals(5, pkg.getInt("resources.find { it.name == 'statements' }.rows"));
  }

  @Test
  void aStatementWithItsParagraphsAndCitation() {
    JsonPath j =
        given().get("/v1/statements/rus-74-2019").then().statusCode(200).extract().jsonPath();
    assertEquals("RUS", j.getString("data.delegation_id"));
    assertEquals("Mr. Sergey Lavrov", j.getString("data.speaker"));
    assertEquals(3, j.getInt("data.paragraphs"));
    assertEquals(3, j.getList("data.text").size());
    assertEquals("Information security must be ensured for all.", j.getString("data.text[2].text"));
    assertTrue(j.getString("data.citation").contains("TXT/Session 74 - 2019/RUS_74_2019.txt"));
    assertTrue(j.getString("data.citation").contains("Words to unite nations"));
    given()
        .get("/v1/statements/nope-1-1946")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .get("/v1/statements/counts?by=month")
        .then()
        .statusCode(400)
        .body("invalid_params[0].name", equalTo("by"));
    given()
        .get("/v1/delegations/USA/statements")
        .then()
        .statusCode(200)
        .body("data.id", equalTo(List.of("usa-74-2019")));
    given()
        .get("/v1/statements?code=EU")
        .then()
        .statusCode(200)
        .body("data[0].delegation_id", equalTo(null));
  }

  @Test
  void theStatementsOfAVotesSessionPerSide() {
    // the fixture's A/RES/74/247 (27 December 2019, no session of its own: the 74th by its date):
    // Russia voted yes, the United States and Estonia no
    JsonPath j =
        given()
            .queryParam("q", "cybercrime")
            .get("/v1/votes/a-res-74-247/statements")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(74, j.getInt("data.session"));
    assertEquals("yes", j.getString("data.sides[0].vote"));
    assertEquals("rus-74-2019", j.getString("data.sides[0].passages[0].statement_id"));
    assertEquals("/v1/statements/rus-74-2019#p2", j.getString("data.sides[0].passages[0].url"));
    assertEquals("no", j.getString("data.sides[1].vote"));
    assertEquals(1, j.getInt("data.sides[1].statements"));
    assertEquals("usa-74-2019", j.getString("data.sides[1].passages[0].statement_id"));
    assertEquals(4, j.getInt("data.sides[1].passages[0].paragraph"));
    given()
        .queryParam("vote", "maybe")
        .get("/v1/votes/a-res-74-247/statements")
        .then()
        .statusCode(400)
        .body("invalid_params[0].name", equalTo("vote"));
  }

  @Test
  void theSearchPageAndTheStatementPage() {
    String search =
        given()
            .queryParam("q", "quantum")
            .get("/statements")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(search.contains("<mark>quantum</mark>"), search);
    assertTrue(search.contains("href=\"/statements/est-74-2019#p23\""), search);
    assertTrue(search.contains("<svg"), search);
    String page =
        given().get("/statements/est-74-2019").then().statusCode(200).extract().asString();
    assertTrue(page.contains("id=\"p23\""), page);
    assertTrue(page.contains("Ms. Kersti Kaljulaid"), page);
    assertTrue(page.contains("Words to unite nations"), page);
    // Estonia voted no on A/RES/74/247 in the session of its statement
    assertTrue(page.contains("href=\"/votes/a-res-74-247\""), page);
    given().get("/statements/est-74-2019").then().body(not(containsString("<script")));
  }

  /**
   * A text that changes is searched anew: its paragraphs' search rows (statement_search, derived
   * from the texts by the import) are replaced with the text's. Runs last: it imports a changed
   * corpus, then the original again.
   */
  @Test
  @Order(Integer.MAX_VALUE)
  void aChangedTextIsSearchedAnew() throws IOException {
    Path changed = Files.createTempDirectory("ungdc-changed");
    try (Stream<Path> files = Files.walk(DIR)) {
      for (Path f : files.toList()) {
        Path to = changed.resolve(DIR.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to);
        }
      }
    }
    Files.writeString(
        changed.resolve("TXT/Session 01 - 1946/ARG_01_1946.txt"),
        "The Argentine delegation speaks of zeppelins.\n\nAnd of nothing else.\n");
    try {
      assertEquals(1, importer.importCorpus(changed, s -> {}).textChanged());
      cache.clear();
      assertSearch("zeppelins", List.of("arg-1-1946#1"));
      assertSearch("resumption", List.of());
      assertEquals(
          List.of(),
          sql.rows(
              "select statement_id, n from statement_paragraph except select statement_id, n"
                  + " from statement_search"));
      String snippet =
          given()
              .queryParam("q", "zeppelins")
              .get("/v1/statements")
              .jsonPath()
              .getString("data[0].snippet");
      assertEquals("Argentine delegation speaks of <mark>zeppelins</mark>", snippet);
    } finally {
      importer.importCorpus(DIR, s -> {});
      cache.clear();
      try (Stream<Path> files = Files.walk(changed)) {
        for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(f);
        }
      }
    }
    assertSearch("zeppelins", List.of());
    assertSearch("resumption", List.of("arg-1-1946#1"));
    assertEquals(
        sql.rows("select count(*) as n from statement_paragraph").get(0).get("n"),
        sql.rows("select count(*) as n from statement_search").get(0).get("n"));
  }

  /** A search for {@code q} finds exactly {@code found} (statement id#paragraph). */
  private static void assertSearch(String q, List<String> found) {
    JsonPath j =
        given()
            .queryParam("q", q)
            .get("/v1/statements")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<String> ids = j.getList("data.id", String.class);
    List<Integer> ns = j.getList("data.paragraph", Integer.class);
    List<String> got = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      got.add(ids.get(i) + "#" + ns.get(i));
    }
    assertEquals(found, got);
  }

  private static List<String> sortedIds(JsonPath j) {
    return j.getList("data.id", String.class).stream().distinct().sorted().toList();
  }

  private static void tgz(Path dir, Path out) throws IOException {
    try (OutputStream o = Files.newOutputStream(out);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(o));
        Stream<Path> files = Files.walk(dir)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        TarArchiveEntry e = new TarArchiveEntry(f.toFile(), dir.relativize(f).toString());
        tar.putArchiveEntry(e);
        Files.copy(f, tar);
        tar.closeArchiveEntry();
      }
    }
  }
}
