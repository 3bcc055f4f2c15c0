package org.plenary.delegation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plenary.query.QueryEngine;
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
public class Agreement {
  public static final String DEFINITION =
      "state_department = identical / (identical + opposite), over votes where both voted yes or no"
          + " (US State Department voting coincidence; abstentions and absences excluded). voeten ="
          + " mean of 1 - |a - b| with yes = 1, abstain = 0.5, no = 0, over votes where both voted yes,"
          + " no or abstain (Voeten's agreement index; absences excluded).";

  @Inject QueryEngine engine;

  /** The two delegations' votes side by side, with both measures. */
  public Map<String, Object> pair(String a, String b) {
    List<Map<String, Object>> votes = new ArrayList<>();
    Tally t = new Tally();
    for (Map<String, Object> r :
        engine.rows(
            "select v.id, v.date, v.date_precision, v.subject, a.vote as a, b.vote as b"
                + " from roll_call a join roll_call b on b.vote_id = a.vote_id and b.delegation_id = ?"
                + " join vote v on v.id = a.vote_id where a.delegation_id = ? order by v.date, v.id",
            b,
            a)) {
      String va = (String) r.get("a");
      String vb = (String) r.get("b");
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("vote_id", r.get("id"));
      v.put(
          "vote_date",
          PartialDate.format(
              ((java.sql.Date) r.get("date")).toLocalDate(), (String) r.get("date_precision")));
      v.put("vote_subject", r.get("subject"));
      v.put("vote", va);
      v.put("with_vote", vb);
      v.put("agreement", score(va, vb));
      votes.add(v);
      t.add(va, vb);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("delegation_id", a);
    out.put("with", b);
    t.into(out);
    out.put("definition", DEFINITION);
    out.put("votes", votes);
    out.put("sources", sources(a));
    return out;
  }

  /** The agreement of two delegations in one year, over the recorded votes both have. */
  public record Year(
      int year, int votesShared, int votesBothTookPart, Double voeten, Double stateDepartment) {}

  /**
   * The pair's agreement year by year (both measures), oldest first, over the same votes as {@link
   * #pair}: for a chart of agreement over time.
   */
  public List<Year> byYear(String a, String b) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> votes = (List<Map<String, Object>>) pair(a, b).get("votes");
    Map<Integer, Tally> years = new java.util.TreeMap<>();
    for (Map<String, Object> v : votes) {
      int year = Integer.parseInt(((String) v.get("vote_date")).substring(0, 4));
      years
          .computeIfAbsent(year, y -> new Tally())
          .add((String) v.get("vote"), (String) v.get("with_vote"));
    }
    List<Year> out = new ArrayList<>();
    years.forEach(
        (year, t) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          t.into(m);
          out.add(
              new Year(
                  year,
                  t.shared,
                  t.bothTookPart,
                  (Double) m.get("voeten"),
                  (Double) m.get("state_department")));
        });
    return out;
  }

  /** The delegation against every other one it shared a recorded vote with, ranked. */
  public List<Map<String, Object>> ranking(String a) {
    Map<String, Tally> tallies = new LinkedHashMap<>();
    Map<String, Map<String, Object>> who = new LinkedHashMap<>();
    for (Map<String, Object> r :
        engine.rows(
            "select b.delegation_id, d.name, d.regional_group, a.vote as a, b.vote as b"
                + " from roll_call a join roll_call b on b.vote_id = a.vote_id and b.delegation_id <> a.delegation_id"
                + " join delegation d on d.id = b.delegation_id where a.delegation_id = ?",
            a)) {
      String id = (String) r.get("delegation_id");
      tallies.computeIfAbsent(id, x -> new Tally()).add((String) r.get("a"), (String) r.get("b"));
      who.computeIfAbsent(id, x -> r);
    }
    List<Map<String, Object>> sources = sources(a);
    List<Map<String, Object>> out = new ArrayList<>();
    for (var e : tallies.entrySet()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("delegation_id", a);
      row.put("with", e.getKey());
      row.put("with_name", who.get(e.getKey()).get("name"));
      row.put("with_regional_group", who.get(e.getKey()).get("regional_group"));
      e.getValue().into(row);
      row.put("sources", sources);
      out.add(row);
    }
    Comparator<Map<String, Object>> byVoeten =
        Comparator.comparing(
            (Map<String, Object> r) -> (Double) r.get("voeten"),
            Comparator.nullsLast(Comparator.reverseOrder()));
    out.sort(
        byVoeten
            .thenComparing(
                r -> (Double) r.get("state_department"),
                Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(r -> (String) r.get("with")));
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

  private List<Map<String, Object>> sources(String delegation) {
    return engine.rows(
        "select distinct s.id, s.publisher, s.title, s.url from citation c join source s on s.id = c.source_id"
            + " where c.record_type = 'roll_call' and c.record_id in"
            + " (select vote_id from roll_call where delegation_id = ?) order by s.id",
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

    void into(Map<String, Object> out) {
      out.put("votes_shared", shared);
      out.put("votes_both_took_part", bothTookPart);
      out.put("votes_both_yes_or_no", bothYesNo);
      out.put("identical", identical);
      out.put("opposite", opposite);
      out.put("one_abstained", oneAbstained);
      out.put("state_department", bothYesNo == 0 ? null : round((double) identical / bothYesNo));
      out.put("voeten", bothTookPart == 0 ? null : round(voetenSum / bothTookPart));
    }

    private static double round(double x) {
      return Math.round(x * 10000) / 10000.0;
    }
  }
}
