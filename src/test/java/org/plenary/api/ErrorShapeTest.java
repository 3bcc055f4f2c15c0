package org.plenary.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.blankOrNullString;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.plenary.http.ProblemType;

/** Every error path answers with the same RFC 9457 shape, and never leaks internals. */
@QuarkusTest
class ErrorShapeTest {

  static Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of("/v1/votes/no-such-vote", 404, null),
        Arguments.of("/v1/delegations/XXX", 404, null),
        Arguments.of("/v1/delegations/XXX/votes", 404, null),
        Arguments.of("/v1/organizations/nobody/positions", 404, null),
        Arguments.of("/v1/people/nobody", 404, null),
        Arguments.of("/v1/documents/A/RES/1/1", 404, null),
        Arguments.of("/v1/sources/none", 404, null),
        Arguments.of("/v1/events/none", 404, null),
        Arguments.of("/v1/positions/none", 404, null),
        Arguments.of("/no/such/path", 404, null),
        Arguments.of("/v1/votes?colour=red", 400, "colour"),
        Arguments.of("/v1/votes?yes__between=1", 400, "yes__between"),
        Arguments.of("/v1/votes?limit=0", 400, "limit"),
        Arguments.of("/v1/votes?limit=1000000000", 400, "limit"),
        Arguments.of("/v1/votes?limit=ten", 400, "limit"),
        Arguments.of("/v1/votes?cursor=not-a-cursor", 400, "cursor"),
        Arguments.of("/v1/votes?sort=colour", 400, "sort"),
        Arguments.of("/v1/votes?include=everything", 400, "include"),
        Arguments.of("/v1/votes?date__gte=2019-02-30", 400, "date__gte"),
        Arguments.of("/v1/votes?date=yesterday", 400, "date"),
        Arguments.of("/v1/votes?yes=many", 400, "yes"),
        Arguments.of("/v1/votes?yes__isnull=maybe", 400, "yes__isnull"),
        Arguments.of("/v1/votes?updated_since=last-week", 400, "updated_since"),
        Arguments.of("/v1/delegations?un_member=yes", 400, "un_member"),
        Arguments.of("/v1/positions?quote=abc", 400, "quote"),
        Arguments.of("/v1/votes/a-res-74-247?limit=5", 400, "limit"),
        Arguments.of("/v1/votes/a-res-74-247?include=total", 400, "include"),
        Arguments.of("/v1/treaty?x=1", 400, "x"),
        Arguments.of("/v1/dataset?x=1", 400, "x"));
  }

  @ParameterizedTest
  @MethodSource("badRequests")
  void errorsAreProblems(String path, int status, String param) {
    ValidatableResponse r = given().get(path).then();
    assertProblem(r, status, path.contains("?") ? path.substring(0, path.indexOf('?')) : path);
    if (param != null) {
      r.body("invalid_params[0].name", is(param))
          .body("invalid_params[0].reason", not(blankOrNullString()));
    }
  }

  @Test
  void wrongMethodIs405WithAllow() {
    ValidatableResponse r = given().post("/v1/votes").then();
    assertProblem(r, 405, "/v1/votes");
    r.header("Allow", containsString("GET"));
    assertProblem(given().delete("/v1/votes/a-res-74-247").then(), 405, "/v1/votes/a-res-74-247");
  }

  @Test
  void unsupportedAcceptIs406() {
    assertProblem(given().accept("application/xml").get("/v1/votes").then(), 406, "/v1/votes");
  }

  @Test
  void tamperedCursorIs400() {
    String next =
        given()
            .get("/v1/roll-calls?limit=5")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getString("links.next");
    String cursor = next.substring(next.indexOf("cursor=") + 7);
    String tampered = (cursor.charAt(3) == 'A' ? 'B' : 'A') + "";
    tampered = cursor.substring(0, 3) + tampered + cursor.substring(4);
    assertProblem(
        given().get("/v1/roll-calls?limit=5&cursor=" + tampered).then(), 400, "/v1/roll-calls");
    // a cursor made for another order is refused rather than answered with a wrong page
    assertProblem(
        given().get("/v1/roll-calls?limit=5&sort=-vote&cursor=" + cursor).then(),
        400,
        "/v1/roll-calls");
    // and one made for another collection
    assertProblem(given().get("/v1/votes?cursor=" + cursor).then(), 400, "/v1/votes");
  }

  @Test
  void sqlInValuesIsDataNeverSql() {
    given()
        .get("/v1/delegations?name=' or 1=1 --")
        .then()
        .statusCode(200)
        .body("data.size()", is(0));
    given()
        .get("/v1/positions?quote__contains=%25'; drop table vote; --")
        .then()
        .statusCode(200)
        .body("data.size()", is(0));
    given().get("/v1/votes/a-res-74-247").then().statusCode(200);
    assertProblem(given().get("/v1/votes?sort=id;drop table vote").then(), 400, "/v1/votes");
  }

  /**
   * The problem's type is one of the registry's (with its status and title) or about:blank (titled
   * by the status, as HTTP names it).
   */
  static void assertRegistered(String type, String title, int status) {
    if (type.equals("about:blank")) {
      assertEquals(
          jakarta.ws.rs.core.Response.Status.fromStatusCode(status).getReasonPhrase(), title);
      return;
    }
    ProblemType registered =
        Arrays.stream(ProblemType.values())
            .filter(t -> t.uri().equals(type))
            .findFirst()
            .orElseThrow(() -> new AssertionError("not a registered problem type: " + type));
    assertEquals(registered.status(), status, type);
    assertEquals(registered.title(), title, type);
  }

  static void assertProblem(ValidatableResponse r, int status, String instance) {
    r.statusCode(status)
        .contentType("application/problem+json")
        .body("status", is(status))
        .body("detail", not(blankOrNullString()))
        .body("instance", is(instance))
        .body("detail", not(containsString("Exception")))
        .body("detail", not(containsString("org.")))
        .body("detail", not(startsWith("java")));
    assertRegistered(r.extract().path("type"), r.extract().path("title"), status);
  }
}
