package org.plenary.ingest.undl;

import java.time.LocalDate;
import java.util.Map;

/**
 * A roll call the dataset holds (Voeten's, curated, or imported before): its vote id, the
 * resolution's symbol (null when none), the date, the tallies, the ballots it knows, whether it is
 * a vote on the whole text ({@code false} for a vote on an amendment or a paragraph), and the
 * Library record an earlier import linked it to (null when none).
 */
public record HeldVote(
    String id,
    Symbol symbol,
    LocalDate date,
    Tallies tallies,
    Map<String, Ballot> ballots,
    boolean wholeText,
    Integer undlId) {
  public HeldVote {
    ballots = Map.copyOf(ballots);
  }
}
