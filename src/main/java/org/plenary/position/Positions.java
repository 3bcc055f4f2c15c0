package org.plenary.position;

import static org.plenary.query.Field.text;
import static org.plenary.seed.Schema.ORGANIZATION;
import static org.plenary.seed.Schema.PERSON;
import static org.plenary.seed.Schema.POSITION;

import org.plenary.query.CollectionSpec;
import org.plenary.query.Field;

/** Stated positions, held by an organization or a delegation, voiced by a person where known. */
public final class Positions {
  private Positions() {}

  public static final CollectionSpec POSITIONS =
      CollectionSpec.builder(
              "positions",
              "position p left join organization o on o.id = p.organization_id "
                  + "left join delegation d on d.id = p.delegation_id "
                  + "left join person pe on pe.id = p.person_id")
          .field(Field.column("p", POSITION, "id", "Position id (slug)"))
          .field(Field.column("p", POSITION, "actor_kind", "organization or delegation"))
          .field(
              text(
                  "actor_id",
                  "coalesce(p.organization_id, p.delegation_id)",
                  "Id of the organization or delegation"))
          .field(
              text(
                  "actor_name",
                  "coalesce(o.name, d.name)",
                  "Name of the organization or delegation"))
          .field(Field.column("p", POSITION, "organization_id", "Organization holding it"))
          .field(
              Field.column(
                  "organization_kind",
                  "o",
                  ORGANIZATION,
                  "kind",
                  "Kind of organization (ngo, company, ...)"))
          .field(
              Field.column("p", POSITION, "delegation_id", "Delegation holding it (ISO alpha-3)"))
          .field(Field.column("p", POSITION, "person_id", "Person who voiced it"))
          .field(Field.column("person_name", "pe", PERSON, "name", "Name of the person"))
          .field(
              Field.column(
                  "p", POSITION, "stance", "supports, opposes, conditional, concerned or mixed"))
          .field(
              Field.column(
                  "p",
                  POSITION,
                  "subject",
                  "What the stance is on: convention (the convention as a whole), clause (a"
                      + " provision of it), proposal (a proposal in the negotiations) or vote (a"
                      + " vote on another resolution, vote_id)"))
          .field(
              Field.column("p", POSITION, "stance_summary", "The stance in the source's words")
                  .asLongText())
          .field(
              Field.column(
                      "p", POSITION, "quote", "Verbatim quote; null where only a paraphrase exists")
                  .asLongText())
          .field(Field.column("p", POSITION, "quote_status", "verbatim, fragment or none"))
          .field(
              Field.column(
                      "p", POSITION, "paraphrase", "Paraphrase, where no verbatim quote exists")
                  .asLongText())
          .field(Field.column("p", POSITION, "date", "Date, as precise as the source allows"))
          .field(Field.column("p", POSITION, "date_precision", "day, month or year"))
          .field(Field.column("p", POSITION, "date_note", "Why the date is imprecise").asLongText())
          .field(Field.column("p", POSITION, "vote_id", "The vote it is about"))
          .field(Field.column("p", POSITION, "certainty", "confirmed, single_source or uncertain"))
          .field(Field.column("p", POSITION, "note", "Caveats").asLongText())
          .timestamps("p")
          .key("id")
          .sort("date")
          .search(
              "setweight(to_tsvector('english', coalesce(p.quote, '') || ' ' || coalesce(p.paraphrase, '')), 'A')"
                  + " || setweight(to_tsvector('english', coalesce(pe.name, '') || ' ' || coalesce(o.name, d.name, '')), 'A')"
                  + " || setweight(to_tsvector('english', p.stance_summary), 'B')"
                  + " || setweight(to_tsvector('english', coalesce(p.note, '')), 'D')",
              "concat_ws(' | ', p.quote, p.paraphrase, p.stance_summary, pe.name, coalesce(o.name, d.name))")
          .cites("position", "id")
          .build();
}
