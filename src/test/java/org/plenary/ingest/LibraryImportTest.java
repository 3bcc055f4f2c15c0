package org.plenary.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.RecordTestProfile;
import org.plenary.dataset.DatasetState;
import org.plenary.http.HttpCache;
import org.plenary.ingest.undl.Refused;
import org.plenary.ingest.undl.TestFiles;

/**
 * The UN Digital Library's four files through {@code import undl FILE...}, on small files written
 * here in each layout, into the voting-record profile (the fixture plus small cuts of Voeten's
 * history and the veto list). Each test removes what it imported (a test-only cleanup).
 */
@QuarkusTest
@TestProfile(RecordTestProfile.class)
class LibraryImportTest {
  static final String GA_2024 =
      "undl_id,ms_code,ms_name,ms_vote,date,modality,resolution,title,subjects,total_yes,total_no,"
          + "total_abstentions,total_non_voting,total_ms,undl_link,country_note";
  static final String OUTCOMES = TestFiles.GA_OUTCOMES;
  static final String SC = TestFiles.SC;
  static final String NAMES = TestFiles.NAMES;

  @Inject ImportCommand command;
  @Inject org.plenary.TestSql engine;
  @Inject DatasetState state;
  @Inject HttpCache cache;
  @TempDir Path tmp;

  private String versionBefore;
  private Map<String, Object> stateBefore;

  @BeforeEach
  void remember() {
    engine.awaitWriters(); // the state as the start left it, checksums recorded
    versionBefore = state.version();
    stateBefore =
        engine
            .rows(
                "select checksum, import_checksum, content_checksums::text as cc from"
                    + " dataset_state")
            .get(0);
  }

  @AfterEach
  void removeWhatWasImported() {
    for (String sql :
        List.of(
            "delete from conflict where origin = 'undl' returning 1",
            "delete from vote_topic where origin = 'undl' returning 1",
            "delete from topic where origin = 'undl' returning 1",
            "delete from delegation_name where origin = 'undl' returning 1",
            "delete from body_member where origin = 'undl' returning 1",
            "delete from un_membership where origin = 'undl' returning 1",
            "delete from citation where origin = 'undl' returning 1",
            "delete from vote_document where origin = 'undl' returning 1",
            "delete from document where origin = 'undl' returning 1",
            "delete from roll_call where origin = 'undl' returning 1",
            "update vote set undl_id = null where origin <> 'undl' and undl_id is not null"
                + " returning 1",
            "delete from vote where origin = 'undl' returning 1",
            "delete from delegation where origin = 'undl' returning 1",
            "delete from source where origin = 'undl' returning 1",
            "delete from release where origin = 'undl' returning 1")) {
      engine.rows(sql);
    }
    engine.rows(
        "update dataset_state set version = ?, checksum = ?, import_checksum = ?,"
            + " content_checksums = ?::jsonb returning 1",
        versionBefore,
        stateBefore.get("checksum"),
        stateBefore.get("import_checksum"),
        stateBefore.get("cc"));
    state.refresh();
    cache.clear();
  }

  private Path csv(String name, String... lines) throws IOException {
    Path file = tmp.resolve(name);
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return file;
  }

  /** Runs the command on the files; its exit status and what it printed. */
  private String run(int expectedStatus, Path... files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int status = 0;
    for (Path f : files) {
      status = Math.max(status, command.importOne(f, out));
    }
    assertEquals(expectedStatus, status, bytes.toString(StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private Map<String, Object> counts() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String t :
        List.of(
            "vote",
            "roll_call",
            "topic",
            "vote_topic",
            "conflict",
            "delegation_name",
            "body_member",
            "document",
            "vote_document",
            "un_membership",
            "source",
            "citation",
            "release")) {
      out.put(t, engine.rows("select count(*) as n from " + t).get(0).get("n"));
    }
    out.put("state", engine.rows("select version from dataset_state").get(0));
    return out;
  }

  private Path resolutions() throws IOException {
    return csv(
        "2026_02_06_ga_outcomes.csv",
        OUTCOMES + ",country_note",
        // Voeten's voeten-4237: the same decision, the same tallies
        "9001,A/RES/54/267,54,2000-06-06,Financing of the UNIFIL : resolution / adopted by the"
            + " General Assembly,\"Vote, recorded\",A/54/L.1,A/54/900,A/54/PV.100,"
            + "Financing of UNIFIL,LEBANON|PEACEKEEPING OPERATIONS,,110,2,0,,,"
            + "https://digitallibrary.un.org/record/9001,x",
        // Voeten's voeten-3540 (R/45/67B): the file says 3 against, Voeten 2
        "9002,A/RES/45/67 B,45,1990-12-05,Question of Palestine,\"Vote, recorded\",,,,"
            + "Question of Palestine,PALESTINE QUESTION,,121,3,22,,,,",
        "9003,A/RES/74/300,74,2019-12-18,Oceans and the law of the sea,Without a vote,"
            + "A/74/L.20|A/74/L.20/Add.1,,A/74/PV.50,Oceans and the law of the sea,"
            + "LAW OF THE SEA|PEACEKEEPING OPERATIONS,,,,,,,"
            + "https://digitallibrary.un.org/record/9003,",
        "9004,A/RES/74/301,74,2019-12-18,Sport for development,\"Vote, non-recorded\",,,,,,"
            + "adopted by a show of hands,,,,,,,");
  }

  @Test
  void resolutionsEveryAdoptionMethodTopicsAndNoSecondCopy() throws IOException {
    Path file = resolutions();
    String out = run(0, file);
    assertTrue(out.contains("column(s) country_note are not in"), out);
    assertTrue(out.contains("votes added: 2"), out);
    assertTrue(out.contains("decisions the dataset holds already: 2"), out);
    // the same decisions: no second copy
    given()
        .get("/v1/votes?date=2000-06-06")
        .then()
        .statusCode(200)
        .body("data.id", contains("voeten-4237"))
        .body("data[0].sources.id", hasItem("voeten-unga-voting"))
        .body(
            "data[0].sources.locator",
            hasItem("undl_id 9001 (https://digitallibrary.un.org/record/9001)"));
    given().get("/v1/votes/undl-res-9001").then().statusCode(404);
    // the matched vote gains the documents the file names, each citing the file
    given()
        .get("/v1/votes/voeten-4237")
        .then()
        .statusCode(200)
        .body(
            "data.documents.symbol",
            contains("A/54/900", "A/54/L.1", "A/54/PV.100", "A/RES/54/267"))
        .body("data.documents.role", contains("report", "draft", "meeting_record", "adopted_text"));
    given()
        .get("/v1/documents?symbol=A/RES/54/267")
        .then()
        .statusCode(200)
        .body("data.id", contains("a-res-54-267"))
        .body("data[0].kind", is("resolution"))
        .body("data[0].title", is("Financing of the UNIFIL"))
        .body("data[0].body_id", is("ga-plenary"))
        .body("data[0].date", is("2000-06-06"))
        .body("data[0].votes.id", contains("voeten-4237"))
        .body(
            "data[0].sources.title",
            contains("UN General Assembly Resolutions (2026_02_06_ga_outcomes.csv)"))
        .body(
            "data[0].sources.locator",
            contains("undl_id 9001 (https://digitallibrary.un.org/record/9001)"));
    given()
        .get("/v1/documents/a-54-900")
        .then()
        .statusCode(200)
        .body("data.symbol", is("A/54/900"))
        .body("data.kind", is("report"))
        .body("data.title", nullValue())
        .body("data.date", nullValue())
        .body("data.votes.role", contains("report"));
    given().get("/v1/votes/undl-res-9002").then().statusCode(404);
    // without a vote and non-recorded: votes with their method, no tallies, citing the file
    given()
        .get("/v1/votes/undl-res-9003")
        .then()
        .statusCode(200)
        .body("data.method", is("without_vote"))
        .body("data.outcome", is("adopted"))
        .body("data.yes", nullValue())
        .body("data.roll_call_status", is("absent"))
        .body("data.resolution", is("A/RES/74/300"))
        .body("data.meeting", is("A/74/PV.50"))
        // its drafts and meeting record are documents of the vote, not prose in its note
        .body("data.note", nullValue())
        .body(
            "data.documents.symbol",
            contains("A/74/L.20", "A/74/L.20/Add.1", "A/74/PV.50", "A/RES/74/300"))
        .body(
            "data.documents.kind",
            contains("draft_resolution", "draft_resolution", "meeting_record", "resolution"))
        .body("data.documents.role", contains("draft", "draft", "meeting_record", "adopted_text"))
        .body(
            "data.sources[0].title",
            is("UN General Assembly Resolutions (2026_02_06_ga_outcomes.csv)"))
        .body(
            "data.sources[0].locator",
            is("undl_id 9003 (https://digitallibrary.un.org/record/9003)"));
    given()
        .get("/v1/votes/undl-res-9004")
        .then()
        .statusCode(200)
        .body("data.method", is("non_recorded"))
        .body("data.note", is("adopted by a show of hands"));
    // subjects and agenda items as topics, on matched and new votes alike
    given()
        .get("/v1/topics/unbis-peacekeeping-operations")
        .then()
        .statusCode(200)
        .body("data.scheme", is("unbis"))
        .body("data.name", is("PEACEKEEPING OPERATIONS"))
        .body("data.vote_count", is(2));
    given()
        .get("/v1/votes?topic=unbis-peacekeeping-operations&sort=id")
        .then()
        .statusCode(200)
        .body("data.id", contains("undl-res-9003", "voeten-4237"));
    given()
        .get("/v1/topics/agenda-question-of-palestine")
        .then()
        .statusCode(200)
        .body("data.scheme", is("agenda"));
    // the difference is a conflict; the published tally stands
    given()
        .get("/v1/conflicts?vote_id=voeten-3540")
        .then()
        .statusCode(200)
        .body("data.id", contains("voeten-3540--no--undl"))
        .body("data[0].field", is("no"))
        .body("data[0].published_value", is("2"))
        .body("data[0].published_source_id", is("voeten-unga-voting"))
        .body("data[0].other_value", is("3"))
        .body("data[0].other_locator", is("undl_id 9002"));
    given().get("/v1/votes/voeten-3540").then().body("data.no", is(2));
    // each found by the UN's symbol, whatever the source that wrote it (Voeten: R/54/267)
    given()
        .get("/v1/votes?resolution=A/RES/54/267,A/RES/45/67B,A/RES/74/300&sort=id")
        .then()
        .statusCode(200)
        .body("data.id", contains("undl-res-9003", "voeten-3540", "voeten-4237"));
    assertTrue(out.contains("voeten-3540: no is 2 in the dataset, 3 in the file"), out);

    // a second import changes nothing
    String version = state.version();
    Map<String, Object> after = counts();
    String again = run(0, file);
    assertTrue(again.contains("nothing changed"), again);
    assertEquals(after, counts());
    assertEquals(version, state.version());
  }

  /** What the import wrote, without the times it wrote it. */
  private List<Map<String, Object>> written() {
    List<Map<String, Object>> out = new java.util.ArrayList<>();
    for (String sql :
        List.of(
            "select id, body_id, date::text as date, subject, method, outcome, yes, no, abstain,"
                + " non_voting, roll_call_status, meeting, note, session, resolution, undl_id"
                + " from vote where origin = 'undl' order by id",
            "select vote_id, delegation_id, vote from roll_call where origin = 'undl' order by 1,"
                + " 2",
            "select vote_id, topic_id from vote_topic where origin = 'undl' order by 1, 2",
            "select id, symbol, kind, title, body_id, date::text as date from document where"
                + " origin = 'undl' order by id",
            "select vote_id, document_id, role from vote_document where origin = 'undl' order by"
                + " 1, 2",
            "select record_type, record_id, locator from citation where origin = 'undl' order by"
                + " 1, 2, 3",
            "select vote_id, field, delegation_id from conflict order by 1, 2, 3")) {
      out.addAll(engine.rows(sql));
    }
    return out;
  }

  @Test
  void theResolutionsFileAndTheVotingFileMakeOneVoteInEitherOrder() throws IOException {
    String title = "Oceans financing : resolution / adopted by the General Assembly";
    Path outcomes =
        csv(
            "2026_02_06_ga_outcomes.csv",
            OUTCOMES,
            "9401,A/RES/75/9,75,2020-12-08,\""
                + title
                + "\",\"Vote, recorded\",A/75/L.9,,"
                + "A/75/PV.40,Oceans,LAW OF THE SEA,,2,1,1,,,"
                + "https://digitallibrary.un.org/record/9401");
    String row =
        ",2020-12-08,75,A/RES/75/9,A/75/L.9,,A/75/PV.40,\""
            + title
            + "\",Oceans,,,2,1,1,0,4,"
            + "https://digitallibrary.un.org/record/9401";
    Path voting =
        csv(
            "2026_02_06_ga_voting.csv",
            TestFiles.GA_2026,
            "9401,USA,UNITED STATES,N" + row,
            "9401,FRA,FRANCE,Y" + row,
            "9401,BRA,BRAZIL,Y" + row,
            "9401,CHN,CHINA,A" + row);

    run(0, outcomes, voting);
    List<Map<String, Object>> resolutionsFirst = written();
    // the resolution, its draft and its meeting record: one document each, whichever file names
    // them first
    assertEquals(
        List.of("a-75-l-9", "a-75-pv-40", "a-res-75-9"),
        engine.rows("select id from document where origin = 'undl' order by id").stream()
            .map(r -> r.get("id"))
            .toList());
    given()
        .get("/v1/votes?resolution=A/RES/75/9")
        .then()
        .statusCode(200)
        .body("data.id", contains("undl-9401"))
        .body("data[0].roll_call_status", is("complete"))
        .body("data[0].yes", is(2));
    removeWhatWasImported();

    run(0, voting, outcomes);
    List<Map<String, Object>> votingFirst = written();
    assertEquals(votingFirst, resolutionsFirst);
    given()
        .get("/v1/votes?resolution=A/RES/75/9")
        .then()
        .statusCode(200)
        .body("data.id", contains("undl-9401"))
        .body("data[0].sources.title.size()", is(2));
    given()
        .get("/v1/votes/undl-9401/roll-call?vote=yes")
        .then()
        .body("data.delegation_id", containsInAnyOrder("FRA", "BRA"));
  }

  @Test
  void councilAdoptionWithoutAVoteByModalityAloneBothWays() throws IOException {
    Path file =
        csv(
            "2026_02_06_sc_voting.csv",
            SC,
            // without a vote, written as every member Y
            "9101,CHN,CHINA,True,Y,2019-12-04,S/RES/2500 (2019),S/2019/900,S/PV.8680,"
                + "Somalia piracy,The situation in Somalia,PIRACY,,15,0,0,0,15,Without a vote,",
            "9101,USA,UNITED STATES,True,Y,2019-12-04,S/RES/2500 (2019),S/2019/900,S/PV.8680,"
                + "Somalia piracy,The situation in Somalia,PIRACY,,15,0,0,0,15,Without a vote,",
            "9101,DEU,GERMANY,False,Y,2019-12-04,S/RES/2500 (2019),S/2019/900,S/PV.8680,"
                + "Somalia piracy,The situation in Somalia,PIRACY,,15,0,0,0,15,Without a vote,",
            // without a vote, written as every member X with totals 0
            "9102,CHN,CHINA,True,X,2019-12-05,S/RES/2501 (2019),,,Libya,,,,0,0,0,0,0,Without Vote,",
            "9102,USA,UNITED STATES,True,X,2019-12-05,S/RES/2501 (2019),,,Libya,,,,0,0,0,0,0,"
                + "Without Vote,",
            // a recorded vote
            "9103,CHN,CHINA,True,A,2019-12-06,S/RES/2502 (2019),,S/PV.8700,Syria,"
                + "The situation in the Middle East,,,,,,,,Vote,",
            "9103,RUS,RUSSIAN FEDERATION,True,A,2019-12-06,S/RES/2502 (2019),,S/PV.8700,Syria,"
                + "The situation in the Middle East,,,,,,,,Vote,",
            "9103,USA,UNITED STATES,True,Y,2019-12-06,S/RES/2502 (2019),,S/PV.8700,Syria,"
                + "The situation in the Middle East,,,,,,,,Vote,",
            "9103,DEU,GERMANY,False,Y,2019-12-06,S/RES/2502 (2019),,S/PV.8700,Syria,"
                + "The situation in the Middle East,,,,,,,,Vote,");
    String out = run(0, file);
    assertTrue(out.contains("votes added: 3"), out);
    assertTrue(out.contains("country votes added: 4"), out);
    for (String id : List.of("undl-sc-9101", "undl-sc-9102")) {
      given()
          .get("/v1/votes/" + id)
          .then()
          .statusCode(200)
          .body("data.body_id", is("security-council"))
          .body("data.method", is("without_vote"))
          .body("data.yes", nullValue())
          .body("data.no", nullValue())
          .body("data.roll_call_status", is("absent"));
      given()
          .get("/v1/votes/" + id + "/roll-call")
          .then()
          .statusCode(200)
          .body("data.size()", is(0));
    }
    given()
        .get("/v1/votes/undl-sc-9103")
        .then()
        .statusCode(200)
        .body("data.method", is("recorded"))
        .body("data.yes", is(2))
        .body("data.no", is(0))
        .body("data.abstain", is(2))
        .body("data.roll_call_status", is("complete"))
        .body("data.subject", is("Syria"));
    given()
        .get("/v1/votes/undl-sc-9103/roll-call?vote=abstain")
        .then()
        .statusCode(200)
        .body("data.delegation_id", containsInAnyOrder("CHN", "RUS"));
    // the draft, the meeting record and the resolution as documents of the vote
    given()
        .get("/v1/votes/undl-sc-9101")
        .then()
        .body("data.documents.symbol", contains("S/2019/900", "S/PV.8680", "S/RES/2500 (2019)"))
        .body("data.documents.kind", contains("draft_resolution", "meeting_record", "resolution"))
        .body("data.documents.role", contains("draft", "meeting_record", "adopted_text"));
    given()
        .get("/v1/documents?symbol=S/RES/2500 (2019)")
        .then()
        .statusCode(200)
        .body("data.id", contains("s-res-2500-2019"))
        .body("data[0].body_id", is("security-council"))
        .body("data[0].title", is("Somalia piracy"))
        .body("data[0].date", is("2019-12-04"))
        .body("data[0].sources.locator", contains("undl_id 9101"));
    // the vote and the document found by the symbol however written: with or without the year
    for (String asked : List.of("S/RES/2500 (2019)", "S/RES/2500(2019)", "s/res/2500")) {
      given()
          .queryParam("resolution", asked)
          .get("/v1/votes")
          .then()
          .statusCode(200)
          .body("data.id", contains("undl-sc-9101"));
      given()
          .queryParam("symbol", asked)
          .get("/v1/documents")
          .then()
          .statusCode(200)
          .body("data.id", contains("s-res-2500-2019"));
    }
    given()
        .queryParam("symbol", "s/pv. 8680")
        .get("/v1/documents")
        .then()
        .statusCode(200)
        .body("data.id", contains("s-pv-8680"));
    given()
        .get("/v1/documents/s-pv-8680")
        .then()
        .statusCode(200)
        .body("data.kind", is("meeting_record"))
        .body("data.body_id", is("security-council"))
        .body("data.date", nullValue());
    given()
        .get("/v1/topics/sc-agenda-the-situation-in-somalia")
        .then()
        .statusCode(200)
        .body("data.vote_count", is(1));
    assertEquals(
        List.of("CHN", "RUS", "USA"),
        engine
            .rows(
                "select delegation_id from body_member where body_id = 'security-council' and"
                    + " permanent and delegation_id in ('CHN', 'RUS', 'USA', 'DEU') order by 1")
            .stream()
            .map(r -> r.get("delegation_id"))
            .toList());
    Map<String, Object> after = counts();
    assertTrue(run(0, file).contains("nothing changed"));
    assertEquals(after, counts());
  }

  @Test
  void namesInSixLanguagesFindTheDelegation() throws IOException {
    Path file =
        csv(
            "2026_02_06_unms_names.csv",
            NAMES,
            "9301,Netherlands (Kingdom of the),ms,528,NLD,1945-12-10:,Netherlands|Holland,Low Countries,,,"
                + "True,,,Pays-Bas (Royaume des),Países Bajos (Reino de los),مملكة هولندا,荷兰王国,"
                + "Королевство Нидерландов,https://digitallibrary.un.org/record/9301,",
            "9302,Czechoslovakia,fs,,,1945-10-24:1992-12-31,,,,,True,,,Tchécoslovaquie,"
                + "Checoslovaquia,,,,,",
            // two periods of membership (a union of states between them); a former name's row
            // gives the periods under that name, not membership
            "9303,Syrian Arab Republic,ms,760,SYR,1945-10-24:1958-02-21|1961-10-13:,,,,,True,,,"
                + ",,,,,,",
            "9304,United Arab Republic,fs,,SYR,1958-02-21:1961-10-13,,,,,,,,,,,,,,",
            // admitted by a resolution
            "9305,Switzerland,ms,756,CHE,2002-09-10:,,,,,False,A/RES/57/1,,,,,,,,");
    // without the names file: no period, never an invented one
    given()
        .get("/v1/delegations/SYR")
        .then()
        .statusCode(200)
        .body("data.un_membership.size()", is(0));
    String out = run(0, file);
    assertTrue(out.contains("names added: 12"), out);
    assertTrue(out.contains("membership periods added: 4"), out);
    given()
        .get("/v1/delegations/NLD")
        .then()
        .statusCode(200)
        .body("data.un_membership.start_date", contains("1945-12-10"))
        .body("data.un_membership.end_date", contains(nullValue()))
        .body("data.un_membership.founding_member", contains(true))
        .body("data.un_membership.resolution", contains(nullValue()))
        .body("data.un_membership.locator", contains("undl_id 9301"));
    given()
        .get("/v1/delegations/SYR")
        .then()
        .body("data.un_membership.start_date", contains("1945-10-24", "1961-10-13"))
        .body("data.un_membership.end_date", contains("1958-02-21", null))
        .body("data.un_membership.founding_member", contains(true, null))
        .body("data.un_membership.resolution", contains(nullValue(), nullValue()))
        .body(
            "data.un_membership.source_id",
            contains(startsWith("undl-member-states-"), startsWith("undl-member-states-")));
    given()
        .get("/v1/delegations/CHE")
        .then()
        .body("data.un_membership.start_date", contains("2002-09-10"))
        .body("data.un_membership.founding_member", contains(false))
        .body("data.un_membership.resolution", contains("A/RES/57/1"));
    given().get("/v1/delegations/FRA").then().body("data.un_membership.size()", is(0));
    String page = given().get("/delegations/SYR").then().statusCode(200).extract().asString();
    assertTrue(
        page.contains(
            "<dt>UN membership</dt><dd>from 1945-10-24 to 1958-02-21, a founding member ("),
        page);
    assertTrue(page.contains("; from 1961-10-13 on ("), page);
    assertTrue(
        given()
            .get("/delegations/CHE")
            .then()
            .extract()
            .asString()
            .contains("from 2002-09-10 on, admitted by A/RES/57/1 ("));
    assertTrue(out.contains("1 name(s) without a delegation"), out);
    given()
        .get("/v1/delegations?known_as=Pays-Bas (Royaume des)")
        .then()
        .statusCode(200)
        .body("data.id", contains("NLD"));
    given()
        .get("/v1/delegations?known_as=Королевство Нидерландов")
        .then()
        .statusCode(200)
        .body("data.id", contains("NLD"));
    // by any of its names: a closing parenthetical optional, case ignored, former names too
    for (String name :
        List.of("Pays-Bas", "pays-bas (royaume des)", "Holland", "Países Bajos", "NETHERLANDS")) {
      given()
          .queryParam("name", name)
          .get("/v1/delegations")
          .then()
          .statusCode(200)
          .body("data.id", contains("NLD"));
    }
    given()
        .get("/v1/delegations?name=Low Countries")
        .then()
        .statusCode(200)
        .body("data.id", contains("NLD"));
    given()
        .get("/v1/delegations/NLD")
        .then()
        .statusCode(200)
        .body("data.sources.locator", hasItem("undl_id 9301"));
    Map<String, Object> after = counts();
    assertTrue(run(0, file).contains("nothing changed"));
    assertEquals(after, counts());
  }

  @Test
  void theGeneralAssemblys2024LayoutOverlappingTheHistoryMakesNoSecondCopy() throws IOException {
    Path file =
        csv(
            "2024_09_ga_voting.csv",
            GA_2024,
            "9201,USA,UNITED STATES,N,2000-06-06,Adopted with a vote,A/RES/54/267,Financing of"
                + " UNIFIL,LEBANON,110,2,0,,,,x",
            "9201,ISR,ISRAEL,N,2000-06-06,Adopted with a vote,A/RES/54/267,Financing of"
                + " UNIFIL,LEBANON,110,2,0,,,,x",
            "9201,FRA,FRANCE,A,2000-06-06,Adopted with a vote,A/RES/54/267,Financing of"
                + " UNIFIL,LEBANON,110,2,0,,,,x",
            "9201,NLD,NETHERLANDS,NV,2000-06-06,Adopted with a vote,A/RES/54/267,Financing of"
                + " UNIFIL,LEBANON,110,2,0,,,,x");
    long votes = (long) counts().get("vote");
    String out = run(0, file);
    assertTrue(out.contains("column(s) country_note are not in"), out);
    assertTrue(out.contains("linked, not copied"), out);
    assertEquals(votes, counts().get("vote"), "no second copy");
    given()
        .get("/v1/votes?undl_id=9201")
        .then()
        .statusCode(200)
        .body("data.id", contains("voeten-4237"))
        .body("data[0].sources.id", hasItem("voeten-unga-voting"));
    // FRA and NLD voted yes in the published roll call: conflicts, the published ballots stand
    given()
        .get("/v1/conflicts?vote_id=voeten-4237&sort=id")
        .then()
        .statusCode(200)
        .body(
            "data.id", contains("voeten-4237--ballot--FRA--undl", "voeten-4237--ballot--NLD--undl"))
        .body("data[0].published_value", is("yes"))
        .body("data[0].other_value", is("abstain"))
        .body("data[1].other_value", is("non_voting"));
    given()
        .get("/v1/votes/voeten-4237/roll-call?delegation_id=FRA")
        .then()
        .body("data[0].vote", is("yes"));
    Map<String, Object> after = counts();
    assertTrue(run(0, file).contains("nothing changed"));
    assertEquals(after, counts());
  }

  @Test
  void aRefusedFileChangesNothingAndNamesTheMissingColumns() throws IOException {
    Map<String, Object> before = counts();
    Path noModality =
        csv(
            "outcomes.csv",
            OUTCOMES.replace("modality,", ""),
            "9001,A/RES/54/267,54,2000-06-06,Financing,,,,,,,110,2,0,,,");
    Refused r = assertThrows(Refused.class, () -> LibraryImporter.kind(noModality));
    assertTrue(r.getMessage().contains("lacks the required column(s) modality"), r.getMessage());
    // a bad row late in a file: refused, nothing of the rows before it kept
    Path badRow =
        csv(
            "sc.csv",
            SC,
            "9101,CHN,CHINA,True,Y,2019-12-04,S/RES/2500 (2019),,,Somalia,,,,,,,,,Vote,",
            "9101,USA,UNITED STATES,yes,Y,2019-12-04,S/RES/2500 (2019),,,Somalia,,,,,,,,,Vote,");
    String out = run(1, noModality, badRow);
    assertEquals(before, counts());
    assertFalse(out.contains("Imported"), out);
  }
}
