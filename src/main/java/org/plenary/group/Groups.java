package org.plenary.group;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plenary.query.CollectionSpec;
import org.plenary.query.Field;
import org.plenary.seed.Vocabulary;
import org.plenary.vote.Measures;
import org.plenary.vote.Votes;

/**
 * Groups of delegations and their cohesion (docs/analytics.md). A group is a UN regional group (its
 * id the term: {@code weog}, {@code african}, ...; its members the delegations whose regional_group
 * it is) or an organization with delegations as members, a coalition of states (its id the
 * organization's; its members from membership.delegation_id, V21, each within its membership's
 * period). {@link #MEMBERS} and {@link #MEMBER_BALLOTS} are the one place membership is written.
 */
public final class Groups {
  private Groups() {}

  /** The regional groups' names, by id (the vocabulary's terms). */
  static final Map<String, String> NAMES = new LinkedHashMap<>();

  static {
    NAMES.put("african", "African States");
    NAMES.put("asia_pacific", "Asia-Pacific States");
    NAMES.put("eastern_european", "Eastern European States");
    NAMES.put("grulac", "Latin American and Caribbean States");
    NAMES.put("weog", "Western European and other States");
    if (!List.copyOf(NAMES.keySet()).equals(Vocabulary.REGIONAL_GROUP.terms())) {
      throw new IllegalStateException("Groups.NAMES must name every regional group");
    }
  }

  /** (group_id, delegation_id): every group's members, regional groups' and coalitions'. */
  public static final String MEMBERS =
      "(select d.regional_group as group_id, d.id as delegation_id from delegation d"
          + " where d.regional_group is not null union all select ms.organization_id,"
          + " ms.delegation_id from membership ms where ms.delegation_id is not null)";

  /**
   * (group_id, vote_id, delegation_id, vote): the roll-call rows r that count for each group: a
   * regional group's members' every row, a coalition's members' rows on the votes within their
   * membership's period. Two branches, so that the regional groups' plan reads no vote date and a
   * group_id condition reaches each branch.
   */
  private static final String MEMBER_BALLOTS =
      "(select d.regional_group as group_id, r.vote_id, r.delegation_id, r.vote from delegation d"
          + " join roll_call r on r.delegation_id = d.id where d.regional_group is not null"
          + " union all select ms.organization_id, r.vote_id, r.delegation_id, r.vote from"
          + " membership ms join roll_call r on r.delegation_id = ms.delegation_id join vote v0 on"
          + " v0.id = r.vote_id where v0.date between coalesce(ms.start_date, '-infinity'::date)"
          + " and coalesce(ms.end_date, 'infinity'::date))";

  private static String values() {
    StringBuilder sb = new StringBuilder("(values ");
    int i = 0;
    for (var e : NAMES.entrySet()) {
      sb.append(i++ > 0 ? ", " : "")
          .append("('")
          .append(e.getKey())
          .append("', '")
          .append(e.getValue())
          .append("', 'regional_group')");
    }
    return sb.append(") r(id, name, kind)").toString();
  }

  public static final CollectionSpec GROUPS =
      CollectionSpec.builder(
              "groups",
              "(select * from "
                  + values()
                  + " union all select o.id, o.name, 'organization' from organization o where"
                  + " exists (select 1 from membership ms where ms.organization_id = o.id and"
                  + " ms.delegation_id is not null)) g"
                  + " left join (select group_id, count(*)::int as n, string_agg(delegation_id, ';'"
                  + " order by delegation_id) as ids from "
                  + MEMBERS
                  + " m group by group_id) m on m.group_id = g.id")
          .field(
              Field.text(
                  "id",
                  "g.id",
                  "Group id: a UN regional group (weog, african, ...) or an organization's id (a"
                      + " coalition of states)"))
          .field(Field.text("name", "g.name", "Name"))
          .field(
              Field.term(
                  "kind",
                  "g.kind",
                  "regional_group, or organization: an organization with delegations as members"
                      + " (/v1/organizations/{id})",
                  List.of("regional_group", "organization")))
          .field(Field.integer("members", "coalesce(m.n, 0)", "How many delegations it has"))
          .field(
              Field.longText(
                  "member_ids", "m.ids", "Its members (ISO alpha-3 codes joined by ';')"))
          .key("id")
          .sort("id")
          .build();

  /**
   * Each group's ballots on each chosen vote, as table g (group_id, vote_id, yes, no, abstain,
   * non_voting; with {@code ids}, also yes_ids, no_ids, abstain_ids: the members by ballot, in
   * order): the one SQL of the group counts, one pass over the members' roll-call rows.
   */
  private static String perVote(boolean ids) {
    return "(select r.group_id, r.vote_id, count(*) filter (where r.vote = 'yes')::int as yes,"
        + " count(*) filter (where r.vote = 'no')::int as no,"
        + " count(*) filter (where r.vote = 'abstain')::int as abstain,"
        + " count(*) filter (where r.vote = 'non_voting')::int as non_voting"
        + (ids
            ? ", array_agg(r.delegation_id order by r.delegation_id) filter (where r.vote ="
                + " 'yes') as yes_ids, array_agg(r.delegation_id order by r.delegation_id) filter"
                + " (where r.vote = 'no') as no_ids, array_agg(r.delegation_id order by"
                + " r.delegation_id) filter (where r.vote = 'abstain') as abstain_ids"
            : "")
        + " from "
        + MEMBER_BALLOTS
        + " r where r.vote_id in ({scope}) group by r.group_id, r.vote_id)";
  }

  private static final String PER_VOTE = perVote(false);

  private static final String MAJORITY = Measures.groupMajority("g.yes", "g.no", "g.abstain");

  private static final String INDEX = Measures.agreementIndex("g.yes", "g.no", "g.abstain");

  /** Members against the group's majority on a vote (null when the group has no majority). */
  private static final String DEFECTIONS =
      "(case when "
          + MAJORITY
          + " is not null then g.yes + g.no + g.abstain - greatest(g.yes, g.no, g.abstain) end)";

  /** A group's cohesion on every chosen vote. */
  public static final CollectionSpec COHESION_VOTES =
      CollectionSpec.builder(
              "group_cohesion_votes",
              perVote(true)
                  + " g join vote v on v.id = g.vote_id"
                  + Measures.sourcesPerVote("g.vote_id"))
          .field(Field.text("group_id", "g.group_id", "Group"))
          .field(Field.text("vote_id", "g.vote_id", "Vote"))
          .field(Field.partialDate("vote_date", "v.date", "v.date_precision", "Date of the vote"))
          .field(Field.text("vote_subject", "v.subject", "What was voted on"))
          .field(Field.integer("yes", "g.yes", "Members voting yes"))
          .field(Field.integer("no", "g.no", "Members voting no"))
          .field(Field.integer("abstain", "g.abstain", "Members abstaining"))
          .field(Field.integer("non_voting", "g.non_voting", "Members recorded as not voting"))
          .field(
              Field.term(
                  "majority",
                  MAJORITY,
                  "The group's most frequent ballot (null on a tie)",
                  List.of("yes", "no", "abstain")))
          .field(Field.number("agreement_index", INDEX, "Hix-Noury-Roland Agreement Index, 0 to 1"))
          .field(
              Field.integer(
                  "defections", DEFECTIONS, "Members whose ballot differs from the majority"))
          .field(
              Field.longText(
                  "against_group_majority",
                  "(select string_agg(x, ';' order by x) from unnest(case "
                      + MAJORITY
                      + " when 'yes' then g.no_ids || g.abstain_ids when 'no' then g.yes_ids ||"
                      + " g.abstain_ids when 'abstain' then g.yes_ids || g.no_ids end) x)",
                  "The members against the group's majority (ISO alpha-3 codes joined by ';')"))
          .field(Field.longText("source_ids", "src.ids", Measures.SOURCE_IDS))
          .key("group_id", "vote_id")
          .sort("vote_date")
          .scope(Votes.VOTES)
          .definition(Measures.COHESION_DEFINITION)
          .build();

  /** The per-vote cohesion of each chosen vote summed up per group (and per year or topic). */
  private static String summary(String more) {
    return " count(*) filter (where g.yes + g.no + g.abstain > 0)::int as votes,"
        + " round(avg("
        + Measures.exactAgreementIndex("g.yes", "g.no", "g.abstain")
        + "), 4)::float8 as agreement_index, coalesce(sum("
        + DEFECTIONS
        + "), 0)::int as defections, count(*) filter (where "
        + DEFECTIONS
        + " > 0)::int as votes_with_defections from "
        + PER_VOTE
        + " g "
        + more;
  }

  /** The fields of {@link #summary}, over the votes {@code of} ("of the year"). */
  private static List<Field> summaryFields(String of) {
    return List.of(
        Field.integer("votes", "y.votes", "Chosen votes " + of + " on which a member voted"),
        Field.number(
            "agreement_index",
            "y.agreement_index",
            "Mean of the per-vote Agreement Indexes of the votes "
                + of
                + "; null when no member voted"),
        Field.integer(
            "defections", "y.defections", "Members against their group's majority, summed"),
        Field.integer(
            "votes_with_defections",
            "y.votes_with_defections",
            "Votes on which at least one member was against the group's majority"),
        Field.longText("source_ids", "src.ids", Measures.SOURCE_IDS));
  }

  /** A group's cohesion per calendar year. */
  public static final CollectionSpec COHESION_YEARS =
      CollectionSpec.builder(
              "group_cohesion_years",
              "(select g.group_id, extract(year from v.date)::int as year,"
                  + summary("join vote v on v.id = g.vote_id group by 1, 2")
                  + ") y"
                  + Measures.sourcesPerYear("y.year"))
          .field(Field.text("group_id", "y.group_id", "Group"))
          .field(Field.integer("year", "y.year", "Calendar year"))
          .fields(summaryFields("of the year"))
          .key("group_id", "year")
          .sort("year")
          .scope(Votes.VOTES)
          .definition(Measures.COHESION_DEFINITION)
          .build();

  /**
   * A group's cohesion per topic of the chosen votes (vote_topic): a vote counts under each of its
   * topics; the lowest mean index, the topic that divides the group most, comes first.
   */
  public static final CollectionSpec COHESION_TOPICS =
      CollectionSpec.builder(
              "group_cohesion_topics",
              "(select g.group_id, vt.topic_id,"
                  + summary("join vote_topic vt on vt.vote_id = g.vote_id group by 1, 2")
                  + ") y join topic t on t.id = y.topic_id"
                  + Measures.sourcesPerTopic("y.topic_id"))
          .field(Field.text("group_id", "y.group_id", "Group"))
          .field(Field.text("topic_id", "y.topic_id", "Topic (/v1/topics)"))
          .field(Field.text("topic_name", "t.name", "The topic's name"))
          .field(
              Field.term(
                  "scheme",
                  "t.scheme",
                  "The topic's scheme: voeten (Voeten's six issues), unbis (UN subject terms),"
                      + " agenda (agenda items)",
                  List.of("voeten", "unbis", "agenda")))
          .fields(summaryFields("on the topic"))
          .key("group_id", "topic_id")
          .sort("agreement_index")
          .scope(Votes.VOTES)
          .definition(Measures.COHESION_DEFINITION)
          .build();
}
