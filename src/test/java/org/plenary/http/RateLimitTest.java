package org.plenary.http;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.plenary.TestSql;

/**
 * Rate limits and the budget of expensive requests, with the low limits of {@link LimitsProfile}: 3
 * in a burst, 1 a second, 1 at a time, X-Forwarded-For believed from 127.0.0.1.
 */
@QuarkusTest
@TestProfile(LimitsProfile.class)
class RateLimitTest {
  @Inject TestSql sql;

  @Test
  void expensiveRequestsPastTheBurstAre429WithTheRateLimitHeaders() {
    String client = "203.0.113.7";
    String first = "/v1/positions?q=cybercrime";
    given()
        .header("X-Forwarded-For", client)
        .get(first)
        .then()
        .statusCode(200)
        .header("RateLimit-Limit", "3")
        .header("RateLimit-Remaining", "2");
    given()
        .header("X-Forwarded-For", client)
        .get("/v1/positions?q=convention")
        .then()
        .statusCode(200);
    given().header("X-Forwarded-For", client).get("/v1/votes?facet=outcome").then().statusCode(200);
    given()
        .header("X-Forwarded-For", client)
        .get("/v1/votes?q=crime")
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", matchesPattern("[1-9][0-9]*"))
        .header("RateLimit-Limit", "3")
        .header("RateLimit-Remaining", "0")
        .header("RateLimit-Reset", matchesPattern("[0-9]+"))
        .header("X-Content-Type-Options", "nosniff")
        .body("status", is(429));
    // another client (through the trusted proxy) has its own bucket
    given()
        .header("X-Forwarded-For", "203.0.113.8")
        .get("/v1/votes?q=crime")
        .then()
        .statusCode(200);
    // cached hits and health are never limited
    for (int i = 0; i < 5; i++) {
      given().header("X-Forwarded-For", client).get(first).then().statusCode(200);
      given().header("X-Forwarded-For", client).get("/q/health/ready").then().statusCode(200);
      given().header("X-Forwarded-For", client).get("/v1/votes?limit=2").then().statusCode(200);
    }
  }

  @Test
  void theExplorersExpensivePagesShareTheLimitButStaticFilesAndCachedPagesDoNot() {
    String client = "203.0.113.20";
    given()
        .header("X-Forwarded-For", client)
        .get("/positions?q=surveillance")
        .then()
        .statusCode(200);
    given().header("X-Forwarded-For", client).get("/delegations/USA").then().statusCode(200);
    given()
        .header("X-Forwarded-For", client)
        .get("/charts/delegations/USA/agreement.svg?with=TUR")
        .then()
        .statusCode(200);
    given()
        .header("X-Forwarded-For", client)
        .get("/votes?q=crime")
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", matchesPattern("[1-9][0-9]*"));
    // the explorer's own files, cheap pages and pages already rendered are never limited
    for (int i = 0; i < 5; i++) {
      given()
          .header("X-Forwarded-For", client)
          .get("/explorer/explorer.css")
          .then()
          .statusCode(200);
      given().header("X-Forwarded-For", client).get("/votes/a-res-74-247").then().statusCode(200);
      given()
          .header("X-Forwarded-For", client)
          .get("/positions?q=surveillance")
          .then()
          .statusCode(200);
    }
  }

  @Test
  void anotherExpensiveRequestWhileTheOnlySlotIsBusyIs503() throws Exception {
    CompletableFuture<Integer> slow =
        CompletableFuture.supplyAsync(
            () ->
                given()
                    .header("X-Forwarded-For", "198.51.100.1")
                    .get("/v1/test-only/sleep?seconds=3&q=hold")
                    .then()
                    .extract()
                    .statusCode());
    // the slow request holds the only slot once its statement runs
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () ->
                sql.rows(
                        "select count(*) as n from pg_stat_activity where state = 'active' and"
                            + " query like '%plenary-test-sleep%' and pid <> pg_backend_pid()")
                    .get(0)
                    .get("n")
                    .equals(1L));
    given()
        .header("X-Forwarded-For", "198.51.100.2")
        .get("/v1/votes?q=cybercrime")
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .header("Retry-After", matchesPattern("[1-9][0-9]*"))
        .body("type", is("urn:plenary:problem:busy"));
    // cheap requests are still answered meanwhile
    given().get("/v1/delegations?limit=9").then().statusCode(200);
    assertEquals(200, slow.get());
    given()
        .header("X-Forwarded-For", "198.51.100.2")
        .get("/v1/votes?q=cybercrime")
        .then()
        .statusCode(200);
  }

  @Test
  void pastTheConcurrencyLimitRequestsAreShedAtOnceWith503AndRetryAfter() throws Exception {
    // six slow requests at once against three slots (the profile's plenary.limits.concurrency):
    // three are served, the others shed at once (distinct URLs: none comes from the cache)
    int n = 6;
    var pool = java.util.concurrent.Executors.newFixedThreadPool(n);
    var go = new java.util.concurrent.CountDownLatch(1);
    List<CompletableFuture<io.restassured.response.Response>> answers = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      String url = "/v1/test-only/sleep?seconds=4.0" + i;
      answers.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
                return given().get(url).then().extract().response();
              },
              pool));
    }
    go.countDown();
    pool.shutdown();
    int served = 0;
    int shed = 0;
    for (var f : answers) {
      var r = f.get();
      if (r.statusCode() == 200) {
        served++;
      } else {
        shed++;
        r.then()
            .statusCode(503)
            .contentType("application/problem+json")
            .header("Retry-After", is("1"))
            .header("X-Content-Type-Options", "nosniff")
            .body("type", is("urn:plenary:problem:overloaded"))
            .body("detail", containsString("3 at once"));
      }
    }
    assertTrue(served >= 3 && shed >= 1, served + " served, " + shed + " shed");
    assertEquals(n, served + shed);
    // health is never limited; afterwards the slots are free again
    given().get("/q/health/live").then().statusCode(200);
    given().get("/v1/votes?sort=-date&limit=999").then().statusCode(200);
  }

  @Test
  void linksUseThePublicBaseUrlNotTheHostHeader() {
    String link =
        given()
            .header("Host", "attacker.example")
            .get("/v1/roll-calls?limit=2")
            .then()
            .statusCode(200)
            .body("links.self", startsWith("https://api.example.org/v1/roll-calls"))
            .extract()
            .header("Link");
    assertTrue(link.startsWith("<https://api.example.org/v1/roll-calls?"), link);
  }
}
