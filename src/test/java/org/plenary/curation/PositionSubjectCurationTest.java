package org.plenary.curation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.plenary.curation.Curators.approve;
import static org.plenary.curation.Curators.as;
import static org.plenary.curation.Curators.changeSet;
import static org.plenary.curation.Curators.create;
import static org.plenary.curation.Curators.propose;
import static org.plenary.curation.Curators.publish;
import static org.plenary.curation.Curators.token;
import static org.plenary.curation.Curators.update;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plenary.WritingTestProfile;
import org.plenary.http.Problem;

/** A position says what its stance is on (subject); curation requires it and checks it. */
@QuarkusTest
@TestProfile(WritingTestProfile.class)
class PositionSubjectCurationTest {

  @Test
  void aCreatedPositionMustSayWhatItsStanceIsOn() {
    String editor = token("editor");
    Curators.World w = Curators.world(editor, token("reviewer"));
    Map<String, Object> pos = new LinkedHashMap<>();
    pos.put("actor_kind", "organization");
    pos.put("organization_id", w.organization());
    pos.put("stance", "opposes");
    pos.put("stance_summary", "Test stance without a subject");
    pos.put("quote_status", "none");
    pos.put("date", "2025-10");
    as(editor)
        .body(
            changeSet(
                "No subject",
                List.of(create("positions", Curators.unique("t-pos"), pos, w.source()))))
        .post("/v1/changes")
        .then()
        .statusCode(422)
        .contentType(Problem.MEDIA_TYPE)
        .body("invalid_params.name", hasItem("operations[0].record.subject"));
  }

  @Test
  void aSubjectOutsideTheVocabularyIs422AndAValidOneIsPublishedAndFiltered() {
    String editor = token("editor");
    String reviewer = token("reviewer");
    Curators.World w = Curators.world(editor, reviewer);
    as(editor)
        .body(
            changeSet(
                "Bad subject",
                List.of(update("positions", w.positionA(), Map.of("subject", "the treaty")))))
        .post("/v1/changes")
        .then()
        .statusCode(422)
        .contentType(Problem.MEDIA_TYPE)
        .body("invalid_params.name", hasItem("operations[0].set.subject"))
        .body("detail", containsString("'the treaty' is not one of [clause, convention,"));

    long id =
        propose(
            editor,
            changeSet(
                "The stance is on a clause of the convention, not on the convention",
                List.of(update("positions", w.positionA(), Map.of("subject", "clause")))));
    approve(reviewer, id);
    publish(reviewer);

    given()
        .get("/v1/positions/" + w.positionA())
        .then()
        .statusCode(200)
        .body("data.subject", is("clause"));
    given()
        .get("/v1/positions?subject=clause&organization_id=" + w.organization())
        .then()
        .statusCode(200)
        .body("data.id", hasItem(w.positionA()))
        .body("data.id", not(hasItem(w.positionB())));
    given()
        .get("/v1/changes/" + id)
        .then()
        .statusCode(200)
        .body("data.operations[0].before.subject", is("convention"))
        .body("data.operations[0].after.subject", is("clause"));
  }
}
