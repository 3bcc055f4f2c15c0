package org.plenary.dataset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.plenary.Fixtures;
import org.plenary.config.PlenaryConfig.OnTamper;
import org.plenary.release.ContentChecksum;
import org.plenary.release.TamperedException;

/**
 * A direct edit of the database is caught by the next start's check (the loader's load, as at
 * start-up): restored from the release's files, or refused, naming the tables. Each test puts the
 * real content back.
 */
@QuarkusTest
class TamperCheckTest {
  @Inject SeedLoader loader;
  @Inject org.plenary.TestSql engine;
  @Inject AgroalDataSource dataSource;

  @AfterEach
  void restore() throws Exception {
    loader.load(Fixtures.files(), OnTamper.RESTORE);
    try (Connection c = dataSource.getConnection()) {
      assertEquals(List.of(), ContentChecksum.verify(c).orElseThrow());
    }
  }

  @Test
  void intactContentIsVerifiedAndNothingIsReloaded() throws Exception {
    loader.load(Fixtures.files());
    try (Connection c = dataSource.getConnection()) {
      assertEquals(List.of(), ContentChecksum.verify(c).orElseThrow());
    }
    assertTrue(loader.load(Fixtures.files(), OnTamper.REFUSE).isEmpty());
  }

  @Test
  void aDirectEditIsRestoredFromTheReleaseFiles() {
    engine.rows("update vote set yes = 80 where id = 'a-res-74-247' returning 1");
    engine.rows(
        "insert into citation (record_type, record_id, source_id) select 'vote', 'a-res-74-247',"
            + " id from source where id not in (select source_id from citation where record_id ="
            + " 'a-res-74-247') limit 1 returning 1");

    Map<String, Integer> changed = loader.load(Fixtures.files(), OnTamper.RESTORE);

    assertEquals(1, changed.get("vote"), "the edited vote rewritten: " + changed);
    assertEquals(1, changed.get("citation"), "the planted citation deleted: " + changed);
    assertEquals(0, changed.get("roll_call"));
    assertEquals(
        79,
        ((Number) engine.rows("select yes from vote where id = 'a-res-74-247'").get(0).get("yes"))
            .intValue());
    given().get("/v1/votes/a-res-74-247").then().statusCode(200).body("data.yes", is(79));
  }

  @Test
  void aDirectEditIsRefusedWhenConfiguredNamingTheTables() {
    engine.rows(
        "update roll_call set vote = case vote when 'yes' then 'no' else 'yes' end"
            + " where vote_id = 'a-res-74-247' and delegation_id = 'USA' returning 1");
    engine.rows("delete from position where id = (select min(id) from position) returning 1");

    TamperedException e =
        assertThrows(TamperedException.class, () -> loader.load(Fixtures.files(), OnTamper.REFUSE));

    assertTrue(e.getMessage().startsWith("Refusing to start"), e.getMessage());
    assertTrue(e.getMessage().contains("table(s) roll_call, position;"), e.getMessage());
    assertTrue(e.getMessage().contains("PLENARY_ON_TAMPER=restore"), e.getMessage());
  }

  @Test
  void theCheckCoversEveryDumpedTableAndTheStatements() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      assertEquals(
          List.of(
              "release",
              "source",
              "delegation",
              "body",
              "document",
              "vote",
              "vote_document",
              "roll_call",
              "organization",
              "membership",
              "person",
              "position",
              "event",
              "treaty",
              "signature",
              "claim",
              "ratification",
              "citation",
              "undl_vote",
              "vote_detail",
              "topic",
              "vote_topic",
              "delegation_succession",
              "delegation_name",
              "body_member",
              "conflict",
              "un_membership",
              "statement",
              "statement_paragraph"),
          List.copyOf(ContentChecksum.compute(c).keySet()));
    }
  }

  @Test
  void anEditOfTheNewerTablesIsRefusedNamingThem() {
    engine.rows(
        "insert into topic (id, scheme, name) values ('planted', 'agenda', 'P') returning 1");
    engine.rows(
        "insert into statement (id, code, session, year, paragraphs, characters, text_sha256,"
            + " source_id, locator) select 'planted', 'XXX', 1, 1946, 0, 0, 'x', min(id), 'x'"
            + " from source returning 1");
    try {
      TamperedException e =
          assertThrows(
              TamperedException.class, () -> loader.load(Fixtures.files(), OnTamper.REFUSE));
      assertTrue(e.getMessage().contains("table(s) topic, statement;"), e.getMessage());
    } finally {
      engine.rows("delete from statement where id = 'planted' returning 1");
      engine.rows("delete from topic where id = 'planted' returning 1");
    }
  }

  @Test
  void aDatasetLoadedBeforeTheMembershipTableIsNotTakenForTampered() throws Exception {
    // the state a dataset loaded before V24 is in: nothing recorded for un_membership
    engine.rows(
        "update dataset_state set content_checksums = content_checksums #-"
            + " '{tables,un_membership}' #- '{fingerprints,un_membership}' returning 1");
    TamperedException e =
        assertThrows(TamperedException.class, () -> loader.load(Fixtures.files(), OnTamper.REFUSE));
    assertTrue(e.getMessage().contains("table(s) un_membership;"), e.getMessage());
    // V24 records the new, empty table as such
    String migration =
        java.nio.file.Files.readString(
            java.nio.file.Path.of(
                "src/main/resources/db/migration/V24__library_documents_and_membership.sql"));
    String update = migration.substring(migration.indexOf("update dataset_state"));
    engine.rows(update.substring(0, update.indexOf(';')) + " returning 1");
    assertTrue(loader.load(Fixtures.files(), OnTamper.REFUSE).isEmpty(), "nothing reloaded");
  }

  @Test
  void aRewriteThatKeepsTheContentIsVerifiedAndItsFingerprintRecordedAgain() {
    String fingerprint = "select count(*) || ':' || sum(xmin::text::bigint) as f from roll_call";
    String recorded =
        "select content_checksums -> 'fingerprints' ->> 'roll_call' as f from dataset_state";
    assertEquals(engine.rows(fingerprint), engine.rows(recorded));
    engine.rows("update roll_call set vote = vote where vote_id = 'a-res-74-247' returning 1");
    assertNotEquals(engine.rows(fingerprint), engine.rows(recorded), "the rows were rewritten");

    assertTrue(loader.load(Fixtures.files(), OnTamper.REFUSE).isEmpty(), "nothing reloaded");

    assertEquals(engine.rows(fingerprint), engine.rows(recorded), "recorded again");
  }

  @Test
  void theChecksumDoesNotDependOnTheSessionSettings() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      Map<String, String> utc = ContentChecksum.compute(c);
      c.createStatement().execute("set timezone = 'Pacific/Chatham'");
      c.createStatement().execute("set datestyle = 'ISO, DMY'");
      try {
        assertEquals(utc, ContentChecksum.compute(c));
        c.setAutoCommit(false);
        ContentChecksum.compute(c);
        var rs = c.createStatement().executeQuery("show timezone");
        rs.next();
        assertEquals("Pacific/Chatham", rs.getString(1), "the caller's settings are kept");
        c.rollback();
        c.setAutoCommit(true);
      } finally {
        c.createStatement().execute("reset timezone");
        c.createStatement().execute("reset datestyle");
      }
    }
  }
}
