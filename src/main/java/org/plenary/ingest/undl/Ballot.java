package org.plenary.ingest.undl;

/** A member's ballot on a roll call, as the dataset names it. */
public enum Ballot {
  YES("yes"),
  NO("no"),
  ABSTAIN("abstain"),
  NON_VOTING("non_voting");

  private final String code;

  Ballot(String code) {
    this.code = code;
  }

  /** The dataset's name: yes, no, abstain, non_voting. */
  public String code() {
    return code;
  }

  /**
   * The Library's letter: Y, N, A; X, NV (the 2024 file) or empty for a member that did not vote;
   * null for anything else.
   */
  public static Ballot ofLetter(String letter) {
    return switch (letter.trim().toUpperCase(java.util.Locale.ROOT)) {
      case "Y" -> YES;
      case "N" -> NO;
      case "A" -> ABSTAIN;
      case "X", "NV", "" -> NON_VOTING;
      default -> null;
    };
  }
}
