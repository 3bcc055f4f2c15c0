package org.plenary.seed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.Fixtures;
import org.plenary.WritingTestProfile;
import org.plenary.dataset.DatasetState;
import org.plenary.dataset.SeedLoader;
import org.plenary.http.HttpCache;
import org.plenary.ingest.LibraryImporter;
import org.plenary.ingest.UndlImporter;
import org.plenary.ingest.undl.TestFiles;

/**
 * A layer loaded before is reloaded in place when its files change (a new release of Voeten's
 * history or the veto list): without imports the result is what a first load of the same files
 * gives, byte for byte; after a Library import, what the import linked to the layer's votes stays,
 * and what it linked to a vote the layer dropped is removed with a warning. In a database of its
 * own (the fixture and the voting-record tests' small layers); the methods run in order.
 */
@QuarkusTest
@TestProfile(LayerReloadTest.Profile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LayerReloadTest {
  static final Path LAYERS = Path.of("src", "test", "resources", "fixtures", "record-layers");

  /** The fixture with the small layers, in a database of its own. */
  public static class Profile extends WritingTestProfile {
    @Override
    public String database() {
      return "plenary_layer_reload";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("plenary.admin-token", ADMIN_TOKEN, "plenary.layers-dir", LAYERS.toString());
    }
  }

  /** What a client and the start-up check see of the layers. */
  private static final List<String> URLS =
      List.of(
          "/v1/votes/voeten-4237",
          "/v1/votes/voeten-3540",
          "/v1/votes/voeten-3540/roll-call?limit=1000",
          "/v1/votes?limit=1000",
          "/v1/conflicts",
          "/v1/topics",
          "/v1/delegations/YUG",
          "/v1/votes/sc-veto-s-pv-23/roll-call",
          "/v1/roll-calls.csv?vote_id=voeten-4237");

  @Inject SeedLoader loader;
  @Inject LibraryImporter importer;
  @Inject UndlImporter undl;
  @Inject org.plenary.TestSql engine;
  @Inject HttpCache cache;
  @Inject DatasetState state;
  @TempDir Path tmp;

  @Test
  @Order(1)
  void aChangedLayerIsUpdatedInPlaceAndTheSameFilesGiveWhatAFirstLoadGives() throws IOException {
    engine.awaitWriters(); // this profile's first start records its checksums after ready
    Map<String, Object> first = snapshot();
    Path changed = changedLayers("changed");

    Map<String, Integer> rows = loader.load(SeedFiles.withLayers(Fixtures.files(), changed));

    // the new release: a vote dropped, one vote's subject corrected, every row of the layer dated
    // with it, vote ids unchanged
    given().get("/v1/votes/voeten-3540").then().statusCode(404);
    given()
        .get("/v1/votes/voeten-4237")
        .then()
        .statusCode(200)
        .body("data.subject", is("LEBANON, INTERIM FORCE"))
        .body("data.updated_at", is("2020-03-01T00:00:00.000000Z"))
        .body("data.created_at", is("2020-03-01T00:00:00.000000Z"));
    given().get("/v1/votes/voeten-3").then().statusCode(200);
    given().get("/v1/delegations/YUG").then().statusCode(404);
    assertTrue(rows.get("vote") > 0, "votes changed: " + rows);
    // the first release's files again: the same rows, checksums and bytes as a first start
    loader.load(SeedFiles.withLayers(Fixtures.files(), LAYERS));
    Map<String, Object> again = snapshot();
    for (String key : first.keySet()) {
      assertEquals(first.get(key), again.get(key), key);
    }
  }

  @Test
  @Order(2)
  void aReloadAfterALibraryImportKeepsWhatTheImportLinked() throws IOException {
    LibraryImporter.Result result =
        run(
            TestFiles.GA_OUTCOMES,
            "2026_02_06_ga_outcomes.csv",
            // Voeten's voeten-4237: the same decision, the file's documents and subjects
            "9001,A/RES/54/267,54,2000-06-06,Financing of the UNIFIL : resolution / adopted by the"
                + " General Assembly,\"Vote, recorded\",A/54/L.1,A/54/900,A/54/PV.100,"
                + "Financing of UNIFIL,LEBANON|PEACEKEEPING OPERATIONS,,110,2,0,,,"
                + "https://digitallibrary.un.org/record/9001",
            // Voeten's voeten-3540: the file says 3 against, Voeten 2 (a conflict)
            "9002,A/RES/45/67 B,45,1990-12-05,Question of Palestine,\"Vote, recorded\",,,,"
                + "Question of Palestine,PALESTINE QUESTION,,121,3,22,,,");
    // both decisions are the layer's votes: no second copy
    assertEquals(
        List.of("voeten-3540", "voeten-4237"),
        result.linked().stream().map(l -> l.split(" ")[0]).sorted().toList());
    // a Council vote of the veto list's body, a roll call of its own
    run(
        TestFiles.SC,
        "2026_02_06_sc_voting.csv",
        "9103,CHN,CHINA,True,A,2019-12-06,S/RES/2502 (2019),,S/PV.8700,Syria,"
            + "The situation in the Middle East,,,,,,,,Vote,",
        "9103,USA,UNITED STATES,True,Y,2019-12-06,S/RES/2502 (2019),,S/PV.8700,Syria,"
            + "The situation in the Middle East,,,,,,,,Vote,");
    // a roll call of the General Assembly's voting file: Voeten's voeten-5435, which gains the
    // Library's record number and the time of that change
    Path voting = tmp.resolve("ga.csv");
    Files.write(
        voting,
        List.of(
            TestFiles.GA_2026,
            "88001,BRA,BRAZIL,Y,2015-12-09,70,A/RES/70/87,,,,Israeli practices,,,,92,9,75,,,",
            "88001,USA,UNITED STATES,N,2015-12-09,70,A/RES/70/87,,,,Israeli practices,,,,92,9,75,,,",
            // a new vote, with a ballot of a historic state the layer holds
            "88003,YUG,YUGOSLAVIA,Y,2015-11-25,70,A/RES/70/999,,,,Something else,,,,1,0,0,,,"));
    assertTrue(undl.importFile(voting, line -> {}).changed());
    String recorded = "select undl_id, session, resolution, updated_at from vote where id = ?";
    Map<String, Object> linkedByRecord = engine.rows(recorded, "voeten-5435").get(0);
    assertEquals(88001, linkedByRecord.get("undl_id"));
    List<Map<String, Object>> council =
        engine.rows(
            "select id, body_id from vote where origin = 'undl' and body_id = 'security-council'");
    Map<String, Object> linked = linkedTo("voeten-4237");
    assertEquals(4L, linked.get("vote_document"), linked.toString());
    assertTrue((Long) linked.get("vote_topic") > 0, linked.toString());
    Map<String, Object> dropped = linkedTo("voeten-3540");
    assertEquals(1L, dropped.get("conflict"), dropped.toString());
    Object undlId = engine.rows("select undl_id from vote where id = 'voeten-4237'").get(0);

    // a new release of the seed files with a new release of both layers
    Path seed = Files.createDirectories(tmp.resolve("seed"));
    Fixtures.copyTo(seed);
    Files.writeString(
        seed.resolve("releases.csv"), "1.0.1,2026-12-01,New layers,x\n", StandardOpenOption.APPEND);
    Path layers = changedLayers("after-import");
    List<String> warnings = new ArrayList<>();
    Handler handler = warnings(warnings);
    java.util.logging.Logger.getLogger("org.plenary.seed").addHandler(handler);
    try {
      loader.load(SeedFiles.withLayers(SeedFiles.directory(seed), layers));
    } finally {
      java.util.logging.Logger.getLogger("org.plenary.seed").removeHandler(handler);
    }
    cache.clear();

    // the vote the layer keeps keeps what the import linked: its record, documents, topics,
    // citations; the layer's own values are the new release's
    assertEquals(linked, linkedTo("voeten-4237"));
    assertEquals(undlId, engine.rows("select undl_id from vote where id = 'voeten-4237'").get(0));
    assertEquals(linkedByRecord, engine.rows(recorded, "voeten-5435").get(0));
    given().get("/v1/votes?undl_id=88001").then().body("data.id", contains("voeten-5435"));
    given()
        .get("/v1/votes/voeten-4237")
        .then()
        .statusCode(200)
        .body("data.subject", is("LEBANON, INTERIM FORCE"))
        .body(
            "data.documents.symbol",
            contains("A/54/900", "A/54/L.1", "A/54/PV.100", "A/RES/54/267"))
        .body("data.sources.id", hasItem("voeten-unga-voting"))
        .body(
            "data.sources.locator",
            hasItem("undl_id 9001 (https://digitallibrary.un.org/record/9001)"));
    assertEquals(1, council.size(), council.toString());
    given()
        .get("/v1/votes/" + council.get(0).get("id"))
        .then()
        .statusCode(200)
        .body("data.body_id", is("security-council"));
    assertEquals(
        "sc-vetoes",
        engine.rows("select origin from body where id = 'security-council'").get(0).get("origin"));
    // the vote the layer dropped is gone with what the import linked to it, said in the log
    given().get("/v1/votes/voeten-3540").then().statusCode(404);
    assertEquals(
        Map.of(
            "vote_topic", 0L, "vote_document", 0L, "conflict", 0L, "roll_call", 0L, "citation", 0L),
        linkedTo("voeten-3540"));
    String warning =
        warnings.stream().filter(w -> w.contains("voeten-3540")).findFirst().orElse("none");
    assertTrue(
        warning.startsWith("Layer voeten no longer has vote voeten-3540: removed what imports")
            && warning.contains("1 conflict row(s)")
            && warning.contains("importing their file again"),
        warnings.toString());
    // a row the layer dropped that an import still refers to is kept, said in the log
    given().get("/v1/delegations/YUG").then().statusCode(200).body("data.name", is("Yugoslavia"));
    given()
        .get("/v1/votes/undl-88003/roll-call")
        .then()
        .statusCode(200)
        .body("data.delegation_id", contains("YUG"));
    assertTrue(
        warnings.contains(
            "Layer voeten no longer has 1 row(s) of delegation that other rows still refer to:"
                + " kept (YUG)"),
        warnings.toString());
    // the content is what the checksums recorded: the next start verifies it and loads nothing
    assertTrue(
        loader.load(SeedFiles.withLayers(SeedFiles.directory(seed), layers)).isEmpty(),
        "nothing to reload");
    // importing the file again makes that record a vote of its own
    run(
        TestFiles.GA_OUTCOMES,
        "2026_02_06_ga_outcomes.csv",
        "9002,A/RES/45/67 B,45,1990-12-05,Question of Palestine,\"Vote, recorded\",,,,"
            + "Question of Palestine,PALESTINE QUESTION,,121,3,22,,,");
    given().get("/v1/votes/undl-9002").then().statusCode(200).body("data.no", is(3));
  }

  @Test
  @Order(3)
  void aLayersLicenceNoticeIsLoadedWithItsFilesAndGoesIntoTheDumps() throws IOException {
    Path layers = tmp.resolve("licence");
    for (String layer : List.of("voeten", "sc-vetoes")) {
      Path to = Files.createDirectories(layers.resolve(layer));
      try (var files = Files.list(LAYERS.resolve(layer))) {
        for (Path f : files.toList()) {
          Files.copy(f, to.resolve(f.getFileName().toString()));
        }
      }
    }
    Path notice = layers.resolve("sc-vetoes").resolve(Layers.LICENCE);
    // a new notice is a change of the layer's files: loaded with them, and in the next dumps
    Files.writeString(notice, "A notice of this test's own\n", StandardCharsets.UTF_8);
    loader.load(SeedFiles.withLayers(Fixtures.files(), layers));
    assertEquals("A notice of this test's own\n", licence("sc-vetoes"));
    assertEquals(null, licence("voeten"), "Voeten's data is in the public domain: no notice");
    engine.awaitWriters();
    cache.clear();
    String readme = given().get("/v1/dumps/README.md").then().statusCode(200).extract().asString();
    assertTrue(
        readme.contains(
            " come with this licence notice, which goes with every copy of them:\n\n```\nA notice of this test's own\n```"),
        readme);
    // a notice the source no longer has goes too
    Files.delete(notice);
    loader.load(SeedFiles.withLayers(Fixtures.files(), layers));
    assertEquals(null, licence("sc-vetoes"));
    // the published files again
    loader.load(SeedFiles.withLayers(Fixtures.files(), LAYERS));
    assertEquals(
        Files.readString(LAYERS.resolve("sc-vetoes").resolve(Layers.LICENCE)),
        licence("sc-vetoes"));
  }

  private String licence(String layer) {
    return (String)
        engine.rows("select licence from layer where name = ?", layer).get(0).get("licence");
  }

  /** The rows of each kind an import may link to a vote. */
  private Map<String, Object> linkedTo(String vote) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String table : List.of("vote_topic", "vote_document", "conflict", "roll_call")) {
      out.put(
          table,
          engine
              .rows(
                  "select count(*) as n from " + table + " where vote_id = ? and origin = 'undl'",
                  vote)
              .get(0)
              .get("n"));
    }
    out.put(
        "citation",
        engine
            .rows(
                "select count(*) as n from citation where record_id = ? and origin = 'undl'", vote)
            .get(0)
            .get("n"));
    return out;
  }

  /** Imports a Library file of these lines; what the import did (it changed the dataset). */
  private LibraryImporter.Result run(String header, String name, String... lines)
      throws IOException {
    List<String> all = new ArrayList<>(List.of(header));
    all.addAll(List.of(lines));
    Path file = tmp.resolve(name);
    Files.writeString(file, String.join("\n", all) + "\n", StandardCharsets.UTF_8);
    LibraryImporter.Result r = importer.importFile(file);
    assertTrue(r.changed(), r.toString());
    return r;
  }

  /** The content checksums recorded, the row counts, and each URL's status, ETag and bytes. */
  private Map<String, Object> snapshot() {
    cache.clear();
    state.refresh();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(
        "checksums",
        engine
            // the content's checksums (the fingerprints beside them read xmin: rows rewritten)
            .rows(
                "select checksum, content_checksums -> 'tables' as c, import_checksum from"
                    + " dataset_state")
            .get(0)
            .toString());
    out.put("rows", state.loaded().rowCounts());
    for (String url : URLS) {
      Response r = given().get(url);
      out.put(url, r.statusCode() + " " + r.header("ETag") + " " + r.asString());
    }
    return out;
  }

  /**
   * A new release of the small layers: Voeten's drops voeten-3540 (its rows with it) and corrects a
   * subject, dated 2020-03-01; the veto list is dated anew.
   */
  private Path changedLayers(String name) throws IOException {
    Path out = tmp.resolve(name);
    for (String layer : List.of("voeten", "sc-vetoes")) {
      Path from = LAYERS.resolve(layer);
      Path to = Files.createDirectories(out.resolve(layer));
      try (var files = Files.list(from)) {
        for (Path f : files.toList()) {
          String file = f.getFileName().toString();
          List<String> lines = new ArrayList<>();
          try (InputStream in =
              file.endsWith(".gz")
                  ? new GZIPInputStream(Files.newInputStream(f))
                  : Files.newInputStream(f)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
              if (layer.equals("voeten")
                  && (line.contains("\"voeten-3540\"") || line.contains("\"YUG\""))) {
                continue;
              }
              lines.add(
                  line.replace("\"LEBANON, INTERM FORCE\"", "\"LEBANON, INTERIM FORCE\"")
                      .replaceFirst("^(\"" + layer + "\"),\"[0-9-]+\"", "$1,\"2020-03-01\""));
            }
          }
          Files.writeString(
              to.resolve(file.replace(".gz", "")),
              String.join("\n", lines) + "\n",
              StandardCharsets.UTF_8);
        }
      }
    }
    return out;
  }

  private static Handler warnings(List<String> into) {
    return new Handler() {
      @Override
      public void publish(LogRecord r) {
        if (r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
          into.add(
              r instanceof org.jboss.logmanager.ExtLogRecord e
                  ? e.getFormattedMessage()
                  : r.getMessage());
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }
}
