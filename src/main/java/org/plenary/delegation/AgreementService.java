package org.plenary.delegation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.plenary.delegation.AgreementRecords.ComparedVote;
import org.plenary.delegation.AgreementRecords.Measures;
import org.plenary.delegation.AgreementRecords.Pair;
import org.plenary.delegation.AgreementRecords.Ranked;
import org.plenary.delegation.AgreementRecords.Series;
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
 * A measure is null when no vote qualifies. They differ exactly when abstentions occur. The counts
 * are aggregated by PostgreSQL (one query per answer, whatever the length of the history),
 * optionally between two dates and per year.
 */
@ApplicationScoped
public class AgreementService {
  public static final String DEFINITION =
      "state_department = identical / (identical + opposite), over votes where both voted yes or no"
          + " (US State Department voting coincidence; abstentions and absences excluded). voeten ="
          + " mean of 1 - |a - b| with yes = 1, abstain = 0.5, no = 0, over votes where both voted yes,"
          + " no or abstain (Voeten's agreement index; absences excluded).";

  /** The counts behind both measures, as SQL aggregates over roll-call pairs a and b. */
  private static final String MEASURES = measures("");

  /**
   * The MEASURES columns, each aggregate followed by {@code over}: {@code " over ()"} gives every
   * row of a query the counts over all its rows (the pair's votes and measures in one scan).
   */
  private static String measures(String over) {
    return "count(*)"
        + over
        + "::int as votes_shared,"
        + " count(*) filter (where a.vote <> 'non_voting' and b.vote <> 'non_voting')"
        + over
        + "::int as votes_both_took_part,"
        + " count(*) filter (where a.vote in ('yes', 'no') and b.vote in ('yes', 'no'))"
        + over
        + "::int as votes_both_yes_or_no,"
        + " count(*) filter (where a.vote in ('yes', 'no') and a.vote = b.vote)"
        + over
        + "::int as identical,"
        + " count(*) filter (where a.vote in ('yes', 'no') and b.vote in ('yes', 'no') and a.vote"
        + " <> b.vote)"
        + over
        + "::int as opposite,"
        + " count(*) filter (where a.vote <> 'non_voting' and b.vote <> 'non_voting' and (a.vote ="
        + " 'abstain') <> (b.vote = 'abstain'))"
        + over
        + "::int as one_abstained,"
        + " sum(case when a.vote <> 'non_voting' and b.vote <> 'non_voting' then 1 - abs("
        + weight("a")
        + " - "
        + weight("b")
        + ") end)"
        + over
        + "::float8 as voeten_sum";
  }

  private static String weight(String alias) {
    return "(case "
        + alias
        + ".vote when 'yes' then 1.0 when 'abstain' then 0.5 when 'no' then 0.0 end)";
  }

  /**
   * The votes compared: inclusive date bounds (either may be null), topics and bodies
   * (comma-separated ids, any of them; null for every vote).
   */
  public record Period(LocalDate from, LocalDate to, String topics, String bodies) {
    public static final Period ALL = new Period(null, null, null, null);

    public Period(LocalDate from, LocalDate to) {
      this(from, to, null, null);
    }

    /** These bounds, on the votes of any of these topics (comma-separated ids; null for all). */
    public Period onTopics(String topicIds) {
      return new Period(from, to, topicIds, bodies);
    }

    /** These bounds, on the votes of any of these bodies (comma-separated ids; null for all). */
    public Period ofBodies(String bodyIds) {
      return new Period(from, to, topics, bodyIds);
    }

    /** From date__gte and date__lte (YYYY, YYYY-MM or YYYY-MM-DD: the whole period). */
    public static Period of(String gte, String lte) {
      LocalDate from = gte == null ? null : PartialDate.parse(gte).first();
      LocalDate to = null;
      if (lte != null) {
        PartialDate d = PartialDate.parse(lte);
        to =
            switch (d.precision()) {
              case "year" -> d.first().plusYears(1).minusDays(1);
              case "month" -> d.first().plusMonths(1).minusDays(1);
              default -> d.first();
            };
      }
      return new Period(from, to);
    }

    String sql() {
      return (from == null ? "" : " and v.date >= ?")
          + (to == null ? "" : " and v.date <= ?")
          + (topics == null
              ? ""
              : " and exists (select 1 from vote_topic t where t.vote_id = v.id and t.topic_id ="
                  + " any(string_to_array(?, ',')))")
          + (bodies == null ? "" : " and v.body_id = any(string_to_array(?, ','))");
    }

    List<Object> params() {
      List<Object> p = new ArrayList<>();
      if (from != null) {
        p.add(from);
      }
      if (to != null) {
        p.add(to);
      }
      if (topics != null) {
        p.add(topics);
      }
      if (bodies != null) {
        p.add(bodies);
      }
      return p;
    }
  }

  @Inject Jdbc jdbc;

  /** The two delegations' votes side by side, with both measures. */
  public Pair pair(String a, String b, Period period) {
    List<Object> params = new ArrayList<>(List.of(b, a));
    params.addAll(period.params());
    String from =
        " from roll_call a join roll_call b on b.vote_id = a.vote_id and b.delegation_id = ?"
            + " join vote v on v.id = a.vote_id where a.delegation_id = ?"
            + period.sql();
    // the votes and, on each row, the measures over all of them: one scan of the two delegations'
    // country votes instead of two
    Measures[] m = {null};
    List<ComparedVote> votes =
        jdbc.list(
            "select v.id, v.date, v.date_precision, v.subject, a.vote as a, b.vote as b, "
                + measures(" over ()")
                + from
                + " order by v.date, v.id",
            rs -> {
              if (m[0] == null) {
                m[0] = measures(rs, 7);
              }
              String va = rs.getString(5);
              String vb = rs.getString(6);
              return new ComparedVote(
                  rs.getString(1),
                  PartialDate.format(rs.getObject(2, LocalDate.class), rs.getString(3)),
                  rs.getString(4),
                  va,
                  vb,
                  score(va, vb));
            },
            params.toArray());
    return new Pair(a, b, m[0] == null ? NONE_SHARED : m[0], DEFINITION, votes, sources(a, period));
  }

  /** The two delegations' agreement per calendar year, oldest first. */
  public Series byYear(String a, String b, Period period) {
    return new Series(a, b, "year", DEFINITION, years(a, b, period), sources(a, period));
  }

  /**
   * The pair's agreement year by year over the whole history, without the sources (for the
   * explorer's chart and page, which do not show them).
   */
  public List<Year> byYear(String a, String b) {
    return years(a, b, Period.ALL);
  }

  private List<Year> years(String a, String b, Period period) {
    List<Object> params = new ArrayList<>(List.of(b, a));
    params.addAll(period.params());
    return jdbc.list(
        "select extract(year from v.date)::int as year, "
            + MEASURES
            + " from roll_call a join roll_call b on b.vote_id = a.vote_id and b.delegation_id"
            + " = ? join vote v on v.id = a.vote_id where a.delegation_id = ?"
            + period.sql()
            + " group by 1 order by 1",
        rs -> new Year(rs.getInt(1), measures(rs, 2)),
        params.toArray());
  }

  /** The delegation against every other one it shared a recorded vote with, ranked. */
  public List<Ranked> ranking(String a, Period period) {
    return ranking(a, period, sources(a, period));
  }

  /**
   * The ranking over the whole history, without the sources (for the explorer's page, which does
   * not show them).
   */
  public List<Ranked> ranking(String a) {
    return ranking(a, Period.ALL, List.of());
  }

  private List<Ranked> ranking(String a, Period period, List<Source> sources) {
    List<Object> params = new ArrayList<>(List.of(a));
    params.addAll(period.params());
    // ranked by voeten, then state_department (both descending, unknown last), then code
    return jdbc.list(
        "select t.with_id, d.name, d.regional_group, t.* from (select b.delegation_id as with_id, "
            + MEASURES
            + " from roll_call a join roll_call b on b.vote_id = a.vote_id and b.delegation_id"
            + " <> a.delegation_id"
            + (period.params().isEmpty() ? "" : " join vote v on v.id = a.vote_id")
            + " where a.delegation_id = ?"
            + period.sql()
            + " group by b.delegation_id) t join delegation d on d.id = t.with_id"
            + " order by round((voeten_sum / nullif(votes_both_took_part, 0))::numeric, 4)"
            + " desc nulls last, round(identical::numeric / nullif(votes_both_yes_or_no, 0),"
            + " 4) desc nulls last, t.with_id collate \"C\"",
        rs ->
            new Ranked(
                a, rs.getString(1), rs.getString(2), rs.getString(3), measures(rs, 5), sources),
        params.toArray());
  }

  /** The measures of two delegations that shared no vote (the aggregates over no row). */
  private static final Measures NONE_SHARED = new Measures(0, 0, 0, 0, 0, 0, null, null);

  /** The measures from the MEASURES columns, starting at column {@code first}. */
  private static Measures measures(java.sql.ResultSet rs, int first) throws java.sql.SQLException {
    int shared = rs.getInt(first);
    int tookPart = rs.getInt(first + 1);
    int yesNo = rs.getInt(first + 2);
    int identical = rs.getInt(first + 3);
    int opposite = rs.getInt(first + 4);
    int oneAbstained = rs.getInt(first + 5);
    double voetenSum = rs.getDouble(first + 6);
    return new Measures(
        shared,
        tookPart,
        yesNo,
        identical,
        opposite,
        oneAbstained,
        yesNo == 0 ? null : round((double) identical / yesNo),
        tookPart == 0 ? null : round(voetenSum / tookPart));
  }

  private static double round(double x) {
    return Math.round(x * 10000) / 10000.0;
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

  /** The sources of the roll calls the delegation took part in (in the period). */
  private List<Source> sources(String delegation, Period period) {
    List<Object> params = new ArrayList<>(List.of(delegation));
    params.addAll(period.params());
    return jdbc.list(
        "select s.id, s.publisher, s.title, s.url from source s where s.id in (select"
            + " c.source_id from citation c where c.record_type = 'roll_call' and c.record_id in"
            + " (select r.vote_id from roll_call r join vote v on v.id = r.vote_id where"
            + " r.delegation_id = ?"
            + period.sql()
            + ")) order by s.id",
        rs -> new Source(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
        params.toArray());
  }
}
