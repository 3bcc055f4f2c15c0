package org.plenary.ingest.undl;

import java.util.Locale;

/** How a resolution was adopted, from the Library's {@code modality}. */
public enum AdoptionMethod {
  RECORDED_VOTE("recorded"),
  NON_RECORDED_VOTE("non_recorded"),
  WITHOUT_VOTE("without_vote");

  private final String code;

  AdoptionMethod(String code) {
    this.code = code;
  }

  /** The dataset's name: recorded, non_recorded, without_vote. */
  public String code() {
    return code;
  }

  /**
   * Reads a {@code modality}, without regard to case or spacing: {@code Vote, recorded} or {@code
   * Recorded vote} (the Security Council's {@code Vote}, and the September 2024 voting file's
   * {@code Adopted with a vote}: a recorded vote); {@code Vote, non-recorded}; {@code Without a
   * vote} or {@code Without Vote}. Null for anything else.
   */
  public static AdoptionMethod parse(String modality) {
    String m =
        modality.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s,]+", " ").replace(" a ", " ");
    return switch (m) {
      case "vote", "vote recorded", "recorded vote", "recorded", "with vote", "adopted with vote" ->
          RECORDED_VOTE;
      case "vote non-recorded", "non-recorded vote", "vote non recorded", "non-recorded" ->
          NON_RECORDED_VOTE;
      case "without vote", "without a vote", "adopted without vote" -> WITHOUT_VOTE;
      default -> null;
    };
  }
}
