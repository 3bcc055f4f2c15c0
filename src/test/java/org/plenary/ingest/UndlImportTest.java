package org.plenary.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.dataset.DatasetState;
import org.plenary.dataset.SeedLoader;
import org.plenary.http.HttpCache;
import org.plenary.seed.SeedFiles;

/**
 * The import of the UN Digital Library's voting file, on small synthetic files in both layouts
 * (src/test/resources/undl). Each test imports into the test database and then removes what it
 * imported (a test-only cleanup: the service itself never deletes), restoring the dataset state, so
 * the other tests see the fixtures unchanged.
 */
@QuarkusTest
class UndlImportTest {
  private static final Path DIR = Path.of("src", "test", "resources", "undl");
  private static final Path SAMPLE =
      Path.of("..", "shared", "data", "undl-sample", "ga-voting-sessions-73-74.csv.gz");

  @Inject UndlImporter importer;
  @Inject org.plenary.TestSql engine;
  @Inject DatasetState state;
  @Inject SeedLoader loader;
  @Inject HttpCache cache;
  @Inject org.plenary.config.PlenaryConfig config;
  @TempDir Path tmp;

  private String versionBefore;
  private String stateChecksum;
  private String contentChecksums;
  private List<Map<String, Object>> seedVotesBefore;
  private final List<String> progress = new ArrayList<>();

  @BeforeEach
  void remember() {
    engine.awaitWriters(); // the state as the start left it, checksums recorded
    versionBefore = state.version();
    stateChecksum =
        (String) engine.rows("select checksum from dataset_state").get(0).get("checksum");
    seedVotesBefore = engine.rows("select id, updated_at from vote where origin = 'seed'");
  }

  @AfterEach
  void removeWhatWasImported() {
    engine.rows("delete from conflict where origin = 'undl' returning 1");
    engine.rows(
        "with c as (delete from citation where origin = 'undl' returning 1),"
            + " r as (delete from roll_call where origin = 'undl' returning 1),"
            + " v as (update vote set undl_id = null, session = null, resolution = null"
            + " where origin = 'seed' and undl_id is not null returning 1)"
            + " select (select count(*) from c) + (select count(*) from r) + (select count(*) from"
            + " v) as n");
    engine.rows("delete from vote_document where origin = 'undl' returning 1");
    engine.rows("delete from document where origin = 'undl' returning 1");
    engine.rows(
        "with v as (delete from vote where origin = 'undl' returning 1),"
            + " d as (delete from delegation where origin = 'undl' returning 1),"
            + " s as (delete from source where origin = 'undl' returning 1),"
            + " r as (delete from release where origin = 'undl' returning 1)"
            + " select (select count(*) from v) as n");
    for (Map<String, Object> v : seedVotesBefore) {
      engine.rows(
          "update vote set updated_at = ? where id = ? returning 1",
          v.get("updated_at"),
          v.get("id"));
    }
    engine.rows(
        "update dataset_state set version = ?, checksum = ?, import_checksum = null,"
            + " content_checksums = ?::jsonb returning 1",
        versionBefore,
        stateChecksum,
        contentChecksums);
    state.refresh();
    cache.clear();
  }

  private UndlImporter.Summary load(String file) {
    return importer.importFile(DIR.resolve(file), progress::add);
  }

  /** roll_call's constraints and indexes, by name and definition. */
  private List<Map<String, Object>> rollCallSchema() {
    return engine.rows(
        "select conname::text as name, pg_get_constraintdef(oid) as def from pg_constraint where"
            + " conrelid = 'roll_call'::regclass union all select indexrelid::regclass::text,"
            + " pg_get_indexdef(indexrelid) from pg_index where indrelid = 'roll_call'::regclass"
            + " order by 1, 2");
  }

  private static JsonPath get(String path) {
    return given().get(path).then().statusCode(200).extract().jsonPath();
  }

  @Test
  void aRollCallWithTheLibrarysRecordLinkIsAnAdoptedResolution() throws IOException {
    // the Library's own file links each record and holds adopted resolutions only; a file
    // without the link (reshaped from Voeten's data, with paragraph votes) says nothing of it
    List<String> lines = Files.readAllLines(DIR.resolve("ga-2025.csv"));
    List<String> linked = new ArrayList<>(List.of(lines.get(0)));
    for (String l : lines.subList(1, lines.size())) {
      linked.add(l.startsWith("8001,") ? l + "https://digitallibrary.un.org/record/3830173" : l);
    }
    Path file = tmp.resolve("ga-2025-linked.csv");
    Files.write(file, linked);
    importer.importFile(file, progress::add);
    assertEquals("adopted", get("/v1/votes/undl-8001").getString("data.outcome"));
    assertEquals(null, get("/v1/votes/undl-8002").getString("data.outcome"));
    assertTrue(
        get("/v1/sources/" + get("/v1/votes/undl-8001").getString("data.sources[0].id"))
            .getString("data.note")
            .contains("lists only resolutions adopted by a recorded vote"),
        "the source says why");
    // the page shows the symbol, the session, the outcome; a ballot the file does not count is
    // unknown, never 0
    String page = given().get("/votes/undl-8001").then().statusCode(200).extract().asString();
    assertTrue(page.contains("<dd id=\"resolution\">A/RES/74/5</dd>"), "the symbol");
    assertTrue(page.contains("<dd id=\"session\">74</dd>"), "the session");
    assertTrue(page.contains("<dd id=\"outcome\">adopted</dd>"), "the outcome");
    assertTrue(page.contains("id=\"tally-non-voting\">unknown</span>"), "the tally");
    assertTrue(
        page.matches(
            "(?s).*<th scope=\"row\">All delegations</th><td class=\"num\">2</td><td"
                + " class=\"num\">1</td><td class=\"num\">1</td><td"
                + " class=\"num\">unknown</td><td class=\"num\">4</td>.*"),
        "not voting: unknown, not 0");
    String other = given().get("/votes/undl-8002").then().statusCode(200).extract().asString();
    assertTrue(other.contains("unknown: the voting file it was imported from does not say"));

    // the home page says what is loaded now: the General Assembly's votes, not just the treaty's
    String home = given().get("/").then().statusCode(200).extract().asString();
    assertTrue(
        home.contains(
            "<a href=\"/votes?undl_id__isnull=false\">2 recorded votes of the UN General"
                + " Assembly</a>, 2019-10-01 to 2020-11-02"),
        home.replaceAll("(?s).*(<p class=\"lede\".*?</p>).*", "$1"));
  }

  @Test
  void the2026LayoutWithNonVotingRowsImportsLinksAndCites() throws IOException {
    UndlImporter.Summary s = load("ga-2026.csv");
    assertEquals(23, s.rowsRead());
    assertEquals(5, s.rollCalls());
    // 6139 (a paragraph vote on A/RES/73/187), 7002 and 5001 are new; 9087 and 6138 are links
    assertEquals(3, s.rollCallsAdded());
    assertEquals(List.of("a-res-74-247 = undl_id 9087", "a-res-73-187 = undl_id 6138"), s.linked());
    assertEquals(List.of("YUG", "DDR"), s.delegationsAdded());
    assertEquals(15, s.votesAdded());
    assertEquals(8, s.votesLeftToCurated());
    assertTrue(s.changed());
    assertTrue(
        s.conflicts().stream()
            .anyMatch(
                c -> c.contains("A/RES/73/187 has 2 roll calls") && c.contains("linked 6138")),
        "the ambiguity is reported: " + s.conflicts());

    // the curated vote is found by its roll call, with its curated tallies and its 193 entries
    JsonPath v = get("/v1/votes?undl_id=9087&include=roll_call");
    assertEquals(1, v.getList("data").size());
    assertEquals("a-res-74-247", v.getString("data[0].id"));
    assertEquals(List.of(79, 60, 33, 21), tallies(v, "data[0]"));
    assertEquals(193, v.getList("data[0].roll_call").size());
    assertEquals("74", v.getString("data[0].session"));
    assertEquals("A/RES/74/247", v.getString("data[0].resolution"));
    assertTrue(
        v.getList("data[0].sources.locator").contains("undl_id 9087"),
        "the linked vote cites the file");
    // linked, not duplicated
    assertEquals(
        List.of("a-res-73-187", "undl-6139"),
        get("/v1/votes?resolution=A/RES/73/187&sort=id").getList("data.id"));
    assertEquals(List.of(94, 59, 33, 7), tallies(get("/v1/votes/a-res-73-187"), "data"));

    // an imported roll call: its tallies, its rows, its session, the file as its source
    JsonPath es = get("/v1/votes?session=ES-10");
    assertEquals(List.of("undl-7002"), es.getList("data.id"));
    assertEquals(List.of(2, 2, 1, 2), tallies(es, "data[0]"));
    assertEquals("complete", es.getString("data[0].roll_call_status"));
    assertEquals("2017-12-21", es.getString("data[0].date"));
    assertEquals("A/RES/ES-10/19", es.getString("data[0].resolution"));
    assertEquals(null, es.getString("data[0].outcome"));
    assertEquals("Recorded vote, \"test\" fixture", es.getString("data[0].note"));
    assertEquals("undl_id 7002", es.getString("data[0].sources[0].locator"));
    assertEquals(
        "UN General Assembly Voting Data (ga-2026.csv)", es.getString("data[0].sources[0].title"));
    given()
        .get("/v1/votes/undl-7002/roll-call?vote=non_voting")
        .then()
        .statusCode(200)
        .body("data.delegation_id", equalTo(List.of("IND", "ZAF")))
        .body("data[0].sources[0].locator", is("undl_id 7002"));
    given()
        .get("/v1/votes/undl-7002/breakdown")
        .then()
        .statusCode(200)
        .body("data.matches_tallies", is(true));
    JsonPath source = get("/v1/sources/" + es.getString("data[0].sources[0].id"));
    assertEquals("official_un", source.getString("data.kind"));
    assertTrue(source.getString("data.note").contains(s.sha256()), "the source names the SHA-256");
    assertEquals(
        Files.getLastModifiedTime(DIR.resolve("ga-2026.csv"))
            .toInstant()
            .toString()
            .substring(0, 10),
        source.getString("data.published"));

    // historic states are non-member delegations named from the file
    given()
        .get("/v1/delegations/YUG")
        .then()
        .statusCode(200)
        .body("data.name", is("Yugoslavia"))
        .body("data.un_member", is(false))
        .body("data.iso2", nullValue())
        .body("data.regional_group", nullValue())
        // every record an import creates cites the file: the historic states too
        .body("data.sources.id", equalTo(List.of(es.getString("data[0].sources[0].id"))))
        .body("data.sources[0].locator", is("ms_code YUG"));
    assertEquals(
        List.of(),
        engine.rows(
            "select d.id from delegation d where not exists (select 1 from citation c where"
                + " c.record_type = 'delegation' and c.record_id = d.id)"),
        "delegations without a source");
    given()
        .get("/v1/delegations/DDR/votes")
        .then()
        .statusCode(200)
        .body("data.vote_id", equalTo(List.of("undl-5001")));

    // a new dataset version whose changelog names the file and its checksum
    JsonPath ds = get("/v1/dataset");
    assertNotEquals(versionBefore, ds.getString("data.version"));
    assertEquals(s.versionAfter(), ds.getString("data.version"));
    assertTrue(ds.getString("data.releases[0].changes").contains("ga-2026.csv"));
    assertTrue(ds.getString("data.releases[0].changes").contains(s.sha256()));
    assertEquals(5, ds.getInt("data.row_counts.undl_vote"));
  }

  @Test
  void eachRollCallsDocumentsAreRowsCitingTheFileOnePerSymbol() throws IOException {
    String title = "\"Nuclear testing : resolution / adopted by the General Assembly\"";
    String common =
        ",2021-12-06,76,A/RES/76/50,A/C.1/76/L.5|A/C.1/76/L.5/Add.1,A/76/440,A/76/PV.45,";
    Path file = tmp.resolve("2026_02_06_ga_voting.csv");
    Files.write(
        file,
        List.of(
            org.plenary.ingest.undl.TestFiles.GA_2026,
            // the resolution adopted: the row links its record
            "9601,USA,UNITED STATES,N"
                + common
                + title
                + ",Disarmament,,,1,1,0,0,2,"
                + "https://digitallibrary.un.org/record/9601",
            "9601,FRA,FRANCE,Y"
                + common
                + title
                + ",Disarmament,,,1,1,0,0,2,"
                + "https://digitallibrary.un.org/record/9601",
            // a vote on a paragraph of the same draft (no record of its own): the same documents
            "9602,USA,UNITED STATES,N,2021-12-06,76,A/RES/76/50,A/C.1/76/L.5,A/76/440,A/76/PV.45,"
                + "Nuclear testing: operative paragraph 2,Disarmament,,,1,1,0,0,2,",
            "9602,FRA,FRANCE,Y,2021-12-06,76,A/RES/76/50,A/C.1/76/L.5,A/76/440,A/76/PV.45,"
                + "Nuclear testing: operative paragraph 2,Disarmament,,,1,1,0,0,2,"));
    UndlImporter.Summary s = importer.importFile(file, progress::add);
    // one document per symbol, however many roll calls name it
    assertEquals(5, s.documentsAdded());
    assertEquals(9, s.documentLinksAdded());
    given()
        .get("/v1/votes/undl-9601")
        .then()
        .statusCode(200)
        .body("data.note", nullValue())
        .body(
            "data.documents.symbol",
            equalTo(
                List.of(
                    "A/76/440", "A/76/PV.45", "A/C.1/76/L.5", "A/C.1/76/L.5/Add.1", "A/RES/76/50")))
        .body(
            "data.documents.kind",
            equalTo(
                List.of(
                    "report",
                    "meeting_record",
                    "draft_resolution",
                    "draft_resolution",
                    "resolution")))
        .body(
            "data.documents.role",
            equalTo(List.of("report", "meeting_record", "draft", "draft", "adopted_text")));
    // a paragraph vote is on the resolution, which it did not adopt
    given()
        .get("/v1/votes/undl-9602")
        .then()
        .body(
            "data.documents.symbol",
            equalTo(List.of("A/76/440", "A/76/PV.45", "A/C.1/76/L.5", "A/RES/76/50")))
        .body(
            "data.documents.role",
            equalTo(List.of("report", "meeting_record", "draft", "subject")));
    given()
        .get("/v1/documents?symbol=A/C.1/76/L.5")
        .then()
        .statusCode(200)
        .body("data.id", equalTo(List.of("a-c-1-76-l-5")))
        .body("data[0].kind", is("draft_resolution"))
        .body("data[0].title", nullValue())
        .body("data[0].body_id", nullValue())
        .body("data[0].votes.id", equalTo(List.of("undl-9601", "undl-9602")))
        .body("data[0].votes.role", equalTo(List.of("draft", "draft")))
        .body(
            "data[0].sources.title",
            equalTo(List.of("UN General Assembly Voting Data (2026_02_06_ga_voting.csv)")))
        .body(
            "data[0].sources.locator",
            equalTo(List.of("undl_id 9601 (https://digitallibrary.un.org/record/9601)")));
    given()
        .get("/v1/documents/a-res-76-50")
        .then()
        .statusCode(200)
        .body("data.kind", is("resolution"))
        .body("data.title", is("Nuclear testing"))
        .body("data.date", is("2021-12-06"))
        .body("data.body_id", is("ga-plenary"));
    given()
        .get("/v1/documents/a-76-pv-45")
        .then()
        .body("data.kind", is("meeting_record"))
        .body("data.body_id", is("ga-plenary"))
        .body("data.date", nullValue());
    String page = given().get("/votes/undl-9601").then().statusCode(200).extract().asString();
    assertTrue(
        page.contains("<a href=\"/v1/documents/a-c-1-76-l-5\">A/C.1/76/L.5</a> (draft)"), page);

    // a second import changes nothing
    Map<String, Object> after = counts();
    UndlImporter.Summary again = importer.importFile(file, progress::add);
    assertFalse(again.changed());
    assertEquals(0, again.documentsAdded() + again.documentLinksAdded());
    assertEquals(after, counts());
  }

  @Test
  void bulkInsertsLeaveTheSchemaAsFlywayMadeIt() {
    List<Map<String, Object>> schema = rollCallSchema();
    // a first import copies new roll calls straight into roll_call, its keys and index dropped
    UndlImporter.Summary first = load("ga-2025.csv");
    assertEquals(7, first.votesAdded());
    assertTrue(progress.stream().anyMatch(l -> l.contains("checking references")), "bulk");
    assertEquals(schema, rollCallSchema());
    // the rows copied straight in carry the import's time, as every other row it wrote
    assertEquals(
        List.of(Map.of("n", 1L)),
        engine.rows(
            "select count(distinct t) as n from (select created_at as t from roll_call where"
                + " vote_id like 'undl-%' union all select updated_at from roll_call where vote_id"
                + " like 'undl-%' union all select created_at from vote where origin = 'undl')"
                + " x"));
    // a later one with many new rows (many: one, here) merges them set-wise, keys dropped
    progress.clear();
    UndlImporter.Summary s = importer.importFile(DIR.resolve("ga-2026.csv"), progress::add, 1);
    assertEquals(3, s.rollCallsAdded());
    assertEquals(15, s.votesAdded());
    assertEquals(2, s.linked().size());
    assertTrue(progress.stream().anyMatch(l -> l.contains("checking references")), "bulk");
    given().get("/v1/votes/undl-7002/roll-call").then().body("data.size()", is(7));
    given().get("/v1/votes/undl-8001/roll-call").then().body("data.size()", is(4));
    assertFalse(importer.importFile(DIR.resolve("ga-2026.csv"), progress::add, 1).changed());
    assertEquals(schema, rollCallSchema());
  }

  @Test
  void aLaterImportWithFewNewRowsKeepsTheKeys() {
    load("ga-2025.csv");
    progress.clear();
    UndlImporter.Summary s = load("ga-2026.csv");
    assertEquals(15, s.votesAdded());
    assertFalse(progress.stream().anyMatch(l -> l.contains("checking references")), "row by row");
  }

  @Test
  void the2025LayoutWithoutNonVotingRowsAndAGzippedFile() throws IOException {
    Path gz = tmp.resolve("ga-2025.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(DIR.resolve("ga-2025.csv"), out);
    }
    UndlImporter.Summary s = importer.importFile(gz, progress::add);
    assertEquals(7, s.rowsRead());
    assertEquals(2, s.rollCallsAdded());
    assertEquals(7, s.votesAdded());
    assertTrue(s.conflicts().isEmpty());
    JsonPath v = get("/v1/votes/undl-8001");
    // the file lists only those who voted: the non-voting count is unknown, the roll call partial
    assertEquals(List.of(2, 1, 1), tallies(v, "data").subList(0, 3));
    assertEquals(null, v.getString("data.non_voting"));
    assertEquals("partial", v.getString("data.roll_call_status"));
    assertEquals(null, v.getString("data.note"));
  }

  @Test
  void aSecondImportChangesNothingAndANewerFileAddsAndUpdates() {
    UndlImporter.Summary first = load("ga-2025.csv");
    String version = state.version();
    String votesEtag = given().get("/v1/votes?session=74").then().extract().header("ETag");
    String datasetEtag = given().get("/v1/dataset").then().extract().header("ETag");

    UndlImporter.Summary again = load("ga-2025.csv");
    assertFalse(again.changed());
    assertEquals(2, again.rollCallsUnchanged());
    assertEquals(7, again.votesUnchanged());
    assertEquals(0, again.votesAdded() + again.votesChanged() + again.rollCallsAdded());
    assertEquals(version, state.version());
    given().get("/v1/votes?session=74").then().header("ETag", votesEtag);
    given().get("/v1/dataset").then().header("ETag", datasetEtag);
    assertEquals(first.versionAfter(), again.versionAfter());

    // a newer file: Türkiye's vote on 8002 changed, 8003 is new; 8001, not in it, stays
    UndlImporter.Summary newer = load("ga-2025-newer.csv");
    assertEquals(1, newer.rollCallsAdded());
    assertEquals(1, newer.rollCallsChanged());
    assertEquals(0, newer.rollCallsUnchanged());
    assertEquals(1, newer.votesAdded());
    assertEquals(1, newer.votesChanged());
    assertNotEquals(version, state.version());
    given()
        .get("/v1/votes/undl-8002/roll-call?delegation_id=TUR")
        .then()
        .body("data[0].vote", is("abstain"));
    given().get("/v1/votes/undl-8002").then().body("data.yes", is(0)).body("data.abstain", is(1));
    given().get("/v1/votes/undl-8001").then().statusCode(200);
    assertNotEquals(datasetEtag, given().get("/v1/dataset").then().extract().header("ETag"));
  }

  @Test
  void whereTheFileDisagreesTheCuratedRecordStands() {
    UndlImporter.Summary s = load("ga-disagree.csv");
    assertEquals(List.of("a-res-74-247 = undl_id 9087"), s.linked());
    assertTrue(
        s.conflicts().stream().anyMatch(c -> c.contains("yes 80") && c.contains("curated record")),
        "tallies: " + s.conflicts());
    assertTrue(
        s.conflicts().stream().anyMatch(c -> c.contains("BRA yes in the file, abstain")),
        "rows: " + s.conflicts());
    JsonPath v = get("/v1/votes/a-res-74-247");
    assertEquals(List.of(79, 60, 33, 21), tallies(v, "data"));
    given()
        .get("/v1/votes/a-res-74-247/roll-call?delegation_id=BRA")
        .then()
        .body("data[0].vote", is("abstain"));
    assertEquals(
        0L, engine.rows("select count(*) as n from vote where origin = 'undl'").get(0).get("n"));
  }

  @Test
  void extraColumnsAreAWarningNotARefusal() {
    UndlImporter.Summary s = load("unknown-header.csv");
    assertTrue(s.changed());
    assertTrue(
        s.notes()
            .contains(
                "column(s) total_members, country_note are not in the General Assembly voting, March"
                    + " 2025 (without vote_note) layout: not read"),
        s.notes().toString());
  }

  @Test
  void aRefusedFileChangesNothing() throws IOException {
    Map<String, String> refusals = new LinkedHashMap<>();
    refusals.put("bad-vote.csv", "line 3: ms_vote 'Yes' is not a vote");
    refusals.put("bad-date.csv", "line 4: date '2019-13-01' is not a date");
    refusals.put("missing-undl-id.csv", "line 7: undl_id is missing");
    refusals.put("disagreeing-date.csv", "line 4: roll call 8001 has the date '2019-10-02' here");
    refusals.put("disagreeing-totals.csv", "line 5: roll call 8001 has total_yes '3.0' here");
    refusals.put("bad-total.csv", "line 3: total_yes '2.5' is not a count");
    refusals.put("duplicate-row.csv", "line 9: roll call 8001 lists USA twice");
    Path notCsv = tmp.resolve("votes.txt");
    Files.copy(DIR.resolve("ga-2025.csv"), notCsv);
    Path notGzip = tmp.resolve("votes.csv.gz");
    Files.copy(DIR.resolve("ga-2025.csv"), notGzip);
    Map<String, Object> before = counts();
    List<Map<String, Object>> schema = rollCallSchema();
    for (var e : refusals.entrySet()) {
      UndlFile.Refused r = assertThrows(UndlFile.Refused.class, () -> load(e.getKey()), e.getKey());
      assertTrue(
          r.getMessage().startsWith(DIR.resolve(e.getKey()).toString()),
          "names the file: " + r.getMessage());
      assertTrue(r.getMessage().contains(e.getValue()), r.getMessage());
      assertEquals(before, counts(), "a refused file changes nothing: " + e.getKey());
    }
    assertTrue(
        assertThrows(UndlFile.Refused.class, () -> importer.importFile(notCsv, progress::add))
            .getMessage()
            .contains("not a .csv or .csv.gz file"));
    assertTrue(
        assertThrows(UndlFile.Refused.class, () -> importer.importFile(notGzip, progress::add))
            .getMessage()
            .contains("not a valid gzip file"));
    assertTrue(
        assertThrows(
                UndlFile.Refused.class,
                () -> importer.importFile(tmp.resolve("absent.csv"), progress::add))
            .getMessage()
            .contains("no such file"));
    // a required column missing refuses the file, naming it (extra columns only warn)
    Path noName = tmp.resolve("no-name.csv");
    Files.writeString(
        noName,
        Files.readString(DIR.resolve("ga-2025.csv")).replaceFirst("ms_name,", "country_name,"));
    assertTrue(
        assertThrows(UndlFile.Refused.class, () -> importer.importFile(noName, progress::add))
            .getMessage()
            .contains("lacks the required column(s) ms_name"));
    assertEquals(before, counts());
    assertEquals(schema, rollCallSchema(), "keys and index dropped for a first import are back");
    assertEquals(versionBefore, state.version());
  }

  @Test
  void malformedCsvIsRefusedWithItsLineAndChangesNothing() throws IOException {
    List<String> lines = Files.readAllLines(DIR.resolve("ga-2025.csv"));
    Map<String, String> refusals = new LinkedHashMap<>();
    // a quote opened in the last column and never closed: the parser would read the rest of the
    // file as that field, losing the rows after it
    List<String> open = new ArrayList<>(lines);
    open.set(2, open.get(2) + "\"https://digitallibrary.un.org/record/1");
    refusals.put(
        write("unclosed.csv", open), " line 3: is not valid CSV (a quoted field is not closed");
    List<String> after = new ArrayList<>(lines);
    after.set(
        3,
        after
            .get(3)
            .replace(
                ",Necessity of ending the economic embargo : resolution,",
                ",\"Necessity of ending the economic embargo\" : resolution,"));
    refusals.put(
        write("after-quote.csv", after),
        " line 4: is not valid CSV (Unexpected character after closing quote");
    // an empty line is skipped, and still counted in the line numbers that follow
    List<String> fields = new ArrayList<>(lines);
    fields.add(2, "");
    fields.set(5, fields.get(5).replaceFirst(",,,", ",,"));
    refusals.put(write("fields.csv", fields), " line 6: has 18 fields, the header has 19");
    Path latin1 = tmp.resolve("latin1.csv");
    Files.write(latin1, String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1));
    refusals.put(latin1.toString(), ": is not UTF-8 text");
    Map<String, Object> before = counts();
    for (var e : refusals.entrySet()) {
      Path file = Path.of(e.getKey());
      UndlFile.Refused r =
          assertThrows(UndlFile.Refused.class, () -> importer.importFile(file, progress::add));
      assertTrue(r.getMessage().startsWith(file + e.getValue()), r.getMessage());
      assertEquals(before, counts(), "a refused file changes nothing: " + file);
    }
    assertEquals(versionBefore, state.version());
  }

  private String write(String name, List<String> lines) throws IOException {
    Path file = tmp.resolve(name);
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file.toString();
  }

  @Test
  void aFileSavedWithSemicolonsOrTabsIsReadAsTheLibrarysAndSaysSo() throws IOException {
    // a spreadsheet in some languages saves CSV with semicolons (tabs, as "text"): the header line
    // says which; the values, quoted where they hold a separator, are the same
    List<String> lines = Files.readAllLines(DIR.resolve("ga-2026.csv"));
    List<String> semicolons = new ArrayList<>();
    List<String> tabs = new ArrayList<>();
    for (String line : lines) {
      List<String> fields = new ArrayList<>();
      for (CSVRecord r : CSVFormat.RFC4180.parse(new java.io.StringReader(line))) {
        r.forEach(fields::add);
      }
      semicolons.add(
          CSVFormat.RFC4180.builder().setDelimiter(';').build().format(fields.toArray()));
      tabs.add(CSVFormat.TDF.format(fields.toArray()));
    }
    assertTrue(
        semicolons.stream().skip(1).anyMatch(l -> l.contains(",")), "a value holding a comma");
    UndlImporter.Summary s =
        importer.importFile(Path.of(write("semicolons.csv", semicolons)), progress::add);
    assertEquals(23, s.rowsRead());
    assertEquals(5, s.rollCalls());
    assertTrue(
        s.notes()
            .contains(
                "the fields are separated by semicolons, not commas (as a spreadsheet saves CSV in"
                    + " some languages): read so"),
        s.notes().toString());
    Map<String, Object> after = counts();
    // the same file with commas, then with tabs, is the same data: nothing changes
    UndlImporter.Summary same = load("ga-2026.csv");
    assertEquals(0, same.rollCallsAdded() + same.rollCallsChanged(), same.toString());
    assertEquals(0, same.votesAdded() + same.votesChanged());
    assertTrue(
        same.notes().stream().noneMatch(n -> n.contains("separated by")), same.notes().toString());
    UndlImporter.Summary tabbed =
        importer.importFile(Path.of(write("tabs.csv", tabs)), progress::add);
    assertEquals(0, tabbed.rollCallsAdded() + tabbed.rollCallsChanged() + tabbed.votesChanged());
    assertTrue(
        tabbed.notes().stream().anyMatch(n -> n.startsWith("the fields are separated by tabs")));
    // each file is a source of its own (its name and checksum), cited beside the first: the rest
    // is as the first import left it
    Map<String, Object> end = counts();
    for (String t : List.of("release", "state", "source", "citation")) {
      end.remove(t);
      after.remove(t);
    }
    assertEquals(after, end);
    assertEquals("A/RES/74/247", get("/v1/votes/a-res-74-247").getString("data.resolution"));
  }

  @Test
  void importedRowsSurviveARestartAndASeedReload() {
    load("ga-2026.csv");
    Map<String, Object> imported = counts();
    String version = state.version();
    String etag = given().get("/v1/votes?session=74").then().extract().header("ETag");
    // a restart: the seed files are the loaded ones, nothing to do
    assertTrue(loader.load(seedFiles()).isEmpty());
    assertEquals(imported, counts());
    assertEquals(version, state.version());
    assertEquals(etag, given().get("/v1/votes?session=74").then().extract().header("ETag"));
    // even a full merge of the seed files (as when they change) keeps what was imported
    engine.rows("update dataset_state set checksum = 'forced' returning 1");
    loader.load(seedFiles());
    imported.remove("state");
    Map<String, Object> after = counts();
    after.remove("state");
    assertEquals(imported, after);
    given().get("/v1/votes?undl_id=9087").then().body("data[0].id", is("a-res-74-247"));
    given().get("/v1/delegations/YUG").then().statusCode(200);
  }

  @Test
  void agreementOnImportedVotesWithDateBoundsAndPerYear() {
    load("ga-2025.csv");
    load("ga-2025-newer.csv");
    given()
        .get("/v1/delegations/USA/agreement?with=ISR&date__gte=2019&date__lte=2020-11")
        .then()
        .statusCode(200)
        .body("data.votes.vote_id", hasItems("undl-8001", "undl-8002"))
        .body("data.votes.vote_id", org.hamcrest.Matchers.not(hasItem("undl-8003")))
        .body("data.votes.vote_id", org.hamcrest.Matchers.not(hasItem("a-res-73-187")));
    JsonPath series = get("/v1/delegations/USA/agreement?with=ISR&by=year&date__gte=2019");
    assertEquals("year", series.getString("data.by"));
    assertEquals(List.of(2019, 2020), series.getList("data.series.year"));
    // 2019: A/RES/74/247 (both no) and undl-8001 (both yes)
    assertEquals(2, series.getInt("data.series[0].identical"));
    assertEquals(1.0, series.getDouble("data.series[0].voeten"));
    given()
        .get("/v1/delegations/TUR/agreement?date__gte=2020&date__lte=2020")
        .then()
        .statusCode(200)
        .body("data.with", hasItems("USA", "ISR"))
        .body("data.find { it.with == 'USA' }.one_abstained", is(1));
  }

  @Test
  void theSummaryIsPrinted() {
    UndlImporter.Summary s = load("ga-2026.csv");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImportCommand.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), s, 1.5);
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("rows read:      23"), out);
    assertTrue(out.contains("3 added, 0 changed, 0 unchanged, 2 linked to curated votes"), out);
    assertTrue(out.contains("delegations added: 2 (YUG, DDR)"), out);
    assertTrue(out.contains("conflicts with curated data: 1"), out);
    assertTrue(out.contains("dataset version: " + versionBefore + " -> " + s.versionAfter()), out);
    assertTrue(progress.stream().anyMatch(p -> p.contains("23 rows, 5 roll calls, checked")));
  }

  /** The real sample, when the shared data is there: exact tallies for all 186 roll calls. */
  @Test
  void theSampleImportsWithExactTallies() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.exists(SAMPLE), "the shared sample is not present next to the repository");
    Map<String, int[]> expected = new HashMap<>();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(SAMPLE));
        Reader r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
      for (CSVRecord rec :
          CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
        int[] t = expected.computeIfAbsent(rec.get("undl_id"), k -> new int[3]);
        t["YNA".indexOf(rec.get("ms_vote"))]++;
      }
    }
    UndlImporter.Summary s = importer.importFile(SAMPLE, progress::add);
    assertEquals(33_279, s.rowsRead());
    assertEquals(186, s.rollCalls());
    assertEquals(2, s.linked().size());
    // each roll call's resolution a document of its vote; the two curated ones held already
    assertEquals(184, s.documentsAdded());
    assertEquals(184, s.documentLinksAdded());
    List<Map<String, Object>> votes =
        engine.rows(
            "select v.undl_id::text as undl_id, v.origin, v.yes, v.no, v.abstain,"
                + " (select count(*) filter (where r.vote = 'yes') from roll_call r where"
                + " r.vote_id = v.id)::int as y, (select count(*) filter (where r.vote = 'no')"
                + " from roll_call r where r.vote_id = v.id)::int as n, (select count(*) filter"
                + " (where r.vote = 'abstain') from roll_call r where r.vote_id = v.id)::int as a"
                + " from vote v where v.undl_id is not null");
    assertEquals(186, votes.size());
    for (Map<String, Object> v : votes) {
      int[] t = expected.get((String) v.get("undl_id"));
      List<Object> tally = List.of(v.get("yes"), v.get("no"), v.get("abstain"));
      assertEquals(List.of(t[0], t[1], t[2]), tally, "tallies of undl_id " + v.get("undl_id"));
      if ("undl".equals(v.get("origin"))) {
        assertEquals(
            tally, List.of(v.get("y"), v.get("n"), v.get("a")), "rows " + v.get("undl_id"));
      }
    }
    given()
        .get("/v1/votes?undl_id=9087&include=roll_call")
        .then()
        .body("data[0].id", is("a-res-74-247"))
        .body("data[0].yes", is(79))
        .body("data[0].roll_call.size()", is(193));

    // search ranks separate: a short title about human rights ranks above a long one that
    // mentions them once, and the ranks are not all one value
    JsonPath found =
        given()
            .queryParam("q", "\"human rights\"")
            .queryParam("limit", 100)
            .get("/v1/votes")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<String> ids = found.getList("data.id");
    List<Float> ranks = found.getList("data.rank", Float.class);
    assertTrue(ids.indexOf("undl-9112") < ids.indexOf("undl-9084"), "ranked: " + ids);
    assertTrue(
        ranks.get(ids.indexOf("undl-9112")) > ranks.get(ids.indexOf("undl-9084")),
        "Human rights and cultural diversity above the Special Committee's long title: " + ranks);
    assertTrue(new java.util.HashSet<>(ranks).size() > 5, "ranks separate: " + ranks);
    for (int i = 1; i < ranks.size(); i++) {
      assertTrue(ranks.get(i - 1) >= ranks.get(i), "best matches first: " + ranks);
    }
    assertTrue(importer.importFile(SAMPLE, progress::add).versionAfter().equals(s.versionAfter()));
  }

  private Map<String, Object> counts() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String t :
        List.of(
            "vote",
            "roll_call",
            "delegation",
            "document",
            "vote_document",
            "source",
            "citation",
            "release")) {
      out.put(t, engine.rows("select count(*) as n from " + t).get(0).get("n"));
    }
    out.put(
        "links",
        engine.rows("select count(*) as n from vote where undl_id is not null").get(0).get("n"));
    out.put("state", engine.rows("select version, import_checksum from dataset_state").get(0));
    return out;
  }

  private static List<Integer> tallies(JsonPath p, String at) {
    List<Integer> out = new ArrayList<>();
    for (String b : List.of("yes", "no", "abstain", "non_voting")) {
      out.add(p.get(at + "." + b));
    }
    return out;
  }

  private SeedFiles seedFiles() {
    return config
        .seedDir()
        .map(d -> SeedFiles.directory(Path.of(d)))
        .orElseGet(SeedFiles::packaged);
  }
}
