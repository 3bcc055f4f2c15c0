package org.plenary.ingest.undl;

import java.util.List;

/**
 * The reconcile stage of an import: pure rules deciding, for each record a file brings, whether it
 * is one the dataset already holds (a match, with the differences as {@link Conflict}s) or a new
 * one. No database: what is held is given, loaded once by the importer.
 *
 * @param <H> what the dataset holds
 * @param <F> what the file brings
 */
@FunctionalInterface
public interface Reconciler<H, F> {
  Reconciliation<H, F> reconcile(List<H> held, List<F> incoming);

  /** Why a record of the file is one already held. */
  enum Reason {
    /** An earlier import of the same record linked them. */
    ALREADY_LINKED,
    /** The only one held with the same key. */
    ONLY_CANDIDATE,
    /** One of several held with the same key, chosen by the rule's order (the tallies). */
    CHOSEN,
    /** Chosen from several the rule cannot tell apart, by the order they were given in. */
    TIE,
    /**
     * No official symbol to compare (the held vote's is Voeten's unofficial one, or none): the only
     * one held of the same session and date with the same yes, no and abstain.
     */
    SAME_TALLIES
  }

  /** A record of the file and the held one it is. */
  record Match<H, F>(F incoming, H held, Reason reason) {}

  /** The outcome: matches, new records (in the file's order), conflicts, notes for the summary. */
  record Reconciliation<H, F>(
      List<Match<H, F>> matches, List<F> added, List<Conflict> conflicts, List<String> notes) {
    public Reconciliation {
      matches = List.copyOf(matches);
      added = List.copyOf(added);
      conflicts = List.copyOf(conflicts);
      notes = List.copyOf(notes);
    }
  }
}
