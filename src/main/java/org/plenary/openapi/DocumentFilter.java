package org.plenary.openapi;

import static org.plenary.openapi.Schemas.ref;
import static org.plenary.openapi.Schemas.string;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.ws.rs.GET;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;
import org.plenary.http.ItemOf;
import org.plenary.http.ListOf;

/**
 * Completes the OpenAPI document at build time, so that it describes what the service really
 * accepts and returns. An operation says what its 200 carries: a collection's records with the
 * extension {@code x-plenary-list} (its query parameters then come from the collection's
 * declaration, {@link QueryParameters}), one of them with {@code x-plenary-item}, a response record
 * with {@link ItemOf} or {@link ListOf} (described from the record's declaration, {@link
 * RecordSchemas}), a file with {@code x-plenary-file}; every answer is in the envelope and every
 * error a problem ({@link Envelopes}). The annotations are read from the build's index, the one
 * SmallRye scans, so no class is named by a string.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class DocumentFilter implements OASFilter {
  static final String LIST = "x-plenary-list";
  static final String ITEM = "x-plenary-item";
  static final String FILE = "x-plenary-file";

  private static final DotName ITEM_OF = DotName.createSimple(ItemOf.class);
  private static final DotName LIST_OF = DotName.createSimple(ListOf.class);
  private static final DotName PATH = DotName.createSimple(jakarta.ws.rs.Path.class);
  private static final DotName HTTP_GET = DotName.createSimple(GET.class);

  static final String LIST_DESCRIPTION =
      "A collection in the one envelope (data, links, meta): filter by any field parameter (with"
          + " __gte, __lte, __contains, __isnull where listed), sort=, keyset pages with cursor=,"
          + " include=, facet=. As JSON pages, or every matching row as CSV or NDJSON (format=,"
          + " the Accept header, or a .csv/.ndjson suffix on the path).";

  static final String ITEM_DESCRIPTION =
      "One record in the envelope (data, links, meta); a 404 problem when there is none.";

  private final IndexView index;

  /** Quarkus hands a build-time filter the index it scanned the resources from. */
  public DocumentFilter(IndexView index) {
    this.index = index;
  }

  /** The response records a GET operation's method names with @ItemOf and @ListOf. */
  record Typed(List<Type> items, Type list) {}

  @Override
  public void filterOpenAPI(OpenAPI api) {
    Map<String, Schema> schemas = new LinkedHashMap<>();
    Envelopes.schemas(schemas);
    CollectionSchemas.schemas(schemas);
    RecordSchemas records = new RecordSchemas(index, schemas);
    if (api.getComponents() == null) {
      api.setComponents(OASFactory.createComponents());
    }
    schemas.forEach(api.getComponents()::addSchema);
    if (api.getComponents().getSchemas() == null) {
      api.getComponents().setSchemas(new LinkedHashMap<>());
    }
    if (api.getInfo() == null) {
      // the info (from quarkus.smallrye-openapi.info-*) is filled in after the build's filters;
      // its place comes before the servers, as in the document served before
      api.setInfo(OASFactory.createInfo());
    }
    if (api.getServers() == null || api.getServers().isEmpty()) {
      api.addServer(
          OASFactory.createServer().url("/").description("The server this document came from"));
    }
    if (api.getPaths() == null) {
      return;
    }
    Map<String, Typed> typed = typedOperations();
    for (var path : api.getPaths().getPathItems().entrySet()) {
      Operation post = path.getValue().getPOST();
      if (post != null) {
        Envelopes.writeProblems(post);
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
      get(path.getKey(), get, typed.remove(path.getKey()), records);
      schemas.forEach(
          (name, schema) -> {
            if (!api.getComponents().getSchemas().containsKey(name)) {
              api.getComponents().addSchema(name, schema);
            }
          });
    }
    if (!typed.isEmpty()) {
      throw new IllegalStateException(
          "@ItemOf or @ListOf on a method the document has no GET operation for: "
              + typed.keySet());
    }
  }

  private void get(String path, Operation get, Typed typed, RecordSchemas records) {
    if (get.getOperationId() == null) {
      get.setOperationId(operationId(path));
    }
    if (get.getParameters() != null) {
      // SmallRye copies an operation's extensions onto its method-level @Parameters
      for (Parameter p : get.getParameters()) {
        for (String x : List.of(LIST, ITEM, FILE)) {
          if (p.getExtensions() != null && p.getExtensions().containsKey(x)) {
            p.removeExtension(x);
          }
        }
        idPattern(p);
      }
    }
    boolean file = extension(get, FILE) != null;
    if (file) {
      files(get);
    }
    Object list = extension(get, LIST);
    Object one = extension(get, ITEM);
    // an aggregate that also answers its table (its method produces CSV): said after its JSON
    var produced = get.getResponses().getAPIResponse("200");
    boolean table =
        list == null
            && !file
            && produced != null
            && produced.getContent() != null
            && produced.getContent().hasMediaType("text/csv");
    List<Type> items = typed == null ? List.of() : typed.items();
    Type listOf = typed == null ? null : typed.list();
    if (list != null) {
      Catalog.Entry e = Catalog.lookup(list.toString());
      QueryParameters.list(get, e.collection());
      List<String> by = Catalog.BY.getOrDefault(list.toString(), List.of());
      List<Schema> oneOf = new ArrayList<>(List.of(ref(e.schema())));
      by.forEach(b -> oneOf.add(ref(b)));
      Schema item = by.isEmpty() ? ref(e.schema()) : OASFactory.createSchema().oneOf(oneOf);
      Envelopes.ok(get, Envelopes.list(item));
      tables(
          get,
          "RFC 4180 CSV: the record's fields as columns, embedded lists as ids joined by ';'",
          "One JSON record per line");
    } else if (one != null && !items.isEmpty()) {
      // a collection's record with computed fields added (the treaty's status)
      Catalog.Entry e = Catalog.lookup(one.toString());
      Envelopes.ok(
          get,
          Envelopes.item(
              OASFactory.createSchema()
                  .addAllOf(ref(e.schema()))
                  .addAllOf(records.of(items.get(0)))));
    } else if (one != null) {
      Catalog.Entry e = Catalog.lookup(one.toString());
      get.addParameter(QueryParameters.fields(e.collection(), false));
      if (!e.collection().includes().isEmpty()) {
        get.addParameter(QueryParameters.include(e.collection(), false));
      }
      Envelopes.ok(get, Envelopes.item(ref(e.schema())));
    } else if (!items.isEmpty() && listOf != null) {
      List<Schema> oneOf = new ArrayList<>();
      for (Type t : items) {
        oneOf.add(Envelopes.item(records.of(t)));
      }
      Envelopes.ok(
          get, OASFactory.createSchema().oneOf(oneOf).addOneOf(Envelopes.list(records.of(listOf))));
    } else if (!items.isEmpty()) {
      Envelopes.ok(get, Envelopes.item(records.of(items.get(0))));
    } else if (listOf != null) {
      Envelopes.ok(get, Envelopes.list(records.of(listOf)));
    }
    if (table) {
      tables(
          get,
          "RFC 4180 CSV: the answer's rows as a table (see the format parameter), lists of records"
              + " as their ids joined by ';'",
          "One JSON object per row of the table");
    }
    if (get.getDescription() == null) {
      get.setDescription(
          list != null
              ? LIST_DESCRIPTION
              : one != null && items.isEmpty() ? ITEM_DESCRIPTION : get.getSummary() + ".");
    }
    Envelopes.readProblems(
        get, get.getParameters() != null && !get.getParameters().isEmpty() || list != null);
  }

  /**
   * Every GET method annotated with {@link ItemOf} or {@link ListOf}, by its path as the document
   * writes it (the class's {@code @Path} and the method's, templates without their regular
   * expressions).
   */
  private Map<String, Typed> typedOperations() {
    Map<String, Typed> out = new TreeMap<>();
    for (DotName annotation : List.of(ITEM_OF, LIST_OF)) {
      for (AnnotationInstance a : index.getAnnotations(annotation)) {
        MethodInfo m = a.target().asMethod(); // both annotations target methods only
        if (!m.hasDeclaredAnnotation(HTTP_GET)) {
          throw new IllegalStateException("@" + annotation.local() + " on a method not @GET: " + m);
        }
        String path = path(m.declaringClass(), m);
        Typed t = out.getOrDefault(path, new Typed(List.of(), null));
        AnnotationValue v = a.value();
        out.put(
            path,
            annotation.equals(ITEM_OF)
                ? new Typed(List.of(v.asClassArray()), t.list())
                : new Typed(t.items(), v.asClass()));
      }
    }
    return out;
  }

  private static String path(ClassInfo c, MethodInfo m) {
    String path =
        "/" + segment(c.declaredAnnotation(PATH)) + "/" + segment(m.declaredAnnotation(PATH));
    path = path.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static String segment(AnnotationInstance path) {
    return path == null ? "" : path.value().asString();
  }

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

  /** The 200's CSV and NDJSON, after its JSON. */
  private static void tables(Operation get, String csv, String ndjson) {
    get.getResponses()
        .getAPIResponse("200")
        .getContent()
        .addMediaType("text/csv", OASFactory.createMediaType().schema(string(csv)))
        .addMediaType("application/x-ndjson", OASFactory.createMediaType().schema(string(ndjson)));
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
}
