package org.plenary.delegation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
 * A measure is null when no vote qualifies. They differ exactly when abstentions occur. The counts
 * are aggregated by PostgreSQL (one query per answer, whatever the length of the history),
 * optionally between two dates and per year.
 */
@ApplicationScoped
public class Agreement {
  public static final String DEFINITION =
      "state_department = identical / (identical + opposite), over votes where both voted yes or no"
          + " (US State Department voting coincidence; abstentions and absences excluded). voeten ="
          + " mean of 1 - |a - b| with yes = 1, abstain = 0.5, no = 0, over votes where both voted yes,"
          + " no or abstain (Voeten's agreement index; absences excluded).";

  /** The counts behind both measures, as SQL aggregates over roll-call pairs a and b. */
  private static final String MEASURES =
      "count(*)::int as votes_shared,"
          + " count(*) filter (where a.vote <> 'non_voting' and b.vote <> 'non_voting')::int as"
          + " votes_both_took_part,"
          + " count(*) filter (where a.vote in ('yes', 'no') and b.vote in ('yes', 'no'))::int as"
          + " votes_both_yes_or_no,"
          + " count(*) filter (where a.vote in ('yes', 'no') and a.vote = b.vote)::int as identical,"
          + " count(*) filter (where a.vote in ('yes', 'no') and b.vote in ('yes', 'no') and a.vote"
          + " <> b.vote)::int as opposite,"
          + " count(*) filter (where a.vote <> 'non_voting' and b.vote <> 'non_voting' and (a.vote ="
          + " 'abstain') <> (b.vote = 'abstain'))::int as one_abstained,"
          + " sum(case when a.vote <> 'non_voting' and b.vote <> 'non_voting' then 1 - abs("
          + weight("a")
          + " - "
          + weight("b")
          + ") end)::float8 as voeten_sum";

  private static String weight(String alias) {
    return "(case "
        + alias
        + ".vote when 'yes' then 1.0 when 'abstain' then 0.5 when 'no' then 0.0 end)";
  }

  /** Inclusive date bounds (either may be null). */
  public record Period(LocalDate from, LocalDate to) {
    public static final Period ALL = new Period(null, null);

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
      return (from == null ? "" : " and v.date >= ?") + (to == null ? "" : " and v.date <= ?");
    }

    List<Object> params() {
      List<Object> p = new ArrayList<>();
      if (from != null) {
        p.add(from);
      }
      if (to != null) {
        p.add(to);
      }
      return p;
    }
  }

  /** A vote both delegations took part in. */
  @Schema(name = "AgreementVote", description = "A vote both delegations took part in")
  public record ComparedVote(
      String voteId,
      String voteDate,
      String voteSubject,
      @Schema(description = "The delegation's vote") String vote,
      @Schema(description = "The other delegation's vote") String withVote,
      @Schema(description = "1, 0.5 or 0; null when either did not vote") Double agreement) {}

  /** Two delegations: both measures and the votes compared. */
  @Schema(
      name = "AgreementPair",
      description = "Two delegations: both measures and the votes compared")
  public record Pair(
      String delegationId,
      String with,
      int votesShared,
      int votesBothTookPart,
      int votesBothYesOrNo,
      int identical,
      int opposite,
      int oneAbstained,
      Double stateDepartment,
      Double voeten,
      String definition,
      List<ComparedVote> votes,
      List<Map<String, Object>> sources) {}

  /** One delegation against another in the ranking. */
  @Schema(name = "AgreementRanked", description = "One delegation against another in the ranking")
  public record Ranked(
      String delegationId,
      String with,
      String withName,
      String withRegionalGroup,
      int votesShared,
      int votesBothTookPart,
      int votesBothYesOrNo,
      int identical,
      int opposite,
      int oneAbstained,
      Double stateDepartment,
      Double voeten,
      List<Map<String, Object>> sources) {}

  /** Two delegations' agreement in one year. */
  @Schema(name = "AgreementYear", description = "Two delegations' agreement in one year")
  public record Year(
      int year,
      int votesShared,
      int votesBothTookPart,
      int votesBothYesOrNo,
      int identical,
      int opposite,
      int oneAbstained,
      Double stateDepartment,
      Double voeten) {}

  /** Two delegations' agreement year by year (for dashboards). */
  @Schema(name = "AgreementSeries", description = "Two delegations' agreement year by year")
  public record Series(
      String delegationId,
      String with,
      String by,
      String definition,
      @Schema(description = "One entry per year in which both took part in a recorded vote")
          List<Year> series,
      List<Map<String, Object>> sources) {}

  @Inject QueryEngine engine;

  /** The two delegations' votes side by side, with both measures. */
  public Pair pair(String a, String b, Period period) {
    List<Object> params = new ArrayList<>(List.of(b, a));
    params.addAll(period.params());
    String from =
        " from roll_call a join roll_call b on b.vote_id = a.vote_id and b.delegation_id = ?"
            + " join vote v on v.id = a.vote_id where a.delegation_id = ?"
            + period.sql();
    Map<String, Object> m = engine.rows("select " + MEASURES + from, params.toArray()).get(0);
    List<ComparedVote> votes = new ArrayList<>();
    for (Map<String, Object> r :
        engine.rows(
            "select v.id, v.date, v.date_precision, v.subject, a.vote as a, b.vote as b"
                + from
                + " order by v.date, v.id",
            params.toArray())) {
      String va = (String) r.get("a");
      String vb = (String) r.get("b");
      votes.add(
          new ComparedVote(
              (String) r.get("id"),
              PartialDate.format(
                  ((java.sql.Date) r.get("date")).toLocalDate(), (String) r.get("date_precision")),
              (String) r.get("subject"),
              va,
              vb,
              score(va, vb)));
    }
    return new Pair(
        a,
        b,
        i(m, "votes_shared"),
        i(m, "votes_both_took_part"),
        i(m, "votes_both_yes_or_no"),
        i(m, "identical"),
        i(m, "opposite"),
        i(m, "one_abstained"),
        stateDepartment(m),
        voeten(m),
        DEFINITION,
        votes,
        sources(a, period));
  }

  /** The two delegations' agreement per calendar year, oldest first. */
  public Series byYear(String a, String b, Period period) {
    List<Object> params = new ArrayList<>(List.of(b, a));
    params.addAll(period.params());
    List<Year> years = new ArrayList<>();
    for (Map<String, Object> m :
        engine.rows(
            "select extract(year from v.date)::int as year, "
                + MEASURES
                + " from roll_call a join roll_call b on b.vote_id = a.vote_id and b.delegation_id"
                + " = ? join vote v on v.id = a.vote_id where a.delegation_id = ?"
                + period.sql()
                + " group by 1 order by 1",
            params.toArray())) {
      years.add(
          new Year(
              i(m, "year"),
              i(m, "votes_shared"),
              i(m, "votes_both_took_part"),
              i(m, "votes_both_yes_or_no"),
              i(m, "identical"),
              i(m, "opposite"),
              i(m, "one_abstained"),
              stateDepartment(m),
              voeten(m)));
    }
    return new Series(a, b, "year", DEFINITION, years, sources(a, period));
  }

  /** The pair's agreement year by year over the whole history (for the explorer's chart). */
  public List<Year> byYear(String a, String b) {
    return byYear(a, b, Period.ALL).series();
  }

  /** The delegation against every other one it shared a recorded vote with, ranked. */
  public List<Ranked> ranking(String a, Period period) {
    List<Object> params = new ArrayList<>(List.of(a));
    params.addAll(period.params());
    List<Map<String, Object>> sources = sources(a, period);
    List<Ranked> out = new ArrayList<>();
    // ranked by voeten, then state_department (both descending, unknown last), then code
    for (Map<String, Object> m :
        engine.rows(
            "select * from (select b.delegation_id as with_id, "
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
            params.toArray())) {
      out.add(
          new Ranked(
              a,
              (String) m.get("with_id"),
              (String) m.get("name"),
              (String) m.get("regional_group"),
              i(m, "votes_shared"),
              i(m, "votes_both_took_part"),
              i(m, "votes_both_yes_or_no"),
              i(m, "identical"),
              i(m, "opposite"),
              i(m, "one_abstained"),
              stateDepartment(m),
              voeten(m),
              sources));
    }
    return out;
  }

  private static int i(Map<String, Object> m, String k) {
    return ((Number) m.get(k)).intValue();
  }

  private static Double stateDepartment(Map<String, Object> m) {
    int n = i(m, "votes_both_yes_or_no");
    return n == 0 ? null : round((double) i(m, "identical") / n);
  }

  private static Double voeten(Map<String, Object> m) {
    int n = i(m, "votes_both_took_part");
    return n == 0 ? null : round(((Number) m.get("voeten_sum")).doubleValue() / n);
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
  private List<Map<String, Object>> sources(String delegation, Period period) {
    List<Object> params = new ArrayList<>(List.of(delegation));
    params.addAll(period.params());
    return engine.rows(
        "select s.id, s.publisher, s.title, s.url from source s where s.id in (select"
            + " c.source_id from citation c where c.record_type = 'roll_call' and c.record_id in"
            + " (select r.vote_id from roll_call r join vote v on v.id = r.vote_id where"
            + " r.delegation_id = ?"
            + period.sql()
            + ")) order by s.id",
        params.toArray());
  }
}
