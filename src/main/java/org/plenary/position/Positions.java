package org.plenary.position;

import static org.plenary.query.Field.longText;
import static org.plenary.query.Field.partialDate;
import static org.plenary.query.Field.text;

import org.plenary.query.CollectionSpec;

/** Stated positions, held by an organization or a delegation, voiced by a person where known. */
public final class Positions {
  private Positions() {}

  public static final CollectionSpec POSITIONS =
      CollectionSpec.builder(
              "positions",
              "position p left join organization o on o.id = p.organization_id "
                  + "left join delegation d on d.id = p.delegation_id "
                  + "left join person pe on pe.id = p.person_id")
          .field(text("id", "p.id", "Position id (slug)"))
          .field(text("actor_kind", "p.actor_kind", "organization or delegation"))
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
          .field(text("organization_id", "p.organization_id", "Organization holding it"))
          .field(text("organization_kind", "o.kind", "Kind of organization (ngo, company, ...)"))
          .field(text("delegation_id", "p.delegation_id", "Delegation holding it (ISO alpha-3)"))
          .field(text("person_id", "p.person_id", "Person who voiced it"))
          .field(text("person_name", "pe.name", "Name of the person"))
          .field(text("stance", "p.stance", "supports, opposes, conditional, concerned or mixed"))
          .field(longText("stance_summary", "p.stance_summary", "The stance in the source's words"))
          .field(
              longText("quote", "p.quote", "Verbatim quote; null where only a paraphrase exists"))
          .field(text("quote_status", "p.quote_status", "verbatim, fragment or none"))
          .field(
              longText("paraphrase", "p.paraphrase", "Paraphrase, where no verbatim quote exists"))
          .field(
              partialDate(
                  "date", "p.date", "p.date_precision", "Date, as precise as the source allows"))
          .field(text("date_precision", "p.date_precision", "day, month or year"))
          .field(longText("date_note", "p.date_note", "Why the date is imprecise"))
          .field(text("vote_id", "p.vote_id", "The vote it is about"))
          .field(text("certainty", "p.certainty", "confirmed, single_source or uncertain"))
          .field(longText("note", "p.note", "Caveats"))
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
