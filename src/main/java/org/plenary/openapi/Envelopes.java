package org.plenary.openapi;

import static org.plenary.openapi.Schemas.integer;
import static org.plenary.openapi.Schemas.nullable;
import static org.plenary.openapi.Schemas.object;
import static org.plenary.openapi.Schemas.orderedMap;
import static org.plenary.openapi.Schemas.ref;
import static org.plenary.openapi.Schemas.string;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.plenary.http.Problem;

/**
 * What every answer shares: the envelope ({@code data}, {@code links}, {@code meta}) with its
 * {@code Links}, {@code ListMeta} and {@code Meta}, and the problems (RFC 9457) an operation
 * answers with besides its 200.
 */
final class Envelopes {
  private Envelopes() {}

  /** The shared schemas, in the order the document lists them. */
  static void schemas(Map<String, Schema> schemas) {
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
  }

  /** One record in the envelope. */
  static Schema item(Schema data) {
    return envelope(data, "Meta");
  }

  /** A list of records in the envelope. */
  static Schema list(Schema items) {
    return envelope(Schemas.array(items), "ListMeta");
  }

  private static Schema envelope(Schema data, String meta) {
    return object(orderedMap("data", data, "links", ref("Links"), "meta", ref(meta)));
  }

  /** The operation's 200, as JSON of this schema. */
  static void ok(Operation op, Schema schema) {
    APIResponse ok = op.getResponses().getAPIResponse("200");
    if (ok == null) {
      ok = OASFactory.createAPIResponse().description("OK");
      op.getResponses().addAPIResponse("200", ok);
    }
    ok.setContent(
        OASFactory.createContent()
            .addMediaType("application/json", OASFactory.createMediaType().schema(schema)));
  }

  /** The problems of a write (curation): authentication, roles, conflicts, invalid bodies. */
  static void writeProblems(Operation op) {
    Map<String, String> statuses = new LinkedHashMap<>();
    statuses.put("400", "The body is not JSON");
    statuses.put("401", "No bearer token, or an unknown one");
    statuses.put("403", "The token's role may not do this, or it is the author's own change set");
    if (hasPathParameter(op)) {
      statuses.put("404", "No such change set");
    }
    statuses.put(
        "409",
        "A conflict: a stale base, another pending change to the record, an existing version or name");
    statuses.put("422", "A field is invalid (each one is named in invalid_params)");
    statuses.put("429", "Too many failed authentications from this client; see Retry-After");
    addProblems(op, statuses);
  }

  /** The problems of a read: a refused parameter, no such record, an unacceptable Accept. */
  static void readProblems(Operation op, boolean takesParameters) {
    Map<String, String> statuses = new LinkedHashMap<>();
    if (takesParameters) {
      statuses.put(
          "400", "A query parameter is unknown or malformed (each one is named in invalid_params)");
    }
    if (hasPathParameter(op)) {
      statuses.put("404", "No such record");
    }
    statuses.put("406", "The Accept header asks for a media type this resource cannot produce");
    addProblems(op, statuses);
  }

  private static boolean hasPathParameter(Operation op) {
    return op.getParameters() != null
        && op.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
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
                    Schemas.array(param).description("For 400s: every refused query parameter")))
        .description("RFC 9457 problem details (application/problem+json)");
  }
}
