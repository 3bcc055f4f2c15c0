package org.plenary.openapi;

import static org.plenary.openapi.Schemas.nullableType;
import static org.plenary.openapi.Schemas.object;
import static org.plenary.openapi.Schemas.ref;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.RecordComponentInfo;
import org.jboss.jandex.Type;

/**
 * The schemas of the response records a resource names with {@code @ItemOf} or {@code @ListOf}
 * (Java records, serialized in snake_case), read from their declarations in the build's index: a
 * record is a reference to a component named after it ({@code VoteBreakdown}, {@code
 * VoteBreakdownGroup}; a {@code *Records} holder lends its prefix: {@code DatasetIndex}), built
 * from its components in their order; lists, maps and boxed (nullable) values as JSON Schema says
 * them.
 */
final class RecordSchemas {
  private static final DotName STRING = DotName.createSimple(String.class);
  private static final DotName OBJECT = DotName.createSimple(Object.class);
  private static final DotName INTEGER = DotName.createSimple(Integer.class);
  private static final DotName LONG = DotName.createSimple(Long.class);
  private static final DotName DOUBLE = DotName.createSimple(Double.class);
  private static final DotName BOOLEAN = DotName.createSimple(Boolean.class);
  private static final DotName LIST = DotName.createSimple(List.class);
  private static final DotName MAP = DotName.createSimple(Map.class);
  private static final DotName UNWRAPPED = DotName.createSimple(JsonUnwrapped.class);
  private static final PropertyNamingStrategies.NamingBase SNAKE =
      (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

  private final IndexView index;
  private final Map<String, Schema> schemas;

  /** Adds the records' schemas to {@code schemas} (the document's components, by name). */
  RecordSchemas(IndexView index, Map<String, Schema> schemas) {
    this.index = index;
    this.schemas = schemas;
  }

  /** The schema of a value of this type: a reference for a record, its schema added once. */
  Schema of(Type t) {
    switch (t.kind()) {
      case PARAMETERIZED_TYPE -> {
        var p = t.asParameterizedType();
        if (p.name().equals(LIST)) {
          return Schemas.array(of(p.arguments().get(0)));
        }
        if (p.name().equals(MAP)) {
          return OASFactory.createSchema()
              .addType(SchemaType.OBJECT)
              .additionalPropertiesSchema(of(p.arguments().get(1)));
        }
        throw unsupported(t);
      }
      case PRIMITIVE -> {
        return switch (t.asPrimitiveType().primitive()) {
          case INT, LONG -> OASFactory.createSchema().addType(SchemaType.INTEGER);
          case DOUBLE -> OASFactory.createSchema().addType(SchemaType.NUMBER);
          case BOOLEAN -> OASFactory.createSchema().addType(SchemaType.BOOLEAN);
          default -> throw unsupported(t);
        };
      }
      case CLASS -> {
        return classSchema(t.name());
      }
      default -> throw unsupported(t);
    }
  }

  private Schema classSchema(DotName name) {
    if (name.equals(OBJECT)) {
      // a field of a record in a map (a claim's, a ratification's): as its collection gives it
      return OASFactory.createSchema()
          .description("A field of the record, as its collection (claims, ratifications) gives it");
    }
    if (name.equals(STRING)) {
      return nullableType(SchemaType.STRING);
    }
    if (name.equals(INTEGER) || name.equals(LONG)) {
      return nullableType(SchemaType.INTEGER);
    }
    if (name.equals(DOUBLE)) {
      return nullableType(SchemaType.NUMBER);
    }
    if (name.equals(BOOLEAN)) {
      return nullableType(SchemaType.BOOLEAN);
    }
    ClassInfo record = record(name);
    String schemaName = schemaName(record);
    if (!schemas.containsKey(schemaName)) {
      schemas.put(schemaName, OASFactory.createSchema()); // placeholder against cycles
      Map<String, Schema> props = new LinkedHashMap<>();
      properties(record, props);
      schemas.put(schemaName, object(props));
    }
    return ref(schemaName);
  }

  private void properties(ClassInfo record, Map<String, Schema> props) {
    for (RecordComponentInfo rc : record.recordComponentsInDeclarationOrder()) {
      MethodInfo accessor = record.method(rc.name());
      if (accessor != null && accessor.hasDeclaredAnnotation(UNWRAPPED)) {
        properties(record(rc.type().name()), props);
      } else {
        props.put(SNAKE.translate(rc.name()), of(rc.type()));
      }
    }
  }

  private ClassInfo record(DotName name) {
    ClassInfo c = index.getClassByName(name);
    if (c == null || !c.isRecord()) {
      throw new IllegalArgumentException("Unsupported response type " + name);
    }
    return c;
  }

  /** VoteBreakdown, VoteBreakdownGroup, DatasetIndex (a *Records holder lends its prefix). */
  private String schemaName(ClassInfo c) {
    DotName outerName = c.enclosingClass();
    if (outerName == null) {
      return c.simpleName();
    }
    ClassInfo outer = index.getClassByName(outerName);
    String prefix =
        outer.simpleName().endsWith("Records")
            ? outer.simpleName().substring(0, outer.simpleName().length() - "Records".length())
            : schemaName(outer);
    return prefix + c.simpleName();
  }

  private static IllegalArgumentException unsupported(Type t) {
    return new IllegalArgumentException("Unsupported response type " + t);
  }
}
