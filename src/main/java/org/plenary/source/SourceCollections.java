package org.plenary.source;

import static org.plenary.seed.Schema.CITATION;
import static org.plenary.seed.Schema.SOURCE;

import java.util.List;
import java.util.Map;
import org.plenary.query.CollectionSpec;
import org.plenary.query.CollectionSpec.Embed;
import org.plenary.query.Field;

/** Every source the dataset cites, with the records that cite it. */
public final class SourceCollections {
  private SourceCollections() {}

  static final CollectionSpec CITED_BY =
      CollectionSpec.builder("cited_by", "citation c")
          .field(Field.column("c", CITATION, "source_id", "Source"))
          .field(
              Field.column(
                  "c", CITATION, "record_type", "Type of the citing record (its collection)"))
          .field(
              Field.column(
                  "c", CITATION, "record_id", "Id of the citing record (for roll_call, the vote)"))
          .field(Field.column("c", CITATION, "locator", "Where in the source"))
          .key("source_id", "record_type", "record_id")
          .sort("source_id", "record_type", "record_id")
          .build();

  /**
   * Sources as a page cites them, without what cites them (for the sources an aggregate names by id
   * in source_ids).
   */
  public static final CollectionSpec CITED_SOURCES =
      CollectionSpec.builder("sources", "source s")
          .field(Field.column("s", SOURCE, "id", "Source id (slug)"))
          .field(Field.column("s", SOURCE, "publisher", "Who published it"))
          .field(Field.column("s", SOURCE, "title", "Title"))
          .field(Field.column("s", SOURCE, "url", "Where it was read"))
          .field(Field.text("locator", "null::text", "Where in the source (none: the whole)"))
          .key("id")
          .sort("id")
          .build();

  public static final CollectionSpec SOURCES =
      CollectionSpec.builder("sources", "source s")
          .field(Field.column("s", SOURCE, "id", "Source id (slug)"))
          .field(Field.column("s", SOURCE, "publisher", "Who published it"))
          .field(Field.column("s", SOURCE, "title", "Title"))
          .field(
              Field.column(
                  "s", SOURCE, "url", "Where it was read; null when only an offline copy exists"))
          .field(Field.column("s", SOURCE, "published", "Publication date, as precise as known"))
          .field(Field.column("s", SOURCE, "published_precision", "day, month or year"))
          .field(Field.column("s", SOURCE, "kind", "Kind of publisher"))
          .field(Field.column("s", SOURCE, "note", "Notes").asLongText())
          .timestamps("s")
          .key("id")
          .sort("id")
          .embed(
              new Embed(
                  "cited_by",
                  CITED_BY,
                  "source_id",
                  "id",
                  Map.of(),
                  List.of("source_id"),
                  "Records citing it"))
          .build();
}
