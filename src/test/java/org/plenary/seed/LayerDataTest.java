package org.plenary.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published layers (seed-data/layers), checked against their sources' documented counts: a
 * dataset test, like SeedDataTest (the code tests run on the fixture's small layers).
 */
class LayerDataTest {
  private static final Path LAYERS = Path.of("seed-data", "layers");

  private static List<CSVRecord> rows(String file) throws IOException {
    InputStream in = Files.newInputStream(LAYERS.resolve(file));
    if (file.endsWith(".gz")) {
      in = new GZIPInputStream(in);
    }
    try (CSVParser p =
        CSVParser.parse(
            new InputStreamReader(in, StandardCharsets.UTF_8),
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
      return new ArrayList<>(p.getRecords());
    }
  }

  @Test
  void voetensHistoryHasEveryRollCallAndCountryVote() throws IOException {
    List<CSVRecord> votes = rows("voeten/votes.csv.gz");
    List<CSVRecord> links = rows("voeten/links.csv");
    // 6,203 roll calls: 6,201 votes of the layer, and the two curated votes that are rcid 6138,
    // 9087
    assertEquals(6201, votes.size());
    assertEquals(
        Map.of("a-res-73-187", "6138", "a-res-74-247", "9087"),
        new TreeMap<>(
            Map.of(
                links.get(0).get("id"), links.get(0).get("voeten_rcid"),
                links.get(1).get("id"), links.get(1).get("voeten_rcid"))));
    // 870,109 country votes: the layer's, and Voeten's 186 + 172 on the two curated roll calls
    // (compared with them, not copied: their yes + no + abstain, 94+59+33 and 79+60+33)
    List<CSVRecord> rollCalls = rows("voeten/roll_calls.csv.gz");
    assertEquals(870109 - 186 - 172, rollCalls.size());
    // in the order of roll_call's primary key (vote_id, delegation_id, as text), so that a first
    // start builds it from presorted rows
    for (int i = 1; i < rollCalls.size(); i++) {
      CSVRecord a = rollCalls.get(i - 1);
      CSVRecord b = rollCalls.get(i);
      int order = a.get("vote_id").compareTo(b.get("vote_id"));
      assertTrue(
          order < 0 || order == 0 && a.get("delegation_id").compareTo(b.get("delegation_id")) < 0,
          "row " + (i + 1) + " of roll_calls.csv.gz is out of the primary key's order");
    }
    long tallied =
        votes.stream()
            .mapToLong(
                r ->
                    Long.parseLong(r.get("yes"))
                        + Long.parseLong(r.get("no"))
                        + Long.parseLong(r.get("abstain")))
            .sum();
    assertEquals(870109 - 186 - 172, tallied, "the tallies are the counts of the rows");
    // absences are never counted
    assertEquals(0, votes.stream().filter(r -> !r.get("non_voting").isEmpty()).count());
    assertEquals(5745, rows("voeten/vote_topics.csv").size());
  }

  @Test
  void aSourcesLicenceNoticeGoesWithItsLayer(@TempDir Path tmp) throws IOException {
    // the veto list's MIT notice is in its published layer (Voeten's data, public domain, has none)
    String notice = Files.readString(LAYERS.resolve("sc-vetoes").resolve(Layers.LICENCE));
    assertTrue(
        notice.startsWith("MIT License")
            && notice.contains("Copyright (c) 2022 The World Politics Data Lab")
            && notice.contains("Permission is hereby granted"),
        notice);
    assertFalse(Files.exists(LAYERS.resolve("voeten").resolve(Layers.LICENCE)));
    // the application packages every file of the dataset, the notice too: the packaged files are
    // the directory's, to the checksum
    assertEquals(
        notice,
        new String(
            SeedFiles.packaged().read("layers/sc-vetoes/" + Layers.LICENCE).orElseThrow(),
            StandardCharsets.UTF_8));
    assertEquals(
        SeedReader.checksum(SeedFiles.directory(Path.of("seed-data"))),
        SeedReader.checksum(SeedFiles.packaged()));
    // the build copies a source's notice unchanged, and removes one its source no longer has
    Path source = Files.createDirectories(tmp.resolve("source"));
    Path layer = Files.createDirectories(tmp.resolve("layer"));
    Files.writeString(source.resolve("LICENSE"), "Notice\n\u00e9\n");
    LayerBuilder.copyLicence(source, layer);
    assertEquals("Notice\n\u00e9\n", Files.readString(layer.resolve(Layers.LICENCE)));
    Files.delete(source.resolve("LICENSE"));
    LayerBuilder.copyLicence(source, layer);
    assertFalse(Files.exists(layer.resolve(Layers.LICENCE)));
  }

  @Test
  void theVetoListHasEveryDraftAndEveryNamedMember() throws IOException {
    assertEquals(214, rows("sc-vetoes/votes.csv").size());
    Map<String, Integer> byMember = new TreeMap<>();
    for (CSVRecord r : rows("sc-vetoes/roll_calls.csv")) {
      byMember.merge(r.get("delegation_id"), 1, Integer::sum);
    }
    // the members member_veto1..3 name; the file's flag columns give USSR 84, USA 71, France 7
    assertEquals(
        Map.of("CHN", 17, "FRA", 16, "GBR", 29, "RUS", 31, "SUN", 90, "USA", 82), byMember);
  }
}
