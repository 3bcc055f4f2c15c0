package org.plenary.newcomer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenary.WritingTestProfile;
import org.plenary.ingest.ImportCommand;
import org.plenary.ingest.UndlImporter;
import org.plenary.newcomer.ReadmeExamples.Block;
import org.plenary.newcomer.ReadmeExamples.Example;
import org.plenary.newcomer.ReadmeExamples.Run;

/**
 * The README walked as a newcomer walks it, on the published seed-data: every curl example run as
 * pasted (bash and the real curl), the General Assembly sample imported as the README says, its
 * printed summary compared with the README's, the examples that need the import, then the curation
 * flow (tokens, a change set, a review, a release) after the import. The versions the README names
 * are the ones the service gives.
 */
@QuarkusTest
@TestProfile(NewcomerProfile.class)
class NewcomerTest {
  @Inject UndlImporter importer;

  @TestHTTPResource("/")
  URL base;

  @TempDir Path dir;

  @Test
  void theReadmeRunsAsWrittenFromTheQuickStartToAReleaseAfterTheImport() {
    String readme = ReadmeExamples.walked();
    List<Block> blocks = ReadmeExamples.blocks(readme);
    String seedVersion = given().get("/v1/dataset").then().extract().path("data.version");

    // the versions the README and its pages show are the service's
    versionsNamed(readme, seedVersion);

    // the README itself answers ten questions with examples a journalist can paste
    long own =
        ReadmeExamples.blocks(ReadmeExamples.readme()).stream()
            .filter(b -> b.language().equals("sh"))
            .mapToLong(b -> ReadmeExamples.examples(b).size())
            .sum();
    assertTrue(own >= 10, "the README's own examples: " + own);

    List<Example> reads = new ArrayList<>();
    List<Example> afterImport = new ArrayList<>();
    List<Example> curation = new ArrayList<>();
    Block importOutput = null;
    for (Block b : blocks) {
      if (b.language().isEmpty()
          && !b.lines().isEmpty()
          && b.lines().get(0).startsWith("Reading ")) {
        importOutput = b;
      }
      if (!b.language().equals("sh")) {
        continue;
      }
      List<Example> examples = ReadmeExamples.examples(b);
      // a block with a command that needs a token is the curation flow, all of it in order
      boolean flow = examples.stream().anyMatch(Example::needsToken);
      for (Example e : examples) {
        if (flow) {
          curation.add(e);
        } else if (b.before().contains("With the General Assembly imported")) {
          afterImport.add(e);
        } else {
          reads.add(e);
        }
      }
    }
    assertTrue(reads.size() >= 28, "the README's read examples were found: " + reads.size());
    assertTrue(importOutput != null, "the README shows the import's output");

    Map<String, String> env = new HashMap<>();
    env.put("PLENARY_ADMIN_TOKEN", WritingTestProfile.ADMIN_TOKEN);
    for (Example e : reads) {
      ok(e, env);
    }

    // the import, of the file the README names, prints what the README shows
    String first = importOutput.lines().get(0);
    Path sample = Path.of(first.substring("Reading ".length(), first.length() - " ...".length()));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    long start = System.nanoTime();
    UndlImporter.Summary s = importer.importFile(sample, out::println);
    ImportCommand.print(out, s, (System.nanoTime() - start) / 1e9);
    assertEquals(
        timesMasked(String.join("\n", importOutput.lines())),
        timesMasked(bytes.toString(StandardCharsets.UTF_8).strip()),
        "the README's import output");
    for (Example e : afterImport) {
      ok(e, env);
    }

    // every record the import created cites a source: the historic states too
    for (String code : s.delegationsAdded()) {
      JsonPath d =
          given().get("/v1/delegations/" + code).then().statusCode(200).extract().jsonPath();
      assertEquals("ms_code " + code, d.getString("data.sources[0].locator"), code);
    }

    // the curation flow after the import: tokens, propose, approve, publish
    String recordBase = null;
    for (Example e : curation) {
      String command = e.command();
      if (command.contains("q3V...")) {
        assertTrue(recordBase != null, "step 1 gave the record's base");
        command = command.replace("q3V...", recordBase);
      }
      Run r = ok(new Example(command, e.assignments(), e.shownOutput()), env);
      JsonPath body = JsonPath.from(r.body());
      if (command.contains("/v1/tokens")) {
        String role = body.getString("data.role");
        env.put(role.toUpperCase(java.util.Locale.ROOT) + "_TOKEN", body.getString("data.token"));
      }
      if (command.contains("/v1/changes/records/")) {
        recordBase = body.getString("data.base");
      }
      for (String shown : e.shownOutput()) {
        int status = ReadmeExamples.shownStatus(shown);
        if (status != 0) {
          assertEquals(status, r.status(), e.command());
        }
        String compact = r.body().replace("\": ", "\":");
        for (String claim : ReadmeExamples.claims(shown)) {
          assertTrue(
              compact.contains(claim),
              claim + " in the answer to " + e.command() + ": " + r.body());
        }
      }
    }
    assertTrue(
        env.containsKey("EDITOR_TOKEN") && env.containsKey("REVIEWER_TOKEN"),
        env.keySet().toString());

    // what was published changed something: each operation's record before and after differ
    List<Map<String, Object>> released =
        given().get("/v1/changes?status=released").then().statusCode(200).extract().path("data");
    assertFalse(released.isEmpty(), "the README's change set was released");
    for (Map<String, Object> cs : released) {
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> ops = (List<Map<String, Object>>) cs.get("operations");
      for (Map<String, Object> op : ops) {
        assertNotEquals(op.get("before"), op.get("after"), "an empty change: " + op);
      }
    }
  }

  /** The versions the README names: the envelope's, a download's name, an import's release. */
  private static void versionsNamed(String readme, String seedVersion) {
    Set<String> named = new LinkedHashSet<>();
    Matcher m =
        Pattern.compile(
                "\"dataset_version\": \"([^\"]+)\"|plenary-(\\d+\\.\\d+\\.\\d+)-positions\\.csv"
                    + "|(\\d+\\.\\d+\\.\\d+)\\+undl\\.1")
            .matcher(readme);
    while (m.find()) {
      for (int g = 1; g <= 3; g++) {
        if (m.group(g) != null) {
          named.add(m.group(g));
        }
      }
    }
    assertEquals(Set.of(seedVersion), named, "the versions the README names");
  }

  private static String timesMasked(String text) {
    return text.replaceAll("\\[\\s*\\d+\\.\\d s\\]", "[t s]")
        .replaceAll(" in \\d+\\.\\d s", " in t s")
        .replaceAll("(SHA-256 [0-9a-f]{8})[0-9a-f]*(\\.\\.\\.)?", "$1...");
  }

  private Run ok(Example e, Map<String, String> env) {
    Run r = ReadmeExamples.run(e, base.getPort(), dir, env);
    assertEquals(0, r.exit(), e.command() + " exited " + r.exit() + ": " + r.stderr());
    assertTrue(
        r.status() >= 200 && r.status() < 300,
        e.command() + " answered " + r.status() + ": " + r.body());
    return r;
  }
}
