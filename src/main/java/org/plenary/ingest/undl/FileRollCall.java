package org.plenary.ingest.undl;

import java.time.LocalDate;
import java.util.Map;

/**
 * A roll call as a Library voting file has it: its record ({@code undlId}), the resolution as
 * written and its symbol (null when it has none), the date, the tallies (the file's totals, else
 * the count of its rows) and each member's ballot (only the members the file lists).
 */
public record FileRollCall(
    int undlId,
    String resolution,
    Symbol symbol,
    LocalDate date,
    Tallies tallies,
    Map<String, Ballot> ballots) {
  public FileRollCall {
    ballots = Map.copyOf(ballots);
  }
}
