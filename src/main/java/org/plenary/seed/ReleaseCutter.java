package org.plenary.seed;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Cuts a release of a dataset directory: validates the files as the loader does, then adds a row to
 * releases.csv with the version, the date, what changed, and the data's checksum. It refuses a
 * version not higher than the last one and data unchanged since the last release. Run through
 * {@code scripts/release VERSION "what changed"} (the command line's {@code release}).
 */
public final class ReleaseCutter {
  private ReleaseCutter() {}

  /** A release refused; the message says why. */
  public static final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }

  /** Adds the release row and returns the data's checksum. */
  public static String release(Path dir, String version, String changes, LocalDate date)
      throws Refused, IOException {
    if (!version.matches("\\d+\\.\\d+\\.\\d+")) {
      throw new Refused("version '" + version + "' is not MAJOR.MINOR.PATCH, e.g. 1.0.1");
    }
    if (changes.isBlank()) {
      throw new Refused("say what changed");
    }
    SeedFiles files = SeedFiles.directory(dir);
    SeedReader.SeedData data = SeedReader.read(files); // refuses inconsistent data, as the loader
    String last = data.version();
    if (SeedReader.compareVersions(version, last) <= 0) {
      throw new Refused("version " + version + " is not higher than the last release, " + last);
    }
    SeedReader.Row lastRow =
        data.table("release").stream()
            .filter(r -> r.text("version").equals(last))
            .findFirst()
            .orElseThrow();
    String sha = SeedReader.dataChecksum(files);
    if (sha.equals(lastRow.text("data_sha256"))) {
      throw new Refused("the data has not changed since release " + last + " (" + sha + ")");
    }
    if (date.isBefore((LocalDate) lastRow.get("date"))) {
      throw new Refused(
          "date " + date + " is before release " + last + " of " + lastRow.get("date"));
    }

    Path file = dir.resolve("releases.csv");
    List<List<String>> rows = new ArrayList<>();
    List<String> header;
    try (CSVParser p =
        CSVParser.parse(
            new StringReader(Files.readString(file, StandardCharsets.UTF_8)),
            CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).build())) {
      List<CSVRecord> records = p.getRecords();
      header = records.get(0).toList();
      for (CSVRecord r : records.subList(1, records.size())) {
        rows.add(r.toList());
      }
    }
    rows.add(List.of(version, date.toString(), changes, sha));
    // primary-key order, byte-wise: how the dumps write the table, so they stay byte-identical
    rows.sort(Comparator.comparing(r -> r.get(header.indexOf("version"))));
    StringBuilder out = new StringBuilder();
    line(out, header);
    rows.forEach(r -> line(out, r));
    Files.writeString(file, out, StandardCharsets.UTF_8);
    SeedReader.read(files); // the new file reads back
    return sha;
  }

  /** One CSV line as PostgreSQL's COPY writes it: a field is quoted only when it must be. */
  private static void line(StringBuilder out, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      String f = fields.get(i);
      if (i > 0) {
        out.append(',');
      }
      if (f.isEmpty() || f.matches("(?s).*[,\"\r\n].*")) {
        out.append('"').append(f.replace("\"", "\"\"")).append('"');
      } else {
        out.append(f);
      }
    }
    out.append('\n');
  }
}
