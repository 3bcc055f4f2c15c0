package org.plenary.treaty;

import static org.plenary.seed.Schema.CLAIM;
import static org.plenary.seed.Schema.DELEGATION;
import static org.plenary.seed.Schema.RATIFICATION;
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

  /** Figures that sources disagree on (e.g. the signatory count), each claim with its sources. */
  public static final CollectionSpec CLAIMS =
      CollectionSpec.builder("claims", "claim c")
          .field(Field.column("c", CLAIM, "id", "Claim id"))
          .field(Field.column("c", CLAIM, "subject_type", "The table of the record it is about"))
          .field(Field.column("c", CLAIM, "subject_id", "The record it is about"))
          .field(Field.column("c", CLAIM, "property", "The figure claimed, e.g. signatories_count"))
          .field(Field.column("c", CLAIM, "value", "The value this source gives"))
          .field(Field.column("c", CLAIM, "as_of", "The date the figure describes"))
          .field(Field.column("c", CLAIM, "as_of_precision", "day, month or year"))
          .field(Field.column("c", CLAIM, "certainty", "confirmed, single_source or uncertain"))
          .field(Field.column("c", CLAIM, "reported", "Whether Plenary reports this value"))
          .field(Field.column("c", CLAIM, "reason", "Why Plenary reports it").asLongText())
          .field(Field.column("c", CLAIM, "note", "Caveats").asLongText())
          .timestamps("c")
          .key("id")
          .sort("id")
          .cites("claim", "id")
          .build();

  /** Known ratifications, each with its sources. */
  public static final CollectionSpec RATIFICATIONS =
      CollectionSpec.builder(
              "ratifications", "ratification r join delegation d on d.id = r.delegation_id")
          .field(Field.column("r", RATIFICATION, "id", "Ratification id: treaty--iso3"))
          .field(Field.column("r", RATIFICATION, "treaty_id", "Treaty"))
          .field(
              Field.column(
                  "r", RATIFICATION, "delegation_id", "Ratifying delegation (ISO alpha-3)"))
          .field(Field.column("delegation_name", "d", DELEGATION, "name", "Its name"))
          .field(Field.column("r", RATIFICATION, "date", "Date of deposit"))
          .field(Field.column("r", RATIFICATION, "date_precision", "day, month or year"))
          .field(
              Field.column("r", RATIFICATION, "certainty", "confirmed, single_source or uncertain"))
          .field(Field.column("r", RATIFICATION, "note", "Caveats").asLongText())
          .timestamps("r")
          .key("id")
          .sort("id")
          .cites("ratification", "id")
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
