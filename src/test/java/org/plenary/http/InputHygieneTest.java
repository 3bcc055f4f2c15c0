package org.plenary.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.plenary.openapi.Catalog;
import org.plenary.query.CollectionSpec;
import org.plenary.query.Field;
import org.plenary.query.Jdbc;
import org.plenary.query.Operator;

/**
 * Hostile input: control characters in every parameter of every collection, malformed and oversized
 * requests, forged cursors, requests without Host. Each is a 4xx problem+json naming what was
 * refused, never a 500.
 */
@QuarkusTest
class InputHygieneTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Every list path of the contract, by the schema of its records (a list's data.items; for a
   * collection served as one record, its data), with its path parameters filled in.
   */
  private static Map<String, List<String>> listPaths() {
    JsonPath api = given().get("/q/openapi?format=json").then().extract().jsonPath();
    Map<String, Object> paths = api.getMap("paths");
    Map<String, List<String>> out = new java.util.TreeMap<>();
    for (String path : paths.keySet()) {
      String data =
          "paths.'"
              + path
              + "'.get.responses.'200'.content.'application/json'.schema.properties.data";
      String ref = api.getString(data + ".items.$ref");
      if (ref == null) {
        // a collection of measures: its own records or, with by=year, the year records
        ref = api.getString(data + ".items.oneOf[0].$ref");
      }
      if (ref == null) {
        // a collection served as one record only (the treaty): data.$ref or data.allOf[0].$ref
        ref = api.getString(data + ".$ref");
      }
      if (ref == null) {
        ref = api.getString(data + ".allOf[0].$ref");
      }
      if (ref != null) {
        out.computeIfAbsent(ref.substring(ref.lastIndexOf('/') + 1), k -> new ArrayList<>())
            .add(path.replaceAll("\\{[^}]+}", "x"));
      }
    }
    return out;
  }

  @Test
  void aNulOrControlCharacterInAnyFilterOfAnyCollectionIsA400NamingIt() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Map<String, List<String>> paths = listPaths();
    int checked = 0;
    for (Catalog.Entry e : Catalog.COLLECTIONS.values()) {
      CollectionSpec c = e.collection();
      List<String> served = paths.get(e.schema());
      assertTrue(served != null && !served.isEmpty(), c.name() + " is served somewhere");
      List<String> params = new ArrayList<>(List.of("q", "sort", "cursor", "include", "facet"));
      for (Field f : c.fields()) {
        for (Operator op : new TreeSet<>(f.operators())) {
          params.add(op.parameter(f.name()));
        }
      }
      for (String path : served) {
        for (String param : params) {
          // every parameter with a NUL; the other control characters on the first path
          List<String> values =
              path.equals(served.get(0)) ? List.of("a%00b", "x%0Ay", "%1F", "%7F") : List.of("%00");
          for (String value : values) {
            HttpResponse<String> r =
                http.send(
                    HttpRequest.newBuilder(
                            URI.create(
                                "http://localhost:"
                                    + RestAssured.port
                                    + path
                                    + "?"
                                    + param
                                    + "="
                                    + value))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
            String what = path + "?" + param + "=" + value;
            assertEquals(400, r.statusCode(), what);
            assertEquals(
                "application/problem+json",
                r.headers().firstValue("Content-Type").orElse(""),
                what);
            JsonNode body = JSON.readTree(r.body());
            assertEquals(param, body.path("invalid_params").path(0).path("name").asText(), what);
            assertTrue(
                body.path("invalid_params").path(0).path("reason").asText().contains("control"),
                what);
            checked++;
          }
        }
      }
    }
    assertTrue(checked > 500, "the corpus covers every filter: " + checked);
  }

  @Test
  void aNulInAPathSegmentOrAParameterNameIsA400() {
    given()
        .urlEncodingEnabled(false)
        .get("/v1/votes/a-res%00-74-247")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("invalid_params[0].name", is("path"));
    given()
        .urlEncodingEnabled(false)
        .get("/v1/votes?da%00te=2024")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("invalid_params[0].reason", containsString("name"));
  }

  @Test
  void manyBadParametersGiveABoundedProblem() {
    StringBuilder q = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      q.append(i == 0 ? "" : "&").append("colour").append(i).append("=red");
    }
    ExtractableResponse<Response> r =
        given()
            .urlEncodingEnabled(false)
            .get("/v1/votes?" + q)
            .then()
            .statusCode(400)
            .contentType("application/problem+json")
            .body("invalid_params", hasSize(20))
            .body("detail", containsString("280 more not listed"))
            .extract();
    // 20 problems, each naming the collection's filterable fields (the measures and Voeten's flags
    // among them): bounded whatever the request sends
    assertTrue(r.asByteArray().length < 14_000, "bounded: " + r.asByteArray().length);
  }

  @Test
  void searchIsBoundedInLengthAndTerms() {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 980; i++) {
      many.append(" -w").append(i);
    }
    given()
        .queryParam("q", many.toString().substring(0, 250))
        .get("/v1/positions")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("invalid_params[0].name", is("q"))
        .body("invalid_params[0].reason", containsString("words"));
    given()
        .queryParam("q", "cybercrime ".repeat(40))
        .get("/v1/positions")
        .then()
        .statusCode(400)
        .body("invalid_params[0].reason", containsString("characters"));
    given().queryParam("q", "cybercrime convention").get("/v1/positions").then().statusCode(200);
  }

  @Test
  void aForgedCursorWithAnOutOfRangeTimestampIsA400() {
    String forged =
        cursors.cursor().encode("votes", "updated_at,id", List.of("+99999-01-01T00:00:00Z", "x"));
    given()
        .queryParam("sort", "updated_at")
        .queryParam("cursor", forged)
        .get("/v1/votes")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("invalid_params[0].name", is("cursor"));
    String farDate = cursors.cursor().encode("votes", "date,id", List.of("+99999-01-01", "x"));
    given().queryParam("cursor", farDate).get("/v1/votes").then().statusCode(400);
    given()
        .queryParam("updated_since", "+99999-01-01T00:00:00Z")
        .get("/v1/votes")
        .then()
        .statusCode(400)
        .body("invalid_params[0].name", is("updated_since"));
  }

  @Inject Jdbc jdbc;
  @Inject org.plenary.query.CursorKey cursors;

  @Test
  void cursorsAreSignedWithTheDeploymentsKeyKeptInTheDatabase() throws Exception {
    List<String> rows =
        jdbc.list(
            "select value from deployment_secret where name = 'cursor-key'", rs -> rs.getString(1));
    assertEquals(1, rows.size(), "one key per deployment, in the database");
    String key = rows.get(0);
    assertTrue(key.length() >= 40, "a random key: " + key.length());
    String next =
        given().get("/v1/roll-calls?limit=5").then().statusCode(200).extract().path("links.next");
    String cursor = next.substring(next.indexOf("cursor=") + 7);
    String[] parts = cursor.split("\\.");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] expected = Arrays.copyOf(mac.doFinal(Base64.getUrlDecoder().decode(parts[0])), 16);
    assertArrayEquals(expected, Base64.getUrlDecoder().decode(parts[1]));
    given().get(next).then().statusCode(200);
  }

  @Test
  void aTooLongUriIsA414Problem() {
    given()
        .urlEncodingEnabled(false)
        .get("/v1/votes?id__in=" + "a,".repeat(5000))
        .then()
        .statusCode(414)
        .contentType("application/problem+json")
        .body("status", is(414))
        .header("X-Content-Type-Options", "nosniff");
  }

  @Test
  void tooLargeHeadersAreA431Problem() {
    given()
        .header("X-Padding", "p".repeat(20_000))
        .get("/v1/votes")
        .then()
        .statusCode(431)
        .contentType("application/problem+json")
        .body("status", is(431));
  }

  @Test
  void anInvalidHostIsA400Problem() throws Exception {
    String r =
        RawHttp.send(
            RestAssured.port,
            "GET /v1/votes HTTP/1.1\r\nHost: localhost:abc\r\nConnection: close\r\n\r\n");
    assertTrue(r.startsWith("HTTP/1.1 400"), r);
    assertTrue(r.toLowerCase().contains("content-type: application/problem+json"), r);
  }

  @Test
  void http10WithoutHostIsAnswered() throws Exception {
    String r = RawHttp.send(RestAssured.port, "GET /v1/votes?limit=1 HTTP/1.0\r\n\r\n");
    assertTrue(r.startsWith("HTTP/1.0 200"), r);
    assertTrue(r.contains("\"data\""), r);
    String missing = RawHttp.send(RestAssured.port, "GET /v1/votes/none HTTP/1.0\r\n\r\n");
    assertTrue(missing.startsWith("HTTP/1.0 404"), missing);
    assertTrue(missing.contains("\"instance\":\"/v1/votes/none\""), missing);
  }

  @Test
  void nosniffAndCorsStarOnEveryResponse() {
    String path = "/v1/bodies?limit=2";
    for (int i = 0; i < 2; i++) { // rendered, then from the fast path
      given()
          .header("Origin", "https://dashboard.example")
          .get(path)
          .then()
          .statusCode(200)
          .header("X-Content-Type-Options", "nosniff")
          .header("Access-Control-Allow-Origin", "*");
    }
    given()
        .get("/v1/votes/none")
        .then()
        .statusCode(404)
        .header("X-Content-Type-Options", "nosniff");
    given().get("/q/health/ready").then().header("X-Content-Type-Options", "nosniff");
    String vary =
        given()
            .header("Origin", "https://other.example")
            .get(path)
            .then()
            .header("Access-Control-Allow-Origin", "*")
            .extract()
            .header("Vary");
    assertFalse(vary != null && vary.contains("Origin"), "the answer does not vary by Origin");
  }

  @Test
  void metricsArePublishedForOperators() {
    given().get("/v1/bodies?limit=1").then().statusCode(200);
    given().get("/v1/bodies?limit=1").then().statusCode(200);
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    for (String m :
        List.of(
            "plenary_cache_hits_total",
            "plenary_rate_limited_total",
            "plenary_statement_timeouts_total",
            "plenary_database_unavailable_total",
            "http_server_requests_seconds_count",
            "agroal_active_count")) {
      assertTrue(metrics.contains(m), m);
    }
    assertEquals(-1, metrics.indexOf("uri=\"/v1/bodies?"), "no query strings as tags");
  }
}
