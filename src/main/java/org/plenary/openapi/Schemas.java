package org.plenary.openapi;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/** The small schema builders the document's parts share. */
final class Schemas {
  private Schemas() {}

  static Schema object(Map<String, Schema> props) {
    Schema s = OASFactory.createSchema().addType(SchemaType.OBJECT);
    props.forEach(s::addProperty);
    return s;
  }

  static Schema array(Schema items) {
    return OASFactory.createSchema().addType(SchemaType.ARRAY).items(items);
  }

  static Schema ref(String name) {
    return OASFactory.createSchema().ref("#/components/schemas/" + name);
  }

  static Schema string(String description) {
    return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
  }

  static Schema integer(String description) {
    return OASFactory.createSchema().addType(SchemaType.INTEGER).description(description);
  }

  static Schema nullable(SchemaType type, String description) {
    return nullableType(type).description(description);
  }

  static Schema nullableType(SchemaType type) {
    return OASFactory.createSchema().addType(type).addType(SchemaType.NULL);
  }

  /** Properties in the order given: name, schema, name, schema, ... */
  static Map<String, Schema> orderedMap(Object... kv) {
    Map<String, Schema> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], (Schema) kv[i + 1]);
    }
    return m;
  }
}
