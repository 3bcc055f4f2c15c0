package org.plenary.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.plenary.query.StatementCounter;

/**
 * The explorer's pages without JavaScript: plain HTTP, as a crawler or a screen reader gets them.
 */
@QuarkusTest
class PagesTest {
  private static final String BROWSER_ACCEPT =
      "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  static String version() {
    return given().get("/v1/dataset").then().statusCode(200).extract().path("data.version");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/votes",
        "/votes?q=criminal&method=recorded",
        "/votes/a-res-74-247",
        "/votes/ahc-2024-08-08-iran-delete-art-6-2",
        "/delegations",
        "/delegations?regional_group=weog",
        "/delegations/USA",
        "/delegations/tur",
        "/organizations/cybersecurity-tech-accord",
        "/people/amy-hogan-burney",
        "/positions",
        "/positions?q=surveillance&stance=&actor_kind=organization",
        "/treaty",
        "/sources/unvotes-7eb7034"
      })
  void everyPageIsHtmlWithItsSourcesVersionCitationAndDataLinks(String path) {
    String version = version();
    String html =
        given()
            .header("Accept", BROWSER_ACCEPT)
            .get(path)
            .then()
            .statusCode(200)
            .contentType(startsWith("text/html"))
            .header("X-Dataset-Version", version)
            .header("ETag", matchesPattern("\"[A-Za-z0-9_-]+\""))
            .header("Content-Security-Policy", containsString("default-src 'self'"))
            .extract()
            .asString();
    assertTrue(html.startsWith("<!DOCTYPE html>"), path);
    assertTrue(html.contains("<html lang=\"en\">"), path);
    assertTrue(html.contains("href=\"#main\""), path + ": skip link");
    assertEquals(1, count(html, "<h1"), path + ": one h1");
    assertTrue(html.contains("Dataset version " + version), path + ": the version");
    assertTrue(html.contains("Cite this:"), path + ": the citation");
    assertTrue(html.contains("<h3>Sources</h3>"), path + ": its sources");
    Matcher json = Pattern.compile("href=\"(/v1[^\"]*)\">JSON</a>").matcher(html);
    Matcher csv = Pattern.compile("href=\"(/v1[^\"]*)\">CSV</a>").matcher(html);
    assertTrue(json.find() && csv.find(), path + ": links to the same data");
    given()
        .get(json.group(1).replace("&amp;", "&"))
        .then()
        .statusCode(200)
        .contentType(startsWith("application/json"));
    given()
        .get(csv.group(1).replace("&amp;", "&"))
        .then()
        .statusCode(200)
        .contentType(startsWith("text/csv"));
    // nothing is loaded from elsewhere (links to sources are links, not requests)
    assertFalse(html.contains("src=\"http"), path);
    Matcher links = Pattern.compile("<link [^>]*href=\"([^\"]*)\"").matcher(html);
    while (links.find()) {
      assertTrue(links.group(1).startsWith("/"), path + ": " + links.group(1));
    }
  }

  @Test
  void theResolutionShowsItsTalliesAndEveryDelegationByRegionalGroup() {
    String html = given().get("/votes/a-res-74-247").then().statusCode(200).extract().asString();
    assertTrue(html.contains("<span class=\"n\" id=\"tally-yes\">79</span>"));
    assertTrue(html.contains("<span class=\"n\" id=\"tally-no\">60</span>"));
    assertTrue(html.contains("<span class=\"n\" id=\"tally-abstain\">33</span>"));
    assertTrue(html.contains("<span class=\"n\" id=\"tally-non-voting\">21</span>"));
    // the regional groups add up to the roll call: 79/60/33/21 of 193
    assertTrue(
        html.matches(
            "(?s).*<th scope=\"row\">All delegations</th><td class=\"num\">79</td><td class=\"num\">60</td>"
                + "<td class=\"num\">33</td><td class=\"num\">21</td><td class=\"num\">193</td>.*"));
    // the dot chart: one mark per delegation, each named (plus the page's own <title>)
    assertEquals(1 + 193, count(html, "<title>"), "193 named marks");
    assertTrue(html.contains("role=\"img\""));
    assertTrue(html.contains("<desc id=\"rc-desc\">Roll call (complete), 193 delegations."));
    assertTrue(html.contains("/charts/votes/a-res-74-247.svg"), "the embedding snippet");
  }

  @Test
  void aCuratedVoteHasTheResolutionAndSessionOfItsAdoptedText() {
    // a-res-79-243 was adopted without a vote; its adopted text is the document A/RES/79/243
    given()
        .get("/v1/votes?resolution=A/RES/79/243")
        .then()
        .statusCode(200)
        .body("data.id", equalTo(List.of("a-res-79-243")))
        .body("data[0].session", is("79"));
    given().get("/v1/votes?session=79").then().body("data.id", hasItem("a-res-79-243"));
    String html = given().get("/votes/a-res-79-243").then().statusCode(200).extract().asString();
    assertTrue(html.contains("<dd id=\"resolution\">A/RES/79/243</dd>"), "the symbol");
    assertTrue(html.contains("<dd id=\"session\">79</dd>"), "the session");
  }

  @Test
  void everyPageHasASearchBoxAndTheHomePageSearchesVotesAndPositions() {
    for (String path : List.of("/", "/votes/a-res-74-247", "/delegations/USA", "/treaty")) {
      String html = given().get(path).then().statusCode(200).extract().asString();
      assertTrue(
          html.contains(
              "<form class=\"site-search\" method=\"get\" action=\"/votes\" role=\"search\""),
          path + ": the navigation's search box");
      assertTrue(html.contains("<input id=\"site-q\" name=\"q\" type=\"search\""), path);
    }
    String home = given().get("/").then().extract().asString();
    assertTrue(home.contains("<input id=\"home-q\" name=\"q\" type=\"search\""), "home search");
    assertTrue(home.contains("formaction=\"/positions\""), "positions too, without script");
    // nothing imported: the home page speaks of the convention's dataset only
    assertFalse(home.contains("recorded votes of the UN General Assembly"));
    assertFalse(home.contains("<h2 id=\"record\">"), "no voting record without its layers");
  }

  @Test
  void eachQuoteHasItsSourceBesideItAndEveryPositionAPage() {
    String list = given().get("/positions").then().statusCode(200).extract().asString();
    String item =
        java.util.Arrays.stream(list.split("<li>"))
            .filter(li -> li.contains("/positions/usa-2019-12-27\""))
            .findFirst()
            .orElseThrow();
    assertTrue(item.contains("<a href=\"/positions/usa-2019-12-27\">this position</a>"), item);
    assertTrue(item.contains("<p class=\"source\">Sources: "), item);
    assertTrue(item.contains("Udayavani (AP report)"), item);
    assertTrue(item.contains("(AP)"), "the locator: " + item);

    String page =
        given().get("/positions/usa-2019-12-27").then().statusCode(200).extract().asString();
    assertTrue(page.contains("<h1>United States: opposes</h1>"), "its heading");
    assertTrue(page.contains("There is no consensus among member states"), "its quote");
    assertTrue(page.contains("<a href=\"/sources/udayavani-761316\">about this source</a>"));
    assertTrue(page.contains("/v1/positions/usa-2019-12-27"), "its JSON");
    given().get("/positions/no-such-position").then().statusCode(404);
    given().get("/positions/usa-2019-12-27?x=1").then().statusCode(400);
  }

  @Test
  void theVotesPageCountsEveryMatchNotThePage() {
    int total = given().get("/v1/votes?include=total").then().extract().path("meta.total");
    String html = given().get("/votes?limit=2").then().statusCode(200).extract().asString();
    assertTrue(
        html.contains("<caption>" + total + " votes: 2 on this page</caption>"),
        "the caption: " + html.replaceAll("(?s).*(<caption>[^<]*</caption>).*", "$1"));
    String all = given().get("/votes").then().statusCode(200).extract().asString();
    assertTrue(all.contains("<caption>" + total + " votes</caption>"));
  }

  @Test
  void theIranProposalSaysItsAbstentionsAreUnknown() {
    String html =
        given()
            .get("/votes/ahc-2024-08-08-iran-delete-art-6-2")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(html.contains("id=\"tally-yes\">23</span>"));
    assertTrue(html.contains("id=\"tally-no\">102</span>"));
    assertTrue(html.contains("id=\"tally-abstain\">unknown</span>"));
    assertTrue(html.contains("Abstain: unknown"), "the chart's description");
    assertFalse(html.contains("id=\"tally-abstain\">0<"), "never zero");
    // the group table: the seven supporters named, yes 7 in all; abstentions and non-voting
    // unknown (no source counts them), not 0
    assertTrue(
        html.matches(
            "(?s).*<th scope=\"row\">All delegations</th><td class=\"num\">7</td><td"
                + " class=\"num\">[^<]*</td><td class=\"num\">unknown</td><td"
                + " class=\"num\">unknown</td><td class=\"num\">7</td>.*"),
        "the group table's total row");
  }

  @Test
  void chartsAreServedAloneAsSvgWithTitleAndDescription() {
    for (String path :
        new String[] {
          "/charts/votes/a-res-74-247.svg",
          "/charts/votes/a-res-74-247/tally.svg",
          "/charts/votes/ahc-2024-08-08-iran-delete-art-6-2.svg",
          "/charts/delegations/FRA/agreement.svg",
          "/charts/delegations/USA/agreement.svg?with=RUS"
        }) {
      String svg =
          given()
              .header("Accept", "image/avif,image/webp,image/svg+xml,*/*;q=0.8")
              .get(path)
              .then()
              .statusCode(200)
              .contentType(startsWith("image/svg+xml"))
              .header("ETag", matchesPattern("\"[A-Za-z0-9_-]+\""))
              .header("X-Dataset-Version", version())
              .header("Content-Security-Policy", "default-src 'none'")
              .extract()
              .asString();
      assertTrue(svg.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\""), path);
      assertTrue(svg.contains("<title id="), path);
      assertTrue(svg.contains("<desc id="), path);
      assertFalse(svg.contains("<script"), path);
      assertFalse(svg.contains("href=\"http"), path);
    }
    String tally = given().get("/charts/votes/a-res-74-247/tally.svg").then().extract().asString();
    assertTrue(tally.contains("Yes: 79, No: 60, Abstain: 33, Not voting: 21"), tally);
  }

  @Test
  void agreementOverTimeSaysWhenThereIsNotEnoughData() {
    String svg =
        given()
            .get("/charts/delegations/FRA/agreement.svg?with=USA")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    long years =
        given()
            .get("/v1/delegations/FRA/agreement?with=USA")
            .then()
            .extract()
            .jsonPath()
            .getList("data.votes.vote_date", String.class)
            .stream()
            .map(d -> d.substring(0, 4))
            .distinct()
            .count();
    if (years < 2) {
      assertTrue(svg.contains("Not enough data"), svg);
    } else {
      assertTrue(svg.contains("Voeten agreement index per year"), svg);
      assertFalse(svg.contains("Not enough data"), svg);
    }
    // a pair that never shared a vote has no data at all
    String none =
        given()
            .get("/charts/delegations/EUU/agreement.svg?with=USA")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(none.contains("Not enough data"), none);
  }

  @Test
  void hostileTextIsEscapedAndOnlyTheSearchMarksAreKept() {
    String hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";
    String html =
        given()
            .queryParam("q", hostile)
            .get("/positions")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertFalse(html.contains("<script>alert(1)"), "the query is escaped in the search box");
    assertFalse(html.contains("<img src=x"), "and in the heading");
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertEquals(0, count(html, "<script"));
    // the API's snippet is plain text with <mark>: escaped, then only the marks put back
    assertEquals(
        "a <mark>x&lt;b&gt;</mark> &lt;i&gt;c&lt;/i&gt; &lt;mark&gt;d",
        Html.highlight("a <mark>x<b></mark> <i>c</i> <mark>d").toString());
    assertEquals("&lt;/mark&gt;&lt;script&gt;", Html.highlight("</mark><script>").toString());
    assertEquals("https://example.org/a?b", Html.safeUrl(" https://example.org/a?b"));
    assertEquals(null, Html.safeUrl("javascript:alert(1)"));
    assertEquals(null, Html.safeUrl("data:text/html,<script>"));
    String found =
        given().queryParam("q", "surveillance").get("/positions").then().extract().asString();
    assertTrue(found.contains("<mark>surveillance</mark>"), "matches are highlighted");
  }

  @Test
  void aPositionSaysWhatItsStanceIsOn() {
    String html =
        given()
            .get("/positions?actor_kind=delegation&stance=supports")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(
        html.contains(
            "<span class=\"stance\">supports</span> <span class=\"subject\">(on the proposal)</span>"
                + " <strong><a href=\"/delegations/IND\">"),
        "India's support is of Iran's deletion proposal");
    assertTrue(
        html.contains(
            "<span class=\"stance\">supports</span> <span class=\"subject\">(on the vote)</span>"
                + " <strong><a href=\"/delegations/RUS\">"),
        "Russia's 2019 support is of the resolution voted on");
  }

  @Test
  void unknownPagesAreHtmlForBrowsersWhileTheApiKeepsProblemJson() {
    given()
        .header("Accept", BROWSER_ACCEPT)
        .get("/no-such-page")
        .then()
        .statusCode(404)
        .contentType(startsWith("text/html"))
        .header("Cache-Control", "no-store")
        .body(containsString("<h1>404 Not Found</h1>"));
    given()
        .header("Accept", BROWSER_ACCEPT)
        .get("/votes/no-such-vote")
        .then()
        .statusCode(404)
        .contentType(startsWith("text/html"))
        .body(containsString("No vote &#39;no-such-vote&#39;."));
    given()
        .header("Accept", BROWSER_ACCEPT)
        .get("/votes?limit=0")
        .then()
        .statusCode(400)
        .contentType(startsWith("text/html"))
        .body(containsString("<code>limit</code>"));
    given()
        .header("Accept", BROWSER_ACCEPT)
        .get("/delegations/FRA?with=XXX")
        .then()
        .statusCode(400)
        .contentType(startsWith("text/html"));
    given()
        .header("Accept", BROWSER_ACCEPT)
        .get("/v1/no-such-thing")
        .then()
        .statusCode(404)
        .contentType(startsWith("application/problem+json"))
        .body("status", is(404));
    given()
        .header("Accept", BROWSER_ACCEPT)
        .get("/v1/votes/no-such-vote")
        .then()
        .statusCode(404)
        .contentType(startsWith("application/problem+json"));
    // a client that does not ask for HTML keeps the problem
    given()
        .header("Accept", "application/json")
        .get("/votes/no-such-vote")
        .then()
        .statusCode(404)
        .contentType(startsWith("application/problem+json"));
    given().get("/charts/votes/no-such-vote.svg").then().statusCode(404);
    given().get("/charts/votes/a-res-74-247.png").then().statusCode(404);
    given().get("/votes/a-res-74-247?x=1").then().statusCode(400);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/votes/a-res-74-247",
        "/positions?q=surveillance",
        "/charts/votes/a-res-74-247.svg"
      })
  void pagesAndChartsAnswer304ToTheirETag(String path) {
    Response first = given().get(path).then().statusCode(200).extract().response();
    String etag = first.header("ETag");
    assertTrue(etag.matches("\"[A-Za-z0-9_-]{27}\""), etag);
    Response again = given().get(path).then().statusCode(200).extract().response();
    assertEquals(etag, again.header("ETag"), "the same bytes, the same tag");
    assertEquals(first.asString(), again.asString());
    given()
        .header("If-None-Match", etag)
        .get(path)
        .then()
        .statusCode(304)
        .header("ETag", etag)
        .header("X-Dataset-Version", version());
    given().header("If-None-Match", "\"something-else\"").get(path).then().statusCode(200);
    given().head(path).then().statusCode(200).header("ETag", etag);
  }

  @Inject StatementCounter statements;

  @Test
  void aHotPageOrChartCostsNoQuery() {
    for (String path :
        List.of(
            "/votes/a-res-74-247",
            "/charts/votes/a-res-74-247.svg",
            "/",
            "/positions?q=human%20rights&stance=opposes")) {
      given().get(path).then().statusCode(200);
      long before = statements.count();
      given().get(path).then().statusCode(200);
      given().header("Accept", BROWSER_ACCEPT).get(path).then().statusCode(200);
      assertEquals(before, statements.count(), path + ": served from the rendered cache");
    }
  }

  @Test
  void aChartAloneNamesWhatItShowsAndItsSource() {
    String svg = given().get("/charts/votes/a-res-74-247.svg").then().extract().asString();
    assertTrue(svg.contains(">2019-12-27 · Countering the use of ICTs"), svg);
    assertTrue(
        svg.contains(
            ">Source: Plenary dataset " + version() + " (CC BY 4.0), /votes/a-res-74-247</text>"));
  }

  @Test
  void pagesAreHtmlWhateverTheAcceptAndTheApiStaysJson() {
    given()
        .header("Accept", "application/json")
        .get("/votes/a-res-74-247")
        .then()
        .statusCode(200)
        .contentType(startsWith("text/html"));
    given()
        .header("Accept", BROWSER_ACCEPT)
        .get("/v1/votes/a-res-74-247")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/json"));
    given().get("/q/health/ready").then().statusCode(200).contentType(not(startsWith("text/html")));
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
