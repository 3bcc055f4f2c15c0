package org.plenary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.plenary.http.Problem;
import org.plenary.query.CollectionSpec;
import org.plenary.query.CollectionSpec.Embed;
import org.plenary.query.Field;
import org.plenary.query.ListQuery;
import org.plenary.query.Operator;

/**
 * Completes the OpenAPI document from the collections' declarations, so that it describes what the
 * service really accepts and returns: each collection's query parameters (filters, sort, paging,
 * includes), its record schema, the envelope, and the problem responses. An operation says which
 * collection it serves with the extension {@code x-plenary-list} or {@code x-plenary-item}.
 */
public class OpenApiFilter implements OASFilter {
  static final String LIST = "x-plenary-list";
  static final String ITEM = "x-plenary-item";
  static final String ITEM_TYPE = "x-plenary-item-type";
  static final String LIST_TYPE = "x-plenary-list-type";
  static final String FILE = "x-plenary-file";

  @Override
  public void filterOpenAPI(OpenAPI api) {
    Map<String, Schema> schemas = new LinkedHashMap<>();
    schemas.put("Problem", problemSchema());
    schemas.put(
        "Links",
        object(
            orderedMap(
                "self", nullable(SchemaType.STRING, "This page"),
                "next", nullable(SchemaType.STRING, "The next page; null on the last"))));
    schemas.put(
        "ListMeta",
        object(
            orderedMap(
                "dataset_version", string("Dataset version"),
                "count", integer("Records on this page"),
                "limit", integer("Page size"),
                "sort", string("The order, key included"),
                "total",
                    nullable(
                        SchemaType.INTEGER, "Matching records, with include=total; null otherwise"),
                "facets",
                    nullable(
                        SchemaType.OBJECT,
                        "With facet=: for each field, {values: [{value, count}], truncated}; null otherwise"),
                "definition",
                    string(
                        "The definition of the measures a collection of measures gives (a"
                            + " delegation's record, a group's cohesion); absent elsewhere"))));
    schemas.put("Meta", object(orderedMap("dataset_version", string("Dataset version"))));
    for (Catalog.Entry e : Catalog.COLLECTIONS.values()) {
      recordSchema(e.schema(), e.collection(), schemas);
    }
    for (Catalog.Entry e : Catalog.ALTERNATES.values()) {
      recordSchema(e.schema(), e.collection(), schemas);
    }
    if (api.getComponents() == null) {
      api.setComponents(OASFactory.createComponents());
    }
    schemas.forEach(api.getComponents()::addSchema);
    if (api.getComponents().getSchemas() == null) {
      api.getComponents().setSchemas(new LinkedHashMap<>());
    }

    if (api.getServers() == null || api.getServers().isEmpty()) {
      api.addServer(
          OASFactory.createServer().url("/").description("The server this document came from"));
    }
    if (api.getPaths() == null) {
      return;
    }
    for (var path : api.getPaths().getPathItems().entrySet()) {
      Operation post = path.getValue().getPOST();
      if (post != null) {
        writeProblems(post);
        if (post.getOperationId() == null) {
          post.setOperationId("post" + operationId(path.getKey()).substring("get".length()));
        }
        if (post.getDescription() == null) {
          post.setDescription(post.getSummary() + ".");
        }
      }
      Operation get = path.getValue().getGET();
      if (get == null) {
        continue;
      }
      if (get.getOperationId() == null) {
        get.setOperationId(operationId(path.getKey()));
      }
      if (get.getParameters() != null) {
        // SmallRye copies an operation's extensions onto its method-level @Parameters
        for (Parameter p : get.getParameters()) {
          for (String x : List.of(LIST, ITEM, ITEM_TYPE, LIST_TYPE, FILE)) {
            if (p.getExtensions() != null && p.getExtensions().containsKey(x)) {
              p.removeExtension(x);
            }
          }
          idPattern(p);
        }
      }
      if (extension(get, FILE) != null) {
        files(get);
      }
      Object list = extension(get, LIST);
      Object one = extension(get, ITEM);
      Object itemType = extension(get, ITEM_TYPE);
      Object listType = extension(get, LIST_TYPE);
      if (list != null) {
        Catalog.Entry e = Catalog.lookup(list.toString());
        listParameters(get, e.collection());
        List<String> by = Catalog.BY.getOrDefault(list.toString(), List.of());
        List<Schema> items = new ArrayList<>(List.of(ref(e.schema())));
        by.forEach(b -> items.add(ref(b)));
        Schema item = by.isEmpty() ? ref(e.schema()) : OASFactory.createSchema().oneOf(items);
        ok(
            get,
            envelope(OASFactory.createSchema().addType(SchemaType.ARRAY).items(item), "ListMeta"));
        get.getResponses()
            .getAPIResponse("200")
            .getContent()
            .addMediaType(
                "text/csv",
                OASFactory.createMediaType()
                    .schema(
                        string(
                            "RFC 4180 CSV: the record's fields as columns, embedded lists as ids joined by ';'")))
            .addMediaType(
                "application/x-ndjson",
                OASFactory.createMediaType().schema(string("One JSON record per line")));
      } else if (one != null && itemType != null) {
        // a collection's record with computed fields added (the treaty's status)
        Catalog.Entry e = Catalog.lookup(one.toString());
        ok(
            get,
            envelope(
                OASFactory.createSchema()
                    .addAllOf(ref(e.schema()))
                    .addAllOf(typeSchema(type(itemType), schemas)),
                "Meta"));
      } else if (one != null) {
        Catalog.Entry e = Catalog.lookup(one.toString());
        if (!e.collection().includes().isEmpty()) {
          get.addParameter(includeParameter(e.collection(), false));
        }
        ok(get, envelope(ref(e.schema()), "Meta"));
      } else if (itemType != null && listType != null) {
        ok(
            get,
            OASFactory.createSchema()
                .oneOf(itemEnvelopes(itemType, schemas))
                .addOneOf(
                    envelope(
                        OASFactory.createSchema()
                            .addType(SchemaType.ARRAY)
                            .items(typeSchema(type(listType), schemas)),
                        "ListMeta")));
      } else if (itemType != null) {
        ok(get, envelope(typeSchema(type(itemType), schemas), "Meta"));
      } else if (listType != null) {
        ok(
            get,
            envelope(
                OASFactory.createSchema()
                    .addType(SchemaType.ARRAY)
                    .items(typeSchema(type(listType), schemas)),
                "ListMeta"));
      }
      schemas.forEach(
          (name, schema) -> {
            if (!api.getComponents().getSchemas().containsKey(name)) {
              api.getComponents().addSchema(name, schema);
            }
          });
      if (get.getDescription() == null) {
        get.setDescription(
            list != null
                ? LIST_DESCRIPTION
                : one != null && itemType == null ? ITEM_DESCRIPTION : get.getSummary() + ".");
      }
      problems(get, get.getParameters() != null && !get.getParameters().isEmpty() || list != null);
    }
  }

  static final String LIST_DESCRIPTION =
      "A collection in the one envelope (data, links, meta): filter by any field parameter (with"
          + " __gte, __lte, __contains, __isnull where listed), sort=, keyset pages with cursor=,"
          + " include=, facet=. As JSON pages, or every matching row as CSV or NDJSON (format=,"
          + " the Accept header, or a .csv/.ndjson suffix on the path).";

  static final String ITEM_DESCRIPTION =
      "One record in the envelope (data, links, meta); a 404 problem when there is none.";

  /** getVotesByIdRollCall for /v1/votes/{id}/roll-call: unique, as paths are. */
  static String operationId(String path) {
    StringBuilder sb = new StringBuilder("get");
    String rest = path.replaceFirst("^/v1/?", "");
    if (rest.isEmpty()) {
      return "getIndex";
    }
    for (String segment : rest.split("/")) {
      boolean param = segment.startsWith("{");
      if (param) {
        sb.append("By");
        segment = segment.substring(1, segment.length() - 1);
      }
      for (String word : segment.split("[-_]")) {
        if (!word.isEmpty()) {
          sb.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
      }
    }
    return sb.toString();
  }

  /** A file download: each media type it is served as, described as what it is. */
  private static void files(Operation op) {
    var content = op.getResponses().getAPIResponse("200").getContent();
    for (var e : content.getMediaTypes().entrySet()) {
      Schema s =
          switch (e.getKey()) {
            case "application/json" ->
                OASFactory.createSchema()
                    .addType(SchemaType.OBJECT)
                    .description("datapackage.json: the Frictionless Data Package descriptor");
            case "text/csv" -> string("A table as RFC 4180 CSV, in the format of seed-data/");
            case "text/markdown" -> string("README.md: what the files hold and how to read them");
            default ->
                OASFactory.createSchema()
                    .addType(SchemaType.STRING)
                    .format("binary")
                    .description("The file's bytes (the zip of every file)");
          };
      e.getValue().setSchema(s);
    }
  }

  /** Reads and removes one of Plenary's extensions from an operation. */
  private static Object extension(Operation op, String name) {
    Object v = op.getExtensions() == null ? null : op.getExtensions().get(name);
    if (v != null) {
      op.removeExtension(name);
    }
    return v;
  }

  /** One item envelope per response type named (comma-separated) by x-plenary-item-type. */
  private static List<Schema> itemEnvelopes(Object names, Map<String, Schema> schemas) {
    List<Schema> out = new ArrayList<>();
    for (String name : names.toString().split(",")) {
      out.add(envelope(typeSchema(type(name.strip()), schemas), "Meta"));
    }
    return out;
  }

  private static Class<?> type(Object name) {
    try {
      return Class.forName(name.toString(), false, OpenApiFilter.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("No response type " + name, e);
    }
  }

  /**
   * The schema of a response record (a Java record, serialized in snake_case): a reference to a
   * component named after it, built from its components; lists, maps and boxed (nullable) values as
   * JSON Schema says them.
   */
  static Schema typeSchema(java.lang.reflect.Type t, Map<String, Schema> schemas) {
    if (t instanceof java.lang.reflect.ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      if (List.class.isAssignableFrom(raw)) {
        return OASFactory.createSchema()
            .addType(SchemaType.ARRAY)
            .items(typeSchema(p.getActualTypeArguments()[0], schemas));
      }
      if (Map.class.isAssignableFrom(raw)) {
        return OASFactory.createSchema()
            .addType(SchemaType.OBJECT)
            .additionalPropertiesSchema(typeSchema(p.getActualTypeArguments()[1], schemas));
      }
      throw new IllegalArgumentException("Unsupported response type " + t);
    }
    Class<?> c = (Class<?>) t;
    if (c == Object.class) {
      // a field of a record in a map (a claim's, a ratification's): as its collection gives it
      return OASFactory.createSchema()
          .description("A field of the record, as its collection (claims, ratifications) gives it");
    }
    if (c == String.class) {
      return nullableType(SchemaType.STRING);
    }
    if (c == int.class || c == long.class) {
      return OASFactory.createSchema().addType(SchemaType.INTEGER);
    }
    if (c == Integer.class || c == Long.class) {
      return nullableType(SchemaType.INTEGER);
    }
    if (c == double.class) {
      return OASFactory.createSchema().addType(SchemaType.NUMBER);
    }
    if (c == Double.class) {
      return nullableType(SchemaType.NUMBER);
    }
    if (c == boolean.class) {
      return OASFactory.createSchema().addType(SchemaType.BOOLEAN);
    }
    if (c == Boolean.class) {
      return nullableType(SchemaType.BOOLEAN);
    }
    if (!c.isRecord()) {
      throw new IllegalArgumentException("Unsupported response type " + c);
    }
    String name = schemaName(c);
    if (!schemas.containsKey(name)) {
      schemas.put(name, OASFactory.createSchema()); // placeholder against cycles
      Map<String, Schema> props = new LinkedHashMap<>();
      properties(c, props, schemas);
      schemas.put(name, object(props));
    }
    return ref(name);
  }

  private static void properties(
      Class<?> record, Map<String, Schema> props, Map<String, Schema> schemas) {
    for (java.lang.reflect.RecordComponent rc : record.getRecordComponents()) {
      if (rc.getAccessor()
          .isAnnotationPresent(com.fasterxml.jackson.annotation.JsonUnwrapped.class)) {
        properties(rc.getType(), props, schemas);
      } else {
        props.put(SNAKE.translate(rc.getName()), typeSchema(rc.getGenericType(), schemas));
      }
    }
  }

  private static final com.fasterxml.jackson.databind.PropertyNamingStrategies.NamingBase SNAKE =
      (com.fasterxml.jackson.databind.PropertyNamingStrategies.NamingBase)
          com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE;

  /** VoteBreakdown, VoteBreakdownGroup, DatasetIndex (a *Records holder lends its prefix). */
  private static String schemaName(Class<?> c) {
    Class<?> outer = c.getEnclosingClass();
    if (outer == null) {
      return c.getSimpleName();
    }
    String prefix =
        outer.getSimpleName().endsWith("Records")
            ? outer
                .getSimpleName()
                .substring(0, outer.getSimpleName().length() - "Records".length())
            : schemaName(outer);
    return prefix + c.getSimpleName();
  }

  private static Schema nullableType(SchemaType type) {
    return OASFactory.createSchema().addType(type).addType(SchemaType.NULL);
  }

  private static void listParameters(Operation op, CollectionSpec c) {
    op.addParameter(
        param(
            "limit",
            "Page size, 1 to " + ListQuery.MAX_LIMIT + " (default " + ListQuery.DEFAULT_LIMIT + ")",
            OASFactory.createSchema()
                .addType(SchemaType.INTEGER)
                .minimum(java.math.BigDecimal.ONE)
                .maximum(java.math.BigDecimal.valueOf(ListQuery.MAX_LIMIT))
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
    op.addParameter(includeParameter(c, true));
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
                  .minimum(java.math.BigDecimal.valueOf(a.min()))
                  .maximum(java.math.BigDecimal.valueOf(a.max()))
                  .defaultValue(a.defaultValue())));
    }
    if (c.scope() != null) {
      // the filters of the records aggregated (the votes counted), those of their own collection
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
      if (!f.filterable()) {
        continue;
      }
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
        op.addParameter(param(f.name(), description, fieldSchema(f, false)));
      } else {
        op.addParameter(param(f.name() + "__contains", description, string(null)));
      }
    }
  }

  private static Parameter includeParameter(CollectionSpec c, boolean list) {
    List<String> values = new ArrayList<>(c.includes().keySet());
    if (list) {
      values.add("total");
    }
    return param("include", "Comma-separated: " + String.join(", ", values), string(null));
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
          OASFactory.createSchema()
              .addType(SchemaType.ARRAY)
              .items(ref(child))
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
      props.put(
          sub.name(),
          OASFactory.createSchema()
              .addType(SchemaType.ARRAY)
              .items(ref(child))
              .description(sub.description()));
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

  private static Schema fieldSchema(Field f, boolean nullable) {
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

  private static Schema envelope(Schema data, String meta) {
    return object(orderedMap("data", data, "links", ref("Links"), "meta", ref(meta)));
  }

  private static void ok(Operation op, Schema schema) {
    APIResponse ok = op.getResponses().getAPIResponse("200");
    if (ok == null) {
      ok = OASFactory.createAPIResponse().description("OK");
      op.getResponses().addAPIResponse("200", ok);
    }
    ok.setContent(
        OASFactory.createContent()
            .addMediaType("application/json", OASFactory.createMediaType().schema(schema)));
  }

  /** A record's id in a path follows the one id grammar of every collection. */
  private static void idPattern(Parameter p) {
    if (p.getIn() == Parameter.In.PATH
        && p.getName().equals("id")
        && p.getSchema() != null
        && p.getSchema().getType() != null
        && p.getSchema().getType().contains(SchemaType.STRING)) {
      p.getSchema().pattern("^" + org.plenary.seed.Column.ID_PATTERN + "$");
    }
  }

  /** The problems of a write (curation): authentication, roles, conflicts, invalid bodies. */
  private static void writeProblems(Operation op) {
    Map<String, String> statuses = new LinkedHashMap<>();
    statuses.put("400", "The body is not JSON");
    statuses.put("401", "No bearer token, or an unknown one");
    statuses.put("403", "The token's role may not do this, or it is the author's own change set");
    if (op.getParameters() != null
        && op.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
      statuses.put("404", "No such change set");
    }
    statuses.put(
        "409",
        "A conflict: a stale base, another pending change to the record, an existing version or name");
    statuses.put("422", "A field is invalid (each one is named in invalid_params)");
    statuses.put("429", "Too many failed authentications from this client; see Retry-After");
    addProblems(op, statuses);
  }

  private static void problems(Operation op, boolean takesParameters) {
    Map<String, String> statuses = new LinkedHashMap<>();
    if (takesParameters) {
      statuses.put(
          "400", "A query parameter is unknown or malformed (each one is named in invalid_params)");
    }
    if (op.getParameters() != null
        && op.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
      statuses.put("404", "No such record");
    }
    statuses.put("406", "The Accept header asks for a media type this resource cannot produce");
    addProblems(op, statuses);
  }

  private static void addProblems(Operation op, Map<String, String> statuses) {
    for (var e : statuses.entrySet()) {
      op.getResponses()
          .addAPIResponse(
              e.getKey(),
              OASFactory.createAPIResponse()
                  .description(e.getValue())
                  .content(
                      OASFactory.createContent()
                          .addMediaType(
                              Problem.MEDIA_TYPE,
                              OASFactory.createMediaType().schema(ref("Problem")))));
    }
  }

  private static Schema problemSchema() {
    Schema param =
        object(orderedMap("name", string("The parameter"), "reason", string("Why it was refused")));
    return object(
            orderedMap(
                "type",
                    string(
                        "A URI naming the kind of problem (about:blank for plain HTTP statuses)"),
                "title", string("Short summary of the kind of problem"),
                "status", integer("HTTP status"),
                "detail", string("What went wrong with this request"),
                "instance", string("The request path"),
                "invalid_params",
                    OASFactory.createSchema()
                        .addType(SchemaType.ARRAY)
                        .items(param)
                        .description("For 400s: every refused query parameter")))
        .description("RFC 9457 problem details (application/problem+json)");
  }

  private static Parameter param(String name, String description, Schema schema) {
    return OASFactory.createParameter()
        .name(name)
        .in(Parameter.In.QUERY)
        .description(description)
        .schema(schema);
  }

  private static Schema object(Map<String, Schema> props) {
    Schema s = OASFactory.createSchema().addType(SchemaType.OBJECT);
    props.forEach(s::addProperty);
    return s;
  }

  private static Schema ref(String name) {
    return OASFactory.createSchema().ref("#/components/schemas/" + name);
  }

  private static Schema string(String description) {
    return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
  }

  private static Schema integer(String description) {
    return OASFactory.createSchema().addType(SchemaType.INTEGER).description(description);
  }

  private static Schema nullable(SchemaType type, String description) {
    return OASFactory.createSchema()
        .addType(type)
        .addType(SchemaType.NULL)
        .description(description);
  }

  private static Map<String, Schema> orderedMap(Object... kv) {
    Map<String, Schema> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], (Schema) kv[i + 1]);
    }
    return m;
  }
}
