package org.plenary.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** fields=: the fields each record of a collection shows, in JSON, CSV and NDJSON. */
@QuarkusTest
class FieldsTest {
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> data(String path) {
    return given().get(path).then().statusCode(200).extract().jsonPath().getList("data");
  }

  @Test
  void eachRecordShowsTheFieldsAskedForInTheirOrder() {
    List<Map<String, Object>> whole = data("/v1/votes?sort=date&limit=5");
    List<Map<String, Object>> cut = data("/v1/votes?sort=date&limit=5&fields=yes,id,date");
    assertEquals(5, cut.size());
    for (int i = 0; i < cut.size(); i++) {
      assertEquals(List.of("yes", "id", "date"), new ArrayList<>(cut.get(i).keySet()));
      for (String name : List.of("yes", "id", "date")) {
        assertEquals(whole.get(i).get(name), cut.get(i).get(name), name);
      }
    }
    // a field that is null stays, as null; a name given twice shows once
    given()
        .get("/v1/votes?id=a-res-74-247&fields=id,undl_id,id")
        .then()
        .statusCode(200)
        .body("data[0].keySet()", is(java.util.Set.of("id", "undl_id")))
        .body("data[0].undl_id", nullValue());
    // the embedded lists by name, and those include= asks for after the fields
    Map<String, Object> vote =
        data("/v1/votes?id=a-res-74-247&fields=sources,id&include=roll_call").get(0);
    assertEquals(List.of("sources", "id", "roll_call"), new ArrayList<>(vote.keySet()));
    assertEquals(193, ((List<?>) vote.get("roll_call")).size());
  }

  @Test
  void aSingleRecordShowsTheFieldsAskedFor() {
    Map<String, Object> whole =
        given().get("/v1/votes/a-res-74-247").then().extract().jsonPath().getMap("data");
    JsonPath cut =
        given()
            .get("/v1/votes/a-res-74-247?fields=yes,no,abstain,non_voting,id")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Map<String, Object> tallies = cut.getMap("data");
    assertEquals(
        List.of("yes", "no", "abstain", "non_voting", "id"), new ArrayList<>(tallies.keySet()));
    assertEquals(List.of(79, 60, 33, 21), List.copyOf(tallies.values()).subList(0, 4));
    for (String name : tallies.keySet()) {
      assertEquals(whole.get(name), tallies.get(name), name);
    }
    // the lists include= asks for come after the fields; other records, by their own keys
    Map<String, Object> withRollCall =
        given()
            .get("/v1/votes/a-res-74-247?fields=id,sources&include=roll_call")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("data");
    assertEquals(List.of("id", "sources", "roll_call"), new ArrayList<>(withRollCall.keySet()));
    given()
        .get("/v1/delegations/BRA?fields=name,id")
        .then()
        .statusCode(200)
        .body("data.keySet()", is(java.util.Set.of("name", "id")))
        .body("data.id", is("BRA"));
    // each fields= is its own response: not the whole record's bytes
    String etag = given().get("/v1/votes/a-res-74-247").then().extract().header("ETag");
    assertNotEquals(
        etag, given().get("/v1/votes/a-res-74-247?fields=id").then().extract().header("ETag"));
  }

  @Test
  void theMetaFacetsAndPagesAreTheSame() {
    JsonPath whole =
        given().get("/v1/votes?limit=2&sort=-margin&facet=method").then().extract().jsonPath();
    JsonPath cut =
        given()
            .get("/v1/votes?limit=2&sort=-margin&facet=method&fields=id")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(whole.getMap("meta.facets"), cut.getMap("meta.facets"));
    assertEquals(whole.getList("data.id"), cut.getList("data.id"));
    // the cursor goes on from a record whose sort field (margin) is not shown
    String next = cut.getString("links.next");
    assertTrue(next.contains("fields=id"), next);
    JsonPath second = given().get(next).then().statusCode(200).extract().jsonPath();
    JsonPath wholeSecond = given().get(whole.getString("links.next")).then().extract().jsonPath();
    assertEquals(wholeSecond.getList("data.id"), second.getList("data.id"));
    assertEquals(List.of(java.util.Set.of("id")), List.of(second.getMap("data[0]").keySet()));
    // a search's rank, a sub-collection, an aggregate
    given()
        .get("/v1/votes?q=cybercrime&fields=id,rank&limit=1")
        .then()
        .statusCode(200)
        .body("data[0].keySet()", is(java.util.Set.of("id", "rank")));
    given()
        .get("/v1/votes/a-res-74-247/roll-call?fields=delegation_id,vote&delegation_id=FRA")
        .then()
        .statusCode(200)
        .body("data[0].delegation_id", is("FRA"))
        .body("data[0].keySet()", is(java.util.Set.of("delegation_id", "vote")));
    given()
        .get("/v1/delegations/FRA/record?fields=delegation_id,ballots")
        .then()
        .statusCode(200)
        .body("data[0].keySet()", is(java.util.Set.of("delegation_id", "ballots")));
  }

  @Test
  void csvAndNdjsonHaveTheseColumns() {
    String csv =
        given()
            .get("/v1/votes.csv?id=a-res-74-247&fields=id,yes,no,sources")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    String[] lines = csv.split("\r\n");
    assertEquals("id,yes,no,sources", lines[0]);
    assertTrue(lines[1].startsWith("a-res-74-247,79,60,"), lines[1]);
    assertEquals(2, lines.length);
    String whole = given().get("/v1/votes.csv?id=a-res-74-247").then().extract().asString();
    assertTrue(whole.split("\r\n")[0].startsWith("id,body_id,"), "without fields=: every column");
    String ndjson =
        given()
            .get("/v1/votes.ndjson?id=a-res-74-247&fields=no,id")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertEquals("{\"no\":60,\"id\":\"a-res-74-247\"}\n", ndjson);
    // another representation, another ETag
    assertNotEquals(
        given().get("/v1/votes?fields=id").then().extract().header("ETag"),
        given().get("/v1/votes?fields=id,date").then().extract().header("ETag"));
  }

  @Test
  void anUnknownOrEmptyNameIsRefusedNamingTheFields() {
    // on a collection and on a single record alike
    for (String path : List.of("/v1/votes?", "/v1/votes/a-res-74-247?")) {
      given()
          .get(path + "fields=id,tally")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("invalid_params[0].name", is("fields"))
          .body("invalid_params[0].reason", containsString("unknown field 'tally'. Fields: "))
          .body("invalid_params[0].reason", containsString("yes"));
      given()
          .get(path + "fields=")
          .then()
          .statusCode(400)
          .body("invalid_params[0].reason", containsString("needs field names"));
      given()
          .get(path + "fields=id,,date")
          .then()
          .statusCode(400)
          .body("invalid_params[0].name", is("fields"));
      // a list include= embeds is asked for by include=
      given()
          .get(path + "fields=id,roll_call")
          .then()
          .statusCode(400)
          .body(
              "invalid_params[0].reason",
              is("'roll_call' is embedded by include=roll_call (it then follows the fields)"));
    }
    // rank and snippet only with q=
    given()
        .get("/v1/votes?fields=id,rank")
        .then()
        .statusCode(400)
        .body("invalid_params[0].reason", containsString("unknown field 'rank'"));
    // a single record takes no other parameter of a collection's
    given()
        .get("/v1/votes/a-res-74-247?fields=id&limit=1")
        .then()
        .statusCode(400)
        .body("invalid_params[0].name", is("limit"))
        .body("invalid_params[0].reason", containsString("takes only fields= and include="));
    // the pages show every field whatever fields= says
    given().get("/votes?fields=id").then().statusCode(200);
  }
}
