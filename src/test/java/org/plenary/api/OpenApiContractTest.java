package org.plenary.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed contract, openapi/openapi.yaml, must equal what the service serves at /q/openapi.
 * After an intended change to the API, regenerate it with {@code ./mvnw test
 * -Dtest=OpenApiContractTest -Dopenapi.update=true} and commit the diff.
 */
@QuarkusTest
class OpenApiContractTest {
  private static final Path CONTRACT = Path.of("openapi", "openapi.yaml");

  @Test
  void servedDocumentEqualsTheCommittedContract() throws IOException {
    String served =
        given().get("/q/openapi?format=yaml").then().statusCode(200).extract().asString();
    if (Boolean.getBoolean("openapi.update")) {
      Files.createDirectories(CONTRACT.getParent());
      Files.writeString(CONTRACT, served, StandardCharsets.UTF_8);
    }
    String committed =
        Files.exists(CONTRACT) ? Files.readString(CONTRACT, StandardCharsets.UTF_8) : "";
    assertEquals(
        committed,
        served,
        "The served OpenAPI document differs from openapi/openapi.yaml. If the change is intended,"
            + " run ./mvnw test -Dtest=OpenApiContractTest -Dopenapi.update=true and commit the diff.");
  }
}
