package org.plenary.record;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.RecordTestProfile;
import org.plenary.ingest.UndlImporter;

/**
 * The voting record on the fixture plus small layers cut from Voeten's history (12 roll calls and
 * the two curated votes) and the veto list (24 vetoes of the same years): the history by default,
 * topics, the Security Council's vetoes, historic states, conflicts.
 */
@QuarkusTest
@TestProfile(RecordTestProfile.class)
class VotingRecordTest {
  /** The fixture's votes on human rights or the Palestinian conflict (7 of them have both). */
  private static final int HR_OR_ME = 9;

  @Inject UndlImporter importer;
  @Inject org.plenary.ingest.LibraryImporter library;
  @Inject org.plenary.TestSql engine;

  @Test
  void theHistoryIsServedWithItsFlagsAndItsSource() {
    given()
        .get("/v1/votes/voeten-3")
        .then()
        .statusCode(200)
        .body("data.body_id", is("ga-plenary"))
        .body("data.date", is("1946-01-01"))
        .body("data.resolution", is("R/1/66"))
        .body("data.session", is("1"))
        .body("data.yes", is(29))
        .body("data.no", is(18))
        .body("data.abstain", is(4))
        // absences are not recorded: never counted
        .body("data.non_voting", nullValue())
        .body("data.roll_call_status", is("partial"))
        .body("data.outcome", nullValue())
        .body("data.sources.id", contains("voeten-unga-voting"))
        .body("data.sources[0].locator", is("rcid 3 (unres R/1/66)"));
    given()
        .get("/v1/votes?resolution=R/1/66&include=total")
        .then()
        .statusCode(200)
        .body("meta.total", is(1));
  }

  @Test
  void theCuratedVotesAreVoetensRollCallsWithBothSources() {
    given()
        .get("/v1/votes/a-res-74-247")
        .then()
        .statusCode(200)
        // the curated tallies and roll call stand
        .body("data.yes", is(79))
        .body("data.non_voting", is(21))
        .body("data.session", is("74"))
        .body("data.resolution", is("A/RES/74/247"))
        .body("data.sources.id", hasItem("unvotes-7eb7034"))
        .body("data.sources.id", hasItem("voeten-unga-voting"));
    // no second copy of rcid 9087 or 6138
    given().get("/v1/votes/voeten-9087").then().statusCode(404);
    given().get("/v1/votes/voeten-6138").then().statusCode(404);
    given()
        .get("/v1/votes/a-res-74-247/roll-call?limit=1000")
        .then()
        .statusCode(200)
        .body("data", hasSize(193));
    // where the two differ (Voeten codes Serbia 'Yugoslavia'), a conflict; the curated one stands
    given()
        .get("/v1/conflicts?vote_id=a-res-74-247")
        .then()
        .statusCode(200)
        .body("data", hasSize(1))
        .body("data[0].field", is("ballot"))
        .body("data[0].delegation_id", is("YUG"))
        .body("data[0].published_value", nullValue())
        .body("data[0].other_value", is("yes"))
        .body("data[0].other_source_id", is("voeten-unga-voting"))
        .body("data[0].other_locator", is("rcid 9087"));
  }

  @Test
  void topicsWithTheirCountsAndAsFilters() {
    given()
        .get("/v1/topics?scheme=voeten")
        .then()
        .statusCode(200)
        .body(
            "data.id",
            contains(
                "arms-control",
                "colonialism",
                "economic-development",
                "human-rights",
                "nuclear-weapons",
                "palestinian-conflict"))
        .body("data.find { it.id == 'human-rights' }.vote_count", is(7))
        .body("data.find { it.id == 'palestinian-conflict' }.vote_count", is(9));
    // Brazil on human rights since 1990: one request
    given()
        .get("/v1/delegations/BRA/votes?topic=human-rights&vote_date__gte=1990&include=total")
        .then()
        .statusCode(200)
        .body("meta.total", is(7))
        .body("data.vote", everyItem(is("yes")))
        .body("data[0].vote_id", is("voeten-5435"));
    given()
        .get("/v1/votes?topic=human-rights,palestinian-conflict&include=total")
        .then()
        .statusCode(200)
        .body("meta.total", is(HR_OR_ME));
    given()
        .get("/v1/votes?body_id=ga-plenary&facet=topic")
        .then()
        .statusCode(200)
        .body("meta.facets.topic.values[0].value", is("palestinian-conflict"))
        .body("meta.facets.topic.values[0].count", is(9));
    // agreement with the United States on those votes, per year
    given()
        .get("/v1/delegations/BRA/agreement?with=USA&topic=human-rights&by=year")
        .then()
        .statusCode(200)
        .body("data.series.year", contains(1990, 2015))
        .body("data.series[0].votes_both_yes_or_no", is(4))
        .body("data.series[0].identical", is(0));
    given()
        .get("/v1/votes?topic=")
        .then()
        .statusCode(400)
        .body("invalid_params[0].name", is("topic"));
  }

  @Test
  void vetoesOfTheUssrAndRussiaEachNamedAsTheListNamesIt() {
    given()
        .get("/v1/votes?body_id=security-council&outcome=vetoed&include=total")
        .then()
        .statusCode(200)
        .body("meta.total", is(24))
        .body("data.yes", everyItem(nullValue()));
    given()
        .get("/v1/delegations/RUS/vetoes?limit=100")
        .then()
        .statusCode(200)
        .body("data", hasSize(17))
        .body("data[0].vote_id", is("sc-veto-s-2019-961"))
        .body("data[0].date", is("2019-12-20"))
        .body("data[0].vetoed_by", is("RUS"))
        .body("data[0].vetoed_by_name", is("Russia"))
        .body("data.findAll { it.vetoed_by == 'SUN' }.vetoed_by_name", everyItem(is("USSR")))
        .body("data.findAll { it.vetoed_by == 'SUN' }", hasSize(10))
        .body(
            "data[-1].agenda_item",
            is(
                "Letter from the Heads of the Lebanese and Syrian delegations to the Secretary-General dated 4 February 1946"));
    // the known ballots: the permanent members that voted no; the rest is unknown
    given()
        .get("/v1/votes/sc-veto-s-pv-23/roll-call")
        .then()
        .statusCode(200)
        .body("data.delegation_id", contains("SUN"))
        .body("data.vote", contains("no"));
  }

  @Test
  void theBodyFiltersAsItsIdOnVotesRollCallsAgreementAndCounts() {
    // the issue's own request: body=, the same as body_id=
    List<String> vetoed =
        given()
            .get("/v1/votes?body=security-council&outcome=vetoed&limit=100&include=total")
            .then()
            .statusCode(200)
            .body("meta.total", is(24))
            .body("data.body_id", everyItem(is("security-council")))
            .extract()
            .path("data.id");
    assertEquals(
        given()
            .get("/v1/votes?body_id=security-council&outcome=vetoed&limit=100")
            .then()
            .statusCode(200)
            .extract()
            .path("data.id"),
        vetoed);
    int all = given().get("/v1/votes?include=total").then().extract().path("meta.total");
    given()
        .get("/v1/votes?body=ga-plenary,security-council&facet=body&include=total")
        .then()
        .statusCode(200)
        .body("meta.facets.body.values.find { it.value == 'security-council' }.count", is(24))
        .body("meta.facets.body.values.value", hasItems("ga-plenary", "security-council"))
        .body(
            "meta.total",
            is(all - countOf("/v1/votes?body_id__in=ahc-cybercrime,ga-third-committee")));
    given().get("/v1/votes?body=no-such-body").then().statusCode(200).body("data", hasSize(0));
    // a delegation's roll-call entries in one body: the United States' vetoes, 6 in these years
    given()
        .get("/v1/delegations/USA/votes?body=security-council&include=total")
        .then()
        .statusCode(200)
        .body("meta.total", is(6))
        .body("data.vote_id", everyItem(org.hamcrest.Matchers.startsWith("sc-veto-")))
        .body("data.vote", everyItem(is("no")));
    // a delegation's record counted over one body's votes
    given()
        .get("/v1/delegations/BRA/record?body=ga-plenary")
        .then()
        .statusCode(200)
        .body("data[0].delegation_id", is("BRA"));
    // agreement over one body: Russia and China vetoed three drafts together
    int shared =
        given()
            .get("/v1/delegations/RUS/agreement?with=CHN")
            .then()
            .extract()
            .path("data.votes_shared");
    given()
        .get("/v1/delegations/RUS/agreement?with=CHN&body=security-council")
        .then()
        .statusCode(200)
        .body("data.votes_shared", is(3))
        .body("data.identical", is(3))
        .body(
            "data.votes.vote_id",
            contains("sc-veto-s-2019-186", "sc-veto-s-2019-756", "sc-veto-s-2019-961"));
    given()
        .get("/v1/delegations/RUS/agreement?with=CHN&body=ga-plenary")
        .then()
        .statusCode(200)
        .body("data.votes_shared", is(shared - 3))
        .body(
            "data.votes.vote_id",
            everyItem(org.hamcrest.Matchers.not(org.hamcrest.Matchers.startsWith("sc-"))));
    given()
        .get("/v1/delegations/RUS/agreement?with=CHN&body=security-council&by=year")
        .then()
        .statusCode(200)
        .body("data.series.year", contains(2019))
        .body("data.series[0].identical", is(3));
    given()
        .get("/v1/delegations/RUS/agreement?body=security-council")
        .then()
        .statusCode(200)
        .body("data.with", contains("CHN"));
    given()
        .get("/v1/delegations/RUS/agreement?with=CHN&body=")
        .then()
        .statusCode(400)
        .body("invalid_params[0].name", is("body"));
    // an unknown parameter's refusal names body= and topic= among the others
    given()
        .get("/v1/votes?bodies=security-council")
        .then()
        .statusCode(400)
        .body("invalid_params[0].reason", containsString("other parameters: body, bom,"))
        .body("invalid_params[0].reason", containsString(", topic, updated_since"));
  }

  @Test
  void aResolutionIsFoundHoweverItsSymbolIsWritten() {
    // the curated vote on A/RES/73/187 is Voeten's rcid 9087, whose symbol Voeten writes R/73/187
    for (String asked : List.of("A/RES/73/187", "R/73/187", "73/187", "a/res/73/187 ")) {
      given()
          .queryParam("resolution", asked)
          .get("/v1/votes")
          .then()
          .statusCode(200)
          .body("data.id", contains("a-res-73-187"))
          .body("data[0].resolution", is("R/73/187"));
    }
    // a curated vote without a symbol of its own: its adopted text's
    given()
        .get("/v1/votes?resolution=A/RES/74/247,R/73/187")
        .then()
        .statusCode(200)
        .body("data.id", contains("a-res-73-187", "a-res-74-247"));
    // before the 31st session Voeten's R/ form is no UN symbol (its number is often not the
    // resolution's): it finds its own text, and the UN's symbol (A/RES/3079(XXVIII)) does not find
    // it, as an import does not match it by symbol
    for (String asked : List.of("R/28/3079", "r/28/3079 ")) {
      given()
          .queryParam("resolution", asked)
          .get("/v1/votes")
          .then()
          .statusCode(200)
          .body("data.id", contains("voeten-1415"));
    }
    for (String asked : List.of("A/RES/3079(XXVIII)", "28/3079", "A/RES/66(I)")) {
      given()
          .queryParam("resolution", asked)
          .get("/v1/votes")
          .then()
          .statusCode(200)
          .body("data", hasSize(0));
    }
    given()
        .queryParam("resolution", "R/18/1983A")
        .get("/v1/votes")
        .then()
        .statusCode(200)
        .body("data.id", contains("voeten-874"));
    // a part is its own resolution (45/67 B); the other operators stay the field's
    given()
        .get("/v1/votes?resolution=A/RES/45/67B")
        .then()
        .statusCode(200)
        .body("data.id", contains("voeten-3540"));
    given()
        .get("/v1/votes?resolution__contains=45/67")
        .then()
        .statusCode(200)
        .body("data.id", contains("voeten-3539", "voeten-3540", "voeten-3541"));
    given().get("/v1/votes?resolution=A/RES/45/67").then().statusCode(200).body("data", hasSize(0));
    given()
        .get("/v1/votes?resolution=no such text")
        .then()
        .statusCode(200)
        .body("data", hasSize(0));
    given()
        .get("/v1/votes?resolution=")
        .then()
        .statusCode(400)
        .body("invalid_params[0].name", is("resolution"));
    // how a delegation voted on a resolution, by its symbol
    given()
        .get("/v1/delegations/FRA/votes?resolution=A/RES/74/247,A/RES/73/187")
        .then()
        .statusCode(200)
        .body("data.vote_id", contains("a-res-74-247", "a-res-73-187"))
        .body("data.delegation_id", everyItem(is("FRA")));
    given()
        .get("/v1/roll-calls?resolution=73/187&delegation_id__in=USA,RUS")
        .then()
        .statusCode(200)
        .body("data.vote_id", everyItem(is("a-res-73-187")))
        .body("data.delegation_id", contains("RUS", "USA"));
    given()
        .get("/v1/votes.csv?resolution=A/RES/73/187")
        .then()
        .statusCode(200)
        .body(containsString("a-res-73-187,"));
  }

  private static int countOf(String path) {
    return given()
        .get(path + (path.contains("?") ? "&" : "?") + "include=total")
        .then()
        .statusCode(200)
        .extract()
        .path("meta.total");
  }

  @Test
  void theDumpsNameTheOutsideDataAndCarryTheVetoListsLicenceNotice() throws IOException {
    // the MIT licence of the veto list asks that its notice go with every copy of the data
    String notice =
        Files.readString(Path.of("src/test/resources/fixtures/record-layers/sc-vetoes/LICENSE"))
            .strip();
    assertTrue(
        notice.startsWith("MIT License") && notice.contains("World Politics Data Lab"), notice);
    assertEquals(
        Files.readString(Path.of("seed-data/layers/sc-vetoes/LICENSE")).strip(),
        notice,
        "the published layer carries the same notice");
    String readme = given().get("/v1/dumps/README.md").then().statusCode(200).extract().asString();
    assertTrue(readme.contains("## Outside data"), readme);
    assertTrue(readme.contains("Vetoes in the UN Security Council, 1946-2022"), readme);
    assertTrue(readme.contains("United Nations General Assembly Voting Data"), readme);
    assertTrue(readme.contains("```\n" + notice + "\n```"), "the notice, verbatim: " + readme);
    // Voeten's data is in the public domain: no notice of its own
    assertEquals(1, readme.split("come with this licence notice", -1).length - 1, readme);
    given()
        .get("/v1/dumps/datapackage.json")
        .then()
        .statusCode(200)
        .body(
            "sources.findAll { it.title.startsWith('Outside data: ') }.path",
            hasItems(
                "https://github.com/world-politics-datalab/vetoes-un-security-council",
                "https://github.com/dgrtwo/unvotes/tree/7eb7034314ff79c49c9e0785fcd9d216fa04cf14"))
        .body(
            "sources.find { it.path.contains('vetoes-un-security-council') }.title",
            containsString("MIT licence"));
  }

  @Test
  void theHomePageSaysWhatTheRecordHoldsAndAsksItByTopic() {
    String home = given().get("/").then().statusCode(200).extract().asString();
    String lede = home.replaceAll("(?s).*(<p class=\"lede\".*?</p>).*", "$1");
    // the counts and dates are the API's
    for (String[] part :
        List.of(
            new String[] {
              "voeten_rcid__isnull=false",
              "<a href=\"/votes?voeten_rcid__isnull=false\">%d recorded votes of the UN General"
                  + " Assembly</a>, %s to %s, with every delegation's ballot, from Erik Voeten's data"
            },
            new String[] {
              "body_id=security-council&outcome=vetoed",
              "<a href=\"/votes?body_id=security-council&amp;outcome=vetoed\">%d drafts vetoed in"
                  + " the Security Council</a>, %s to %s, with the members that vetoed them"
            })) {
      int total =
          given()
              .get("/v1/votes?" + part[0] + "&include=total&limit=1&sort=date")
              .then()
              .extract()
              .path("meta.total");
      String from =
          given()
              .get("/v1/votes?" + part[0] + "&limit=1&sort=date")
              .then()
              .extract()
              .path("data[0].date");
      String to =
          given()
              .get("/v1/votes?" + part[0] + "&limit=1&sort=-date")
              .then()
              .extract()
              .path("data[0].date");
      assertTrue(total > 0, part[0]);
      assertTrue(lede.contains(String.format(part[1], total, from, to)), lede);
    }
    assertTrue(home.contains("<h2 id=\"record\">The voting record</h2>"), home);
    String title = "Plenary: the UN&#39;s voting record and the Convention against Cybercrime";
    assertTrue(home.contains("<h1>" + title + "</h1>"), home);
    assertTrue(home.contains("<title>" + title), home);
    int hr =
        given()
            .get("/v1/topics/human-rights")
            .then()
            .statusCode(200)
            .extract()
            .path("data.vote_count");
    assertTrue(
        home.contains(
            "<li><a href=\"/votes?topic=human-rights\">Human rights</a>: " + hr + " votes</li>"),
        home);
    assertTrue(home.contains("<a href=\"/delegations/RUS#vetoes\">"), home);
    // every link the section offers answers
    for (String link :
        List.of(
            "/delegations/BRA?topic=human-rights&since=1990",
            "/delegations/BRA?with=USA",
            "/delegations/RUS",
            "/votes?session=74&sort=margin",
            "/delegations/record",
            "/votes?topic=human-rights")) {
      given().get(link).then().statusCode(200);
    }
  }

  @Test
  void theVotesPageFiltersByTopicBodyAndOutcomeAndKeepsTheOtherFilters() {
    String page =
        given()
            .get("/votes?topic=human-rights&body_id=ga-plenary&voeten_rcid__isnull=false&limit=5")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(
        page.contains("<option value=\"human-rights\" selected>Human rights</option>"), page);
    assertTrue(page.contains("<option value=\"ga-plenary\" selected>"), page);
    assertTrue(page.contains("<option value=\"security-council\">Security Council</option>"), page);
    // what the form does not show is sent again as it was; the form's own fields are not doubled
    assertTrue(
        page.contains("<input type=\"hidden\" name=\"voeten_rcid__isnull\" value=\"false\">"),
        page);
    assertTrue(page.contains("<input type=\"hidden\" name=\"limit\" value=\"5\">"), page);
    assertFalse(page.contains("type=\"hidden\" name=\"topic\""), page);
    int total =
        given()
            .get(
                "/v1/votes?topic=human-rights&body_id=ga-plenary&voeten_rcid__isnull=false&include=total")
            .then()
            .extract()
            .path("meta.total");
    assertTrue(page.contains("<caption>" + total + " votes"), page);
    // the vetoed drafts
    String vetoes =
        given().get("/votes?outcome=vetoed").then().statusCode(200).extract().asString();
    assertTrue(vetoes.contains("<option value=\"vetoed\" selected>vetoed</option>"), vetoes);
    assertTrue(vetoes.contains("<caption>24 votes"), vetoes);
    // body=, the API's name: the Body select shows it, and it is not sent twice
    String council =
        given()
            .get("/votes?body=security-council&outcome=vetoed")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(
        council.contains("<option value=\"security-council\" selected>Security Council</option>"),
        council);
    assertFalse(council.contains("type=\"hidden\" name=\"body\""), council);
    assertTrue(council.contains("<caption>24 votes"), council);
    // several bodies: kept as asked, the select shows none of them
    String both =
        given()
            .get("/votes?body=security-council,ahc-cybercrime")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(
        both.contains(
            "<input type=\"hidden\" name=\"body\" value=\"security-council,ahc-cybercrime\">"),
        both);
    // a topic of another scheme, asked for by its id, stays chosen
    String agenda =
        given().get("/v1/topics?scheme=agenda&limit=1").then().extract().path("data[0].id");
    String byAgenda =
        given().get("/votes?topic=" + agenda).then().statusCode(200).extract().asString();
    assertTrue(
        byAgenda.contains("<option value=\"" + agenda + "\" selected>" + agenda + "</option>"),
        byAgenda);
    // the delegation page's select too (the same choices)
    String delegation =
        given().get("/delegations/RUS?topic=" + agenda).then().statusCode(200).extract().asString();
    assertTrue(
        delegation.contains("<option value=\"" + agenda + "\" selected>" + agenda + "</option>"),
        delegation);
  }

  @Test
  void aDelegationsPageShowsItsVotesOnATopicSinceAYearWithTheirCsv() {
    // the year of Brazil's latest vote on the topic: some of its votes are before it
    String latest =
        given()
            .get("/v1/delegations/BRA/votes?topic=human-rights&sort=-vote_date&limit=1")
            .then()
            .extract()
            .path("data[0].vote_date");
    String since = latest.substring(0, 4);
    int total =
        given()
            .get(
                "/v1/delegations/BRA/votes?topic=human-rights&vote_date__gte="
                    + since
                    + "&include=total")
            .then()
            .extract()
            .path("meta.total");
    int all =
        given()
            .get("/v1/delegations/BRA/votes?topic=human-rights&include=total")
            .then()
            .extract()
            .path("meta.total");
    assertTrue(total > 0 && total < all, total + " of " + all);
    String page =
        given()
            .get("/delegations/BRA?topic=human-rights&since=" + since)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(
        page.contains("<h2 id=\"votes\">Its votes on human-rights since " + since + "</h2>"), page);
    assertTrue(page.contains("<input name=\"since\" value=\"" + since + "\""), page);
    String votes = page.substring(page.indexOf("<h2 id=\"votes\">"));
    votes = votes.substring(0, votes.indexOf("</table>"));
    assertEquals(Math.min(50, total), votes.split("<td class=\"date\">", -1).length - 1, votes);
    // the CSV the caption points to holds the same votes, all of them
    assertTrue(
        page.contains(
            "/v1/delegations/BRA/votes.csv?topic=human-rights&amp;vote_date__gte=" + since),
        page);
    given().get("/delegations/BRA?since=19x").then().statusCode(400);
    // the agreement's tables as CSV: the ranking, and the series with the delegation compared
    assertTrue(page.contains("<a href=\"/v1/delegations/BRA/agreement.csv\">"), page);
    assertTrue(
        page.contains("<a href=\"/v1/delegations/BRA/agreement.csv?with=USA&amp;by=year\">"), page);
    given()
        .get("/v1/delegations/BRA/agreement.csv?with=USA&by=year")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.startsWith("delegation_id,with,year,"));
  }

  @Test
  void historicStatesLinkToTheirSuccessors() {
    given()
        .get("/v1/delegations/YUG")
        .then()
        .statusCode(200)
        .body("data.name", is("Yugoslavia"))
        .body("data.un_member", is(false))
        .body("data.successors.successor_id", contains("SRB"))
        .body("data.successors[0].date", nullValue())
        .body("data.successors[0].source_id", is("voeten-unga-voting"));
    given()
        .get("/v1/delegations/SRB")
        .then()
        .statusCode(200)
        .body("data.predecessors.predecessor_id", contains("YUG"));
    given()
        .get("/v1/delegations/RUS")
        .then()
        .statusCode(200)
        .body("data.predecessors.predecessor_id", contains("SUN"));
    // the Federal Republic of Germany (no code in Voeten's data) is Germany
    given()
        .get("/v1/delegations?known_as=Federal Republic of Germany")
        .then()
        .statusCode(200)
        .body("data.id", contains("DEU"));
    // name= finds a delegation by any of its names, case ignored: Voeten's, or its own
    given()
        .get("/v1/delegations?name=federal republic of GERMANY")
        .then()
        .statusCode(200)
        .body("data.id", contains("DEU"));
    given().get("/v1/delegations?name=Brazil").then().body("data.id", contains("BRA"));
    given().get("/v1/delegations?name=Atlantis").then().statusCode(200).body("data.size()", is(0));
    given()
        .get("/v1/delegations?name=")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void aLibraryFileOverlappingTheHistoryBecomesItsVotesNotCopies(@TempDir Path dir)
      throws IOException {
    String header =
        "undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,committee_report,meeting,"
            + "title,agenda_title,subjects,vote_note,total_yes,total_no,total_abstentions,"
            + "total_non_voting,total_ms,undl_link";
    Path file = dir.resolve("ga.csv");
    Files.write(
        file,
        List.of(
            header,
            // Voeten's rcid 5435 (R/70/87, 2015-12-09, 92/9/75), under another record number
            "88001,BRA,BRAZIL,Y,2015-12-09,70,A/RES/70/87,,,,Israeli practices,,,,92,9,75,,,",
            "88001,USA,UNITED STATES,N,2015-12-09,70,A/RES/70/87,,,,Israeli practices,,,,92,9,75,,,",
            // rcid 5396 (R/70/12, 2015-11-24), its symbol written as 70/12
            "88002,BRA,BRAZIL,Y,2015-11-24,70,70/12,,,,Palestinian rights,,,,102,8,57,,,",
            // not in the history: a new vote
            "88003,BRA,BRAZIL,Y,2015-11-25,70,A/RES/70/999,,,,Something else,,,,1,0,0,,,",
            // before the 56th session Voeten's dates are not the meetings': rcid 1415 (R/28/3079,
            // dated 1973-12-04, 116/0/12), found by its session and tallies; rcid 3543 (R/45/69,
            // dated 1990-12-05), by its symbol
            "88004,BRA,BRAZIL,Y,1973-12-03,28,A/RES/3079(XXVIII),,,,War criminals,,,,116,0,12,,,",
            "88005,BRA,BRAZIL,Y,1990-12-06,45,A/RES/45/69,,,,Palestine,,,,141,2,3,,,"));
    List<String> progress = new ArrayList<>();
    importer.importFile(file, progress::add);
    given().get("/v1/votes?undl_id=88001").then().body("data.id", contains("voeten-5435"));
    given().get("/v1/votes?undl_id=88002").then().body("data.id", contains("voeten-5396"));
    given().get("/v1/votes?undl_id=88003").then().body("data.id", contains("undl-88003"));
    given().get("/v1/votes?undl_id=88004").then().body("data.id", contains("voeten-1415"));
    given().get("/v1/votes?undl_id=88005").then().body("data.id", contains("voeten-3543"));
    // the published dates stand; the file's are conflicts
    given().get("/v1/votes/voeten-3543").then().body("data.date", is("1990-12-05"));
    given()
        .get("/v1/conflicts?field=date&sort=vote_id")
        .then()
        .statusCode(200)
        .body("data.vote_id", contains("voeten-1415", "voeten-3543"))
        .body("data.published_value", contains("1973-12-04", "1990-12-05"))
        .body("data.other_value", contains("1973-12-03", "1990-12-06"))
        .body("data.published_source_id", everyItem(is("voeten-unga-voting")));
    // the history's record stands: its tallies, its roll call
    given()
        .get("/v1/votes/voeten-5435")
        .then()
        .body("data.yes", is(92))
        .body("data.resolution", is("R/70/87"))
        .body("data.sources.id", hasItem("voeten-unga-voting"));
    given().get("/v1/votes?id__contains=undl-&include=total").then().body("meta.total", is(1));
    // a second import changes nothing
    var again = importer.importFile(file, progress::add);
    assertEquals(false, again.changed());
    // the dumps name the Library's file among the outside data, with the Library's terms
    engine.awaitWriters();
    String readme = given().get("/v1/dumps/README.md").then().statusCode(200).extract().asString();
    assertTrue(readme.contains(org.plenary.dataset.Dumps.LIBRARY_TERMS), readme);
    assertTrue(readme.contains("- UN General Assembly Voting Data (ga.csv), "), readme);
    given()
        .get("/v1/dumps/datapackage.json")
        .then()
        .body(
            "sources.find { it.title.startsWith('Outside data: UN General Assembly Voting Data (ga.csv)') }.title",
            containsString("non-commercial"));
    // the resolutions file finds them the same way, and lists the date as a conflict too: rcid
    // 3541 (R/45/67C, dated 1990-12-05, 124/2/20)
    Path outcomes = dir.resolve("outcomes.csv");
    Files.write(
        outcomes,
        List.of(
            org.plenary.ingest.undl.TestFiles.GA_OUTCOMES,
            "88006,A/RES/45/67C,45,1990-12-06,Palestine,\"Vote, recorded\",,,,,,,124,2,20,,,"));
    var r = library.importFile(outcomes);
    assertEquals(List.of("voeten-3541 = undl_id 88006"), r.linked());
    given()
        .get("/v1/conflicts?field=date&vote_id=voeten-3541")
        .then()
        .statusCode(200)
        .body("data.published_value", contains("1990-12-05"))
        .body("data.other_value", contains("1990-12-06"));
    given().get("/v1/votes/voeten-3541").then().body("data.date", is("1990-12-05"));
  }
}
