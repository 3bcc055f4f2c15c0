package org.plenary.curation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plenary.curation.Curators.ADMIN;
import static org.plenary.curation.Curators.approve;
import static org.plenary.curation.Curators.changeSet;
import static org.plenary.curation.Curators.op;
import static org.plenary.curation.Curators.propose;
import static org.plenary.curation.Curators.publish;
import static org.plenary.curation.Curators.token;
import static org.plenary.curation.Curators.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plenary.WritingTestProfile;
import org.plenary.ingest.UngdcImporter;

/**
 * A curator quotes a paragraph of a General Debate statement as a new position, through a change
 * set, citing the statement: the corpus's source row with the paragraph's URL as locator. The
 * statement itself stays a statement (no stance); the position is curated like any other.
 */
@QuarkusTest
@TestProfile(WritingTestProfile.class)
class StatementQuoteTest {
  @Inject UngdcImporter importer;

  @Test
  void aParagraphQuotedAsAPositionCitesTheStatement() {
    importer.importCorpus(Path.of("src", "test", "resources", "ungdc"), s -> {});
    String paragraph =
        given()
            .get("/v1/statements/est-74-2019")
            .then()
            .statusCode(200)
            .extract()
            .path("data.text[22].text");
    String id = unique("est-2019-general-debate-p23");
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("actor_kind", "delegation");
    record.put("delegation_id", "EST");
    record.put("stance", "supports");
    record.put("subject", "convention");
    record.put("stance_summary", "Opens a quantum sandbox to engineers of every region");
    record.put("quote", paragraph);
    record.put("quote_status", "verbatim");
    record.put("date", "2019");
    record.put("certainty", "confirmed");
    Map<String, Object> create = op("create", "positions", id);
    create.put("record", record);
    String locator = "/v1/statements/est-74-2019#p23";
    create.put(
        "sources", List.of(Map.of("source_id", UngdcImporter.SOURCE_ID, "locator", locator)));
    String editor = token("editor");
    String reviewer = token("reviewer");
    long change =
        propose(editor, changeSet("Estonia in the General Debate, 2019", List.of(create)));
    approve(reviewer, change);
    publish(ADMIN);
    JsonPath p = given().get("/v1/positions/" + id).then().statusCode(200).extract().jsonPath();
    assertEquals(
        "Estonia will open a quantum sandbox for young engineers from every region of the world.",
        p.getString("data.quote"));
    assertEquals("EST", p.getString("data.delegation_id"));
    assertEquals(List.of("ungdc"), p.getList("data.sources.id"));
    assertEquals(List.of(locator), p.getList("data.sources.locator"));
  }
}
