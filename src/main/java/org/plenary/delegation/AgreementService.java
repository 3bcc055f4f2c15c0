package org.plenary.delegation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plenary.delegation.AgreementRecords.ComparedVote;
import org.plenary.delegation.AgreementRecords.Measures;
import org.plenary.delegation.AgreementRecords.Pair;
import org.plenary.delegation.AgreementRecords.Ranked;
import org.plenary.delegation.AgreementRecords.Source;
import org.plenary.delegation.AgreementRecords.Year;
import org.plenary.query.Jdbc;
import org.plenary.seed.PartialDate;

/**
 * How often two delegations voted the same way, over the recorded votes both took part in, in the
 * two standard measures:
 *
 * <ul>
 *   <li><b>state_department</b>, the US State Department's "voting coincidence" (its annual report
 *       Voting Practices in the United Nations): identical votes / (identical + opposite votes),
 *       counting only votes where both voted yes or no; abstentions and absences are left out.
 *   <li><b>voeten</b>, the agreement index of Voeten's UN General Assembly voting data (Bailey,
 *       Strezhnev and Voeten 2017): yes = 1, abstain = 0.5, no = 0; each vote scores 1 − |a − b|
 *       (same vote 1, one abstention 0.5, opposite 0), averaged over votes where both voted yes, no
 *       or abstained; absences (non_voting) are left out.
 * </ul>
 *
 * A measure is null when no vote qualifies. They differ exactly when abstentions occur.
 */
@ApplicationScoped
public class AgreementService {
  public static final String DEFINITION =
      "state_department = identical / (identical + opposite), over votes where both voted yes or no"
          + " (US State Department voting coincidence; abstentions and absences excluded). voeten ="
          + " mean of 1 - |a - b| with yes = 1, abstain = 0.5, no = 0, over votes where both voted yes,"
          + " no or abstain (Voeten's agreement index; absences excluded).";

  @Inject Jdbc jdbc;

  /** The two delegations' votes side by side, with both measures. */
  public Pair pair(String a, String b) {
    record Row(ComparedVote vote, String a, String b) {}
    List<ComparedVote> votes = new ArrayList<>();
    Tally t = new Tally();
    for (Row r :
        jdbc.list(
            "select v.id, v.date, v.date_precision, v.subject, a.vote as a, b.vote as b"
                + " from roll_call a join roll_call b on b.vote_id = a.vote_id and b.delegation_id = ?"
                + " join vote v on v.id = a.vote_id where a.delegation_id = ? order by v.date, v.id",
            rs -> {
              String va = rs.getString(5);
              String vb = rs.getString(6);
              return new Row(
                  new ComparedVote(
                      rs.getString(1),
                      PartialDate.format(rs.getObject(2, LocalDate.class), rs.getString(3)),
                      rs.getString(4),
                      va,
                      vb,
                      score(va, vb)),
                  va,
                  vb);
            },
            b,
            a)) {
      votes.add(r.vote());
      t.add(r.a(), r.b());
    }
    return new Pair(a, b, t.measures(), DEFINITION, votes, sources(a));
  }

  /**
   * The pair's agreement year by year (both measures), oldest first, over the same votes as {@link
   * #pair}: for a chart of agreement over time.
   */
  public List<Year> byYear(String a, String b) {
    Map<Integer, Tally> years = new java.util.TreeMap<>();
    for (ComparedVote v : pair(a, b).votes()) {
      int year = Integer.parseInt(v.voteDate().substring(0, 4));
      years.computeIfAbsent(year, y -> new Tally()).add(v.vote(), v.withVote());
    }
    List<Year> out = new ArrayList<>();
    years.forEach(
        (year, t) -> {
          Measures m = t.measures();
          out.add(
              new Year(
                  year, m.votesShared(), m.votesBothTookPart(), m.voeten(), m.stateDepartment()));
        });
    return out;
  }

  /** The delegation against every other one it shared a recorded vote with, ranked. */
  public List<Ranked> ranking(String a) {
    record Row(String id, String name, String group, String a, String b) {}
    Map<String, Tally> tallies = new LinkedHashMap<>();
    Map<String, Row> who = new LinkedHashMap<>();
    for (Row r :
        jdbc.list(
            "select b.delegation_id, d.name, d.regional_group, a.vote as a, b.vote as b"
                + " from roll_call a join roll_call b on b.vote_id = a.vote_id and b.delegation_id <> a.delegation_id"
                + " join delegation d on d.id = b.delegation_id where a.delegation_id = ?",
            rs ->
                new Row(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5)),
            a)) {
      tallies.computeIfAbsent(r.id(), x -> new Tally()).add(r.a(), r.b());
      who.putIfAbsent(r.id(), r);
    }
    List<Source> sources = sources(a);
    List<Ranked> out = new ArrayList<>();
    for (var e : tallies.entrySet()) {
      Row w = who.get(e.getKey());
      out.add(new Ranked(a, e.getKey(), w.name(), w.group(), e.getValue().measures(), sources));
    }
    Comparator<Ranked> byVoeten =
        Comparator.comparing(
            (Ranked r) -> r.measures().voeten(), Comparator.nullsLast(Comparator.reverseOrder()));
    out.sort(
        byVoeten
            .thenComparing(
                r -> r.measures().stateDepartment(),
                Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Ranked::with));
    return out;
  }

  /** 1, 0.5 or 0 for two ballots; null when either did not vote. */
  static Double score(String a, String b) {
    Double x = value(a);
    Double y = value(b);
    return x == null || y == null ? null : 1 - Math.abs(x - y);
  }

  private static Double value(String ballot) {
    return switch (ballot) {
      case "yes" -> 1.0;
      case "abstain" -> 0.5;
      case "no" -> 0.0;
      default -> null;
    };
  }

  private List<Source> sources(String delegation) {
    return jdbc.list(
        "select distinct s.id, s.publisher, s.title, s.url from citation c join source s on s.id = c.source_id"
            + " where c.record_type = 'roll_call' and c.record_id in"
            + " (select vote_id from roll_call where delegation_id = ?) order by s.id",
        rs -> new Source(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
        delegation);
  }

  /** The counts behind both measures. */
  static final class Tally {
    int shared;
    int bothYesNo;
    int identical;
    int opposite;
    int oneAbstained;
    int bothTookPart;
    double voetenSum;

    void add(String a, String b) {
      shared++;
      Double s = score(a, b);
      if (s != null) {
        bothTookPart++;
        voetenSum += s;
        if (s == 0.5) {
          oneAbstained++;
        }
      }
      boolean yesNo = (a.equals("yes") || a.equals("no")) && (b.equals("yes") || b.equals("no"));
      if (yesNo) {
        bothYesNo++;
        if (a.equals(b)) {
          identical++;
        } else {
          opposite++;
        }
      }
    }

    Measures measures() {
      return new Measures(
          shared,
          bothTookPart,
          bothYesNo,
          identical,
          opposite,
          oneAbstained,
          bothYesNo == 0 ? null : round((double) identical / bothYesNo),
          bothTookPart == 0 ? null : round(voetenSum / bothTookPart));
    }

    private static double round(double x) {
      return Math.round(x * 10000) / 10000.0;
    }
  }
}
