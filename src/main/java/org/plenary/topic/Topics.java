package org.plenary.topic;

import static org.plenary.seed.Schema.CONFLICT;
import static org.plenary.seed.Schema.TOPIC;

import org.plenary.query.CollectionSpec;
import org.plenary.query.Field;

/**
 * The topics of votes (Voeten's issues, the UN's subject terms, agenda items) with their vote
 * counts, and the conflicts between sources of one vote.
 */
public final class Topics {
  private Topics() {}

  public static final CollectionSpec TOPICS =
      CollectionSpec.builder("topics", "topic t")
          .field(Field.column("t", TOPIC, "id", "Topic id: topic= on votes, roll calls, agreement"))
          .field(
              Field.column(
                  "t",
                  TOPIC,
                  "scheme",
                  "voeten (Voeten's six issues), unbis (UN subject terms), agenda (agenda items)"))
          .field(Field.column("t", TOPIC, "name", "Name"))
          .field(
              Field.integer(
                  "vote_count",
                  "(select count(*) from vote_topic vt where vt.topic_id = t.id)::int",
                  "How many votes have this topic"))
          .field(
              Field.column("t", TOPIC, "note", "Where it comes from, what it covers").asLongText())
          .timestamps("t")
          .key("id")
          .sort("scheme", "id")
          .build();

  public static final CollectionSpec CONFLICTS =
      CollectionSpec.builder("conflicts", "conflict c")
          .field(Field.column("c", CONFLICT, "id", "Conflict id: vote--field[--delegation]"))
          .field(Field.column("c", CONFLICT, "vote_id", "The vote both sources report"))
          .field(
              Field.column(
                  "c",
                  CONFLICT,
                  "field",
                  "What differs: yes, no, abstain, non_voting, ballot, method or date (the date of a"
                      + " roll call of Voeten's before the 56th session, found whatever the date)"))
          .field(Field.column("c", CONFLICT, "delegation_id", "The delegation, for a ballot"))
          .field(
              Field.column(
                  "c",
                  CONFLICT,
                  "published_value",
                  "What the published dataset holds (null: nothing); it stands"))
          .field(
              Field.column(
                  "c",
                  CONFLICT,
                  "published_source_id",
                  "The source of the published value (null: the vote's own citations)"))
          .field(Field.column("c", CONFLICT, "other_value", "What the other source says"))
          .field(Field.column("c", CONFLICT, "other_source_id", "The other source"))
          .field(Field.column("c", CONFLICT, "other_locator", "Where in the other source"))
          .field(Field.column("c", CONFLICT, "note", "Why they differ, where known").asLongText())
          .timestamps("c")
          .key("id")
          .sort("vote_id", "id")
          .build();
}
