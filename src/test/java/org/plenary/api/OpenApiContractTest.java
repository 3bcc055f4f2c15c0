package org.plenary.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The committed contract, openapi/openapi.yaml, must equal what the service serves at /q/openapi.
 * After an intended change to the API, regenerate it with {@code ./mvnw test
 * -Dtest=OpenApiContractTest -Dopenapi.update=true} and commit the diff. And every operation says
 * what its success carries: a resource method whose 200 is not described (no x-plenary-list or
 * x-plenary-item, no {@code @ItemOf} or {@code @ListOf}, no {@code @APIResponse} with a schema)
 * fails here, as does a reference to a schema the document lacks.
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

  @Test
  void everySuccessSaysWhatItCarries() throws IOException {
    JsonNode doc =
        new ObjectMapper()
            .readTree(
                given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
    List<String> undescribed = new ArrayList<>();
    int operations = 0;
    for (var path : doc.get("paths").properties()) {
      for (var op : path.getValue().properties()) {
        if (!Set.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
          continue;
        }
        operations++;
        String name = op.getKey().toUpperCase() + " " + path.getKey();
        List<String> successes = new ArrayList<>();
        op.getValue().get("responses").fieldNames().forEachRemaining(successes::add);
        successes.removeIf(status -> !status.startsWith("2"));
        if (successes.isEmpty()) {
          undescribed.add(name + ": no success response");
        }
        for (String status : successes) {
          JsonNode content = op.getValue().get("responses").get(status).get("content");
          if (content == null || content.isEmpty()) {
            undescribed.add(name + " " + status + ": no content");
            continue;
          }
          for (var media : content.properties()) {
            JsonNode schema = media.getValue().get("schema");
            if (schema == null
                || !(schema.has("$ref")
                    || schema.has("type")
                    || schema.has("oneOf")
                    || schema.has("allOf"))) {
              undescribed.add(name + " " + status + " " + media.getKey() + ": no schema");
            }
          }
        }
      }
    }
    assertEquals(List.of(), undescribed, "of " + operations + " operations");

    Set<String> missing = new TreeSet<>();
    collectRefs(doc, missing);
    missing.removeIf(name -> doc.get("components").get("schemas").has(name));
    assertEquals(Set.of(), missing, "schemas referenced but not in components");
  }

  private static void collectRefs(JsonNode node, Set<String> names) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual() && ref.asText().startsWith("#/components/schemas/")) {
        names.add(ref.asText().substring("#/components/schemas/".length()));
      }
      node.elements().forEachRemaining(child -> collectRefs(child, names));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> collectRefs(child, names));
    }
  }
}
