package org.plenary.openapi;

import static org.plenary.openapi.CollectionSchemas.fieldSchema;
import static org.plenary.openapi.Schemas.string;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.plenary.query.CollectionSpec;
import org.plenary.query.Field;
import org.plenary.query.ListQuery;
import org.plenary.query.Operator;

/**
 * The query parameters a collection accepts, from its declaration ({@code CollectionSpec}): paging,
 * sort, include, facets, its arguments, the filters of the records it counts, full-text search, the
 * format, and a parameter per filterable field with its operators.
 */
final class QueryParameters {
  private QueryParameters() {}

  /** Every parameter of a list of the collection. */
  static void list(Operation op, CollectionSpec c) {
    op.addParameter(
        param(
            "limit",
            "Page size, 1 to " + ListQuery.MAX_LIMIT + " (default " + ListQuery.DEFAULT_LIMIT + ")",
            OASFactory.createSchema()
                .addType(SchemaType.INTEGER)
                .minimum(BigDecimal.ONE)
                .maximum(BigDecimal.valueOf(ListQuery.MAX_LIMIT))
                .defaultValue(ListQuery.DEFAULT_LIMIT)));
    op.addParameter(
        param("cursor", "The next page's cursor, from links.next (opaque)", string(null)));
    List<String> sortable = c.fields().stream().filter(Field::sortable).map(Field::name).toList();
    op.addParameter(
        param(
            "sort",
            "Comma-separated fields, - for descending, from: "
                + String.join(", ", sortable)
                + ". Default: "
                + c.defaultSort().stream()
                    .map(s -> (s.descending() ? "-" : "") + s.field().name())
                    .reduce((a, b) -> a + "," + b)
                    .orElse(String.join(",", c.key())),
            string(null)));
    op.addParameter(include(c, true));
    op.addParameter(fields(c, true));
    op.addParameter(
        param(
            "updated_since",
            "Records created or changed since this date or ISO 8601 timestamp",
            string(null)));
    List<String> facetable =
        new ArrayList<>(c.fields().stream().filter(Field::facetable).map(Field::name).toList());
    for (var tag : c.tagFilters().values()) {
      if (c.field(tag.name()).isPresent()) {
        continue; // the field's equality (name=): documented with the field
      }
      facetable.add(tag.name());
      op.addParameter(
          param(tag.name(), tag.description() + ". Comma-separated: any of them", string(null)));
    }
    op.addParameter(
        param(
            "facet",
            "Comma-separated fields whose values to count over the whole filter (meta.facets), from: "
                + String.join(", ", facetable),
            string(null)));
    for (CollectionSpec.Argument a : c.arguments()) {
      op.addParameter(
          param(
              a.name(),
              a.description(),
              OASFactory.createSchema()
                  .addType(SchemaType.INTEGER)
                  .minimum(BigDecimal.valueOf(a.min()))
                  .maximum(BigDecimal.valueOf(a.max()))
                  .defaultValue(a.defaultValue())));
    }
    if (c.scope() != null) {
      scope(op, c);
    }
    if (c.searchVector() != null) {
      op.addParameter(
          param(
              "q",
              "Full-text search (websearch syntax: words, \"a phrase\", OR, -word); adds rank and snippet, sorts by -rank",
              string(null)));
    }
    op.addParameter(
        param(
            "format",
            "json (default), csv or ndjson; also by Accept or a .csv/.ndjson suffix. CSV and NDJSON hold every matching row",
            OASFactory.createSchema()
                .addType(SchemaType.STRING)
                .enumeration(List.of("json", "csv", "ndjson"))));
    op.addParameter(
        param(
            "bom",
            "With format=csv: true prepends a UTF-8 byte-order mark (for Excel)",
            OASFactory.createSchema().addType(SchemaType.BOOLEAN)));
    for (Field f : c.fields()) {
      if (f.filterable()) {
        op.addParameter(filter(c, f));
      }
    }
  }

  /** The filters of the records aggregated (the votes counted), those of their own collection. */
  private static void scope(Operation op, CollectionSpec c) {
    for (Field f : c.scope().fields()) {
      if (f.filterable() && c.field(f.name()).isEmpty() && f.operators().contains(Operator.EQ)) {
        op.addParameter(
            param(
                f.name(),
                "Counts only the "
                    + c.scope().name()
                    + " whose "
                    + f.name()
                    + " is this ("
                    + f.description()
                    + "). Also: "
                    + f.operators().stream()
                        .filter(o -> o != Operator.EQ)
                        .map(o -> f.name() + "__" + o.suffix())
                        .sorted()
                        .reduce((x, y) -> x + ", " + y)
                        .orElse(""),
                fieldSchema(f, false)));
      }
    }
    for (var tag : c.scope().tagFilters().values()) {
      if (c.field(tag.name()).isEmpty() && c.scope().field(tag.name()).isEmpty()) {
        op.addParameter(
            param(
                tag.name(),
                tag.description()
                    + ": counts only those "
                    + c.scope().name()
                    + ". Comma-separated: any of them",
                string(null)));
      }
    }
    if (c.searchVector() == null && c.scope().searchVector() != null) {
      op.addParameter(
          param(
              "q",
              "Counts only the "
                  + c.scope().name()
                  + " a full-text search finds (websearch syntax)",
              string(null)));
    }
  }

  /** A field's parameter: its equality, naming its other operators. */
  private static Parameter filter(CollectionSpec c, Field f) {
    List<String> ops =
        f.operators().stream()
            .filter(o -> o != Operator.EQ)
            .map(o -> o.parameter(f.name()))
            .sorted()
            .toList();
    String description =
        f.description()
            + (f.operators().contains(Operator.EQ) && !c.tagFilters().containsKey(f.name())
                ? ". Equals"
                : "")
            + (ops.isEmpty() ? "" : ". Also: " + String.join(", ", ops));
    if (f.operators().contains(Operator.EQ)) {
      return param(f.name(), description, fieldSchema(f, false));
    }
    return param(f.name() + "__contains", description, string(null));
  }

  /** fields=: on a collection ({@code list}), or on one of its records. */
  static Parameter fields(CollectionSpec c, boolean list) {
    return param(
        "fields",
        (list
                ? "Comma-separated: the fields each record shows, in this order (JSON, CSV and"
                    + " NDJSON; the lists include= asks for after them), from: "
                : "Comma-separated: the fields the record shows, in this order (the lists"
                    + " include= asks for after them), from: ")
            + String.join(", ", ListQuery.selectable(c, false))
            + (list && c.searchVector() != null ? ", and rank, snippet with q=" : "")
            + ". Default: every field",
        string(null));
  }

  /** include=: the collection's includes, and total on a list. */
  static Parameter include(CollectionSpec c, boolean list) {
    List<String> values = new ArrayList<>(c.includes().keySet());
    if (list) {
      values.add("total");
    }
    return param("include", "Comma-separated: " + String.join(", ", values), string(null));
  }

  private static Parameter param(String name, String description, Schema schema) {
    return OASFactory.createParameter()
        .name(name)
        .in(Parameter.In.QUERY)
        .description(description)
        .schema(schema);
  }
}
