package org.plenary.http;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.plenary.DatabaseProxy;
import org.plenary.query.Jdbc;

/**
 * Bounded work and the database going away: a statement over its budget is stopped and answered
 * 503; a client that leaves has its statement cancelled; with the database down uncached requests
 * are 503 with Retry-After, readiness is DOWN, cached responses are still served, and the service
 * recovers by itself when the database is back.
 */
@QuarkusTest
class OutageTest {
  @Inject Jdbc jdbc;

  @AfterEach
  void databaseBack() {
    System.clearProperty(DatabaseProxy.CUT);
  }

  @Test
  void aStatementOverItsBudgetIsStoppedAndAnswered503() {
    long start = System.nanoTime();
    given()
        .get("/v1/test-only/sleep?seconds=60")
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .header("Retry-After", matchesPattern("[1-9][0-9]*"))
        .body("type", is("urn:plenary:problem:timeout"));
    double seconds = (System.nanoTime() - start) / 1e9;
    assertTrue(seconds < 30, "stopped by the statement timeout, not left to run: " + seconds);
  }

  @Test
  void aClientThatLeavesHasItsStatementCancelled() throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port)) {
      s.getOutputStream()
          .write(
              "GET /v1/test-only/sleep?seconds=60 HTTP/1.1\r\nHost: localhost\r\n\r\n"
                  .getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      waitFor(1, 3000);
    }
    long closed = System.nanoTime();
    waitFor(0, 3000);
    double seconds = (System.nanoTime() - closed) / 1e9;
    assertTrue(seconds < 3, "cancelled when the client left, before the timeout: " + seconds);
  }

  /** Waits until {@code n} test sleeps run in the database. */
  private void waitFor(long n, long millis) {
    await()
        .atMost(Duration.ofMillis(millis))
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(
            () ->
                assertEquals(
                    n,
                    jdbc.list(
                            "select count(*) as n from pg_stat_activity where state = 'active'"
                                + " and query like '%plenary-test-sleep%' and pid <>"
                                + " pg_backend_pid()",
                            rs -> rs.getLong(1))
                        .get(0),
                    "test sleeps running in the database"));
  }

  @Test
  void withTheDatabaseDownUncachedIs503CachedIsServedAndItRecovers() throws Exception {
    byte[] cached =
        given().get("/v1/delegations?limit=3").then().statusCode(200).extract().asByteArray();
    given().get("/q/health/ready").then().statusCode(200);

    System.clearProperty(DatabaseProxy.CUT_DONE);
    System.setProperty(DatabaseProxy.CUT, "true");
    await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.getBoolean(DatabaseProxy.CUT_DONE));
    for (String uncached : new String[] {"/v1/delegations?limit=4", "/v1/votes?limit=7"}) {
      given()
          .get(uncached)
          .then()
          .statusCode(503)
          .contentType("application/problem+json")
          .header("Retry-After", matchesPattern("[1-9][0-9]*"))
          .header("X-Content-Type-Options", "nosniff")
          .body("type", is("urn:plenary:problem:unavailable"));
    }
    given().get("/q/health/ready").then().statusCode(503).body("status", is("DOWN"));
    assertArrayEquals(
        cached,
        given().get("/v1/delegations?limit=3").then().statusCode(200).extract().asByteArray(),
        "cached responses are still served");

    System.clearProperty(DatabaseProxy.CUT);
    await("recovered without a restart")
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> given().get("/v1/delegations?limit=5").then().extract().statusCode() == 200);
    given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
  }
}
