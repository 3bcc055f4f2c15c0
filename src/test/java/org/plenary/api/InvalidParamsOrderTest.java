package org.plenary.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When several parameters are refused, invalid_params lists them in the order the query string
 * gives them: the same request gets the same bytes every time, and another order another list.
 */
@QuarkusTest
class InvalidParamsOrderTest {
  private static List<String> refused(String uri) {
    return given()
        .get(uri)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .extract()
        .path("invalid_params.name");
  }

  @Test
  void aCollectionListsThemInTheQueryStringsOrderEveryTime() {
    for (int i = 0; i < 30; i++) {
      assertEquals(
          List.of("zeta", "limit", "alpha", "date__gte", "mid"),
          refused("/v1/votes?zeta=1&limit=x&alpha=2&date__gte=notadate&mid=3"));
      assertEquals(
          List.of("mid", "date__gte", "alpha", "limit", "zeta"),
          refused("/v1/votes?mid=3&date__gte=notadate&alpha=2&limit=x&zeta=1"));
    }
  }

  @Test
  void aRecordListsThemInTheQueryStringsOrderEveryTime() {
    for (int i = 0; i < 30; i++) {
      assertEquals(
          List.of("zeta", "mid", "alpha"), refused("/v1/votes/a-res-74-247?zeta=1&mid=3&alpha=2"));
      assertEquals(
          List.of("alpha", "mid", "zeta"), refused("/v1/votes/a-res-74-247?alpha=2&mid=3&zeta=1"));
    }
  }
}
