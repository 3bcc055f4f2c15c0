package org.plenary.openapi;

import static org.plenary.openapi.Schemas.object;
import static org.plenary.openapi.Schemas.ref;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.plenary.query.CollectionSpec;
import org.plenary.query.CollectionSpec.Embed;
import org.plenary.query.Field;

/**
 * The record schema of each collection the {@link Catalog} lists, from its declaration: its fields
 * (typed, nullable, with their closed vocabularies) and its embedded and included lists, each a
 * schema of its own ({@code VoteDocumentsEntry}, {@code CitedSource}).
 */
final class CollectionSchemas {
  private CollectionSchemas() {}

  /** Every collection's record schema, and those of the records a collection gives with by=. */
  static void schemas(Map<String, Schema> schemas) {
    for (Catalog.Entry e : Catalog.COLLECTIONS.values()) {
      recordSchema(e.schema(), e.collection(), schemas);
    }
    for (Catalog.Entry e : Catalog.ALTERNATES.values()) {
      recordSchema(e.schema(), e.collection(), schemas);
    }
  }

  private static void recordSchema(String name, CollectionSpec c, Map<String, Schema> schemas) {
    if (schemas.containsKey(name)) {
      return;
    }
    Map<String, Schema> props = new LinkedHashMap<>();
    schemas.put(name, OASFactory.createSchema()); // placeholder against cycles
    for (Field f : c.fields()) {
      props.put(f.name(), fieldSchema(f, true));
    }
    List<Embed> embeds = new ArrayList<>(c.embeds());
    embeds.addAll(c.includes().values());
    for (Embed e : embeds) {
      String child = schemaName(e);
      Schema childSchema = childSchema(e, schemas);
      schemas.put(child, childSchema);
      props.put(
          e.name(),
          Schemas.array(ref(child))
              .description(
                  e.description()
                      + (c.includes().containsKey(e.name())
                          ? " (with include=" + e.name() + ")"
                          : "")));
    }
    schemas.put(name, object(props));
  }

  private static Schema childSchema(Embed e, Map<String, Schema> schemas) {
    Map<String, Schema> props = new LinkedHashMap<>();
    for (Field f : e.child().fields()) {
      if (!e.omit().contains(f.name())) {
        props.put(f.name(), fieldSchema(f, true));
      }
    }
    for (Embed sub : e.child().embeds()) {
      String child = schemaName(sub);
      schemas.put(child, childSchema(sub, schemas));
      props.put(sub.name(), Schemas.array(ref(child)).description(sub.description()));
    }
    return object(props);
  }

  private static String schemaName(Embed e) {
    Catalog.Entry entry = Catalog.COLLECTIONS.get(e.child().name());
    if (entry != null && e.omit().isEmpty()) {
      return entry.schema();
    }
    if (e.name().equals("sources")) {
      return "CitedSource";
    }
    StringBuilder sb = new StringBuilder();
    for (String part : e.child().name().split("_")) {
      sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return sb + "Entry";
  }

  /** A field's value: its type, its description, its vocabulary; null too in a record. */
  static Schema fieldSchema(Field f, boolean nullable) {
    Schema s = OASFactory.createSchema().description(f.description());
    switch (f.type()) {
      case INTEGER -> s.addType(SchemaType.INTEGER);
      case BOOLEAN -> s.addType(SchemaType.BOOLEAN);
      case DATE -> s.addType(SchemaType.STRING).format("date");
      case PARTIAL_DATE -> s.addType(SchemaType.STRING).pattern("^\\d{4}(-\\d{2}(-\\d{2})?)?$");
      case TIMESTAMP -> s.addType(SchemaType.STRING).format("date-time");
      case NUMBER -> s.addType(SchemaType.NUMBER);
      default -> s.addType(SchemaType.STRING);
    }
    if (nullable) {
      s.addType(SchemaType.NULL);
    }
    if (!f.vocabulary().isEmpty()) {
      // the field's closed vocabulary, from the table model; a nullable field may also be null
      List<Object> values = new ArrayList<>(f.vocabulary());
      if (nullable) {
        values.add(null);
      }
      s.enumeration(values);
    }
    return s;
  }
}
