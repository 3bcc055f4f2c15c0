package org.plenary.web;

import io.quarkus.qute.RawString;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.plenary.statement.StatementRecords;

/**
 * What a page's template reads, as a record per page: each component is a name the template uses
 * ({@code {vote.subject}}, {@code {#for r in rollCall}}), with its type. Records of the API (rows
 * of a collection) stay maps with the API's field names, as the templates read them by those.
 */
public interface PageModel {
  /** Hands each value to the template under its name (a record's components, in order). */
  default void fill(BiConsumer<String, Object> data) {
    for (RecordComponent c : getClass().getRecordComponents()) {
      try {
        data.accept(c.getName(), c.getAccessor().invoke(this));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("Cannot read " + c + " of " + getClass(), e);
      }
    }
  }

  /** The home page ({@code home.html}). */
  record Home(
      String heading,
      Map<String, Object> dataset,
      Map<String, Object> imported,
      Map<String, Object> record,
      Map<String, Object> treaty,
      RawString ratifications,
      List<Map<String, Object>> events,
      Map<String, Object> release)
      implements PageModel {}

  /** The list of votes ({@code votes.html}), with the filters it was asked for. */
  record VoteList(
      List<Map<String, Object>> votes,
      Long total,
      String q,
      String method,
      String outcome,
      String session,
      String sort,
      String topic,
      List<Map<String, Object>> topics,
      String bodyId,
      List<Map<String, Object>> bodies,
      List<Map<String, String>> kept,
      String next)
      implements PageModel {}

  /** One vote ({@code vote.html}): its tally, roll call, positions and debate. */
  record Vote(
      Map<String, Object> vote,
      RawString tally,
      RawString chart,
      int chartHeight,
      int tallyHeight,
      List<Map<String, Object>> groups,
      List<Map<String, Object>> rollCall,
      List<Map<String, Object>> positions,
      Map<String, Object> debate,
      String chartUrl,
      String tallyUrl)
      implements PageModel {}

  /** The list of delegations ({@code delegations.html}). */
  record DelegationList(
      List<Map<String, Object>> delegations, String group, Map<String, String> groups, String next)
      implements PageModel {}

  /** The delegations' voting records ({@code records.html}), with the filters asked for. */
  record VotingRecords(
      List<Map<String, Object>> records,
      String date_gte,
      String date_lte,
      String session,
      String lone_max,
      String sort,
      int loneMax,
      String loneShown,
      String definition,
      String next)
      implements PageModel {}

  /** A group's cohesion ({@code group.html}), over the votes its filters choose. */
  record Group(
      Map<String, Object> group,
      List<Map<String, Object>> years,
      List<Map<String, Object>> votes,
      List<Map<String, Object>> topics,
      RawString chart,
      int chartHeight,
      String chartUrl,
      String definition,
      String date_gte,
      String date_lte,
      String session)
      implements PageModel {}

  /** One delegation ({@code delegation.html}): votes, vetoes, positions, agreement. */
  record Delegation(
      Map<String, Object> delegation,
      String groupName,
      List<Map<String, Object>> votes,
      boolean moreVotes,
      List<Map<String, Object>> vetoes,
      List<Map<String, Object>> topics,
      String topic,
      String since,
      List<Map<String, Object>> positions,
      List<Map<String, Object>> most,
      List<Map<String, Object>> least,
      Map<String, Object> with,
      List<AgreementYear> years,
      RawString chart,
      int chartHeight,
      String chartUrl,
      List<Map<String, Object>> all)
      implements PageModel {}

  /** A year of a delegation's agreement with another, as the page's table shows it. */
  record AgreementYear(int year, int votesBothTookPart, String voeten, String stateDepartment) {}

  /** One organization ({@code organization.html}) and its positions. */
  record Organization(Map<String, Object> org, List<Map<String, Object>> positions)
      implements PageModel {}

  /** One person ({@code person.html}) and their positions. */
  record Person(Map<String, Object> person, List<Map<String, Object>> positions)
      implements PageModel {}

  /** The list of positions ({@code positions.html}), with its facets and filters. */
  record PositionList(
      List<Map<String, Object>> positions,
      String q,
      String stance,
      String actorKind,
      Map<String, Object> facets,
      List<String> stances,
      String next)
      implements PageModel {}

  /** One position ({@code position.html}). */
  record Position(Map<String, Object> position) implements PageModel {}

  /** The treaty ({@code treaty.html}): its status, signatures and ratifications. */
  record Treaty(
      Map<String, Object> treaty, List<Map<String, Object>> signatures, RawString ratifications)
      implements PageModel {}

  /**
   * The General Debate's search ({@code statements.html}): passages (each row with its {@code
   * highlight}) or statements, the counts per year and their chart, the filters asked for.
   */
  record StatementSearch(
      List<Map<String, Object>> rows,
      boolean searching,
      String q,
      String delegation,
      String from,
      String to,
      List<StatementRecords.Count> counts,
      RawString chart,
      String next,
      String citation)
      implements PageModel {}

  /** One General Debate statement ({@code statement.html}) and the delegation's ballots. */
  record Statement(Map<String, Object> s, String name, List<Map<String, Object>> ballots)
      implements PageModel {}

  /** One source ({@code source.html}) and the records that cite it. */
  record Source(Map<String, Object> source, List<Map<String, Object>> citedBy)
      implements PageModel {}
}
