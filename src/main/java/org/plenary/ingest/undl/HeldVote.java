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
 * date and tallies) and whether its date is not the meeting's ({@code approximateDate}: Voeten's
 * dates before the {@link #FIRST_SESSION_DATED_BY_MEETING}th session; {@link SameDecision} then
 * also finds it in its session whatever the date).
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
    boolean officialSymbol,
    boolean approximateDate) {
  public HeldVote {
    ballots = Map.copyOf(ballots);
  }

  /**
   * The first General Assembly session whose roll calls Voeten's data dates by their meeting.
   * Before it, a quarter to a third of its roll calls of every five sessions fall on a Saturday or
   * a Sunday (the 26th to 30th sessions: 141 of 475; 1 January 1946 and 1952 for six), against 1 to
   * 3% from the 56th on; where the UN's date is known it differs (A/RES/2758(XXVI), 25 October
   * 1971: Voeten 7 October; A/RES/2792(XXVI), 6 December 1971: Voeten 5 December).
   */
  public static final int FIRST_SESSION_DATED_BY_MEETING = 56;

  /**
   * Whether a roll call of Voeten's of this session (a number, or ES-10, ...) is dated otherwise.
   */
  public static boolean voetenDateApproximate(String session) {
    return numberedBefore(session, FIRST_SESSION_DATED_BY_MEETING);
  }

  /** Whether {@code session} is a regular session's number (not ES-10, ...) below {@code first}. */
  private static boolean numberedBefore(String session, int first) {
    return session != null
        && !session.isEmpty()
        && session.chars().allMatch(Character::isDigit)
        && Integer.parseInt(session) < first;
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
        true,
        false);
  }

  /**
   * Whether Voeten's data wrote this symbol without it being official: {@code R/session/number} of
   * a session before the 31st (Voeten's README: "R/1/66 where no official symbol is recorded").
   */
  public static boolean unofficial(String written, Symbol symbol) {
    if (written == null || symbol == null || !written.strip().toUpperCase().startsWith("R/")) {
      return false;
    }
    return numberedBefore(symbol.session(), Symbol.FIRST_ARABIC_SESSION);
  }
}
