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
    List<VoteBreakdown.Group> groups =
        jdbc.list(
            "select coalesce(d.regional_group, 'none'), "
                + "count(*) filter (where r.vote = 'yes')::int, "
                + "count(*) filter (where r.vote = 'no')::int, "
                + "count(*) filter (where r.vote = 'abstain')::int, "
                + "count(*) filter (where r.vote = 'non_voting')::int, "
                + "count(*)::int "
                + "from roll_call r join delegation d on d.id = r.delegation_id "
                + "where r.vote_id = ? group by 1 order by 1",
            rs ->
                new VoteBreakdown.Group(
                    rs.getString(1),
                    rs.getInt(2),
                    rs.getInt(3),
                    rs.getInt(4),
                    rs.getInt(5),
                    rs.getInt(6)),
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
            id, "regional_group", vote.rollCallStatus(), groups, totals, t, matches, sources));
  }
}
