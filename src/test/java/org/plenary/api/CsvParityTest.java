package org.plenary.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.plenary.Fixtures;

/**
 * JSON, CSV and NDJSON of the same query hold the same rows, in the same order, with the same
 * values.
 */
@QuarkusTest
class CsvParityTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @CsvSource({
    "/v1/votes,",
    "/v1/roll-calls,",
    "/v1/delegations,",
    "/v1/organizations,",
    "/v1/people,",
    "/v1/positions,",
    "/v1/documents,",
    "/v1/sources,",
    "/v1/events,",
    "/v1/bodies,",
    "/v1/signatures,",
    "/v1/votes/a-res-74-247/roll-call, vote=no&regional_group=weog",
    "/v1/delegations/USA/votes,",
    "/v1/organizations/hrw/positions,",
    "/v1/delegations/RUS/positions,",
    "/v1/positions, stance=opposes&sort=-date",
    "/v1/delegations, regional_group__in=weog,african&sort=-name",
    "/v1/delegations/record, sort=-in_minority_share",
    "/v1/delegations/RUS/record, by=year",
    "/v1/groups,",
    "/v1/groups/weog/cohesion,",
    "/v1/groups/eastern_european/cohesion, by=year",
  })
  void jsonCsvAndNdjsonAgree(String path, String query) throws IOException {
    String q = query == null ? "" : query;
    List<Map<String, Object>> json = allPages(path + "?limit=50" + (q.isEmpty() ? "" : "&" + q));

    Response csv = given().accept("text/csv").get(path + (q.isEmpty() ? "" : "?" + q));
    csv.then()
        .statusCode(200)
        .contentType(startsWith("text/csv"))
        .header("X-Total-Count", String.valueOf(json.size()))
        .header(
            "Content-Disposition",
            startsWith("attachment; filename=\"plenary-" + Fixtures.version() + "-"));
    List<Map<String, String>> rows = parseCsv(csv.asString());
    assertEquals(json.size(), rows.size(), path + ": same number of rows");
    for (int i = 0; i < json.size(); i++) {
      Map<String, Object> j = json.get(i);
      Map<String, String> c = rows.get(i);
      assertEquals(
          new ArrayList<>(j.keySet()),
          new ArrayList<>(c.keySet()),
          path + ": same columns, same order");
      for (var e : j.entrySet()) {
        assertEquals(
            flatten(e.getValue()), c.get(e.getKey()), path + " row " + i + " " + e.getKey());
      }
    }

    String ndjson =
        given()
            .accept("application/x-ndjson")
            .get(path + (q.isEmpty() ? "" : "?" + q))
            .then()
            .statusCode(200)
            .contentType(startsWith("application/x-ndjson"))
            .extract()
            .asString();
    String[] lines = ndjson.isEmpty() ? new String[0] : ndjson.split("\n");
    assertEquals(json.size(), lines.length);
    for (int i = 0; i < lines.length; i++) {
      assertEquals(json.get(i), JSON.readValue(lines[i], Map.class), path + " ndjson row " + i);
    }
  }

  @Test
  void theSuffixAndTheFormatParameterAreTheSameAsAccept() {
    String byAccept = given().accept("text/csv").get("/v1/votes?outcome=adopted").asString();
    assertEquals(byAccept, given().get("/v1/votes.csv?outcome=adopted").asString());
    assertEquals(byAccept, given().get("/v1/votes?outcome=adopted&format=csv").asString());
    given()
        .get("/v1/votes/a-res-74-247/roll-call.ndjson")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/x-ndjson"));
    given().get("/v1/votes.json").then().statusCode(200).body("meta.count", is(9));
  }

  @Test
  void csvStreamsEveryRowWithoutAPageLimit() {
    String csv =
        given()
            .get("/v1/roll-calls.csv")
            .then()
            .statusCode(200)
            .header("X-Total-Count", "393")
            .extract()
            .asString();
    assertEquals(394, csv.split("\r\n").length); // header + every row, no cap
    // an explicit limit is honoured, and may exceed the JSON maximum
    assertEquals(6, given().get("/v1/roll-calls.csv?limit=5").asString().split("\r\n").length);
    given()
        .get("/v1/roll-calls.csv?limit=5000")
        .then()
        .statusCode(200)
        .header("X-Total-Count", "393");
  }

  @Test
  void byteOrderMarkOnRequestForExcel() {
    byte[] body = given().get("/v1/delegations.csv?bom=true").asByteArray();
    assertEquals((byte) 0xEF, body[0]);
    assertEquals((byte) 0xBB, body[1]);
    assertEquals((byte) 0xBF, body[2]);
    String text = new String(body, StandardCharsets.UTF_8);
    assertTrue(text.contains("Côte d'Ivoire") && text.contains("Türkiye"), "accents intact");
    byte[] plain = given().get("/v1/delegations.csv").asByteArray();
    assertEquals('i', plain[0]);
  }

  @Test
  void quotesWithCommasQuotesAndNewlinesRoundTrip() throws IOException {
    // Every text value of every position, read back from CSV, equals the JSON value.
    List<Map<String, Object>> json = allPages("/v1/positions?limit=1000");
    List<Map<String, String>> csv = parseCsv(given().get("/v1/positions.csv").asString());
    boolean sawComma = false;
    boolean sawQuote = false;
    for (int i = 0; i < json.size(); i++) {
      for (String f : List.of("quote", "stance_summary", "paraphrase", "note", "actor_name")) {
        Object v = json.get(i).get(f);
        assertEquals(v == null ? "" : v, csv.get(i).get(f));
        sawComma |= v != null && v.toString().contains(",");
        sawQuote |= v != null && v.toString().contains("\"");
      }
    }
    assertTrue(sawComma && sawQuote, "the fixtures exercise commas and quotes");
  }

  @Test
  void badFormatRequestsAreProblems() {
    ErrorShapeTest.assertProblem(given().get("/v1/votes?format=xml").then(), 400, "/v1/votes");
    ErrorShapeTest.assertProblem(given().get("/v1/votes?bom=true").then(), 400, "/v1/votes");
    ErrorShapeTest.assertProblem(given().get("/v1/votes.csv?bom=yes").then(), 400, "/v1/votes");
    ErrorShapeTest.assertProblem(
        given().get("/v1/votes.csv?include=roll_call").then(), 400, "/v1/votes");
    ErrorShapeTest.assertProblem(given().get("/v1/votes.csv?limit=0").then(), 400, "/v1/votes");
    ErrorShapeTest.assertProblem(given().get("/v1/votes.csv?colour=red").then(), 400, "/v1/votes");
    ErrorShapeTest.assertProblem(
        given().get("/v1/votes/a-res-74-247?format=csv").then(), 400, "/v1/votes/a-res-74-247");
    ErrorShapeTest.assertProblem(
        given().accept("text/csv").get("/v1/treaty").then(), 406, "/v1/treaty");
    // NDJSON keeps nesting, so include works there
    given().get("/v1/votes.ndjson?include=roll_call&id=a-res-74-247").then().statusCode(200);
  }

  static List<Map<String, Object>> allPages(String url) {
    List<Map<String, Object>> out = new ArrayList<>();
    String next = url;
    while (next != null) {
      JsonPath page =
          given()
              .urlEncodingEnabled(false)
              .get(next)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              // fractions as Double, as Jackson reads the NDJSON rows
              .using(
                  io.restassured.path.json.config.JsonPathConfig.jsonPathConfig()
                      .numberReturnType(
                          io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
      out.addAll(page.getList("data"));
      next = page.getString("links.next");
    }
    return out;
  }

  static List<Map<String, String>> parseCsv(String text) throws IOException {
    List<Map<String, String>> out = new ArrayList<>();
    try (CSVParser p =
        CSVParser.parse(
            new StringReader(text),
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
      for (CSVRecord r : p) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String h : p.getHeaderNames()) {
          m.put(h, r.get(h));
        }
        out.add(m);
      }
    }
    return out;
  }

  /** The documented flattening: null is empty; a list of records is their ids joined by ';'. */
  private static String flatten(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof List<?> list) {
      List<String> ids = new ArrayList<>();
      for (Object o : list) {
        Map<?, ?> m = (Map<?, ?>) o;
        ids.add(
            m.containsKey("id")
                ? m.get("id").toString()
                : m.get("record_type") + "/" + m.get("record_id"));
      }
      return String.join(";", ids);
    }
    return v.toString();
  }
}
