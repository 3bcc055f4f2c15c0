package org.plenary.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The dataset version is bumped whenever seed-data changes: the latest release records its data.
 */
class SeedDataReleaseTest {

  @Test
  void latestReleaseRecordsTheChecksumOfTheSeedData() {
    SeedFiles files = SeedFiles.directory(Path.of("seed-data"));
    SeedReader.SeedData data = SeedReader.read(files);
    String recorded =
        data.table("release").stream()
            .filter(r -> r.text("version").equals(data.version()))
            .findFirst()
            .orElseThrow()
            .text("data_sha256");
    String actual = SeedReader.dataChecksum(files);
    assertEquals(
        actual,
        recorded,
        "seed-data changed since release "
            + data.version()
            + ": add a row to seed-data/releases.csv with a new version, the date, what changed,"
            + " and data_sha256 "
            + actual);
  }
}
