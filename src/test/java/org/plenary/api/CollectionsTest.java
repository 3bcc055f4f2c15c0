package org.plenary.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.plenary.Fixtures;

/** Properties every collection must have: one envelope, sources on every record, stable paging. */
@QuarkusTest
class CollectionsTest {

  /** path, key fields, a sort with many ties. */
  @ParameterizedTest
  @CsvSource({
    "/v1/votes, id, outcome",
    "/v1/roll-calls, vote_id+delegation_id, vote",
    "/v1/roll-calls, vote_id+delegation_id, delegation_id",
    "/v1/votes, id, date",
    "/v1/delegations, id, regional_group",
    "/v1/organizations, id, kind",
    "/v1/people, id, organization_id",
    "/v1/positions, id, stance",
    "/v1/documents, id, kind",
    "/v1/sources, id, kind",
    "/v1/events, id, kind",
    "/v1/bodies, id, kind",
    "/v1/signatures, id, certainty",
  })
  void walkingEveryPageReturnsEveryRowExactlyOnce(String path, String key, String tiedSort) {
    int total =
        given()
            .get(path + "?include=total&limit=1")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getInt("meta.total");
    for (String sort : List.of("", "&sort=" + tiedSort, "&sort=-" + tiedSort)) {
      List<String> seen = new ArrayList<>();
      String url = path + "?limit=7" + sort;
      int pages = 0;
      while (url != null) {
        var r = given().urlEncodingEnabled(false).get(url).then().statusCode(200);
        JsonPath json = r.extract().jsonPath();
        for (Map<String, Object> row : json.<Map<String, Object>>getList("data")) {
          seen.add(keyOf(row, key));
        }
        url = json.getString("links.next");
        String link = r.extract().header("Link");
        assertEquals(url == null, link == null, "Link header and links.next agree");
        assertTrue(++pages <= total / 7 + 2, "paging terminates");
      }
      assertEquals(total, seen.size(), path + sort + ": every row");
      assertEquals(total, new HashSet<>(seen).size(), path + sort + ": no row twice");
    }
  }

  @ParameterizedTest
  @CsvSource({
    "/v1/votes", "/v1/roll-calls", "/v1/delegations", "/v1/organizations", "/v1/people",
    "/v1/positions", "/v1/documents", "/v1/events", "/v1/bodies", "/v1/signatures"
  })
  void everyRecordCarriesItsSources(String path) {
    String url = path + "?limit=1000";
    JsonPath json = given().get(url).then().statusCode(200).extract().jsonPath();
    List<Map<String, Object>> rows = json.getList("data");
    assertFalse(rows.isEmpty(), path);
    for (Map<String, Object> row : rows) {
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> sources = (List<Map<String, Object>>) row.get("sources");
      assertNotNull(sources, path + " " + row);
      assertFalse(sources.isEmpty(), path + ": a record without sources: " + row);
      for (Map<String, Object> s : sources) {
        assertNotNull(s.get("id"));
        assertNotNull(s.get("publisher"));
      }
    }
    assertEquals(Fixtures.version(), json.getString("meta.dataset_version"));
    assertEquals(rows.size(), json.getInt("meta.count"));
  }

  @ParameterizedTest
  @CsvSource({"/v1/sources"})
  void everySourceIsCited(String path) {
    List<Map<String, Object>> rows =
        given()
            .get(path + "?limit=1000")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("data");
    for (Map<String, Object> row : rows) {
      assertFalse(((List<?>) row.get("cited_by")).isEmpty(), "uncited source " + row.get("id"));
    }
  }

  private static String keyOf(Map<String, Object> row, String key) {
    StringBuilder sb = new StringBuilder();
    for (String k : key.split("\\+")) {
      sb.append(row.get(k)).append('|');
    }
    return sb.toString();
  }
}
