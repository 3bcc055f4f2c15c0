package org.plenary.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The bad-input corpus of src/test/resources/hostile, sent byte for byte: every answer a 4xx
 * problem+json with nosniff, from whichever layer refuses it (the HTTP codec, the router, the
 * resources). scripts/hostile-probe sends the same corpus to a running service.
 */
@QuarkusTest
class HostileRequestTest {
  static List<String> corpus() throws Exception {
    List<String> out = new ArrayList<>();
    for (String line :
        Files.readAllLines(
            Path.of("src/test/resources/hostile/request-targets.txt"), StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        out.add(line);
      }
    }
    return out;
  }

  /** The status, and the problem of the response {@code raw}; fails when it is not one. */
  static JsonNode problem(String request, String raw) throws Exception {
    String head = raw.substring(0, Math.max(0, raw.indexOf("\r\n\r\n")));
    String lower = head.toLowerCase(Locale.ROOT);
    int status = Integer.parseInt(raw.substring(9, 12));
    assertTrue(status >= 400 && status < 500, request + " -> " + head);
    assertTrue(lower.contains("content-type: application/problem+json"), request + " -> " + head);
    assertTrue(lower.contains("x-content-type-options: nosniff"), request + " -> " + head);
    String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
    if (lower.contains("transfer-encoding: chunked")) {
      body = body.substring(body.indexOf("\r\n") + 2); // one chunk
    }
    JsonNode p = Json.MAPPER.readTree(body.substring(0, body.lastIndexOf('}') + 1));
    assertEquals(status, p.get("status").asInt(), request + " -> " + raw);
    assertTrue(p.get("detail").asText().length() > 10, request + " -> " + raw);
    return p;
  }

  @Test
  void everyMalformedTargetOfTheCorpusIsA400Problem() throws Exception {
    List<String> corpus = corpus();
    assertTrue(corpus.size() >= 30, "the corpus");
    for (String target : corpus) {
      String request =
          "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
      String raw = RawHttp.send(RestAssured.port, request);
      JsonNode p = problem(target, raw);
      assertEquals(400, p.get("status").asInt(), target + " -> " + raw);
    }
  }

  @Test
  void twoHostHeadersAreA400Problem() throws Exception {
    String raw =
        RawHttp.send(
            RestAssured.port,
            "GET /v1/votes?limit=1 HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\n"
                + "Connection: close\r\n\r\n");
    JsonNode p = problem("two Host headers", raw);
    assertEquals(400, p.get("status").asInt());
    assertTrue(p.get("detail").asText().contains("Host"), raw);
  }

  @Test
  void metricsAskedForAsHtmlAreAProblemOrTheText() {
    var r = given().header("Accept", "text/html").get("/q/metrics").then().extract();
    if (r.statusCode() == 200) {
      assertTrue(r.contentType().startsWith("text/plain"), r.contentType());
    } else {
      assertEquals(406, r.statusCode());
      assertTrue(r.contentType().startsWith(Problem.MEDIA_TYPE), r.contentType());
      assertEquals("nosniff", r.header("X-Content-Type-Options"));
      assertTrue(r.body().asString().contains("text/plain"), r.body().asString());
    }
  }
}
