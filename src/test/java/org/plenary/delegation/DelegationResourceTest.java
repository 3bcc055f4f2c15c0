package org.plenary.delegation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class DelegationResourceTest {

  @Test
  void aDelegationsVotesAreSearchable() {
    // both resolutions "Countering the use of ICTs for criminal purposes" with the US's ballot
    given()
        .queryParam("q", "criminal")
        .get("/v1/delegations/USA/votes")
        .then()
        .statusCode(200)
        .body("data.vote_id", hasItems("a-res-73-187", "a-res-74-247"))
        .body("data.delegation_id", everyItem(is("USA")))
        .body("data.snippet", everyItem(containsString("<mark>criminal</mark>")))
        .body("meta.sort", is("-rank,vote_id,delegation_id"));
    given()
        .queryParam("q", "no-such-word-anywhere")
        .get("/v1/delegations/USA/votes")
        .then()
        .statusCode(200)
        .body("data", hasSize(0));
  }

  @Test
  void all193MemberStatesAndTheEuropeanUnion() {
    given()
        .get("/v1/delegations?un_member=true&include=total")
        .then()
        .statusCode(200)
        .body("meta.total", is(193));
    given()
        .get("/v1/delegations?un_member=false")
        .then()
        .statusCode(200)
        .body("data.id", hasItems("EUU"))
        .body("data[0].kind", is("regional_organization"))
        .body("data[0].regional_group", nullValue());
  }

  @ParameterizedTest
  @CsvSource({"african, 54", "asia_pacific, 54", "eastern_european, 23", "grulac, 33", "weog, 29"})
  void regionalGroupSizes(String group, int size) {
    given()
        .get("/v1/delegations?regional_group=" + group + "&limit=100")
        .then()
        .statusCode(200)
        .body("data", hasSize(size));
  }

  @Test
  void specialCasesOfRegionalGroups() {
    given()
        .get("/v1/delegations/USA")
        .then()
        .statusCode(200)
        .body("data.regional_group", is("weog"))
        .body("data.regional_group_status", is("observer"))
        .body("data.note", containsString("observer"));
    given()
        .get("/v1/delegations/KIR")
        .then()
        .statusCode(200)
        .body("data.regional_group_status", is("disputed"));
    given()
        .get("/v1/delegations/TUR")
        .then()
        .statusCode(200)
        .body("data.name", is("Türkiye"))
        .body("data.regional_group", is("weog"));
    given()
        .get("/v1/delegations/ISR")
        .then()
        .statusCode(200)
        .body("data.regional_group", is("weog"));
    given()
        .get("/v1/delegations/civ")
        .then()
        .statusCode(200)
        .body("data.name", is("Côte d'Ivoire"))
        .body("data.sources", not(hasSize(0)));
  }

  @Test
  void aDelegationsRecordOnEveryVote() {
    given()
        .get("/v1/delegations/USA/votes")
        .then()
        .statusCode(200)
        .body("data.vote_id", hasItems("a-res-74-247", "a-res-73-187"))
        .body("data.delegation_id", everyItem(is("USA")))
        .body("data.find { it.vote_id == 'a-res-74-247' }.vote", is("no"))
        .body("data[0].vote_date", is("2019-12-27"));
    given()
        .get("/v1/delegations/RUS/votes")
        .then()
        .statusCode(200)
        .body("data", hasSize(3))
        .body("data.vote", everyItem(is("yes")));
  }

  @Test
  void aDelegationsPositions() {
    given()
        .get("/v1/delegations/USA/positions")
        .then()
        .statusCode(200)
        .body("data", hasSize(2))
        .body("data.delegation_id", everyItem(is("USA")))
        .body("data.stance", everyItem(is("opposes")));
    given()
        .get("/v1/delegations/EUU/positions")
        .then()
        .statusCode(200)
        .body("data.actor_kind", everyItem(is("delegation")));
  }
}
