package org.plenary.ingest.undl;

/**
 * A difference between what the dataset holds and what an imported file says of the same record:
 * the vote, the field ({@code yes}, {@code no}, {@code abstain}, {@code non_voting} for a tally,
 * {@code ballot} for a member's ballot), the delegation (a ballot's; null for a tally), and each
 * side's value (null where that side has none). The import keeps what the dataset holds.
 */
public record Conflict(String vote, String field, String delegation, String held, String file) {
  @Override
  public String toString() {
    return vote
        + ": "
        + field
        + (delegation == null ? "" : " of " + delegation)
        + " is "
        + (held == null ? "absent" : held)
        + " in the dataset, "
        + (file == null ? "absent" : file)
        + " in the file";
  }
}
