package org.plenary.ingest.undl;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One vote per decision, whoever reported it: which roll calls of a Library voting file are votes
 * the dataset already holds.
 *
 * <ol>
 *   <li>A roll call whose record ({@code undl_id}) a held vote already carries is that vote (an
 *       earlier import linked them: a second import changes nothing).
 *   <li>Otherwise it is the same decision as a held vote with the same canonical {@link Symbol} and
 *       the same date that no other record is linked to. A roll call without a symbol, or with no
 *       such vote, is new.
 *   <li>Where several roll calls share a symbol and a date (votes on amendments or paragraphs, then
 *       on the whole text), the file's and the held ones are paired best first, each used once:
 *       tallies that agree (on every count both know) before tallies that do not, then the closer
 *       tallies (the sum of the differences), then a vote on the whole text before one on an
 *       amendment or a paragraph (the Library's file holds only votes on whole texts), then the
 *       held vote given first, then the file's roll call read first. A pair chosen from several
 *       that nothing but this order tells apart is reported as a tie (a note), and is still made:
 *       the outcome depends only on the input, never on a hash's order. A file roll call left over
 *       when the held ones are used up is new.
 *   <li>Where the held vote has no official symbol (Voeten's {@code R/26/2758A} or {@code R/10/196}
 *       of the sessions before the 31st, where the number is often not the resolution's, or no
 *       symbol at all), a roll call still unmatched is it when they share the session, the date and
 *       the yes, no and abstain counts (all known), and neither has another such partner left; if
 *       several could pair, none is made and a note says so. No symbol is ever made up.
 * </ol>
 *
 * A matched roll call's differences (a tally, a member's ballot) are {@link Conflict}s, not a new
 * vote; a member the file does not list, or lists as not voting where the dataset has no ballot, is
 * no conflict.
 */
public final class SameDecision implements Reconciler<HeldVote, FileRollCall> {
  private record Key(Symbol symbol, LocalDate date) {}

  private record Pair(int file, int held, boolean agrees, int distance, boolean wholeText) {}

  private static final Comparator<Pair> BEST_FIRST =
      Comparator.comparing((Pair p) -> !p.agrees())
          .thenComparingInt(Pair::distance)
          .thenComparing(p -> !p.wholeText())
          .thenComparingInt(Pair::held)
          .thenComparingInt(Pair::file);

  /**
   * Whether a roll call may be one of the held votes by these rules, from what its first row says:
   * its symbol (null when none), its date and its yes, no and abstain totals (null where the row
   * gives none: then it may be).
   */
  @FunctionalInterface
  public interface MayHold {
    boolean test(Symbol symbol, LocalDate date, Integer yes, Integer no, Integer abstain);
  }

  /**
   * Whether a roll call with this symbol, date and totals may be one of {@code held} by this rule,
   * its record aside (a roll call whose record a held vote carries is that vote): an importer
   * copies the others' rows straight into place while it reads them.
   */
  public static MayHold mayHold(List<HeldVote> held) {
    Set<Key> keys = new HashSet<>();
    Set<LocalDate> unofficial = new HashSet<>();
    Map<Symbol, List<Tallies>> undatedSymbols = new HashMap<>();
    Set<TallyKey> undatedTallies = new HashSet<>();
    for (HeldVote v : held) {
      if (v.undlId() != null) {
        continue;
      }
      if (v.symbol() != null) {
        keys.add(new Key(v.symbol(), v.date()));
      }
      if (!v.officialSymbol()) {
        unofficial.add(v.date());
      }
      if (v.approximateDate() && v.officialSymbol() && v.symbol() != null) {
        undatedSymbols.computeIfAbsent(v.symbol(), x -> new ArrayList<>()).add(v.tallies());
      }
      if (v.approximateDate() && !v.officialSymbol()) {
        TallyKey k = TallyKey.of(v.session(), NO_DATE, v.tallies());
        if (k != null) {
          undatedTallies.add(k);
        }
      }
    }
    Set<String> undatedSessions = new HashSet<>();
    undatedTallies.forEach(k -> undatedSessions.add(k.session()));
    return (symbol, date, yes, no, abstain) ->
        symbol != null
            && (keys.contains(new Key(symbol, date))
                || unofficial.contains(date)
                || undatedSymbols.getOrDefault(symbol, List.of()).stream()
                    .anyMatch(t -> t.closeTo(yes, no, abstain))
                || undatedSessions.contains(symbol.session())
                    && (yes == null
                        || no == null
                        || abstain == null
                        || undatedTallies.contains(
                            new TallyKey(symbol.session(), NO_DATE, yes, no, abstain))));
  }

  @Override
  public Reconciliation<HeldVote, FileRollCall> reconcile(
      List<HeldVote> held, List<FileRollCall> incoming) {
    Map<Integer, Integer> byUndlId = new HashMap<>();
    Map<Key, List<Integer>> candidates = new LinkedHashMap<>();
    for (int h = 0; h < held.size(); h++) {
      HeldVote v = held.get(h);
      if (v.undlId() != null) {
        byUndlId.putIfAbsent(v.undlId(), h);
      } else if (v.symbol() != null) {
        candidates.computeIfAbsent(new Key(v.symbol(), v.date()), k -> new ArrayList<>()).add(h);
      }
    }
    Match<HeldVote, FileRollCall>[] matched = newMatches(incoming.size());
    List<String> notes = new ArrayList<>();
    Map<Key, List<Integer>> groups = new LinkedHashMap<>();
    for (int f = 0; f < incoming.size(); f++) {
      FileRollCall rc = incoming.get(f);
      Integer h = byUndlId.get(rc.undlId());
      if (h != null) {
        matched[f] = new Match<>(rc, held.get(h), Reason.ALREADY_LINKED);
      } else if (rc.symbol() != null) {
        Key k = new Key(rc.symbol(), rc.date());
        if (candidates.containsKey(k)) {
          groups.computeIfAbsent(k, x -> new ArrayList<>()).add(f);
        }
      }
    }
    for (var g : groups.entrySet()) {
      pair(
          g.getKey(),
          g.getValue(),
          candidates.get(g.getKey()),
          held,
          incoming,
          matched,
          notes,
          (f, h) -> true);
    }
    bySymbolDateAside(held, incoming, matched, notes);
    byTallies(held, incoming, matched, notes, false);
    byTallies(held, incoming, matched, notes, true);
    List<Match<HeldVote, FileRollCall>> matches = new ArrayList<>();
    List<FileRollCall> added = new ArrayList<>();
    List<Conflict> conflicts = new ArrayList<>();
    for (int f = 0; f < incoming.size(); f++) {
      if (matched[f] == null) {
        added.add(incoming.get(f));
      } else {
        matches.add(matched[f]);
        conflicts.addAll(conflicts(matched[f].held(), matched[f].incoming()));
      }
    }
    return new Reconciliation<>(matches, added, conflicts, notes);
  }

  @SuppressWarnings("unchecked")
  private static Match<HeldVote, FileRollCall>[] newMatches(int n) {
    return (Match<HeldVote, FileRollCall>[]) new Match<?, ?>[n];
  }

  /**
   * Pairs the file's roll calls and the held votes of one key best first, each used once, only as
   * {@code allowed} allows (rule 6: close tallies; every pair otherwise).
   */
  private static void pair(
      Key key,
      List<Integer> files,
      List<Integer> helds,
      List<HeldVote> held,
      List<FileRollCall> incoming,
      Match<HeldVote, FileRollCall>[] matched,
      List<String> notes,
      java.util.function.BiPredicate<FileRollCall, HeldVote> allowed) {
    if (files.size() == 1
        && helds.size() == 1
        && allowed.test(incoming.get(files.get(0)), held.get(helds.get(0)))) {
      int f = files.get(0);
      matched[f] = new Match<>(incoming.get(f), held.get(helds.get(0)), Reason.ONLY_CANDIDATE);
      return;
    }
    List<Pair> pairs = new ArrayList<>();
    for (int f : files) {
      for (int h : helds) {
        if (!allowed.test(incoming.get(f), held.get(h))) {
          continue;
        }
        Tallies a = incoming.get(f).tallies();
        Tallies b = held.get(h).tallies();
        pairs.add(new Pair(f, h, a.agreesWith(b), a.distance(b), held.get(h).wholeText()));
      }
    }
    pairs.sort(BEST_FIRST);
    TreeSet<Integer> usedFiles = new TreeSet<>();
    TreeSet<Integer> usedHeld = new TreeSet<>();
    for (Pair p : pairs) {
      if (usedFiles.contains(p.file()) || usedHeld.contains(p.held())) {
        continue;
      }
      List<String> tied =
          pairs.stream()
              .filter(
                  q ->
                      q.file() == p.file()
                          && q.held() != p.held()
                          && !usedHeld.contains(q.held())
                          && sameRank(p, q))
              .map(q -> held.get(q.held()).id())
              .toList();
      usedFiles.add(p.file());
      usedHeld.add(p.held());
      FileRollCall rc = incoming.get(p.file());
      HeldVote v = held.get(p.held());
      Reason reason = tied.isEmpty() ? Reason.CHOSEN : Reason.TIE;
      matched[p.file()] = new Match<>(rc, v, reason);
      if (!tied.isEmpty()) {
        notes.add(
            String.format(
                "%s of %s: roll call %d could be %s or %s (as close in tallies, both %s): it is"
                    + " %s, the one given first",
                key.symbol(),
                key.date() == null ? "its session" : key.date(),
                rc.undlId(),
                v.id(),
                String.join(" or ", tied),
                v.wholeText() ? "on the whole text" : "on amendments or paragraphs",
                v.id()));
      }
    }
  }

  /** The held votes a match already uses. */
  private static Set<HeldVote> used(Match<HeldVote, FileRollCall>[] matched) {
    Set<HeldVote> used = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Match<HeldVote, FileRollCall> m : matched) {
      if (m != null) {
        used.add(m.held());
      }
    }
    return used;
  }

  /**
   * A held vote whose date is not the meeting's ({@link HeldVote#approximateDate}: Voeten's before
   * the 56th session) and whose official symbol is a roll call's still unmatched is that roll call
   * whatever the date: the symbol names the session. Its yes, no and abstain must be close to the
   * roll call's ({@link Tallies#closeTo}): with the date aside, they tell a vote on the resolution
   * from another roll call under its symbol. Where several share the symbol, the tallies decide as
   * they do for one date ({@link #pair}). The two dates become a conflict.
   */
  private static void bySymbolDateAside(
      List<HeldVote> held,
      List<FileRollCall> incoming,
      Match<HeldVote, FileRollCall>[] matched,
      List<String> notes) {
    Set<HeldVote> used = used(matched);
    Map<Symbol, List<Integer>> helds = new LinkedHashMap<>();
    for (int h = 0; h < held.size(); h++) {
      HeldVote v = held.get(h);
      if (v.approximateDate()
          && v.officialSymbol()
          && v.symbol() != null
          && v.undlId() == null
          && !used.contains(v)) {
        helds.computeIfAbsent(v.symbol(), x -> new ArrayList<>()).add(h);
      }
    }
    if (helds.isEmpty()) {
      return;
    }
    Map<Symbol, List<Integer>> files = new LinkedHashMap<>();
    for (int f = 0; f < incoming.size(); f++) {
      FileRollCall rc = incoming.get(f);
      if (matched[f] == null && rc.symbol() != null && helds.containsKey(rc.symbol())) {
        files.computeIfAbsent(rc.symbol(), x -> new ArrayList<>()).add(f);
      }
    }
    for (var e : files.entrySet()) {
      pair(
          new Key(e.getKey(), null),
          e.getValue(),
          helds.get(e.getKey()),
          held,
          incoming,
          matched,
          notes,
          (rc, v) -> closeAndKnown(rc.tallies(), v.tallies()));
    }
  }

  /**
   * The last rule: a roll call still unmatched, with a symbol, is the held vote of the same session
   * and date whose symbol is not official (Voeten's {@code R/26/2758A}, or none) and whose yes, no
   * and abstain are its own, all known, when exactly one such vote is left for it and it is the
   * only roll call left for that vote. Where several could pair, none is made and a note says so: a
   * symbol is never guessed. {@code dateAside}: then the same among the held votes whose date is
   * not the meeting's ({@link HeldVote#approximateDate}), in their session whatever the date.
   */
  private static void byTallies(
      List<HeldVote> held,
      List<FileRollCall> incoming,
      Match<HeldVote, FileRollCall>[] matched,
      List<String> notes,
      boolean dateAside) {
    Set<HeldVote> used = used(matched);
    Map<TallyKey, List<Integer>> free = new LinkedHashMap<>();
    for (int h = 0; h < held.size(); h++) {
      HeldVote v = held.get(h);
      TallyKey k = TallyKey.of(v.session(), dateAside ? NO_DATE : v.date(), v.tallies());
      if (k != null
          && v.undlId() == null
          && !v.officialSymbol()
          && (!dateAside || v.approximateDate())
          && !used.contains(v)) {
        free.computeIfAbsent(k, x -> new ArrayList<>()).add(h);
      }
    }
    if (free.isEmpty()) {
      return;
    }
    Map<TallyKey, List<Integer>> wanting = new LinkedHashMap<>();
    for (int f = 0; f < incoming.size(); f++) {
      FileRollCall rc = incoming.get(f);
      TallyKey k =
          rc.symbol() == null
              ? null
              : TallyKey.of(rc.symbol().session(), dateAside ? NO_DATE : rc.date(), rc.tallies());
      if (matched[f] == null && k != null && free.containsKey(k)) {
        wanting.computeIfAbsent(k, x -> new ArrayList<>()).add(f);
      }
    }
    for (var e : wanting.entrySet()) {
      List<Integer> hs = free.get(e.getKey());
      List<Integer> fs = e.getValue();
      if (hs.size() == 1 && fs.size() == 1) {
        int f = fs.get(0);
        matched[f] = new Match<>(incoming.get(f), held.get(hs.get(0)), Reason.SAME_TALLIES);
      } else {
        notes.add(
            String.format(
                "roll call(s) %s (session %s, %s, tallies %s-%s-%s) could be %s, held without an"
                    + " official symbol: the same session, date and tallies do not tell which;"
                    + " imported as new",
                String.join(", ", fs.stream().map(f -> "" + incoming.get(f).undlId()).toList()),
                e.getKey().session(),
                dateAside ? "any date (the held dates are not the meetings')" : e.getKey().date(),
                e.getKey().yes(),
                e.getKey().no(),
                e.getKey().abstain(),
                String.join(" or ", hs.stream().map(h -> held.get(h).id()).toList())));
      }
    }
  }

  /**
   * With the date aside, the tallies must say it: yes, no and abstain known on both sides (a
   * resolution adopted without a vote is no roll call of Voeten's) and close.
   */
  private static boolean closeAndKnown(Tallies file, Tallies held) {
    return file.yes() != null
        && file.no() != null
        && file.abstain() != null
        && held.yes() != null
        && held.no() != null
        && held.abstain() != null
        && held.closeTo(file.yes(), file.no(), file.abstain());
  }

  /** The date of a key that leaves the date aside. */
  private static final LocalDate NO_DATE = LocalDate.MIN;

  /**
   * A matched roll call's date, where it differs from the held vote's, as a conflict: the held date
   * stands (Voeten's before the 56th session are not the meetings').
   */
  public static java.util.Optional<Conflict> dateDiffers(HeldVote held, FileRollCall rc) {
    if (held.date() == null || rc.date() == null || held.date().equals(rc.date())) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new Conflict(held.id(), "date", null, held.date().toString(), rc.date().toString()));
  }

  /** Session, date and the three counts, all known. */
  private record TallyKey(String session, LocalDate date, int yes, int no, int abstain) {
    static TallyKey of(String session, LocalDate date, Tallies t) {
      if (session == null
          || date == null
          || t.yes() == null
          || t.no() == null
          || t.abstain() == null) {
        return null;
      }
      return new TallyKey(session, date, t.yes(), t.no(), t.abstain());
    }
  }

  private static boolean sameRank(Pair a, Pair b) {
    return a.agrees() == b.agrees()
        && a.distance() == b.distance()
        && a.wholeText() == b.wholeText();
  }

  /**
   * Every conflict of a held vote and the file's roll call matched to it: the date (where it
   * differs, {@link #dateDiffers}), then the tallies and ballots ({@link #differences}).
   */
  public static List<Conflict> conflicts(HeldVote held, FileRollCall rc) {
    List<Conflict> out = new ArrayList<>();
    dateDiffers(held, rc).ifPresent(out::add);
    out.addAll(differences(held, rc));
    return out;
  }

  /** The differences between a held vote and the file's roll call matched to it. */
  public static List<Conflict> differences(HeldVote held, FileRollCall rc) {
    List<Conflict> out = new ArrayList<>();
    List<Integer> h = held.tallies().values();
    List<Integer> f = rc.tallies().values();
    for (int i = 0; i < 4; i++) {
      if (h.get(i) != null && f.get(i) != null && !h.get(i).equals(f.get(i))) {
        out.add(new Conflict(held.id(), Tallies.FIELDS.get(i), null, "" + h.get(i), "" + f.get(i)));
      }
    }
    for (String member : new TreeSet<>(rc.ballots().keySet())) {
      Ballot file = rc.ballots().get(member);
      Ballot mine = held.ballots().get(member);
      if (mine == file || mine == null && file == Ballot.NON_VOTING) {
        continue;
      }
      out.add(
          new Conflict(
              held.id(), "ballot", member, mine == null ? null : mine.code(), file.code()));
    }
    return out;
  }
}
