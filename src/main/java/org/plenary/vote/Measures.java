package org.plenary.vote;

/**
 * The measures of a vote record (docs/analytics.md), each defined once: its definition as the API
 * states it, and its SQL. The per-vote measures (margin, margin_share, majority, minority,
 * division) are stored columns of {@code vote} computed by PostgreSQL from the tallies
 * (V16__vote_margins.sql); the per-ballot and per-group ones are the SQL fragments below, used by
 * every endpoint that shows them.
 */
public final class Measures {
  private Measures() {}

  public static final String MARGIN =
      "|yes - no|: the winning side's lead, for recorded votes; null when yes or no is unknown";

  public static final String MARGIN_SHARE =
      "margin / (yes + no + abstain), 4 decimals: the lead as a share of those who voted yes, no"
          + " or abstained (absences not counted); null when a tally is unknown";

  public static final String MAJORITY =
      "The majority side: yes when yes > no, no when no > yes; on a tie the outcome's side"
          + " (adopted: yes, rejected: no), null on a tie with an unknown outcome. The numbers decide"
          + " even where a two-thirds rule made the outcome differ";

  public static final String MINORITY =
      "How many voted on the other side of yes/no from the majority (the tallies' count)";

  public static final String DIVISION =
      "min(yes, no) / (yes + no + abstain), 4 decimals: the minority's share of those who voted;"
          + " 0 when nobody opposed, at most 0.5. sort=-division puts the most divided first";

  /** The definition of a delegation's record (meta.definition of its collections). */
  public static final String RECORD_DEFINITION =
      "Over the recorded votes chosen by the filters (date__gte, date__lte, session, body_id, q,"
          + " and any other filter of /v1/votes) that have a majority side (the side with more of"
          + " yes and no; on a tie the outcome's side; a tie with an unknown outcome counts for no"
          + " side and is left out). ballots = the delegation's yes, no and abstain ballots on them;"
          + " with_majority = ballots equal to the majority side; in_minority = yes or no ballots on"
          + " the other side; abstained = abstentions (neither with nor against: they count in"
          + " ballots, so with_majority_share + in_minority_share + abstained_share = 1); lone ="
          + " in_minority ballots where the minority side (the tallies' count) had at most lone_max"
          + " votes (default 10). Absences (non_voting) and missing roll-call rows are not"
          + " ballots. Participation counts only roll calls whose source records absences"
          + " (roll_call_status complete and non_voting known): votes_held = the delegation's"
          + " entries in them (it was a member), took_part = those that are not non_voting;"
          + " participation = took_part / votes_held; a roll call without recorded absences is"
          + " never counted as an absence. Shares have 4 decimals and are null when nothing is"
          + " counted.";

  /** The definition of a group's cohesion (meta.definition of its collections). */
  public static final String COHESION_DEFINITION =
      "Agreement Index (Hix, Noury and Roland 2005) of a group on a vote: (max(Y, N, A) - (Y + N +"
          + " A - max(Y, N, A)) / 2) / (Y + N + A), with Y, N, A its members' yes, no and abstain"
          + " ballots (absences and missing roll-call rows left out); 1 when all voted alike, 0 when"
          + " split evenly three ways; null when no member voted. The group's majority is its most"
          + " frequent of yes, no, abstain (null on a tie); against_group_majority lists the members"
          + " whose ballot differs from it. Per year: agreement_index is the mean of the year's"
          + " per-vote indexes; defections the sum of members against their group's majority."
          + " Members: a delegation belongs to its UN regional group (delegation.regional_group),"
          + " and to each organization that lists it as a member (a coalition of states, cited)."
          + " Votes: the recorded votes chosen by the filters of /v1/votes (date__gte, session,"
          + " body_id, q, ...).";

  /**
   * The Agreement Index of counts {@code y}, {@code n}, {@code a} (SQL integer expressions), 4
   * decimals, null when all are zero.
   */
  public static String agreementIndex(String y, String n, String a) {
    return exactAgreementIndex(y, n, a) + "::float8";
  }

  /**
   * As {@link #agreementIndex}, as an exact numeric (for means: a mean of exact values, rounded
   * once, is the same whatever order they are added in).
   */
  public static String exactAgreementIndex(String y, String n, String a) {
    String max = "greatest(" + y + ", " + n + ", " + a + ")";
    String total = "(" + y + " + " + n + " + " + a + ")";
    return "round(("
        + max
        + " - ("
        + total
        + " - "
        + max
        + ") / 2.0) / nullif("
        + total
        + ", 0), 4)";
  }

  /** The most frequent of yes, no, abstain among counts {@code y, n, a}; null on a tie. */
  public static String groupMajority(String y, String n, String a) {
    return "(case when "
        + y
        + " > greatest("
        + n
        + ", "
        + a
        + ") then 'yes' when "
        + n
        + " > greatest("
        + y
        + ", "
        + a
        + ") then 'no' when "
        + a
        + " > greatest("
        + y
        + ", "
        + n
        + ") then 'abstain' end)";
  }

  /** A share with 4 decimals, null when the denominator is 0. */
  public static String share(String part, String whole) {
    return "round(" + part + "::numeric / nullif(" + whole + ", 0), 4)::float8";
  }

  /**
   * The sources cited by the roll calls of the votes the request chose, per row of an aggregate:
   * {@code left join} of table src (k, ids) on {@code k = on}, where k is {@code key} (an
   * expression over citation c and what {@code join} adds) and ids the sources of the chosen votes
   * with that key, joined by ';'. A row cites the roll calls it counts, not every chosen one.
   */
  public static String sourcesPer(String key, String join, String on) {
    return " left join (select "
        + key
        + " as k, string_agg(distinct c.source_id, ';' order by c.source_id) as ids from citation c"
        + join
        + " where c.record_type = 'roll_call' and c.record_id in ({scope}) group by 1) src on src.k"
        + " = "
        + on;
  }

  /** {@link #sourcesPer} a vote: the sources of vote {@code voteId}'s roll call. */
  public static String sourcesPerVote(String voteId) {
    return sourcesPer("c.record_id", "", voteId);
  }

  /** {@link #sourcesPer} calendar year {@code year} of the votes. */
  public static String sourcesPerYear(String year) {
    return sourcesPer(
        "extract(year from sv.date)::int", " join vote sv on sv.id = c.record_id", year);
  }

  /** {@link #sourcesPer} topic {@code topicId} of the votes (vote_topic). */
  public static String sourcesPerTopic(String topicId) {
    return sourcesPer("st.topic_id", " join vote_topic st on st.vote_id = c.record_id", topicId);
  }

  /** The sources cited by the roll calls of the votes the request chose, ids joined by ';'. */
  public static final String SCOPE_SOURCES =
      "(select string_agg(distinct c.source_id, ';' order by c.source_id) as ids from citation c"
          + " where c.record_type = 'roll_call' and c.record_id in ({scope})) src";

  public static final String SOURCE_IDS =
      "The sources of the roll calls counted (ids joined by ';'; see /v1/sources/{id})";
}
