package org.plenary.vote;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.plenary.query.Jdbc;

/**
 * Counts a vote's roll call per group in SQL (one aggregate query whatever the number of
 * delegations) and sets the result beside the vote's official tallies.
 */
@ApplicationScoped
public class BreakdownService {
  /** The groupings a breakdown can be made by. */
  public static final List<String> GROUPINGS = List.of("regional_group");

  @Inject Jdbc jdbc;

  private record VoteTallies(VoteBreakdown.Tallies tallies, String rollCallStatus) {}

  /** The breakdown of vote {@code id}; empty when there is no such vote. */
  public Optional<VoteBreakdown> breakdown(String id) {
    List<VoteTallies> found =
        jdbc.list(
            "select yes, no, abstain, non_voting, roll_call_status from vote where id = ?",
            rs ->
                new VoteTallies(
                    new VoteBreakdown.Tallies(
                        (Integer) rs.getObject(1),
                        (Integer) rs.getObject(2),
                        (Integer) rs.getObject(3),
                        (Integer) rs.getObject(4)),
                    rs.getString(5)),
            id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    VoteTallies vote = found.get(0);
    String majority = Measures.groupMajority("g.yes", "g.no", "g.abstain");
    List<VoteBreakdown.Group> groups =
        jdbc.list(
            "select g.*, case when g.grp <> 'none' then "
                + Measures.agreementIndex("g.yes", "g.no", "g.abstain")
                + " end, case when g.grp <> 'none' then "
                + majority
                + " end, case when g.grp <> 'none' then (select array_agg(r2.delegation_id order"
                + " by r2.delegation_id) from roll_call r2 join delegation d2 on d2.id ="
                + " r2.delegation_id where r2.vote_id = ? and d2.regional_group = g.grp and"
                + " r2.vote <> 'non_voting' and r2.vote <> "
                + majority
                + ") end from (select coalesce(d.regional_group, 'none') as grp, "
                + "count(*) filter (where r.vote = 'yes')::int as yes, "
                + "count(*) filter (where r.vote = 'no')::int as no, "
                + "count(*) filter (where r.vote = 'abstain')::int as abstain, "
                + "count(*) filter (where r.vote = 'non_voting')::int as non_voting, "
                + "count(*)::int as total "
                + "from roll_call r join delegation d on d.id = r.delegation_id "
                + "where r.vote_id = ? group by 1) g order by 1",
            rs -> {
              java.sql.Array against = rs.getArray(9);
              return new VoteBreakdown.Group(
                  rs.getString(1),
                  rs.getInt(2),
                  rs.getInt(3),
                  rs.getInt(4),
                  rs.getInt(5),
                  rs.getInt(6),
                  (Double) rs.getObject(7),
                  rs.getString(8),
                  against == null ? List.of() : List.of((String[]) against.getArray()));
            },
            id,
            id);
    VoteBreakdown.Counts totals =
        new VoteBreakdown.Counts(
            groups.stream().mapToInt(VoteBreakdown.Group::yes).sum(),
            groups.stream().mapToInt(VoteBreakdown.Group::no).sum(),
            groups.stream().mapToInt(VoteBreakdown.Group::abstain).sum(),
            groups.stream().mapToInt(VoteBreakdown.Group::nonVoting).sum(),
            groups.stream().mapToInt(VoteBreakdown.Group::total).sum());
    VoteBreakdown.Tallies t = vote.tallies();
    boolean matches =
        Objects.equals(t.yes(), totals.yes())
            && Objects.equals(t.no(), totals.no())
            && Objects.equals(t.abstain(), totals.abstain())
            && Objects.equals(t.nonVoting(), totals.nonVoting());
    List<VoteBreakdown.Source> sources =
        jdbc.list(
            "select s.id, s.publisher, s.title, s.url, c.locator from citation c "
                + "join source s on s.id = c.source_id "
                + "where c.record_type = 'roll_call' and c.record_id = ? order by s.id",
            rs ->
                new VoteBreakdown.Source(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5)),
            id);
    return Optional.of(
        new VoteBreakdown(
            id,
            "regional_group",
            vote.rollCallStatus(),
            groups,
            totals,
            t,
            matches,
            Measures.COHESION_DEFINITION,
            sources));
  }
}
