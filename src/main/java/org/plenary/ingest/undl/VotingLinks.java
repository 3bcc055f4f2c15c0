package org.plenary.ingest.undl;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.plenary.ingest.undl.Reconciler.Match;
import org.plenary.ingest.undl.Reconciler.Reason;
import org.plenary.ingest.undl.Reconciler.Reconciliation;

/**
 * What a voting file's reconciliation ({@link SameDecision}) means for the import, as pure rules:
 * which roll calls are votes imported before (the same record again: merged as the file says),
 * which are links to votes another source holds (curated, or the published history: that record
 * stands, the file only cites it), and the lines the import's summary says about them.
 *
 * <ul>
 *   <li>{@code imported}: roll calls whose record an earlier import of such a file made ({@code
 *       undl-<undl_id>}), by undl_id.
 *   <li>{@code links}: roll calls that are another source's vote, by undl_id, in file order.
 *   <li>{@code linked}: {@code "<vote> = undl_id <n>"} for each link to a curated vote.
 *   <li>{@code conflicts}: the summary's lines on differences and ambiguities; {@code tallies}: the
 *       tallies' differences as records.
 *   <li>{@code notes}: the rule's ties, and how many roll calls the published history holds.
 * </ul>
 */
public record VotingLinks(
    Map<Integer, String> imported,
    Map<Integer, String> links,
    List<String> linked,
    List<String> conflicts,
    List<Conflict> tallies,
    List<String> notes) {

  /**
   * @param r the reconciliation of the file's roll calls (all of them, in file order)
   * @param held every held vote that was reconciled against
   * @param importedBefore whether a held vote is one an earlier import of the file made
   * @param history whether a held vote is the published history's (Voeten's), not curated
   */
  public static VotingLinks of(
      Reconciliation<HeldVote, FileRollCall> r,
      List<FileRollCall> incoming,
      List<HeldVote> held,
      Predicate<HeldVote> importedBefore,
      Predicate<HeldVote> history) {
    Map<Integer, String> imported = new LinkedHashMap<>();
    Map<Integer, String> links = new LinkedHashMap<>();
    List<String> linked = new ArrayList<>();
    List<String> conflicts = new ArrayList<>();
    List<String> historyConflicts = new ArrayList<>();
    List<Conflict> tallies = new ArrayList<>();
    List<String> notes = new ArrayList<>(r.notes());
    Map<Key, List<FileRollCall>> groups = new LinkedHashMap<>();
    for (FileRollCall rc : incoming) {
      if (rc.symbol() != null) {
        groups.computeIfAbsent(new Key(rc.symbol(), rc.date()), k -> new ArrayList<>()).add(rc);
      }
    }
    int fromHistory = 0;
    int byTallies = 0;
    int otherDate = 0;
    for (Match<HeldVote, FileRollCall> m : r.matches()) {
      FileRollCall rc = m.incoming();
      HeldVote h = m.held();
      if (m.reason() == Reason.ALREADY_LINKED && importedBefore.test(h)) {
        imported.put(rc.undlId(), h.id());
        continue;
      }
      links.put(rc.undlId(), h.id());
      boolean agrees = rc.tallies().agreesWith(h.tallies());
      if (m.reason() != Reason.ALREADY_LINKED) {
        var date = SameDecision.dateDiffers(h, rc);
        date.ifPresent(tallies::add);
        if (date.isPresent()) {
          otherDate++;
        }
      }
      if (history.test(h)) {
        if (m.reason() == Reason.ALREADY_LINKED) {
          continue; // linked by an earlier import, reported then
        }
        fromHistory++;
        if (m.reason() == Reason.SAME_TALLIES) {
          byTallies++;
        }
        if (!agrees) {
          tallies.addAll(SameDecision.differences(h, rc));
          historyConflicts.add(talliesDiffer(h, rc, "published"));
        }
        continue;
      }
      linked.add(h.id() + " = undl_id " + rc.undlId());
      List<FileRollCall> same =
          rc.symbol() == null
              ? List.of(rc)
              : groups.getOrDefault(new Key(rc.symbol(), rc.date()), List.of(rc));
      if (m.reason() != Reason.ALREADY_LINKED && same.size() > 1) {
        conflicts.add(
            String.format(
                "%s has %d roll calls in the file (undl_id %s): linked %d to %s, the one whose"
                    + " totals %s the curated tallies; the others are separate votes",
                rc.symbol(),
                same.size(),
                String.join(", ", same.stream().map(x -> "" + x.undlId()).toList()),
                rc.undlId(),
                h.id(),
                agrees ? "match" : "are closest to"));
      }
      if (!agrees) {
        tallies.addAll(SameDecision.differences(h, rc));
        conflicts.add(talliesDiffer(h, rc, "curated"));
      }
    }
    // a curated vote linked to another record by an earlier file: this file's roll calls of the
    // same decision are separate votes
    for (HeldVote h : held) {
      if (h.undlId() == null || h.symbol() == null || importedBefore.test(h) || history.test(h)) {
        continue;
      }
      List<FileRollCall> same =
          r.added().stream()
              .filter(rc -> h.symbol().equals(rc.symbol()) && Objects.equals(h.date(), rc.date()))
              .toList();
      if (!same.isEmpty()) {
        conflicts.add(
            String.format(
                "%s is already linked to undl_id %d (from an earlier file); roll call(s) %s of"
                    + " this file are imported as separate votes",
                h.id(),
                h.undlId(),
                String.join(", ", same.stream().map(x -> "" + x.undlId()).toList())));
      }
    }
    conflicts.addAll(historyConflicts);
    if (fromHistory > 0) {
      notes.add(
          fromHistory
              + " roll call(s) are votes the published history holds already (Voeten's data):"
              + " linked, not copied; the published roll calls stand");
    }
    if (byTallies > 0) {
      notes.add(
          byTallies
              + " of them found by session, date and tallies: the published roll call has no"
              + " official symbol (Voeten's R/ form before the 31st session, or none); its"
              + " resolution is kept as written");
    }
    if (otherDate > 0) {
      notes.add(
          otherDate
              + " of them found in their session under another date: the published date stands"
              + " (Voeten's dates before the "
              + HeldVote.FIRST_SESSION_DATED_BY_MEETING
              + "th session are not the meetings'), the file's is a conflict");
    }
    return new VotingLinks(imported, links, linked, conflicts, tallies, notes);
  }

  private record Key(Symbol symbol, LocalDate date) {}

  /**
   * The summary's line on a held vote whose tallies differ from the file's: the held record stands,
   * whoever holds it ({@code "published"}: the history; {@code "curated"}).
   */
  static String talliesDiffer(HeldVote held, FileRollCall rc, String holder) {
    return String.format(
        "%s (undl_id %d): the file's tallies %s differ from the %s %s; the %s record stands",
        held.id(), rc.undlId(), text(rc.tallies()), holder, text(held.tallies()), holder);
  }

  private static String text(Tallies t) {
    return String.format(
        "yes %s, no %s, abstain %s, non_voting %s",
        t.yes() == null ? "unknown" : t.yes(),
        t.no() == null ? "unknown" : t.no(),
        t.abstain() == null ? "unknown" : t.abstain(),
        t.nonVoting() == null ? "unknown" : t.nonVoting());
  }
}
