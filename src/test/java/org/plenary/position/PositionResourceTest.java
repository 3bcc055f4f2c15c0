package org.plenary.position;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PositionResourceTest {

  @Test
  void everyPositionHasAStanceADateAndSources() {
    given()
        .get("/v1/positions?limit=1000")
        .then()
        .statusCode(200)
        .body("data", hasSize(41))
        .body(
            "data.stance",
            everyItem(is(in(List.of("supports", "opposes", "conditional", "concerned", "mixed")))))
        .body("data.stance_summary", everyItem(notNullValue()))
        .body("data.date", everyItem(matchesPattern("\\d{4}(-\\d{2}(-\\d{2})?)?")))
        .body("data.date_precision", everyItem(is(in(List.of("day", "month", "year")))))
        .body("data.sources", everyItem(not(hasSize(0))))
        .body("data.actor_name", everyItem(notNullValue()));
  }

  @Test
  void positionsWithoutAQuoteSaySo() {
    List<Map<String, Object>> rows =
        given()
            .get("/v1/positions?quote_status=none&limit=1000")
            .then()
            .statusCode(200)
            .body("data", not(hasSize(0)))
            .extract()
            .jsonPath()
            .getList("data");
    for (Map<String, Object> r : rows) {
      assertEquals(null, r.get("quote"), r.get("id").toString());
    }
    given()
        .get("/v1/positions?quote__isnull=false&limit=1000")
        .then()
        .statusCode(200)
        .body("data.quote_status", everyItem(is(in(List.of("verbatim", "fragment")))));
  }

  @Test
  void filtersByStanceActorOrganizationDelegationPersonAndDates() {
    given()
        .get("/v1/positions?stance=supports")
        .then()
        .statusCode(200)
        .body("data.stance", everyItem(is("supports")));
    given()
        .get("/v1/positions?actor_kind=delegation&limit=1000")
        .then()
        .statusCode(200)
        .body("data.delegation_id", everyItem(notNullValue()))
        .body("data.organization_id", everyItem(nullValue()));
    given()
        .get("/v1/positions?organization_kind=company")
        .then()
        .statusCode(200)
        .body("data.organization_id", hasItem("cisco"));
    given()
        .get("/v1/positions?organization_id=hrw")
        .then()
        .statusCode(200)
        .body("data", hasSize(4))
        .body("data.actor_name", everyItem(is("Human Rights Watch")));
    given()
        .get("/v1/positions?person_id=deborah-brown")
        .then()
        .statusCode(200)
        .body("data.person_name", everyItem(is("Deborah Brown")));
    given()
        .get("/v1/positions?date__gte=2024-08-01&date__lte=2024-08-31&limit=1000")
        .then()
        .statusCode(200)
        .body("data.date", everyItem(matchesPattern("2024-08.*")));
    given()
        .get("/v1/positions?date=2024")
        .then()
        .statusCode(200)
        .body("data.date", everyItem(matchesPattern("2024.*")));
    given()
        .get("/v1/positions?delegation_id__in=USA,RUS&sort=-date")
        .then()
        .statusCode(200)
        .body("data", hasSize(5))
        .body("data[0].date", is("2024-12-24"));
    given()
        .get("/v1/positions?quote__contains=SURVEILLANCE")
        .then()
        .statusCode(200)
        .body("data.size()", greaterThanOrEqualTo(2))
        .body("data.size()", lessThanOrEqualTo(41));
  }

  @Test
  void aStanceSaysWhatItIsOnAndFiltersBySubject() {
    given()
        .get("/v1/positions?subject=clause&limit=1000")
        .then()
        .statusCode(200)
        .body(
            "data.id",
            containsInAnyOrder(
                "egy-2024-08-mla-safeguards",
                "irn-2024-08-mla-safeguards",
                "mrt-2024-08-mla-safeguards",
                "pak-2024-08-mla-safeguards",
                "rus-2024-08-mla-safeguards",
                "vnm-2024-08-mla-safeguards"));
    given()
        .get("/v1/positions?subject=proposal")
        .then()
        .statusCode(200)
        .body("data.id", contains("ind-2024-08-art-6-2"))
        .body("data[0].stance", is("supports"))
        .body("data[0].vote_id", is("ahc-2024-08-08-iran-delete-art-6-2"));
    // supporting the convention no longer counts India's support of a deletion
    given()
        .get("/v1/positions?stance=supports&subject=convention&limit=1000")
        .then()
        .statusCode(200)
        .body("data.id", not(hasItem("ind-2024-08-art-6-2")))
        .body("data.subject", everyItem(is("convention")));
    given()
        .get("/v1/positions?facet=subject&limit=1")
        .then()
        .statusCode(200)
        .body("meta.facets.subject.values.find { it.value == 'convention' }.count", is(30))
        .body("meta.facets.subject.values.find { it.value == 'clause' }.count", is(6))
        .body("meta.facets.subject.values.find { it.value == 'proposal' }.count", is(1))
        .body("meta.facets.subject.values.find { it.value == 'vote' }.count", is(4));
    given()
        .get("/v1/positions?subject=vote&format=csv&limit=1000")
        .then()
        .statusCode(200)
        .body(
            containsString("\nusa-2019-12-27,delegation,USA,United States,,,USA,,,opposes,vote,"));
  }

  @Test
  void onePosition() {
    String id =
        given()
            .get("/v1/positions?organization_id=cisco")
            .then()
            .extract()
            .jsonPath()
            .getString("data[0].id");
    given()
        .get("/v1/positions/" + id)
        .then()
        .statusCode(200)
        .body("data.id", is(id))
        .body("data.person_name", is("Eric Wenger"))
        .body(
            "data.quote",
            is(
                "The UN Convention does not sufficiently protect basic human rights and poses risks to the rule of law."));
  }
}
