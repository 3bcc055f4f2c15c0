package org.plenary.source;

import static org.plenary.query.Field.longText;
import static org.plenary.query.Field.partialDate;
import static org.plenary.query.Field.text;

import java.util.List;
import java.util.Map;
import org.plenary.query.CollectionSpec;
import org.plenary.query.CollectionSpec.Embed;

/** Every source the dataset cites, with the records that cite it. */
public final class SourceCollections {
  private SourceCollections() {}

  static final CollectionSpec CITED_BY =
      CollectionSpec.builder("cited_by", "citation c")
          .field(text("source_id", "c.source_id", "Source"))
          .field(text("record_type", "c.record_type", "Type of the citing record (its collection)"))
          .field(
              text("record_id", "c.record_id", "Id of the citing record (for roll_call, the vote)"))
          .field(text("locator", "c.locator", "Where in the source"))
          .key("source_id", "record_type", "record_id")
          .sort("source_id", "record_type", "record_id")
          .build();

  public static final CollectionSpec SOURCES =
      CollectionSpec.builder("sources", "source s")
          .field(text("id", "s.id", "Source id (slug)"))
          .field(text("publisher", "s.publisher", "Who published it"))
          .field(text("title", "s.title", "Title"))
          .field(text("url", "s.url", "Where it was read; null when only an offline copy exists"))
          .field(
              partialDate(
                  "published",
                  "s.published",
                  "s.published_precision",
                  "Publication date, as precise as known"))
          .field(text("published_precision", "s.published_precision", "day, month or year"))
          .field(text("kind", "s.kind", "Kind of publisher"))
          .field(longText("note", "s.note", "Notes"))
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
