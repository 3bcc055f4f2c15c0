package org.plenary;

import java.util.LinkedHashMap;
import java.util.Map;
import org.plenary.delegation.Delegations;
import org.plenary.document.Documents;
import org.plenary.event.Events;
import org.plenary.organization.Organizations;
import org.plenary.person.People;
import org.plenary.position.Positions;
import org.plenary.query.CollectionSpec;
import org.plenary.source.SourceCollections;
import org.plenary.treaty.Treaties;
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
  }

  private static void add(String schema, CollectionSpec c) {
    COLLECTIONS.put(c.name(), new Entry(schema, c));
  }
}
