package org.plenary.treaty;

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
