package org.plenary.ingest.undl;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The summarize stage of an import: what was read ({@link RowReader.Read}: file, layout, SHA-256,
 * rows, warnings), what the merge did to each kind of record ({@code counts}, keyed by the kind:
 * {@code roll_calls}, {@code country_votes}, {@code delegations}, ...), the records found to be
 * ones already held ({@code linked}), the {@link Conflict}s, notes, and the dataset version before
 * and after (equal when the import changed nothing and published nothing).
 */
public record Summary(
    RowReader.Read read,
    Map<String, Counts> counts,
    List<String> linked,
    List<Conflict> conflicts,
    List<String> notes,
    String versionBefore,
    String versionAfter) {
  /** What the merge did to one kind of record. */
  public record Counts(long added, long changed, long unchanged) {
    public long total() {
      return added + changed + unchanged;
    }
  }

  public Summary {
    counts = Map.copyOf(counts);
    linked = List.copyOf(linked);
    conflicts = List.copyOf(conflicts);
    notes = List.copyOf(notes);
  }

  /** Whether the import published a new dataset version. */
  public boolean changed() {
    return !Objects.equals(versionBefore, versionAfter);
  }
}
