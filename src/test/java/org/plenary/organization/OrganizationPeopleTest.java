package org.plenary.organization;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrganizationPeopleTest {

  @Test
  void techAccordMembers() {
    given()
        .get("/v1/organizations/cybersecurity-tech-accord")
        .then()
        .statusCode(200)
        .body("data.kind", is("industry_coalition"))
        .body("data.members.id", containsInAnyOrder("hp", "meta", "microsoft"))
        .body("data.members.sources", everyItem(not(hasSize(0))))
        .body("data.sources", not(hasSize(0)));
    given()
        .get("/v1/organizations/microsoft")
        .then()
        .statusCode(200)
        .body("data.member_of.id", hasItem("cybersecurity-tech-accord"));
  }

  @Test
  void organizationsByKindAndTheirPositions() {
    given()
        .get("/v1/organizations?kind=ngo&limit=100")
        .then()
        .statusCode(200)
        .body("data.id", hasItem("hrw"))
        .body("data.kind", everyItem(is("ngo")));
    given()
        .get("/v1/organizations/hrw/positions")
        .then()
        .statusCode(200)
        .body("data", hasSize(4))
        .body("data.organization_id", everyItem(is("hrw")));
    given()
        .get("/v1/organizations/hrw?include=positions")
        .then()
        .statusCode(200)
        .body("data.positions", hasSize(4));
    given().get("/v1/organizations/ohchr").then().statusCode(200).body("data.kind", is("un_body"));
  }

  @Test
  void people() {
    given()
        .get("/v1/people/deborah-brown?include=positions")
        .then()
        .statusCode(200)
        .body("data.organization_id", is("hrw"))
        .body("data.organization_name", is("Human Rights Watch"))
        .body("data.positions.size()", is(3))
        .body("data.sources", not(hasSize(0)));
    given()
        .get("/v1/people?organization_id=hrw")
        .then()
        .statusCode(200)
        .body("data.id", hasItem("tirana-hassan"));
  }
}
