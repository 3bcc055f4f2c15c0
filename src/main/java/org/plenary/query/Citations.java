package org.plenary.query;

/** The shape of a cited source, embedded in every record as {@code sources}. */
public final class Citations {
  private Citations() {}

  public static final CollectionSpec CITED =
      CollectionSpec.builder("citations", "citation c join source s on s.id = c.source_id")
          .field(Field.text("record_type", "c.record_type", "Cited record's type"))
          .field(Field.text("record_id", "c.record_id", "Cited record's id"))
          .field(Field.text("id", "s.id", "Source id"))
          .field(Field.text("publisher", "s.publisher", "Publisher"))
          .field(Field.text("title", "s.title", "Title"))
          .field(Field.text("url", "s.url", "URL"))
          .field(Field.text("locator", "c.locator", "Where in the source"))
          .key("record_type", "record_id", "id")
          .sort("record_type", "record_id", "id")
          .build();
}
