package org.plenary.ingest.undl;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Gathers a voting file's rows (one per member) into its roll calls, checking that the rows of one
 * roll call agree on its date and totals and list each member once; a row that does not is refused
 * with its line. Hand it each row as the reader reads it ({@code reader.read(file,
 * collector::add)}), then take {@link #rollCalls()}.
 */
public final class RollCallCollector {
  private final Path file;
  private final Map<Integer, Building> byId = new LinkedHashMap<>();

  public RollCallCollector(Path file) {
    this.file = file;
  }

  private static final class Building {
    final long firstLine;
    final String resolution;
    final Symbol symbol;
    final LocalDate date;
    final Tallies totals;
    final int[] counts = new int[4];
    final Map<String, Ballot> ballots = new HashMap<>();

    Building(long firstLine, String resolution, Symbol symbol, LocalDate date, Tallies totals) {
      this.firstLine = firstLine;
      this.resolution = resolution;
      this.symbol = symbol;
      this.date = date;
      this.totals = totals;
    }
  }

  /** A row of the General Assembly voting file. */
  public void add(GaVote v) {
    add(
        v.undlId(),
        v.line(),
        v.resolution(),
        v.symbol(),
        v.date(),
        v.tallies(),
        v.memberCode(),
        v.ballot());
  }

  /**
   * A row of the Security Council voting file; the rows of a resolution adopted without a vote (no
   * ballot) make no roll call.
   */
  public void add(ScVote v) {
    if (v.ballot() != null) {
      add(
          v.undlId(),
          v.line(),
          v.resolution(),
          v.symbol(),
          v.date(),
          v.tallies(),
          v.memberCode(),
          v.ballot());
    }
  }

  private void add(
      int undlId,
      long line,
      String resolution,
      Symbol symbol,
      LocalDate date,
      Tallies totals,
      String member,
      Ballot ballot) {
    Building b = byId.get(undlId);
    if (b == null) {
      b = new Building(line, resolution, symbol, date, totals);
      byId.put(undlId, b);
    } else {
      if (!date.equals(b.date)) {
        throw new Refused(
            file,
            line,
            String.format(
                "roll call %d has the date '%s' here but '%s' on line %d: the rows of one roll"
                    + " call must agree on its date",
                undlId, date, b.date, b.firstLine));
      }
      if (!totals.equals(b.totals)) {
        throw new Refused(
            file,
            line,
            String.format(
                "roll call %d has the totals %s here but %s on line %d: the rows of one roll call"
                    + " must agree on its totals",
                undlId, text(totals), text(b.totals), b.firstLine));
      }
      if (!Objects.equals(resolution, b.resolution)) {
        throw new Refused(
            file,
            line,
            String.format(
                "roll call %d is of resolution '%s' here but '%s' on line %d",
                undlId, resolution, b.resolution, b.firstLine));
      }
    }
    if (b.ballots.putIfAbsent(member, ballot) != null) {
      throw new Refused(
          file, line, "roll call " + undlId + " lists " + member + " twice (a second row for it)");
    }
    b.counts[ballot.ordinal()]++;
  }

  /** The roll calls in the order of their first row. */
  public List<FileRollCall> rollCalls() {
    List<FileRollCall> out = new ArrayList<>(byId.size());
    byId.forEach(
        (id, b) ->
            out.add(new FileRollCall(id, b.resolution, b.symbol, b.date, tallies(b), b.ballots)));
    return out;
  }

  /**
   * The file's totals where it gives them, else the count of its rows; the members that did not
   * vote are counted only when the file lists them (as X, NV or empty).
   */
  private static Tallies tallies(Building b) {
    Tallies t = b.totals;
    int[] c = b.counts;
    boolean listsNonVoting = c[3] > 0;
    return new Tallies(
        t.yes() != null ? t.yes() : c[0],
        t.no() != null ? t.no() : c[1],
        t.abstain() != null ? t.abstain() : c[2],
        t.nonVoting() != null ? t.nonVoting() : listsNonVoting ? Integer.valueOf(c[3]) : null);
  }

  static String text(Tallies t) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Integer v = t.values().get(i);
      parts.add(Tallies.FIELDS.get(i) + " " + (v == null ? "unknown" : v));
    }
    return String.join(", ", parts);
  }
}
