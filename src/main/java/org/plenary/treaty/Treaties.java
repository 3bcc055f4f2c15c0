package org.plenary.treaty;

import static org.plenary.seed.Schema.DELEGATION;
import static org.plenary.seed.Schema.SIGNATURE;
import static org.plenary.seed.Schema.TREATY;

import java.util.List;
import java.util.Map;
import org.plenary.query.CollectionSpec;
import org.plenary.query.CollectionSpec.Embed;
import org.plenary.query.Field;

/** The convention and its known signatures. */
public final class Treaties {
  private Treaties() {}

  public static final CollectionSpec SIGNATURES =
      CollectionSpec.builder(
              "signatures", "signature s join delegation d on d.id = s.delegation_id")
          .field(Field.column("s", SIGNATURE, "id", "Signature id: treaty--iso3"))
          .field(Field.column("s", SIGNATURE, "treaty_id", "Treaty"))
          .field(
              Field.column(
                  "s", SIGNATURE, "delegation_id", "Signatory (ISO alpha-3; EUU for the EU)"))
          .field(Field.column("delegation_name", "d", DELEGATION, "name", "Signatory name"))
          .field(Field.column("s", SIGNATURE, "date", "Date of signature, as precise as known"))
          .field(Field.column("s", SIGNATURE, "date_precision", "day, month or year"))
          .field(Field.column("s", SIGNATURE, "certainty", "confirmed, single_source or uncertain"))
          .field(Field.column("s", SIGNATURE, "note", "Caveats").asLongText())
          .timestamps("s")
          .key("id")
          .sort("id")
          .cites("signature", "id")
          .build();

  public static final CollectionSpec TREATIES =
      CollectionSpec.builder("treaties", "treaty t")
          .field(Field.column("t", TREATY, "id", "Treaty id"))
          .field(Field.column("t", TREATY, "name", "Full title"))
          .field(Field.column("t", TREATY, "short_name", "Short name"))
          .field(Field.column("t", TREATY, "adopted_document_id", "Resolution adopting it"))
          .field(Field.column("t", TREATY, "adoption_vote_id", "The adoption decision"))
          .field(Field.column("t", TREATY, "adopted_on", "Date of adoption"))
          .field(Field.column("t", TREATY, "signature_opened", "First day open for signature"))
          .field(Field.column("t", TREATY, "signature_closes", "Last day open for signature"))
          .field(
              Field.column(
                  "t", TREATY, "signatories_official_count", "Official count of signatories"))
          .field(
              Field.column(
                  "t",
                  TREATY,
                  "ratifications_required",
                  "Ratifications needed for entry into force"))
          .field(
              Field.column(
                  "t", TREATY, "entry_into_force_days", "Days after the last ratification needed"))
          .field(Field.column("t", TREATY, "note", "Conflicting counts and unknowns").asLongText())
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
