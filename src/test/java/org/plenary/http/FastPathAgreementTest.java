package org.plenary.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fast path and the resources agree: for a corpus of requests (suffixes, format=, Accept), the
 * response a resource renders is found again by the fast path under the key {@link Negotiation} and
 * {@link HttpCache#key} give, and is sent with the same bytes, ETag and type. If they ever decided
 * differently, the second request would miss the fast path and this test would fail.
 */
@QuarkusTest
class FastPathAgreementTest {
  @Inject FastPathHits fastPath;

  @ParameterizedTest(name = "{0} with Accept [{1}]")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "/v1/votes | - | json",
        "/v1/votes?limit=2&sort=-date | - | json",
        "/v1/votes.csv | - | csv",
        "/v1/votes.ndjson?outcome=adopted | - | ndjson",
        "/v1/votes.json?limit=3 | - | json",
        "/v1/votes/a-res-74-247/roll-call.csv?bom=true | - | csv",
        "/v1/votes?format=csv&outcome=adopted | - | csv",
        "/v1/votes?format=ndjson | text/csv | ndjson",
        "/v1/votes?format=csv&format=json | - | json",
        "/v1/bodies | text/csv | csv",
        "/v1/bodies | application/x-ndjson | ndjson",
        "/v1/bodies | text/csv;q=0.5, application/json | json",
        "/v1/bodies | text/csv, */* | csv",
        "/v1/bodies | text/* | csv",
        "/v1/bodies | text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | json",
        "/v1/bodies | application/json; charset=utf-8 | json",
        "/v1/votes/a-res-74-247 | - | json",
        "/v1/votes/a-res-74-247?include=roll_call | */* | json",
        "/v1/votes/a-res-74-247/breakdown | - | json",
        "/v1/delegations/USA/agreement?with=rus | - | json",
        "/v1/delegations/USA/votes.csv | - | csv",
        "/v1 | - | json",
        "/v1/dataset | - | json",
      })
  void theFastPathFindsWhatTheResourceRendered(String path, String accept, String format) {
    Response first = request(accept).get(path);
    assertEquals(200, first.statusCode(), path);
    long before = fastPath.count();
    Response second = request(accept).get(path);
    assertEquals(before + 1, fastPath.count(), "the repeat was answered by the fast path");
    assertArrayEquals(first.asByteArray(), second.asByteArray());
    assertEquals(first.header("ETag"), second.header("ETag"));
    assertEquals(first.contentType(), second.contentType());
    String expected =
        switch (format) {
          case "csv" -> Format.CSV_TYPE;
          case "ndjson" -> Format.NDJSON_TYPE;
          default -> "application/json";
        };
    assertTrue(first.contentType().startsWith(expected), first.contentType());
  }

  private static RequestSpecification request(String accept) {
    RequestSpecification r = given();
    return accept == null ? r : r.header("Accept", accept);
  }
}
