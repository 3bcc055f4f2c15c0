package org.plenary.statement;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.plenary.http.Api;
import org.plenary.http.Format;
import org.plenary.http.ItemOf;
import org.plenary.http.ListOf;
import org.plenary.http.Responder;
import org.plenary.query.CollectionSpec;
import org.plenary.query.ListQuery;
import org.plenary.refusal.Refusal;

@Path(Api.V1)
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "statements",
    description =
        "What states said in the General Assembly's General Debate since 1946 (the UN General"
            + " Debate Corpus, imported by the deployer and served with its citation)")
public class StatementResource {
  static final Set<String> BY = Set.of("year", "decade");

  /** The most passages per side of a vote. */
  static final int MAX_PER_SIDE = 100;

  @Inject Responder responder;
  @Inject StatementService statements;
  @Inject org.plenary.query.QueryEngine engine;

  @GET
  @Path("/statements")
  @Operation(
      summary =
          "Statements in the General Debate; with q=, one record per matching paragraph (the unit"
              + " of search and citation), ranked, with the match in context (snippet)")
  @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.NDJSON_TYPE})
  @Extension(name = "x-plenary-list", value = "statements.search")
  public Response list(@Context UriInfo uri) {
    return responder.list(collection(uri), uri);
  }

  @GET
  @Path("/statements/counts")
  @Operation(
      summary =
          "How many statements (and, with q=, paragraphs) match, per year or decade: the counts"
              + " behind a chart (by=year)")
  @ListOf(StatementRecords.Count.class)
  @Parameter(
      name = "by",
      in = ParameterIn.QUERY,
      description = "What to count per",
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"year", "decade"},
              defaultValue = "year"))
  @Parameter(
      name = "q",
      in = ParameterIn.QUERY,
      description =
          "Full-text search (websearch syntax: words, \"a phrase\", OR, -word); the filters of"
              + " /v1/statements apply too",
      schema = @Schema(type = SchemaType.STRING))
  public Response counts(@Context UriInfo uri) {
    MultivaluedMap<String, String> params = new MultivaluedHashMap<>(uri.getQueryParameters(true));
    List<String> by = params.remove("by");
    String field = by == null ? "year" : by.get(by.size() - 1);
    if (!BY.contains(field)) {
      throw Refusal.invalidParameter("by", "'" + field + "' is not a count. Allowed: decade, year");
    }
    for (String p : List.of("limit", "cursor", "sort", "include", "facet", "format", "bom")) {
      if (params.containsKey(p)) {
        throw Refusal.invalidParameter(p, "not a parameter of counts (every value is counted)");
      }
    }
    CollectionSpec c = params.containsKey("q") ? Statements.PASSAGES : Statements.STATEMENTS;
    ListQuery q = engine.parse(c, params, List.of());
    return responder.fixedList(uri, () -> statements.counts(q, field));
  }

  @GET
  @Path("/statements/{id}")
  @Operation(summary = "One statement with its text in paragraphs (anchors #p1, #p2, ...)")
  @Extension(name = "x-plenary-item", value = "statements")
  @ItemOf(StatementRecords.Text.class)
  public Response statement(@PathParam("id") String id, @Context UriInfo uri) {
    org.plenary.http.Parameters.none(uri, "A statement");
    return responder.item(
        uri,
        () ->
            statements
                .statement(id.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> Refusal.notFound("No statement '" + id + "'.")));
  }

  @GET
  @Path("/votes/{id}/statements")
  @Operation(
      summary =
          "The statements of a vote's session in the General Debate that match q (by default any"
              + " word of the vote's subject), per side of the vote, ranked")
  @ItemOf(StatementRecords.VoteStatements.class)
  @Parameter(
      name = "q",
      in = ParameterIn.QUERY,
      description =
          "Full-text search (websearch syntax: words, \"a phrase\", OR, -word); default: any word"
              + " of the vote's subject",
      schema = @Schema(type = SchemaType.STRING))
  @Parameter(
      name = "vote",
      in = ParameterIn.QUERY,
      description = "Only this side of the vote",
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"yes", "no", "abstain", "non_voting"}))
  @Parameter(
      name = "limit",
      in = ParameterIn.QUERY,
      description = "Passages per side, 1 to " + MAX_PER_SIDE + " (default 10)",
      schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
  public Response ofVote(@PathParam("id") String id, @Context UriInfo uri) {
    MultivaluedMap<String, String> params = uri.getQueryParameters(true);
    for (String p : params.keySet()) {
      if (!Set.of("q", "vote", "limit").contains(p)) {
        throw Refusal.invalidParameter(p, "unknown parameter. Allowed: limit, q, vote");
      }
    }
    String q = params.getFirst("q");
    if (q != null && (q.isBlank() || q.length() > 256)) {
      throw Refusal.invalidParameter("q", "needs 1 to 256 characters of words to search for");
    }
    String vote = params.getFirst("vote");
    if (vote != null && !StatementService.SIDES.contains(vote)) {
      throw Refusal.invalidParameter(
          "vote", "'" + vote + "' is not a side. Allowed: abstain, no, non_voting, yes");
    }
    int limit = 10;
    String l = params.getFirst("limit");
    if (l != null) {
      try {
        limit = Integer.parseInt(l);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > MAX_PER_SIDE) {
        throw Refusal.invalidParameter(
            "limit", "'" + l + "' is not a whole number from 1 to " + MAX_PER_SIDE);
      }
    }
    int perSide = limit;
    return responder.item(
        uri,
        () ->
            statements
                .forVote(id, q, vote, perSide)
                .orElseThrow(() -> Refusal.notFound("No vote '" + id + "'.")));
  }

  /** The statements, or with q= their matching paragraphs. */
  public static CollectionSpec collection(UriInfo uri) {
    return uri.getQueryParameters().containsKey("q") ? Statements.PASSAGES : Statements.STATEMENTS;
  }
}
