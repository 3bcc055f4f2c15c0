package org.plenary.delegation;

import static org.plenary.seed.Schema.DELEGATION;

import org.plenary.query.CollectionSpec;
import org.plenary.query.Field;
import org.plenary.vote.Measures;
import org.plenary.vote.Votes;

/**
 * A delegation's voting record (docs/analytics.md): with or against the majority, lone votes and
 * participation, aggregated by PostgreSQL over the recorded votes a request's vote filters choose
 * (the votes collection's own grammar: date__gte, session, body_id, q, ...). One aggregate, over
 * every delegation (the ranking) or one (its record), for the whole period or per year.
 */
public final class DelegationRecords {
  private DelegationRecords() {}

  /** The largest minority a lone vote may be in, by default. */
  public static final int LONE_MAX = 10;

  private static final CollectionSpec.Argument LONE =
      new CollectionSpec.Argument(
          "lone_max",
          LONE_MAX,
          1,
          1000,
          "A vote in the minority is lone when the minority side had at most this many votes");

  /**
   * The counts of each delegation's roll-call entries on the chosen votes ({@code extra}: more
   * grouping columns), as table t. The one SQL of the record's measures.
   */
  private static String counts(String extraSelect, String extraGroup, String sources) {
    String inMinority = "r.vote in ('yes', 'no') and r.vote <> v.majority";
    String recordsAbsences = "v.roll_call_status = 'complete' and v.non_voting is not null";
    return "(select r.delegation_id"
        + extraSelect
        + ", count(*) filter (where r.vote <> 'non_voting' and v.majority is not null)::int"
        + " as ballots, count(*) filter (where r.vote = v.majority)::int as with_majority,"
        + " count(*) filter (where "
        + inMinority
        + ")::int as in_minority, count(*) filter (where r.vote = 'abstain' and v.majority is not"
        + " null)::int as abstained, count(*) filter (where "
        + inMinority
        + " and v.minority <= {lone_max})::int as lone, count(*) filter (where "
        + recordsAbsences
        + ")::int as votes_held, count(*) filter (where "
        + recordsAbsences
        + " and r.vote <> 'non_voting')::int as took_part"
        + " from roll_call r join vote v on v.id = r.vote_id where r.vote_id in ({scope})"
        + " group by r.delegation_id"
        + extraGroup
        + ") t join delegation d on d.id = t.delegation_id"
        + sources;
  }

  private static CollectionSpec.Builder fields(CollectionSpec.Builder b, boolean byYear) {
    b.field(Field.text("delegation_id", "t.delegation_id", "Delegation (ISO alpha-3)"))
        .field(Field.column("delegation_name", "d", DELEGATION, "name", "Delegation name"))
        .field(Field.column("d", DELEGATION, "regional_group", "UN regional group"));
    if (byYear) {
      b.field(Field.integer("year", "t.year", "Calendar year of the votes"));
    }
    return b.field(
            Field.integer(
                "ballots",
                "t.ballots",
                "Yes, no and abstain ballots on votes with a majority side"))
        .field(
            Field.integer(
                "with_majority", "t.with_majority", "Ballots equal to the vote's majority side"))
        .field(
            Field.number(
                "with_majority_share",
                Measures.share("t.with_majority", "t.ballots"),
                "with_majority / ballots; null when ballots is 0"))
        .field(
            Field.integer(
                "in_minority", "t.in_minority", "Yes or no ballots against the majority side"))
        .field(
            Field.number(
                "in_minority_share",
                Measures.share("t.in_minority", "t.ballots"),
                "in_minority / ballots; null when ballots is 0"))
        .field(Field.integer("abstained", "t.abstained", "Abstentions (in ballots)"))
        .field(
            Field.number(
                "abstained_share",
                Measures.share("t.abstained", "t.ballots"),
                "abstained / ballots; null when ballots is 0"))
        .field(
            Field.integer(
                "lone",
                "t.lone",
                "in_minority ballots where the minority side had at most lone_max votes"))
        .field(
            Field.integer(
                "votes_held",
                "t.votes_held",
                "Its entries in roll calls that record absences (complete, non_voting known)"))
        .field(
            Field.integer(
                "took_part",
                "t.took_part",
                "Of votes_held, those where it voted yes, no or abstain"))
        .field(
            Field.number(
                "participation",
                Measures.share("t.took_part", "t.votes_held"),
                "took_part / votes_held; null when no counted roll call records absences"))
        .field(Field.longText("source_ids", "src.ids", Measures.SOURCE_IDS))
        .scope(Votes.VOTES)
        .argument(LONE)
        .definition(Measures.RECORD_DEFINITION);
  }

  /** Every delegation's record over the chosen votes (the ranking: sort=-in_minority_share). */
  public static final CollectionSpec RECORDS =
      fields(
              CollectionSpec.builder(
                  "delegation_records", counts("", "", " cross join " + Measures.SCOPE_SOURCES)),
              false)
          .key("delegation_id")
          .sort("delegation_id")
          .build();

  /** Each delegation's record per calendar year. */
  public static final CollectionSpec RECORD_YEARS =
      fields(
              CollectionSpec.builder(
                  "delegation_record_years",
                  counts(
                      ", extract(year from v.date)::int as year",
                      ", 2",
                      Measures.sourcesPerYear("t.year"))),
              true)
          .key("delegation_id", "year")
          .sort("delegation_id", "year")
          .build();
}
