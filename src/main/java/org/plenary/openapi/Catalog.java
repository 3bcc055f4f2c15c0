package org.plenary.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plenary.delegation.DelegationRecords;
import org.plenary.delegation.DelegationResource;
import org.plenary.delegation.Delegations;
import org.plenary.document.Documents;
import org.plenary.event.Events;
import org.plenary.group.Groups;
import org.plenary.organization.Organizations;
import org.plenary.person.People;
import org.plenary.position.Positions;
import org.plenary.query.CollectionSpec;
import org.plenary.source.SourceCollections;
import org.plenary.statement.Statements;
import org.plenary.topic.Topics;
import org.plenary.treaty.Treaties;
import org.plenary.vote.VoteResource;
import org.plenary.vote.Votes;

/** Every collection the API serves, by name, with the name of its record schema. */
public final class Catalog {
  private Catalog() {}

  /** A collection and the schema name of one of its records. */
  public record Entry(String schema, CollectionSpec collection) {}

  public static final Map<String, Entry> COLLECTIONS = new LinkedHashMap<>();

  static {
    add("Vote", Votes.VOTES);
    add("RollCallEntry", Votes.ROLL_CALLS);
    add("Body", Votes.BODIES);
    add("Delegation", Delegations.DELEGATIONS);
    add("Organization", Organizations.ORGANIZATIONS);
    add("Person", People.PEOPLE);
    add("Position", Positions.POSITIONS);
    add("Document", Documents.DOCUMENTS);
    add("Source", SourceCollections.SOURCES);
    add("Event", Events.EVENTS);
    add("Signature", Treaties.SIGNATURES);
    add("Treaty", Treaties.TREATIES);
    add("DelegationRecord", DelegationRecords.RECORDS);
    add("Group", Groups.GROUPS);
    add("GroupCohesionVote", Groups.COHESION_VOTES);
    add("Statement", Statements.STATEMENTS);
    add("Topic", Topics.TOPICS);
    add("Conflict", Topics.CONFLICTS);
    add("Veto", DelegationResource.VETOES);
  }

  /**
   * A collection served in another default order by a sub-resource, by {@code name.view}: the
   * OpenAPI document describes that order.
   */
  public static final Map<String, Entry> VIEWS = new LinkedHashMap<>();

  static {
    VIEWS.put("roll_calls.of_vote", new Entry("RollCallEntry", VoteResource.ROLL_CALL_OF_VOTE));
    VIEWS.put(
        "roll_calls.of_delegation",
        new Entry("RollCallEntry", DelegationResource.VOTES_OF_DELEGATION));
    // with q=, /v1/statements lists matching paragraphs: the same fields, paragraph set
    VIEWS.put("statements.search", new Entry("Statement", Statements.PASSAGES));
    VIEWS.put(
        "statements.of_delegation", new Entry("Statement", Statements.STATEMENTS_OF_DELEGATION));
  }

  /**
   * Collections served on another's path when by= asks for them (by=year), by name: the OpenAPI
   * document describes their records beside the path's default ones.
   */
  public static final Map<String, Entry> ALTERNATES = new LinkedHashMap<>();

  static {
    ALTERNATES.put(
        DelegationRecords.RECORD_YEARS.name(),
        new Entry("DelegationRecordYear", DelegationRecords.RECORD_YEARS));
    ALTERNATES.put(
        Groups.COHESION_YEARS.name(), new Entry("GroupCohesionYear", Groups.COHESION_YEARS));
    ALTERNATES.put(
        Groups.COHESION_TOPICS.name(), new Entry("GroupCohesionTopic", Groups.COHESION_TOPICS));
  }

  /**
   * The schemas of the records a collection of measures gives with {@code by=} (year, topic)
   * instead of its own, by the collection's name: its list's items are one of them or its own.
   */
  public static final Map<String, List<String>> BY =
      Map.of(
          DelegationRecords.RECORDS.name(), List.of("DelegationRecordYear"),
          Groups.COHESION_VOTES.name(), List.of("GroupCohesionYear", "GroupCohesionTopic"));

  /** The collection or view an operation's x-plenary-list names. */
  public static Entry lookup(String name) {
    Entry e = COLLECTIONS.containsKey(name) ? COLLECTIONS.get(name) : VIEWS.get(name);
    if (e == null) {
      throw new IllegalArgumentException("No collection or view '" + name + "'");
    }
    return e;
  }

  private static void add(String schema, CollectionSpec c) {
    COLLECTIONS.put(c.name(), new Entry(schema, c));
  }
}
