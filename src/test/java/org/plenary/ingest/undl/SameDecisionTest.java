package org.plenary.ingest.undl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plenary.ingest.undl.Reconciler.Match;
import org.plenary.ingest.undl.Reconciler.Reason;
import org.plenary.ingest.undl.Reconciler.Reconciliation;

class SameDecisionTest {
  private static final LocalDate DAY = LocalDate.of(2018, 12, 17);
  private static final Symbol RES = Symbol.parse("A/RES/73/187").orElseThrow();

  private final SameDecision rule = new SameDecision();

  private static HeldVote held(String id, String symbol, LocalDate date, Tallies t) {
    return new HeldVote(id, Symbol.parse(symbol).orElse(null), date, t, Map.of(), true, null);
  }

  private static FileRollCall file(int undlId, String resolution, LocalDate date, Tallies t) {
    return file(undlId, resolution, date, t, Map.of());
  }

  private static FileRollCall file(
      int undlId, String resolution, LocalDate date, Tallies t, Map<String, Ballot> ballots) {
    return new FileRollCall(
        undlId, resolution, Symbol.parse(resolution).orElse(null), date, t, ballots);
  }

  private static List<String> pairs(Reconciliation<HeldVote, FileRollCall> r) {
    return r.matches().stream()
        .map(m -> m.incoming().undlId() + "=" + m.held().id() + ":" + m.reason())
        .toList();
  }

  @Test
  void theSameCanonicalSymbolAndDateIsTheSameDecision() {
    Tallies t = new Tallies(126, 6, 53, null);
    var r =
        rule.reconcile(
            List.of(held("voeten-6150", "R/73/187", DAY, t)),
            List.of(file(6150, "A/RES/73/187", DAY, t)));
    assertEquals(List.of("6150=voeten-6150:ONLY_CANDIDATE"), pairs(r));
    assertEquals(List.of(), r.added());
    assertEquals(List.of(), r.conflicts());
    assertEquals(List.of(), r.notes());
  }

  @Test
  void aDifferentDateOrSymbolIsANewVote() {
    Tallies t = new Tallies(126, 6, 53, null);
    FileRollCall otherDay = file(1, "73/187", DAY.plusDays(1), t);
    FileRollCall otherRes = file(2, "A/RES/73/188", DAY, t);
    FileRollCall noSymbol = file(3, "", DAY, t);
    var r =
        rule.reconcile(
            List.of(held("v", "A/RES/73/187", DAY, t)), List.of(otherDay, otherRes, noSymbol));
    assertEquals(List.of(), r.matches());
    assertEquals(List.of(otherDay, otherRes, noSymbol), r.added());
  }

  @Test
  void amendmentVotesSharingASymbolAreToldApartByTheirTallies() {
    LocalDate day = LocalDate.of(1948, 12, 10);
    // Voeten: two amendment votes and the vote on the whole text, one symbol, one day
    List<HeldVote> held =
        List.of(
            new HeldVote(
                "voeten-101",
                Symbol.parse("R/3/217").get(),
                day,
                new Tallies(20, 25, 5, null),
                Map.of(),
                false,
                null),
            new HeldVote(
                "voeten-102",
                Symbol.parse("R/3/217").get(),
                day,
                new Tallies(12, 30, 8, null),
                Map.of(),
                false,
                null),
            new HeldVote(
                "voeten-103",
                Symbol.parse("R/3/217").get(),
                day,
                new Tallies(48, 0, 8, null),
                Map.of(),
                true,
                null));
    var r =
        rule.reconcile(held, List.of(file(9, "A/RES/217 (III)", day, new Tallies(48, 0, 8, 2))));
    assertEquals(List.of("9=voeten-103:CHOSEN"), pairs(r));
    assertEquals(List.of(), r.conflicts(), "non_voting unknown on one side: no conflict");
    // the closest tallies decide when none agree (a late change of vote)
    var close =
        rule.reconcile(held, List.of(file(9, "A/RES/217(III)", day, new Tallies(47, 0, 9, null))));
    assertEquals(List.of("9=voeten-103:CHOSEN"), pairs(close));
    assertEquals(
        List.of(
            new Conflict("voeten-103", "yes", null, "48", "47"),
            new Conflict("voeten-103", "abstain", null, "8", "9")),
        close.conflicts());
  }

  @Test
  void aConflictingBallotAndTallyAreStructuredConflictsNotANewVote() {
    Map<String, Ballot> mine =
        Map.of("USA", Ballot.NO, "BRA", Ballot.ABSTAIN, "FRA", Ballot.YES, "ISR", Ballot.NO);
    Map<String, Ballot> theirs =
        Map.of(
            "USA", Ballot.NO,
            "BRA", Ballot.YES,
            "FRA", Ballot.YES,
            "CHN", Ballot.NON_VOTING,
            "VEN", Ballot.YES);
    HeldVote v =
        new HeldVote(
            "a-res-74-247",
            Symbol.parse("A/RES/74/247").get(),
            DAY,
            new Tallies(79, 60, 33, 21),
            mine,
            true,
            null);
    var r =
        rule.reconcile(
            List.of(v), List.of(file(9087, "R/74/247", DAY, new Tallies(80, 60, 32, 21), theirs)));
    assertEquals(List.of("9087=a-res-74-247:ONLY_CANDIDATE"), pairs(r));
    assertEquals(List.of(), r.added());
    assertEquals(
        List.of(
            new Conflict("a-res-74-247", "yes", null, "79", "80"),
            new Conflict("a-res-74-247", "abstain", null, "33", "32"),
            new Conflict("a-res-74-247", "ballot", "BRA", "abstain", "yes"),
            new Conflict("a-res-74-247", "ballot", "VEN", null, "yes")),
        r.conflicts(),
        "CHN not voting where the dataset has no ballot, and ISR absent from the file: no conflict");
    assertEquals(
        "a-res-74-247: ballot of VEN is absent in the dataset, yes in the file",
        r.conflicts().get(3).toString());
  }

  @Test
  void anEarlierLinkDecidesAndASecondImportMatchesTheSame() {
    Tallies t = new Tallies(79, 60, 33, 21);
    HeldVote linked =
        new HeldVote("a-res-74-247", RES, DAY, t, Map.of(), true, 9087); // symbol differs: link
    HeldVote other = held("undl-9088", "A/RES/73/187", DAY, t);
    var r =
        rule.reconcile(
            List.of(linked, other),
            List.of(file(9087, "A/RES/74/247", DAY, t), file(9089, "A/RES/73/187", DAY, t)));
    assertEquals(
        List.of("9087=a-res-74-247:ALREADY_LINKED", "9089=undl-9088:ONLY_CANDIDATE"), pairs(r));
    // a held vote linked to another record is no candidate for a new one
    var again =
        rule.reconcile(
            List.of(new HeldVote("x", RES, DAY, t, Map.of(), true, 1)),
            List.of(file(2, "A/RES/73/187", DAY, t)));
    assertEquals(List.of(), again.matches());
    assertEquals(1, again.added().size());
  }

  @Test
  void anAmbiguousTieIsResolvedByTheOrderGivenAndReported() {
    Tallies t = new Tallies(100, 10, 20, null);
    List<HeldVote> held =
        List.of(
            held("voeten-2", "A/RES/73/187", DAY, t),
            held("voeten-1", "A/RES/73/187", DAY, t),
            new HeldVote("voeten-0", RES, DAY, t, Map.of(), false, null));
    var r = rule.reconcile(held, List.of(file(5, "R/73/187", DAY, t)));
    assertEquals(List.of("5=voeten-2:TIE"), pairs(r), "the first given, on the whole text");
    assertEquals(
        List.of(
            "A/RES/73/187 of 2018-12-17: roll call 5 could be voeten-2 or voeten-1 (as close in"
                + " tallies, both on the whole text): it is voeten-2, the one given first"),
        r.notes());
    // the same input gives the same answer, and the order of the file's roll calls pairs them
    var two =
        rule.reconcile(held, List.of(file(5, "R/73/187", DAY, t), file(6, "R/73/187", DAY, t)));
    assertEquals(List.of("5=voeten-2:TIE", "6=voeten-1:CHOSEN"), pairs(two));
    var three =
        rule.reconcile(
            held,
            List.of(
                file(5, "R/73/187", DAY, t),
                file(6, "R/73/187", DAY, t),
                file(7, "R/73/187", DAY, t),
                file(8, "R/73/187", DAY, t)));
    assertEquals(List.of("5=voeten-2:TIE", "6=voeten-1:CHOSEN", "7=voeten-0:CHOSEN"), pairs(three));
    assertEquals(List.of(8), three.added().stream().map(FileRollCall::undlId).toList());
  }

  @Test
  void theMatchRecordsCarryBothSides() {
    Tallies t = new Tallies(1, 2, 3, 4);
    HeldVote v = held("v", "S/RES/2720(2023)", LocalDate.of(2023, 12, 22), t);
    FileRollCall rc = file(7, "S/RES/2720 (2023)", LocalDate.of(2023, 12, 22), t);
    Match<HeldVote, FileRollCall> m = rule.reconcile(List.of(v), List.of(rc)).matches().get(0);
    assertEquals(v, m.held());
    assertEquals(rc, m.incoming());
    assertEquals(Reason.ONLY_CANDIDATE, m.reason());
  }

  private static final LocalDate OCT_25 = LocalDate.of(1971, 10, 25);

  /** A roll call of Voeten's as the dataset holds it: its unres as written, its session. */
  private static HeldVote voeten(String id, String unres, String session, Tallies t) {
    Symbol symbol = Symbol.parse(unres).orElse(null);
    return new HeldVote(
        id,
        symbol,
        OCT_25,
        t,
        Map.of(),
        true,
        null,
        session,
        !HeldVote.unofficial(unres, symbol),
        false);
  }

  @Test
  void voetensOldRFormsAreNotOfficialSymbols() {
    assertEquals(true, HeldVote.unofficial("R/26/2758A", Symbol.parse("R/26/2758A").get()));
    assertEquals(true, HeldVote.unofficial("R/10/196", Symbol.parse("R/10/196").get()));
    assertEquals(false, HeldVote.unofficial("R/73/187", Symbol.parse("R/73/187").get()));
    assertEquals(
        false, HeldVote.unofficial("A/RES/2758(XXVI)", Symbol.parse("A/RES/2758(XXVI)").get()));
  }

  @Test
  void anUnofficialSymbolIsMatchedBySessionDateAndTallies() {
    // Voeten writes R/26/2758A; the Library A/RES/2758(XXVI): not the same symbol
    HeldVote held = voeten("voeten-2758", "R/26/2758A", "26", new Tallies(76, 35, 17, null));
    FileRollCall rc = file(2758, "A/RES/2758(XXVI)", OCT_25, new Tallies(76, 35, 17, 3));
    // a vote of that day with other tallies stays new
    FileRollCall other = file(2759, "A/RES/2759(XXVI)", OCT_25, new Tallies(80, 2, 3, null));
    var r = rule.reconcile(List.of(held), List.of(rc, other));
    assertEquals(List.of("2758=voeten-2758:SAME_TALLIES"), pairs(r));
    assertEquals(List.of(other), r.added());
    assertEquals(List.of(), r.conflicts());
    assertEquals(
        true, SameDecision.mayHold(List.of(held)).test(rc.symbol(), OCT_25, null, null, null));
    assertEquals(
        false,
        SameDecision.mayHold(List.of(held))
            .test(rc.symbol(), OCT_25.plusDays(1), null, null, null));
  }

  @Test
  void anOfficialSymbolIsNeverMatchedByTallies() {
    HeldVote held = voeten("voeten-1", "A/RES/2760(XXVI)", "26", new Tallies(76, 35, 17, null));
    var r =
        rule.reconcile(
            List.of(held), List.of(file(2758, "A/RES/2758(XXVI)", OCT_25, held.tallies())));
    assertEquals(List.of(), pairs(r));
  }

  @Test
  void twoUnofficialCandidatesWithTheSameTalliesAreNotGuessed() {
    Tallies t = new Tallies(50, 10, 5, null);
    var r =
        rule.reconcile(
            List.of(voeten("voeten-1", "R/26/1A", "26", t), voeten("voeten-2", "R/26/1B", "26", t)),
            List.of(file(7, "A/RES/2790(XXVI)", OCT_25, t)));
    assertEquals(List.of(), pairs(r));
    assertEquals(
        List.of(
            "roll call(s) 7 (session 26, 1971-10-25, tallies 50-10-5) could be voeten-1 or"
                + " voeten-2, held without an official symbol: the same session, date and tallies"
                + " do not tell which; imported as new"),
        r.notes());
  }

  /** A roll call of Voeten's before the 56th session: its date is not the meeting's. */
  private static HeldVote undated(
      String id, String unres, String session, LocalDate date, Tallies t, boolean wholeText) {
    Symbol symbol = Symbol.parse(unres).orElse(null);
    return new HeldVote(
        id,
        symbol,
        date,
        t,
        Map.of(),
        wholeText,
        null,
        session,
        !HeldVote.unofficial(unres, symbol),
        true);
  }

  @Test
  void voetensDatesBeforeThe56thSessionAreNotTheMeetings() {
    assertEquals(true, HeldVote.voetenDateApproximate("26"));
    assertEquals(true, HeldVote.voetenDateApproximate("55"));
    assertEquals(false, HeldVote.voetenDateApproximate("56"));
    assertEquals(false, HeldVote.voetenDateApproximate("73"));
    assertEquals(false, HeldVote.voetenDateApproximate("ES-10"));
    assertEquals(false, HeldVote.voetenDateApproximate(null));
  }

  @Test
  void anOfficialSymbolOfAnUndatedSessionIsTheSameDecisionWhateverTheDate() {
    // Voeten dates the 40th session's A/RES/40/5 otherwise than the UN; the file's date is a
    // conflict, the vote on the whole text is chosen over the amendment's by the tallies
    Tallies whole = new Tallies(120, 10, 15, null);
    HeldVote text =
        undated("voeten-10", "A/RES/40/5", "40", LocalDate.of(1985, 11, 30), whole, true);
    HeldVote amendment =
        undated(
            "voeten-11",
            "A/RES/40/5",
            "40",
            LocalDate.of(1985, 11, 30),
            new Tallies(40, 60, 30, null),
            false);
    FileRollCall rc =
        file(40, "A/RES/40/5", LocalDate.of(1985, 12, 2), new Tallies(120, 10, 15, 4));
    var r = rule.reconcile(List.of(text, amendment), List.of(rc));
    assertEquals(List.of("40=voeten-10:CHOSEN"), pairs(r));
    assertEquals(List.of(), r.added());
    assertEquals(
        List.of(new Conflict("voeten-10", "date", null, "1985-11-30", "1985-12-02")),
        r.conflicts());
    assertEquals(
        true,
        SameDecision.mayHold(List.of(text))
            .test(rc.symbol(), LocalDate.of(1985, 12, 2), null, null, null));
    // with the date aside, tallies far apart are another roll call under the symbol: a new vote
    FileRollCall far =
        file(41, "A/RES/40/5", LocalDate.of(1985, 12, 2), new Tallies(60, 70, 20, 0));
    var apart = rule.reconcile(List.of(text), List.of(far));
    assertEquals(List.of(), pairs(apart));
    assertEquals(List.of(far), apart.added());
    // nor is a resolution adopted without a vote (no tallies) one of its roll calls
    FileRollCall withoutVote =
        file(42, "A/RES/40/5", LocalDate.of(1985, 12, 2), new Tallies(null, null, null, null));
    assertEquals(List.of(), pairs(rule.reconcile(List.of(text), List.of(withoutVote))));
    var mayHold = SameDecision.mayHold(List.of(text));
    assertEquals(true, mayHold.test(rc.symbol(), LocalDate.of(1985, 12, 2), 121, 10, 14));
    assertEquals(false, mayHold.test(rc.symbol(), LocalDate.of(1985, 12, 2), 60, 70, 20));
    // a session Voeten dates by its meetings keeps the rule of the same date
    HeldVote dated = held("voeten-6150", "R/73/187", DAY, whole);
    FileRollCall nextDay = file(6150, "A/RES/73/187", DAY.plusDays(1), whole);
    var strict = rule.reconcile(List.of(dated), List.of(nextDay));
    assertEquals(List.of(), pairs(strict));
    assertEquals(
        false,
        SameDecision.mayHold(List.of(dated))
            .test(nextDay.symbol(), DAY.plusDays(1), null, null, null));
  }

  @Test
  void anUnofficialSymbolOfAnUndatedSessionIsFoundByItsSessionAndTallies() {
    // Voeten dates R/26/2758A 7 October 1971; the UN adopted A/RES/2758(XXVI) on 25 October
    HeldVote held =
        undated(
            "voeten-1190",
            "R/26/2758A",
            "26",
            LocalDate.of(1971, 10, 7),
            new Tallies(76, 35, 17, null),
            true);
    FileRollCall rc = file(2758, "A/RES/2758(XXVI)", OCT_25, new Tallies(76, 35, 17, 3));
    FileRollCall other = file(2759, "A/RES/2759(XXVI)", OCT_25, new Tallies(80, 2, 3, null));
    var r = rule.reconcile(List.of(held), List.of(rc, other));
    assertEquals(List.of("2758=voeten-1190:SAME_TALLIES"), pairs(r));
    // a first import copies straight what cannot be held: the session's other tallies
    var mayHold = SameDecision.mayHold(List.of(held));
    assertEquals(true, mayHold.test(rc.symbol(), OCT_25, 76, 35, 17));
    assertEquals(true, mayHold.test(rc.symbol(), OCT_25, null, 35, 17));
    assertEquals(false, mayHold.test(other.symbol(), OCT_25, 80, 2, 3));
    assertEquals(
        false,
        mayHold.test(Symbol.parse("A/RES/3000(XXVII)").get(), OCT_25, 76, 35, 17),
        "another session");
    assertEquals(List.of(other), r.added());
    assertEquals(
        List.of(new Conflict("voeten-1190", "date", null, "1971-10-07", "1971-10-25")),
        r.conflicts());
    // two such votes with the same tallies in the session: none is guessed
    HeldVote twin =
        undated(
            "voeten-1300",
            "R/26/2900",
            "26",
            LocalDate.of(1971, 12, 5),
            new Tallies(76, 35, 17, null),
            true);
    var ambiguous = rule.reconcile(List.of(held, twin), List.of(rc));
    assertEquals(List.of(), pairs(ambiguous));
    assertEquals(
        List.of(
            "roll call(s) 2758 (session 26, any date (the held dates are not the meetings'),"
                + " tallies 76-35-17) could be voeten-1190 or voeten-1300, held without an official"
                + " symbol: the same session, date and tallies do not tell which; imported as new"),
        ambiguous.notes());
  }
}
