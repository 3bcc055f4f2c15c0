package org.plenary;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.plenary.seed.SeedFiles;

/**
 * The small dataset the code tests run on (src/test/resources/fixtures, a subset of seed-data cut
 * by scripts/cut-fixture; the %test profile loads it). Tests read the dataset's version and release
 * date from the service, never as literals, so a data release never breaks them.
 */
public final class Fixtures {
  private Fixtures() {}

  public static final Path DIR = Path.of("src", "test", "resources", "fixtures");

  /** The fixture files, as the %test profile loads them. */
  public static SeedFiles files() {
    return SeedFiles.directory(DIR);
  }

  /** Copies the fixture's CSV files into a directory, for a test to change them. */
  public static void copyTo(Path dir) throws IOException {
    try (var files = Files.list(DIR)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
  }

  private static JsonPath dataset() {
    return given().get("/v1/dataset").then().statusCode(200).extract().jsonPath();
  }

  /** The loaded dataset's version, as the service reports it. */
  public static String version() {
    return dataset().getString("data.version");
  }

  /** The loaded release's date (YYYY-MM-DD), as the service reports it. */
  public static String releaseDate() {
    JsonPath d = dataset();
    String version = d.getString("data.version");
    return d.getString("data.releases.find { it.version == '" + version + "' }.date");
  }
}
