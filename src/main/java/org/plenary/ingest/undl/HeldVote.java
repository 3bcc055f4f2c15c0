package org.plenary.ingest.undl;

import java.time.LocalDate;
import java.util.Map;

/**
 * A roll call the dataset holds (Voeten's, curated, or imported before): its vote id, the
 * resolution's symbol (null when none), the date, the tallies, the ballots it knows, whether it is
 * a vote on the whole text ({@code false} for a vote on an amendment or a paragraph), the Library
 * record an earlier import linked it to (null when none), its session ({@code "26"}, {@code
 * "ES-10"}; null when unknown) and whether its symbol is one the UN wrote ({@code false} for
 * Voeten's {@code R/10/196} of the sessions before the 31st, where no official symbol is recorded
 * and the number is often not the resolution's: {@link SameDecision} then also finds it by session,
 * date and tallies).
 */
public record HeldVote(
    String id,
    Symbol symbol,
    LocalDate date,
    Tallies tallies,
    Map<String, Ballot> ballots,
    boolean wholeText,
    Integer undlId,
    String session,
    boolean officialSymbol) {
  public HeldVote {
    ballots = Map.copyOf(ballots);
  }

  /** A vote whose symbol, if any, is official; its session the symbol's. */
  public HeldVote(
      String id,
      Symbol symbol,
      LocalDate date,
      Tallies tallies,
      Map<String, Ballot> ballots,
      boolean wholeText,
      Integer undlId) {
    this(
        id,
        symbol,
        date,
        tallies,
        ballots,
        wholeText,
        undlId,
        symbol == null ? null : symbol.session(),
        true);
  }

  /**
   * Whether Voeten's data wrote this symbol without it being official: {@code R/session/number} of
   * a session before the 31st (Voeten's README: "R/1/66 where no official symbol is recorded").
   */
  public static boolean unofficial(String written, Symbol symbol) {
    if (written == null || symbol == null || !written.strip().toUpperCase().startsWith("R/")) {
      return false;
    }
    String s = symbol.session();
    return s != null
        && s.chars().allMatch(Character::isDigit)
        && Integer.parseInt(s) < Symbol.FIRST_ARABIC_SESSION;
  }
}
