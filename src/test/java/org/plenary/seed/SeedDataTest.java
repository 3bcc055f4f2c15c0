package org.plenary.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plenary.seed.SeedReader.Row;
import org.plenary.seed.SeedReader.SeedData;

/**
 * Dataset tests: the published seed-data is right. They read seed-data/ through the loader's reader
 * and validator (no service, no database), so they check the data that ships, while the code tests
 * run on the fixture. A data release may change what they check only where the published facts
 * change.
 */
class SeedDataTest {
  private static final SeedFiles SEED_DATA = SeedFiles.directory(Path.of("seed-data"));
  private static SeedData data;

  @BeforeAll
  static void read() {
    data = SeedReader.read(SEED_DATA); // the loader's validation: refuses inconsistent data
  }

  @Test
  void latestReleaseRecordsTheChecksumOfTheSeedData() {
    String recorded = release(data.version()).text("data_sha256");
    String actual = SeedReader.dataChecksum(SEED_DATA);
    assertEquals(
        actual,
        recorded,
        "seed-data changed since release "
            + data.version()
            + ": cut a release with scripts/release VERSION \"what changed\"");
  }

  @Test
  void theResolutionThatOpenedTheNegotiations() {
    assertTallies("a-res-74-247", 79, 60, 33, 21);
    assertEquals("complete", vote("a-res-74-247").text("roll_call_status"));
    assertEquals(193, rollCall("a-res-74-247").size());
  }

  @Test
  void the2018Resolution() {
    assertTallies("a-res-73-187", 94, 59, 33, 7);
    assertEquals("complete", vote("a-res-73-187").text("roll_call_status"));
    assertEquals(193, rollCall("a-res-73-187").size());
  }

  @Test
  void theIranProposalKeepsItsUnknowns() {
    String id = "ahc-2024-08-08-iran-delete-art-6-2";
    Row vote = vote(id);
    assertEquals(23, vote.get("yes"));
    assertEquals(102, vote.get("no"));
    assertNull(vote.get("abstain"), "no source gives the abstentions");
    assertEquals("rejected", vote.text("outcome"));
    assertEquals("partial", vote.text("roll_call_status"));
    assertEquals(Map.of("yes", 7L), countBallots(rollCall(id)), "the seven known supporters");
  }

  @Test
  void rollCallsAddUp() {
    for (Row vote : data.table("vote")) {
      String id = vote.text("id");
      Map<String, Long> counts = countBallots(rollCall(id));
      switch (vote.text("roll_call_status")) {
        case "complete" -> {
          for (String ballot : Vocabulary.BALLOT.terms()) {
            assertEquals(
                vote.get(ballot) == null ? null : ((Number) vote.get(ballot)).longValue(),
                counts.getOrDefault(ballot, 0L),
                id + " " + ballot);
          }
        }
        case "partial" -> {
          for (var e : counts.entrySet()) {
            Object tally = vote.get(e.getKey());
            assertTrue(
                tally == null || ((Number) tally).longValue() >= e.getValue(),
                id + ": more " + e.getKey() + " in the roll call than in the tally");
          }
        }
        default -> assertTrue(counts.isEmpty(), id + " has no roll call but rows");
      }
    }
  }

  @Test
  void everyRecordCitesASource() {
    Map<String, Set<String>> cited =
        data.table("citation").stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.text("record_type"),
                    Collectors.mapping(r -> r.text("record_id"), Collectors.toSet())));
    for (String type : Schema.MUST_CITE) {
      String idColumn = type.equals("roll_call") ? "vote_id" : "id";
      for (Row r : data.table(type)) {
        assertTrue(
            cited.getOrDefault(type, Set.of()).contains(r.text(idColumn)),
            type + " '" + r.text(idColumn) + "' cites no source");
      }
    }
  }

  @Test
  void everyMemberStateAndTheEuropeanUnion() {
    List<Row> delegations = data.table("delegation");
    assertEquals(
        193, delegations.stream().filter(r -> Boolean.TRUE.equals(r.get("un_member"))).count());
    assertTrue(delegations.stream().anyMatch(r -> r.text("id").equals("EUU")));
  }

  private static void assertTallies(String id, int yes, int no, int abstain, int nonVoting) {
    Row vote = vote(id);
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("yes", yes);
    expected.put("no", no);
    expected.put("abstain", abstain);
    expected.put("non_voting", nonVoting);
    Map<String, Object> actual = new LinkedHashMap<>();
    for (String ballot : Vocabulary.BALLOT.terms()) {
      actual.put(ballot, vote.get(ballot));
    }
    assertEquals(expected, actual, id);
    assertEquals(
        countBallots(rollCall(id)),
        Map.of(
            "yes",
            (long) yes,
            "no",
            (long) no,
            "abstain",
            (long) abstain,
            "non_voting",
            (long) nonVoting),
        id + ": the roll call");
  }

  private static Row vote(String id) {
    return data.table("vote").stream()
        .filter(r -> r.text("id").equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no vote " + id));
  }

  private static Row release(String version) {
    return data.table("release").stream()
        .filter(r -> r.text("version").equals(version))
        .findFirst()
        .orElseThrow();
  }

  private static List<Row> rollCall(String voteId) {
    return data.table("roll_call").stream().filter(r -> r.text("vote_id").equals(voteId)).toList();
  }

  private static Map<String, Long> countBallots(List<Row> rows) {
    return rows.stream().collect(Collectors.groupingBy(r -> r.text("vote"), Collectors.counting()));
  }
}
