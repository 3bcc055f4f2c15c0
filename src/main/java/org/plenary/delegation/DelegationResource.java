package org.plenary.delegation;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.plenary.http.Records;
import org.plenary.http.Responder;
import org.plenary.position.Positions;
import org.plenary.query.CollectionSpec;
import org.plenary.query.Field;
import org.plenary.refusal.Refusal;
import org.plenary.statement.StatementResource;
import org.plenary.statement.Statements;
import org.plenary.vote.Votes;

@Path(Api.V1 + "/delegations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "delegations", description = "Member states and other delegations")
public class DelegationResource {
  /** How a delegation voted, latest vote first; q= searches the votes' titles, as on /v1/votes. */
  public static final CollectionSpec VOTES_OF_DELEGATION =
      Votes.ROLL_CALLS
          .sortedBy(Votes.ROLL_CALLS.desc("vote_date"))
          .searchable(Votes.SEARCH_VECTOR, Votes.SEARCH_TEXT);

  /**
   * The Security Council drafts a delegation vetoed, with those of the historic states its record
   * continues (RUS: the USSR's and Russia's), each under the name the veto list gives it.
   */
  public static final CollectionSpec VETOES =
      CollectionSpec.builder(
              "vetoes",
              "roll_call r join vote v on v.id = r.vote_id and v.outcome = 'vetoed' and r.vote ="
                  + " 'no' join delegation d on d.id = r.delegation_id cross join lateral (select"
                  + " r.delegation_id as id union all select s.successor_id from"
                  + " delegation_succession s where s.predecessor_id = r.delegation_id) l")
          .field(Field.text("vote_id", "v.id", "The vetoed draft's vote"))
          .field(Field.partialDate("date", "v.date", "v.date_precision", "Date of the vote"))
          .field(Field.text("draft", "v.draft", "The draft (or, for early vetoes, the meeting)"))
          .field(Field.text("meeting", "v.meeting", "The meeting record"))
          .field(Field.text("agenda_item", "v.subject", "The Council's agenda item"))
          .field(Field.text("vetoed_by", "r.delegation_id", "The permanent member that voted no"))
          .field(
              Field.text(
                  "vetoed_by_name",
                  "coalesce((select min(n.name) from delegation_name n join citation c on"
                      + " c.source_id = n.source_id and c.record_type = 'vote' and c.record_id ="
                      + " v.id where n.delegation_id = r.delegation_id), d.name)",
                  "Its name as the veto list gives it (USSR, Russia)"))
          .field(
              Field.text(
                  "delegation_id",
                  "l.id",
                  "The delegation asked about: the member, or the state whose record continues"
                      + " the member's"))
          .key("vote_id", "vetoed_by", "delegation_id")
          .sort("-date")
          .cites("vote", "vote_id")
          .build();

  @Inject Responder responder;
  @Inject AgreementService agreement;
  @Inject Records records;

  @GET
  @Operation(summary = "Delegations (filter by regional_group, kind, ...)")
  @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.NDJSON_TYPE})
  @Extension(name = "x-plenary-list", value = "delegations")
  public Response delegations(@Context UriInfo uri) {
    return responder.list(Delegations.DELEGATIONS, uri);
  }

  @GET
  @Path("/record")
  @Operation(
      summary =
          "Every delegation's voting record over the chosen votes: with or against the majority,"
              + " lone votes, participation (sort=-in_minority_share: who most often voted"
              + " against the majority); by=year per year. Vote filters (date__gte, session,"
              + " body_id, q, any filter of /v1/votes) choose the votes counted")
  @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.NDJSON_TYPE})
  @Extension(name = "x-plenary-list", value = "delegation_records")
  @Parameter(
      name = "by",
      in = ParameterIn.QUERY,
      description = "year: one row per delegation and calendar year (DelegationRecordYear records)",
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"year"}))
  public Response records(@Context UriInfo uri) {
    return responder.listBy(uri, DelegationRecords.RECORDS, RECORDS_BY);
  }

  @GET
  @Path("/{iso3}/record")
  @Operation(
      summary =
          "The delegation's voting record over the chosen votes (one row; by=year: per year)."
              + " Vote filters (date__gte, session, body_id, q, any filter of /v1/votes) choose"
              + " the votes counted")
  @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.NDJSON_TYPE})
  @Extension(name = "x-plenary-list", value = "delegation_records")
  @Parameter(
      name = "by",
      in = ParameterIn.QUERY,
      description = "year: one row per calendar year (DelegationRecordYear records)",
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"year"}))
  public Response record(@PathParam("iso3") String iso3, @Context UriInfo uri) {
    return responder.childrenBy(
        Delegations.DELEGATIONS,
        code(iso3),
        "delegation",
        "delegation_id",
        uri,
        DelegationRecords.RECORDS,
        RECORDS_BY);
  }

  /** The record's collections for by= (absent: the whole period; year: per calendar year). */
  private static final java.util.Map<String, CollectionSpec> RECORDS_BY =
      java.util.Map.of("year", DelegationRecords.RECORD_YEARS);

  /** The records of {@code child} whose {@code field} is the delegation's code; 404 if none. */
  private Response ofDelegation(String iso3, CollectionSpec child, String field, UriInfo uri) {
    return responder.children(Delegations.DELEGATIONS, code(iso3), "delegation", child, field, uri);
  }

  @GET
  @Path("/{iso3}")
  @Operation(summary = "One delegation, by ISO alpha-3 code (case-insensitive)")
  @Extension(name = "x-plenary-item", value = "delegations")
  public Response delegation(@PathParam("iso3") String iso3, @Context UriInfo uri) {
    return responder.one(Delegations.DELEGATIONS, "id", code(iso3), uri, "delegation");
  }

  @GET
  @Path("/{iso3}/statements")
  @Operation(
      summary =
          "The delegation's statements in the General Debate, oldest first; with q=, its"
              + " matching paragraphs, ranked")
  @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.NDJSON_TYPE})
  @Extension(name = "x-plenary-list", value = "statements.of_delegation")
  public Response statements(@PathParam("iso3") String iso3, @Context UriInfo uri) {
    CollectionSpec c =
        uri.getQueryParameters().containsKey("q")
            ? StatementResource.collection(uri)
            : Statements.STATEMENTS_OF_DELEGATION;
    return ofDelegation(iso3, c, "code", uri);
  }

  @GET
  @Path("/{iso3}/votes")
  @Operation(summary = "How the delegation voted on every recorded vote, latest first")
  @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.NDJSON_TYPE})
  @Extension(name = "x-plenary-list", value = "roll_calls.of_delegation")
  public Response votes(@PathParam("iso3") String iso3, @Context UriInfo uri) {
    return ofDelegation(iso3, VOTES_OF_DELEGATION, "delegation_id", uri);
  }

  @GET
  @Path("/{iso3}/vetoes")
  @Operation(
      summary =
          "The Security Council drafts the delegation vetoed, latest first, with those of the"
              + " historic states its record continues (RUS: the USSR's and Russia's), each named"
              + " as the veto list names it")
  @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.NDJSON_TYPE})
  @Extension(name = "x-plenary-list", value = "vetoes")
  public Response vetoes(@PathParam("iso3") String iso3, @Context UriInfo uri) {
    return ofDelegation(iso3, VETOES, "delegation_id", uri);
  }

  @GET
  @Path("/{iso3}/positions")
  @Operation(summary = "Positions held by the delegation")
  @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.NDJSON_TYPE})
  @Extension(name = "x-plenary-list", value = "positions")
  public Response positions(@PathParam("iso3") String iso3, @Context UriInfo uri) {
    return ofDelegation(iso3, Positions.POSITIONS, "delegation_id", uri);
  }

  @GET
  @Path("/{iso3}/agreement")
  @Operation(
      summary =
          "How often two delegations voted the same way (with=ISO3: the pair and the votes compared;"
              + " by=year: a series per year); without with=, against every other delegation,"
              + " ranked. Both the State Department's voting coincidence and Voeten's agreement"
              + " index; date__gte and date__lte bound the votes compared")
  @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.NDJSON_TYPE})
  @ItemOf({AgreementRecords.Pair.class, AgreementRecords.Series.class})
  @ListOf(AgreementRecords.Ranked.class)
  @Parameter(
      name = "with",
      in = ParameterIn.QUERY,
      description =
          "Another delegation's ISO alpha-3 code (case-insensitive): compare the two, vote by vote."
              + " Without it, the ranking against every other delegation",
      schema = @Schema(type = SchemaType.STRING))
  @Parameter(
      name = "by",
      in = ParameterIn.QUERY,
      description =
          "year: the pair's agreement per calendar year instead of vote by vote (needs with=)",
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"year"}))
  @Parameter(
      name = "topic",
      in = ParameterIn.QUERY,
      description =
          "Compare only votes on this topic (/v1/topics: human-rights, ...); comma-separated: any"
              + " of them",
      schema = @Schema(type = SchemaType.STRING))
  @Parameter(
      name = "body",
      in = ParameterIn.QUERY,
      description =
          "Compare only votes of this body (/v1/bodies: ga-plenary, security-council, ...);"
              + " comma-separated: any of them. Without it, the roll calls of every body",
      schema = @Schema(type = SchemaType.STRING))
  @Parameter(
      name = "date__gte",
      in = ParameterIn.QUERY,
      description = "Compare only votes on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)",
      schema = @Schema(type = SchemaType.STRING))
  @Parameter(
      name = "date__lte",
      in = ParameterIn.QUERY,
      description =
          "Compare only votes on or before this date (YYYY, YYYY-MM or YYYY-MM-DD: the whole period)",
      schema = @Schema(type = SchemaType.STRING))
  @Parameter(
      name = "format",
      in = ParameterIn.QUERY,
      description =
          "json (default), csv or ndjson; also by Accept or a .csv/.ndjson suffix. CSV and NDJSON"
              + " hold the table: the votes compared (with=), the years (by=year) or the ranking,"
              + " each row with the delegations compared",
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"json", "csv", "ndjson"}))
  @Parameter(
      name = "bom",
      in = ParameterIn.QUERY,
      description = "With format=csv: true prepends a UTF-8 byte-order mark (for Excel)",
      schema = @Schema(type = SchemaType.BOOLEAN))
  public Response agreement(@PathParam("iso3") String iso3, @Context UriInfo uri) {
    String id = code(iso3);
    var params = uri.getQueryParameters();
    for (var p : params.entrySet()) {
      if (!AGREEMENT_PARAMS.contains(p.getKey())) {
        throw Refusal.invalidParameter(
            p.getKey(), "unknown parameter. Allowed: " + String.join(", ", AGREEMENT_PARAMS));
      }
      if (p.getValue().size() > 1) {
        throw Refusal.invalidParameter(p.getKey(), "give it once");
      }
    }
    AgreementService.Period bounds;
    try {
      bounds =
          AgreementService.Period.of(params.getFirst("date__gte"), params.getFirst("date__lte"));
    } catch (IllegalArgumentException e) {
      throw Refusal.invalidParameter(
          params.getFirst("date__gte") != null && !isDate(params.getFirst("date__gte"))
              ? "date__gte"
              : "date__lte",
          e.getMessage());
    }
    String topic = ids(params.getFirst("topic"), "topic", "/v1/topics");
    String body = ids(params.getFirst("body"), "body", "/v1/bodies");
    AgreementService.Period period = bounds.onTopics(topic).ofBodies(body);
    String by = params.getFirst("by");
    if (by != null && !by.equals("year")) {
      throw Refusal.invalidParameter("by", "'" + by + "' is not a series. Allowed: year");
    }
    records.requireExists(Delegations.DELEGATIONS, "id", id, "delegation");
    String with = params.getFirst("with");
    if (with == null) {
      if (by != null) {
        throw Refusal.invalidParameter(
            "by", "a series per year compares two delegations: add with=ISO3");
      }
      return responder.fixedListOrTable(
          uri, () -> agreement.ranking(id, period), AgreementRecords.Ranked.class);
    }
    String other = code(with);
    if (other.equals(id)) {
      throw Refusal.invalidParameter("with", "compare a delegation with another one");
    }
    if (!records.exists(Delegations.DELEGATIONS, "id", other)) {
      throw Refusal.invalidParameter(
          "with", "unknown delegation '" + with + "' (an ISO alpha-3 code)");
    }
    Map<String, Object> pair = new LinkedHashMap<>();
    pair.put("delegation_id", id);
    pair.put("with", other);
    if (by != null) {
      return responder.itemOrTable(
          uri,
          () -> agreement.byYear(id, other, period),
          s -> Responder.Table.of(pair, AgreementRecords.Year.class, s.series()));
    }
    return responder.itemOrTable(
        uri,
        () -> agreement.pair(id, other, period),
        p -> Responder.Table.of(pair, AgreementRecords.ComparedVote.class, p.votes()));
  }

  private static final List<String> AGREEMENT_PARAMS =
      List.of("with", "by", "topic", "body", "date__gte", "date__lte", "format", "bom");

  /** A parameter of one to 20 comma-separated ids (null when not given). */
  private static String ids(String value, String name, String listedAt) {
    if (value != null && (value.isEmpty() || value.split(",", -1).length > 20)) {
      throw Refusal.invalidParameter(
          name, "one to 20 " + name + " ids, comma-separated (see " + listedAt + ")");
    }
    return value;
  }

  private static boolean isDate(String s) {
    try {
      org.plenary.seed.PartialDate.parse(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String code(String iso3) {
    return iso3.toUpperCase(Locale.ROOT);
  }
}
