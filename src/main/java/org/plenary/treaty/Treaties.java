package org.plenary.treaty;

import static org.plenary.query.Field.bool;
import static org.plenary.query.Field.date;
import static org.plenary.query.Field.integer;
import static org.plenary.query.Field.longText;
import static org.plenary.query.Field.partialDate;
import static org.plenary.query.Field.text;

import java.util.List;
import java.util.Map;
import org.plenary.query.CollectionSpec;
import org.plenary.query.CollectionSpec.Embed;

/** The convention and its known signatures. */
public final class Treaties {
  private Treaties() {}

  public static final CollectionSpec SIGNATURES =
      CollectionSpec.builder(
              "signatures", "signature s join delegation d on d.id = s.delegation_id")
          .field(text("id", "s.id", "Signature id: treaty--iso3"))
          .field(text("treaty_id", "s.treaty_id", "Treaty"))
          .field(
              text("delegation_id", "s.delegation_id", "Signatory (ISO alpha-3; EUU for the EU)"))
          .field(text("delegation_name", "d.name", "Signatory name"))
          .field(
              partialDate(
                  "date", "s.date", "s.date_precision", "Date of signature, as precise as known"))
          .field(text("date_precision", "s.date_precision", "day, month or year"))
          .field(text("certainty", "s.certainty", "confirmed, single_source or uncertain"))
          .field(longText("note", "s.note", "Caveats"))
          .timestamps("s")
          .key("id")
          .sort("id")
          .cites("signature", "id")
          .build();

  /** Figures that sources disagree on (e.g. the signatory count), each claim with its sources. */
  public static final CollectionSpec CLAIMS =
      CollectionSpec.builder("claims", "claim c")
          .field(text("id", "c.id", "Claim id"))
          .field(text("subject_type", "c.subject_type", "The table of the record it is about"))
          .field(text("subject_id", "c.subject_id", "The record it is about"))
          .field(text("property", "c.property", "The figure claimed, e.g. signatories_count"))
          .field(integer("value", "c.value", "The value this source gives"))
          .field(
              partialDate("as_of", "c.as_of", "c.as_of_precision", "The date the figure describes"))
          .field(text("as_of_precision", "c.as_of_precision", "day, month or year"))
          .field(text("certainty", "c.certainty", "confirmed, single_source or uncertain"))
          .field(bool("reported", "c.reported", "Whether Plenary reports this value"))
          .field(longText("reason", "c.reason", "Why Plenary reports it"))
          .field(longText("note", "c.note", "Caveats"))
          .timestamps("c")
          .key("id")
          .sort("id")
          .cites("claim", "id")
          .build();

  /** Known ratifications, each with its sources. */
  public static final CollectionSpec RATIFICATIONS =
      CollectionSpec.builder(
              "ratifications", "ratification r join delegation d on d.id = r.delegation_id")
          .field(text("id", "r.id", "Ratification id: treaty--iso3"))
          .field(text("treaty_id", "r.treaty_id", "Treaty"))
          .field(text("delegation_id", "r.delegation_id", "Ratifying delegation (ISO alpha-3)"))
          .field(text("delegation_name", "d.name", "Its name"))
          .field(partialDate("date", "r.date", "r.date_precision", "Date of deposit"))
          .field(text("date_precision", "r.date_precision", "day, month or year"))
          .field(text("certainty", "r.certainty", "confirmed, single_source or uncertain"))
          .field(longText("note", "r.note", "Caveats"))
          .timestamps("r")
          .key("id")
          .sort("id")
          .cites("ratification", "id")
          .build();

  public static final CollectionSpec TREATIES =
      CollectionSpec.builder("treaties", "treaty t")
          .field(text("id", "t.id", "Treaty id"))
          .field(text("name", "t.name", "Full title"))
          .field(text("short_name", "t.short_name", "Short name"))
          .field(text("adopted_document_id", "t.adopted_document_id", "Resolution adopting it"))
          .field(text("adoption_vote_id", "t.adoption_vote_id", "The adoption decision"))
          .field(date("adopted_on", "t.adopted_on", "Date of adoption"))
          .field(date("signature_opened", "t.signature_opened", "First day open for signature"))
          .field(date("signature_closes", "t.signature_closes", "Last day open for signature"))
          .field(
              integer(
                  "signatories_official_count",
                  "t.signatories_official_count",
                  "Official count of signatories"))
          .field(
              integer(
                  "ratifications_required",
                  "t.ratifications_required",
                  "Ratifications needed for entry into force"))
          .field(
              integer(
                  "entry_into_force_days",
                  "t.entry_into_force_days",
                  "Days after the last ratification needed"))
          .field(longText("note", "t.note", "Conflicting counts and unknowns"))
          .timestamps("t")
          .key("id")
          .sort("id")
          .cites("treaty", "id")
          .include(
              new Embed(
                  "signatures",
                  SIGNATURES,
                  "treaty_id",
                  "id",
                  Map.of(),
                  List.of("treaty_id"),
                  "Known signatures"))
          .build();
}
