package org.plenary.dataset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.Fixtures;
import org.plenary.seed.SeedFiles;
import org.plenary.seed.SeedReader;

@QuarkusTest
class DumpsTest {
  @Inject Dumps dumps;
  @Inject DatasetState state;
  @Inject SeedLoader loader;
  @Inject org.plenary.TestSql engine;
  @TempDir Path dir;

  @Test
  void listsTheArchiveTheDescriptorTheReadmeAndEveryTable() throws Exception {
    String version = Fixtures.version();
    JsonPath list =
        given()
            .get("/v1/dumps")
            .then()
            .statusCode(200)
            .body(
                "data.name",
                hasItems(
                    "plenary-" + version + ".zip",
                    "datapackage.json",
                    "README.md",
                    "votes.csv",
                    "roll_calls.csv",
                    "undl_votes.csv"))
            .body("data.size()", is(org.plenary.seed.Schema.DUMPED.size() + 3))
            .body("meta.dataset_version", is(version))
            .extract()
            .jsonPath();
    for (Map<String, Object> f : list.<Map<String, Object>>getList("data")) {
      byte[] body =
          given()
              .get((String) f.get("url"))
              .then()
              .statusCode(200)
              .header("ETag", "\"" + f.get("sha256") + "\"")
              .header("X-Dataset-Version", version)
              .extract()
              .asByteArray();
      assertEquals(((Number) f.get("bytes")).longValue(), body.length, f.get("name").toString());
      assertEquals(f.get("sha256"), sha256(body), f.get("name").toString());
    }
    given()
        .get("/v1/dumps/votes.csv")
        .then()
        .header(
            "Content-Disposition", "attachment; filename=\"plenary-" + version + "-votes.csv\"");
  }

  @Test
  void theSha256IsTheEtag() {
    String etag =
        given().get("/v1/dumps/roll_calls.csv").then().statusCode(200).extract().header("ETag");
    given().header("If-None-Match", etag).get("/v1/dumps/roll_calls.csv").then().statusCode(304);
    given()
        .header("If-None-Match", "\"something-else\"")
        .get("/v1/dumps/roll_calls.csv")
        .then()
        .statusCode(200);
    given().head("/v1/dumps/roll_calls.csv").then().statusCode(200).header("ETag", etag);
  }

  @Test
  void dumpsAreTheSeedFormatByteForByte() throws IOException {
    try (var files = Files.list(Fixtures.DIR)) {
      for (Path seed : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
        byte[] dump =
            given()
                .get("/v1/dumps/" + seed.getFileName())
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertArrayEquals(Files.readAllBytes(seed), dump, seed.getFileName().toString());
      }
    }
  }

  @Test
  void theSameDataGivesByteIdenticalFiles() {
    Dumps.Release a = dumps.write(state.loaded());
    Dumps.Release b = dumps.write(state.loaded());
    assertEquals(a.files(), b.files());
    assertEquals(dumps.current().files(), a.files());
  }

  @Test
  void reimportingTheArchiveGivesAnIdenticalDatabase() throws IOException {
    Map<String, byte[]> zip =
        unzip(
            given()
                .get("/v1/dumps/plenary-" + Fixtures.version() + ".zip")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
    for (var e : zip.entrySet()) {
      Files.write(dir.resolve(e.getKey()), e.getValue());
    }
    String checksum = state.loaded().checksum();
    assertEquals(
        checksum,
        SeedReader.read(SeedFiles.directory(dir)).checksum(),
        "the archive holds the loaded files");
    Map<String, Integer> changed;
    try {
      // force a full merge of the archive's rows into the database: no row may change
      engine.rows("update dataset_state set checksum = 'forced' returning 1");
      changed = loader.load(SeedFiles.directory(dir));
    } finally {
      loader.load(Fixtures.files());
    }
    assertEquals(org.plenary.seed.Schema.TABLES.size(), changed.size(), "every table merged");
    assertTrue(changed.values().stream().allMatch(n -> n == 0), "identical: " + changed);
  }

  @Test
  void theArchiveIsAValidFrictionlessDataPackage() throws IOException {
    Map<String, byte[]> zip =
        unzip(given().get("/v1/dumps/plenary-" + Fixtures.version() + ".zip").asByteArray());
    JsonNode pkg = new ObjectMapper().readTree(zip.get("datapackage.json"));
    assertEquals("tabular-data-package", pkg.get("profile").asText());
    assertEquals(Fixtures.version(), pkg.get("version").asText());
    assertEquals("CC-BY-4.0", pkg.get("licenses").get(0).get("name").asText());
    assertNotNull(zip.get("README.md"));
    Map<String, List<Map<String, String>>> tables = new HashMap<>();
    Set<String> paths = new HashSet<>();
    for (JsonNode r : pkg.get("resources")) {
      String path = r.get("path").asText();
      paths.add(path);
      byte[] bytes = zip.get(path);
      assertNotNull(bytes, "resource file in the archive: " + path);
      assertEquals(r.get("bytes").asLong(), bytes.length, path);
      assertEquals("sha256:" + sha256(bytes), r.get("hash").asText(), path);
      tables.put(r.get("name").asText(), validateTable(r, bytes));
    }
    assertEquals(org.plenary.seed.Schema.DUMPED.size(), paths.size()); // tables and undl_votes.csv
    // foreign keys resolve
    for (JsonNode r : pkg.get("resources")) {
      for (JsonNode fk : r.get("schema").get("foreignKeys")) {
        String field = fk.get("fields").asText();
        String target = fk.get("reference").get("resource").asText();
        String targetField = fk.get("reference").get("fields").asText();
        Set<String> keys = new HashSet<>();
        tables.get(target).forEach(row -> keys.add(row.get(targetField)));
        for (Map<String, String> row : tables.get(r.get("name").asText())) {
          String v = row.get(field);
          assertTrue(
              v.isEmpty() || keys.contains(v),
              r.get("name").asText() + "." + field + " -> " + target + ": " + v);
        }
      }
    }
  }

  @Test
  void unknownDumpIsAProblem() {
    given()
        .get("/v1/dumps/nothing.csv")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given().get("/v1/dumps?x=1").then().statusCode(400).contentType("application/problem+json");
  }

  /** Checks one CSV against its Table Schema: header, types, constraints, primary key. */
  private static List<Map<String, String>> validateTable(JsonNode resource, byte[] bytes)
      throws IOException {
    JsonNode schema = resource.get("schema");
    List<String> names = new java.util.ArrayList<>();
    schema.get("fields").forEach(f -> names.add(f.get("name").asText()));
    List<Map<String, String>> rows = new java.util.ArrayList<>();
    try (CSVParser p =
        CSVParser.parse(
            new StringReader(new String(bytes, StandardCharsets.UTF_8)),
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
      assertEquals(names, p.getHeaderNames(), resource.get("path").asText() + " header");
      for (CSVRecord rec : p) {
        Map<String, String> row = new LinkedHashMap<>();
        for (JsonNode f : schema.get("fields")) {
          String name = f.get("name").asText();
          String v = rec.get(name);
          row.put(name, v);
          String where =
              resource.get("path").asText() + " line " + rec.getRecordNumber() + " " + name;
          JsonNode c = f.get("constraints");
          if (v.isEmpty()) {
            assertFalse(
                c != null && c.has("required") && c.get("required").asBoolean(),
                where + " is required");
            continue;
          }
          switch (f.get("type").asText()) {
            case "integer" -> assertTrue(v.matches("-?\\d+"), where + " integer: " + v);
            case "boolean" ->
                assertTrue(v.equals("true") || v.equals("false"), where + " boolean: " + v);
            case "date" -> java.time.LocalDate.parse(v);
            default -> {}
          }
          if (c != null && c.has("enum")) {
            Set<String> allowed = new HashSet<>();
            c.get("enum").forEach(e -> allowed.add(e.asText()));
            assertTrue(allowed.contains(v), where + " enum: " + v);
          }
          if (c != null && c.has("pattern")) {
            assertTrue(
                Pattern.compile(c.get("pattern").asText()).matcher(v).matches(),
                where + " pattern: " + v);
          }
        }
        rows.add(row);
      }
    }
    Set<String> keys = new HashSet<>();
    for (Map<String, String> row : rows) {
      StringBuilder k = new StringBuilder();
      schema.get("primaryKey").forEach(f -> k.append(row.get(f.asText())).append('|'));
      assertTrue(keys.add(k.toString()), resource.get("path").asText() + " duplicate key " + k);
    }
    return rows;
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        out.put(e.getName(), in.readAllBytes());
      }
    }
    return out;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
