package org.plenary.web;

import io.quarkus.qute.RawString;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.plenary.dataset.DatasetService;
import org.plenary.delegation.AgreementRecords;
import org.plenary.delegation.AgreementService;
import org.plenary.delegation.DelegationRecords;
import org.plenary.delegation.DelegationResource;
import org.plenary.delegation.Delegations;
import org.plenary.event.Events;
import org.plenary.group.Groups;
import org.plenary.http.Api;
import org.plenary.http.Json;
import org.plenary.http.Parameters;
import org.plenary.organization.Organizations;
import org.plenary.person.People;
import org.plenary.position.Positions;
import org.plenary.query.CollectionSpec;
import org.plenary.query.ListQuery;
import org.plenary.query.QueryEngine;
import org.plenary.refusal.Refusal;
import org.plenary.source.SourceCollections;
import org.plenary.statement.StatementService;
import org.plenary.topic.Topics;
import org.plenary.treaty.TreatyService;
import org.plenary.vote.Measures;
import org.plenary.vote.Votes;

/**
 * The explorer: HTML pages for people, beside the API and built on the same queries (the
 * collections' declarations run by the {@link QueryEngine}, and the features' services). They work
 * without JavaScript; each shows its sources, the dataset version, a citation, and links to the
 * same data as JSON and CSV.
 */
@Path("/")
public class PageResource {
  @Inject Pages pages;
  @Inject QueryEngine engine;
  @Inject AgreementService agreement;
  @Inject DatasetService dataset;
  @Inject TreatyService treaty;
  @Inject StatementService statements;

  @GET
  @Operation(hidden = true)
  public Response home(@Context UriInfo uri) {
    noParameters(uri);
    return pages.page(
        uri,
        "home",
        () -> {
          Map<String, Object> d = asMap(dataset.describe());
          Map<String, Object> t = treaty.status();
          List<Map<String, Object>> events = engine.all(ListQuery.all(Events.EVENTS, List.of()));
          @SuppressWarnings("unchecked")
          List<Map<String, Object>> releases = (List<Map<String, Object>>) d.get("releases");
          Map<String, Object> imported = imported();
          Map<String, Object> record = record();
          // with a voting record beside the convention's dataset, the page says so from its title
          String heading =
              imported.isEmpty() && !record.containsKey("votes") && !record.containsKey("vetoes")
                  ? String.valueOf(d.get("title"))
                  : "Plenary: the UN's voting record and the Convention against Cybercrime";
          Pages.Frame f =
              new Pages.Frame(heading)
                  .data(Api.V1 + "/dataset", Api.V1 + "/events.csv")
                  .cite(t.get("sources"))
                  .citeAll(events);
          return new Pages.Page(
              f,
              new PageModel.Home(
                  heading,
                  d,
                  imported,
                  record,
                  t,
                  ratifications(t),
                  events,
                  releases.isEmpty() ? Map.of() : releases.get(0)));
        });
  }

  /**
   * What the General Assembly import brought, for the home page's text: how many roll calls are
   * linked to the UN Digital Library and the span of their dates; an empty map when none is.
   */
  private Map<String, Object> imported() {
    return span(Map.of("undl_id__isnull", List.of("false")));
  }

  /**
   * What the voting record served by default holds, for the home page: Voeten's General Assembly
   * roll calls ({@code votes}) and the Security Council's vetoed drafts ({@code vetoes}), each with
   * its count and dates, and Voeten's topics with their counts; each absent when the data holds
   * none of it (a dataset without the layers).
   */
  private Map<String, Object> record() {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> votes = span(Map.of("voeten_rcid__isnull", List.of("false")));
    if (!votes.isEmpty()) {
      out.put("votes", votes);
    }
    Map<String, Object> vetoes =
        span(Map.of("body_id", List.of("security-council"), "outcome", List.of("vetoed")));
    if (!vetoes.isEmpty()) {
      out.put("vetoes", vetoes);
    }
    List<Map<String, Object>> topics = topicChoices(null);
    if (!topics.isEmpty()) {
      out.put("topics", topics);
    }
    return out;
  }

  /**
   * The topics a page's topic select offers: Voeten's six issues, and {@code asked} (a topic of
   * another scheme, such as an agenda item, asked for by its id) when it is not one of them, so
   * that it stays chosen when the form is sent again.
   */
  private List<Map<String, Object>> topicChoices(String asked) {
    List<Map<String, Object>> topics =
        new ArrayList<>(
            engine.all(
                ListQuery.all(
                    Topics.TOPICS,
                    List.of(ListQuery.condition(Topics.TOPICS, "scheme", "", "voeten")))));
    if (asked != null
        && !asked.isBlank()
        && topics.stream().noneMatch(t -> asked.equals(t.get("id")))) {
      topics.add(Map.of("id", asked, "name", asked));
    }
    return topics;
  }

  /**
   * How many votes {@code filter} matches ({@code total}) and the dates of the first and the last
   * ({@code from}, {@code to}); an empty map when none does.
   */
  private Map<String, Object> span(Map<String, List<String>> filter) {
    Map<String, List<String>> first = new LinkedHashMap<>(filter);
    first.put("include", List.of("total"));
    first.put("limit", List.of("1"));
    first.put("sort", List.of("date"));
    QueryEngine.Page oldest = engine.page(engine.parse(Votes.VOTES, first, List.of()));
    if (oldest.rows().isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> last = new LinkedHashMap<>(filter);
    last.put("limit", List.of("1"));
    last.put("sort", List.of("-date"));
    QueryEngine.Page latest = engine.page(engine.parse(Votes.VOTES, last, List.of()));
    return Map.of(
        "total", oldest.total(),
        "from", oldest.rows().get(0).get("date"),
        "to", latest.rows().get(0).get("date"));
  }

  /**
   * The parameters the votes page's form sends itself; the cursor starts a new list from its first
   * page. Any other filter in the address is sent again as it was.
   */
  private static final Set<String> VOTE_FORM =
      Set.of("q", "method", "outcome", "session", "sort", "topic", "body_id", "cursor");

  @GET
  @Path("votes")
  @Operation(hidden = true)
  public Response votes(@Context UriInfo uri) {
    return pages.page(
        uri,
        "votes",
        () -> {
          MultivaluedMap<String, String> params = params(uri);
          MultivaluedMap<String, String> counted = new MultivaluedHashMap<>(params);
          counted.putSingle("include", "total"); // the caption says how many match, not the page
          QueryEngine.Page page = engine.page(engine.parse(Votes.VOTES, counted, List.of()));
          Pages.Frame f = listFrame("Votes", "/votes", params).citeAll(page.rows());
          String topic = first(params, "topic");
          List<Map<String, Object>> topics = topicChoices(topic);
          // body= (the API's name for body_id=) of one body: the form's Body shows it
          String body = first(params, "body_id");
          boolean bodyShown =
              body.isEmpty()
                  && params.get("body") != null
                  && params.get("body").size() == 1
                  && !first(params, "body").contains(",");
          if (bodyShown) {
            body = first(params, "body");
          }
          // the other filters the page was asked for, kept when the form is sent again
          List<Map<String, String>> kept = new ArrayList<>();
          boolean keepBody = !bodyShown;
          params.forEach(
              (name, values) -> {
                if (!VOTE_FORM.contains(name) && (keepBody || !name.equals("body"))) {
                  values.forEach(v -> kept.add(Map.of("name", name, "value", v)));
                }
              });
          return new Pages.Page(
              f,
              new PageModel.VoteList(
                  withSnippets(page.rows()),
                  page.total(),
                  first(params, "q"),
                  first(params, "method"),
                  first(params, "outcome"),
                  first(params, "session"),
                  first(params, "sort"),
                  topic,
                  topics,
                  body,
                  engine.all(ListQuery.all(Votes.BODIES, List.of())),
                  kept,
                  next(uri, page.next())));
        });
  }

  @GET
  @Path("votes/{id}")
  @Operation(hidden = true)
  public Response vote(@PathParam("id") String id, @Context UriInfo uri) {
    noParameters(uri);
    return pages.page(
        uri,
        "vote",
        () -> {
          Map<String, Object> vote = one(Votes.VOTES, "id", id, "vote", "roll_call");
          @SuppressWarnings("unchecked")
          List<Map<String, Object>> rollCall = (List<Map<String, Object>>) vote.get("roll_call");
          List<Map<String, Object>> positions =
              engine.all(
                  ListQuery.all(
                      Positions.POSITIONS,
                      List.of(ListQuery.condition(Positions.POSITIONS, "vote_id", "", id))));
          Pages.Frame f =
              new Pages.Frame(String.valueOf(vote.get("subject")))
                  .data(
                      api("/votes/" + Html.encode(id), "include=roll_call"),
                      api("/votes/" + Html.encode(id) + "/roll-call.csv", ""))
                  .cite(vote.get("sources"));
          if (!rollCall.isEmpty()) {
            f.cite(rollCall.get(0).get("sources"));
          }
          RawString tally =
              new RawString(Charts.tally("tb", String.valueOf(vote.get("subject")), vote));
          String chart =
              rollCall.isEmpty()
                  ? null
                  : Charts.rollCall(
                      "rc",
                      String.valueOf(vote.get("subject")),
                      String.valueOf(vote.get("roll_call_status")),
                      rollCall);
          List<Map<String, Object>> ballots = new ArrayList<>();
          for (Map<String, Object> r : rollCall) {
            Map<String, Object> m = new LinkedHashMap<>(r);
            m.put("group_name", Charts.groupName(r.get("regional_group")));
            m.put(
                "ballot", Charts.LABEL.getOrDefault(r.get("vote"), String.valueOf(r.get("vote"))));
            ballots.add(m);
          }
          return new Pages.Page(
              f,
              new PageModel.Vote(
                  vote,
                  tally,
                  chart == null ? null : new RawString(chart),
                  chart == null ? 0 : Charts.height(chart) + Charts.STANDALONE_EXTRA + 4,
                  150 + Charts.STANDALONE_EXTRA,
                  groups(rollCall, vote),
                  ballots,
                  shown(positions),
                  // what the delegations of each side said in that session's General Debate about
                  // the vote's subject (none before the corpus is imported)
                  statements.forVote(id, null, null, 3).map(PageResource::debate).orElse(null),
                  "/charts/votes/" + Html.encode(id) + ".svg",
                  "/charts/votes/" + Html.encode(id) + "/tally.svg"));
        });
  }

  @GET
  @Path("delegations")
  @Operation(hidden = true)
  public Response delegations(@Context UriInfo uri) {
    return pages.page(
        uri,
        "delegations",
        () -> {
          MultivaluedMap<String, String> params = params(uri);
          params.putIfAbsent("limit", List.of("1000"));
          QueryEngine.Page page =
              engine.page(engine.parse(Delegations.DELEGATIONS, params, List.of()));
          params.remove("limit");
          Pages.Frame f = listFrame("Delegations", "/delegations", params).citeAll(page.rows());
          List<Map<String, Object>> rows = new ArrayList<>();
          for (Map<String, Object> r : page.rows()) {
            rows.add(withGroupName(r));
          }
          return new Pages.Page(
              f,
              new PageModel.DelegationList(
                  rows, first(params, "regional_group"), Charts.GROUPS, next(uri, page.next())));
        });
  }

  @GET
  @Path("delegations/record")
  @Operation(hidden = true)
  public Response records(@Context UriInfo uri) {
    return pages.page(
        uri,
        "records",
        () -> {
          MultivaluedMap<String, String> params = params(uri);
          params.putIfAbsent("sort", List.of("-in_minority_share"));
          params.putIfAbsent("limit", List.of("1000"));
          QueryEngine.Page page =
              engine.page(engine.parse(DelegationRecords.RECORDS, params, List.of()));
          params.remove("limit");
          Pages.Frame f =
              listFrame(
                      "Voting records: with or against the majority", "/delegations/record", params)
                  .cite(sources(page.rows()));
          List<Map<String, Object>> rows = new ArrayList<>();
          for (Map<String, Object> r : page.rows()) {
            Map<String, Object> m = withGroupName(r);
            for (String share :
                List.of(
                    "with_majority_share",
                    "in_minority_share",
                    "abstained_share",
                    "participation")) {
              m.put(share, percent(r.get(share)));
            }
            rows.add(m);
          }
          return new Pages.Page(
              f,
              new PageModel.VotingRecords(
                  rows,
                  first(params, "date__gte"),
                  first(params, "date__lte"),
                  first(params, "session"),
                  first(params, "lone_max"),
                  first(params, "sort"),
                  DelegationRecords.LONE_MAX,
                  params.containsKey("lone_max")
                      ? params.getFirst("lone_max")
                      : String.valueOf(DelegationRecords.LONE_MAX),
                  Measures.RECORD_DEFINITION,
                  next(uri, page.next())));
        });
  }

  @GET
  @Path("groups/{id}")
  @Operation(hidden = true)
  public Response group(@PathParam("id") String id, @Context UriInfo uri) {
    return pages.page(
        uri,
        "group",
        () -> {
          Map<String, Object> g = one(Groups.GROUPS, "id", id, "group");
          MultivaluedMap<String, String> filters = voteFilters(uri);
          List<Map<String, Object>> years = cohesionYears(engine, id, filters);
          MultivaluedMap<String, String> divisive = new MultivaluedHashMap<>(filters);
          divisive.putSingle("sort", "agreement_index");
          divisive.putSingle("agreement_index__isnull", "false");
          divisive.putSingle("limit", "10");
          QueryEngine.Page votes =
              engine.page(
                  engine.parse(
                      Groups.COHESION_VOTES,
                      divisive,
                      List.of(ListQuery.condition(Groups.COHESION_VOTES, "group_id", "", id))));
          String query = Html.query(filters);
          String base = "/groups/" + Html.encode(id) + "/cohesion";
          Pages.Frame f =
              new Pages.Frame(String.valueOf(g.get("name")) + ": cohesion")
                  .data(
                      api(base, "by=year" + (query.isEmpty() ? "" : "&" + query)),
                      api(base + ".csv", "by=year" + (query.isEmpty() ? "" : "&" + query)))
                  .cite(sources(years));
          List<Charts.YearValue> series = yearValues(years);
          String chart = Charts.cohesion("co", String.valueOf(g.get("name")), series);
          List<Map<String, Object>> rows = new ArrayList<>();
          for (Map<String, Object> y : years) {
            Map<String, Object> m = new LinkedHashMap<>(y);
            m.put("agreement_index", percent(y.get("agreement_index")));
            rows.add(m);
          }
          return new Pages.Page(
              f,
              new PageModel.Group(
                  g,
                  rows,
                  votes.rows(),
                  divisiveTopics(engine, id, filters),
                  new RawString(chart),
                  Charts.height(chart) + Charts.STANDALONE_EXTRA,
                  "/charts" + base + ".svg" + (query.isEmpty() ? "" : "?" + query),
                  Measures.COHESION_DEFINITION,
                  first(filters, "date__gte"),
                  first(filters, "date__lte"),
                  first(filters, "session")));
        });
  }

  /** The ten topics whose votes divided a group most (lowest mean Agreement Index first). */
  static List<Map<String, Object>> divisiveTopics(
      QueryEngine engine, String id, MultivaluedMap<String, String> filters) {
    MultivaluedMap<String, String> q = new MultivaluedHashMap<>(filters);
    q.putSingle("agreement_index__isnull", "false");
    q.putSingle("limit", "10");
    return engine
        .page(
            engine.parse(
                Groups.COHESION_TOPICS,
                q,
                List.of(ListQuery.condition(Groups.COHESION_TOPICS, "group_id", "", id))))
        .rows();
  }

  /** A group's cohesion per year over the votes {@code filters} choose (page and chart). */
  static List<Map<String, Object>> cohesionYears(
      QueryEngine engine, String id, MultivaluedMap<String, String> filters) {
    return engine.all(
        engine.parse(
            Groups.COHESION_YEARS,
            filters,
            List.of(ListQuery.condition(Groups.COHESION_YEARS, "group_id", "", id))));
  }

  /**
   * A group's cohesion per year as the chart draws it: the years where a member voted, the index as
   * a share.
   */
  static List<Charts.YearValue> yearValues(List<Map<String, Object>> years) {
    List<Charts.YearValue> out = new ArrayList<>();
    for (Map<String, Object> y : years) {
      if (y.get("agreement_index") instanceof Number n) {
        out.add(
            new Charts.YearValue(
                (Integer) y.get("year"), n.doubleValue(), (Integer) y.get("votes")));
      }
    }
    return out;
  }

  /**
   * The vote filters of a group's page and chart: any filter of /v1/votes (date__gte, session,
   * ...), which choose the votes its cohesion is computed over; sort, limit and cursor are the
   * page's own.
   */
  static MultivaluedMap<String, String> voteFilters(UriInfo uri) {
    MultivaluedMap<String, String> out = params(uri);
    for (String p : out.keySet()) {
      String name = p.contains("__") ? p.substring(0, p.indexOf("__")) : p;
      if (!p.equals("q") && Votes.VOTES.field(name).filter(f -> f.filterable()).isEmpty()) {
        throw Refusal.invalidParameter(
            p,
            "unknown parameter. This page takes the filters of /v1/votes (date__gte, session, ...)");
      }
    }
    return out;
  }

  /** The sources named by the rows' source_ids (the same for every row of an aggregate). */
  private List<Map<String, Object>> sources(List<Map<String, Object>> rows) {
    Set<String> ids = new java.util.TreeSet<>();
    for (Map<String, Object> r : rows) {
      if (r.get("source_ids") instanceof String s && !s.isEmpty()) {
        ids.addAll(List.of(s.split(";")));
      }
    }
    if (ids.isEmpty()) {
      return List.of();
    }
    return engine.all(
        ListQuery.all(
            SourceCollections.CITED_SOURCES,
            List.of(
                ListQuery.condition(
                    SourceCollections.CITED_SOURCES, "id", "in", String.join(",", ids)))));
  }

  @GET
  @Path("delegations/{iso3}")
  @Operation(hidden = true)
  public Response delegation(@PathParam("iso3") String iso3, @Context UriInfo uri) {
    String id = iso3.toUpperCase(Locale.ROOT);
    String with = compareWith(engine, uri, id);
    return pages.page(
        uri,
        "delegation",
        () -> {
          Map<String, Object> d = one(Delegations.DELEGATIONS, "id", id, "delegation");
          String topic = uri.getQueryParameters().getFirst("topic");
          String since = uri.getQueryParameters().getFirst("since");
          // the votes' filters, as /v1/delegations/{id}/votes takes them (it checks the date)
          Map<String, List<String>> filters = new LinkedHashMap<>();
          if (topic != null && !topic.isBlank()) {
            filters.put("topic", List.of(topic));
          }
          if (since != null && !since.isBlank()) {
            filters.put("vote_date__gte", List.of(since.strip()));
          }
          Map<String, List<String>> votesParams = new LinkedHashMap<>(filters);
          votesParams.put("limit", List.of("50"));
          QueryEngine.Page votes =
              engine.page(
                  engine.parse(
                      Votes.ROLL_CALLS.sortedBy(Votes.ROLL_CALLS.desc("vote_date")),
                      votesParams,
                      List.of(ListQuery.condition(Votes.ROLL_CALLS, "delegation_id", "", id))));
          List<Map<String, Object>> vetoes =
              engine
                  .page(
                      engine.parse(
                          DelegationResource.VETOES,
                          Map.of("limit", List.of("1000")),
                          List.of(
                              ListQuery.condition(
                                  DelegationResource.VETOES, "delegation_id", "", id))))
                  .rows();
          List<Map<String, Object>> topics = topicChoices(topic);
          List<Map<String, Object>> positions =
              engine.all(
                  ListQuery.all(
                      Positions.POSITIONS,
                      List.of(ListQuery.condition(Positions.POSITIONS, "delegation_id", "", id))));
          List<Map<String, Object>> ranking = new ArrayList<>();
          for (AgreementRecords.Ranked ranked : agreement.ranking(id)) {
            Map<String, Object> r = asMap(ranked);
            if (r.get("voeten") != null) { // compared over at least one vote
              Map<String, Object> m = new LinkedHashMap<>(r);
              m.put("voeten", percent(r.get("voeten")));
              m.put("state_department", percent(r.get("state_department")));
              ranking.add(m);
            }
          }
          List<AgreementRecords.Year> years = agreement.byYear(id, with);
          Map<String, Object> other = one(Delegations.DELEGATIONS, "id", with, "delegation");
          Pages.Frame f =
              new Pages.Frame(String.valueOf(d.get("name")))
                  .data(
                      api("/delegations/" + id, ""),
                      // all the votes the page shows the latest of, with the same filters
                      api("/delegations/" + id + "/votes.csv", Html.query(filters)))
                  .cite(d.get("sources"))
                  .citeAll(votes.rows())
                  .citeAll(positions);
          int n = Math.min(5, ranking.size() / 2);
          List<PageModel.AgreementYear> perYear = new ArrayList<>();
          for (AgreementRecords.Year y : years) {
            perYear.add(
                new PageModel.AgreementYear(
                    y.year(),
                    y.measures().votesBothTookPart(),
                    percent(y.measures().voeten()),
                    percent(y.measures().stateDepartment())));
          }
          String chart =
              Charts.agreement(
                  "ag", String.valueOf(d.get("name")), String.valueOf(other.get("name")), years);
          return new Pages.Page(
              f,
              new PageModel.Delegation(
                  d,
                  Charts.groupName(d.get("regional_group")),
                  votes.rows(),
                  votes.next() != null,
                  vetoes,
                  topics,
                  topic == null ? "" : topic,
                  since == null ? "" : since.strip(),
                  shown(positions),
                  ranking.subList(0, n),
                  reversed(ranking.subList(ranking.size() - n, ranking.size())),
                  other,
                  perYear,
                  new RawString(chart),
                  Charts.height(chart) + Charts.STANDALONE_EXTRA,
                  "/charts/delegations/" + id + "/agreement.svg?with=" + Html.encode(with),
                  all(Delegations.DELEGATIONS)));
        });
  }

  @GET
  @Path("organizations/{slug}")
  @Operation(hidden = true)
  public Response organization(@PathParam("slug") String slug, @Context UriInfo uri) {
    noParameters(uri);
    return pages.page(
        uri,
        "organization",
        () -> {
          Map<String, Object> o =
              one(Organizations.ORGANIZATIONS, "id", slug, "organization", "positions");
          Pages.Frame f =
              new Pages.Frame(String.valueOf(o.get("name")))
                  .data(
                      api("/organizations/" + Html.encode(slug), "include=positions"),
                      api("/organizations/" + Html.encode(slug) + "/positions.csv", ""))
                  .cite(o.get("sources"));
          @SuppressWarnings("unchecked")
          List<Map<String, Object>> positions = (List<Map<String, Object>>) o.get("positions");
          f.citeAll(positions);
          return new Pages.Page(f, new PageModel.Organization(o, shown(positions)));
        });
  }

  @GET
  @Path("people/{slug}")
  @Operation(hidden = true)
  public Response person(@PathParam("slug") String slug, @Context UriInfo uri) {
    noParameters(uri);
    return pages.page(
        uri,
        "person",
        () -> {
          Map<String, Object> p = one(People.PEOPLE, "id", slug, "person", "positions");
          @SuppressWarnings("unchecked")
          List<Map<String, Object>> positions = (List<Map<String, Object>>) p.get("positions");
          Pages.Frame f =
              new Pages.Frame(String.valueOf(p.get("name")))
                  .data(
                      api("/people/" + Html.encode(slug), "include=positions"),
                      api("/positions.csv", "person_id=" + Html.encode(slug)))
                  .cite(p.get("sources"))
                  .citeAll(positions);
          return new Pages.Page(f, new PageModel.Person(p, shown(positions)));
        });
  }

  @GET
  @Path("positions")
  @Operation(hidden = true)
  public Response positions(@Context UriInfo uri) {
    return pages.page(
        uri,
        "positions",
        () -> {
          MultivaluedMap<String, String> params = params(uri);
          MultivaluedMap<String, String> withFacets = new MultivaluedHashMap<>(params);
          withFacets.putSingle("facet", "stance,actor_kind");
          QueryEngine.Page page =
              engine.page(engine.parse(Positions.POSITIONS, withFacets, List.of()));
          Pages.Frame f = listFrame("Positions", "/positions", params).citeAll(page.rows());
          return new Pages.Page(
              f,
              new PageModel.PositionList(
                  shown(withSnippets(page.rows())),
                  first(params, "q"),
                  first(params, "stance"),
                  first(params, "actor_kind"),
                  page.facets(),
                  List.of("supports", "opposes", "conditional", "concerned", "mixed"),
                  next(uri, page.next())));
        });
  }

  @GET
  @Path("positions/{id}")
  @Operation(hidden = true)
  public Response position(@PathParam("id") String id, @Context UriInfo uri) {
    noParameters(uri);
    return pages.page(
        uri,
        "position",
        () -> {
          Map<String, Object> p = one(Positions.POSITIONS, "id", id, "position");
          Pages.Frame f =
              new Pages.Frame(p.get("actor_name") + ": " + p.get("stance"))
                  .data(
                      api("/positions/" + Html.encode(id), ""),
                      api("/positions.csv", "id=" + Html.encode(id)))
                  .cite(p.get("sources"));
          return new Pages.Page(f, new PageModel.Position(shown(List.of(p)).get(0)));
        });
  }

  @GET
  @Path("treaty")
  @Operation(hidden = true)
  public Response treatyPage(@Context UriInfo uri) {
    noParameters(uri);
    return pages.page(
        uri,
        "treaty",
        () -> {
          Map<String, Object> t = treaty.status();
          @SuppressWarnings("unchecked")
          List<Map<String, Object>> signatures = (List<Map<String, Object>>) t.get("signatures");
          Pages.Frame f =
              new Pages.Frame(String.valueOf(t.get("short_name")))
                  .data(api("/treaty", ""), api("/signatures.csv", ""))
                  .cite(t.get("sources"))
                  .citeAll(signatures);
          return new Pages.Page(f, new PageModel.Treaty(t, signatures, ratifications(t)));
        });
  }

  @GET
  @Path("sources/{id}")
  @Operation(hidden = true)
  public Response source(@PathParam("id") String id, @Context UriInfo uri) {
    noParameters(uri);
    return pages.page(
        uri,
        "source",
        () -> {
          Map<String, Object> s = one(SourceCollections.SOURCES, "id", id, "source");
          @SuppressWarnings("unchecked")
          List<Map<String, Object>> citedBy = (List<Map<String, Object>>) s.get("cited_by");
          List<Map<String, Object>> links = new ArrayList<>();
          for (Map<String, Object> c : citedBy) {
            Map<String, Object> l = new LinkedHashMap<>(c);
            l.put("href", recordLink((String) c.get("record_type"), (String) c.get("record_id")));
            links.add(l);
          }
          Map<String, Object> self = new LinkedHashMap<>(s);
          self.put("locator", null);
          Pages.Frame f =
              new Pages.Frame(
                      String.valueOf(s.get("title") == null ? s.get("publisher") : s.get("title")))
                  .data(
                      api("/sources/" + Html.encode(id), ""),
                      api("/sources.csv", "id=" + Html.encode(id)))
                  .cite(List.of(self));
          Map<String, Object> shown = new LinkedHashMap<>(s);
          shown.put("url", Html.safeUrl(s.get("url")));
          return new Pages.Page(f, new PageModel.Source(shown, links));
        });
  }

  private static RawString ratifications(Map<String, Object> treaty) {
    return new RawString(
        Charts.ratifications(
            "rat",
            (Integer) treaty.get("ratifications_known"),
            (Integer) treaty.get("ratifications_required")));
  }

  /** Where the explorer shows a cited record; the API's JSON where it has no page. */
  static String recordLink(String type, String id) {
    String e = Html.encode(id);
    return switch (type) {
      case "vote", "roll_call" -> "/votes/" + e;
      case "delegation" -> "/delegations/" + e;
      case "organization" -> "/organizations/" + e;
      case "person" -> "/people/" + e;
      case "treaty", "signature" -> "/treaty";
      case "event" -> "/#timeline";
      case "position" -> "/positions/" + e;
      case "document" -> Api.V1 + "/documents/" + e;
      case "body" -> Api.V1 + "/bodies/" + e;
      default -> Api.V1 + "/sources";
    };
  }

  // ---- the data, read through the API's collections

  private Map<String, Object> one(
      CollectionSpec c, String field, String value, String what, String... includes) {
    Map<String, List<String>> params =
        includes.length == 0 ? Map.of() : Map.of("include", List.of(String.join(",", includes)));
    List<Map<String, Object>> rows =
        engine.all(engine.parse(c, params, List.of(ListQuery.condition(c, field, "", value))));
    if (rows.isEmpty()) {
      throw Refusal.notFound("No " + what + " '" + value + "'.");
    }
    return rows.get(0);
  }

  private List<Map<String, Object>> all(CollectionSpec c) {
    return engine.all(ListQuery.all(c, List.of()));
  }

  /**
   * The roll call counted per regional group, with a total row; the groups add up. A ballot whose
   * tally no source gives (a partial roll call that lists only those who voted) is "unknown" where
   * no named delegation cast it, never 0.
   */
  static List<Map<String, Object>> groups(
      List<Map<String, Object>> rollCall, Map<String, Object> vote) {
    Map<String, Map<String, Object>> by = new LinkedHashMap<>();
    for (String g : Charts.GROUPS.keySet()) {
      by.put(g, row(Charts.groupName(g)));
    }
    Map<String, Object> total = row("All delegations");
    for (Map<String, Object> r : rollCall) {
      Object g = r.get("regional_group");
      Map<String, Object> group =
          by.computeIfAbsent(g == null ? "none" : g.toString(), k -> row(Charts.groupName(k)));
      for (Map<String, Object> m : List.of(group, total)) {
        m.merge(String.valueOf(r.get("vote")), 1, (a, b) -> (Integer) a + (Integer) b);
        m.merge("total", 1, (a, b) -> (Integer) a + (Integer) b);
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    by.values().stream().filter(m -> (Integer) m.get("total") > 0).forEach(out::add);
    if (!out.isEmpty()) {
      out.add(total);
    }
    for (String b : Charts.BALLOTS) {
      if (vote.get(b) == null) {
        out.stream()
            .filter(m -> Integer.valueOf(0).equals(m.get(b)))
            .forEach(m -> m.put(b, UNKNOWN));
      }
    }
    return out;
  }

  private static final String UNKNOWN = "unknown";

  private static Map<String, Object> row(String name) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    for (String b : Charts.BALLOTS) {
      m.put(b, 0);
    }
    m.put("total", 0);
    return m;
  }

  /** Rows with their search snippet as safe HTML ({@code highlight}), when searching. */
  private static List<Map<String, Object>> withSnippets(List<Map<String, Object>> rows) {
    List<Map<String, Object>> out = new ArrayList<>(rows.size());
    for (Map<String, Object> r : rows) {
      Map<String, Object> m = new LinkedHashMap<>(r);
      m.put(
          "highlight", r.containsKey("snippet") ? Html.highlight((String) r.get("snippet")) : null);
      out.add(m);
    }
    return out;
  }

  /**
   * Positions with their sources as a page shows them beside each quote ({@code shown_sources}):
   * links only to http(s) addresses.
   */
  private static List<Map<String, Object>> shown(List<Map<String, Object>> positions) {
    List<Map<String, Object>> out = new ArrayList<>(positions.size());
    for (Map<String, Object> p : positions) {
      Map<String, Object> m = new LinkedHashMap<>(p);
      List<Map<String, Object>> sources = new ArrayList<>();
      if (p.get("sources") instanceof List<?> list) {
        for (Object o : list) {
          @SuppressWarnings("unchecked")
          Map<String, Object> s = new LinkedHashMap<>((Map<String, Object>) o);
          s.put("url", Html.safeUrl(s.get("url")));
          sources.add(s);
        }
      }
      m.put("shown_sources", sources);
      out.add(m);
    }
    return out;
  }

  /** A vote's General Debate statements for the template: passages' snippets as safe HTML. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> debate(Object voteStatements) {
    Map<String, Object> d = asMap(voteStatements);
    boolean any = false;
    for (Map<String, Object> side : (List<Map<String, Object>>) d.get("sides")) {
      List<Map<String, Object>> passages = (List<Map<String, Object>>) side.get("passages");
      side.put("passages", withSnippets(passages).stream().toList());
      any |= !passages.isEmpty();
    }
    return any ? d : null;
  }

  /** 0.8723 as "87%"; null as "n/a" (no vote qualifies). */
  static String percent(Object share) {
    return share instanceof Number n ? Math.round(n.doubleValue() * 100) + "%" : "n/a";
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> out = new ArrayList<>(list);
    java.util.Collections.reverse(out);
    return out;
  }

  // ---- parameters

  /** The request's parameters without the empty ones an HTML form sends for "any". */
  /**
   * A list page's frame: its title, and the API's JSON and CSV of the collection at {@code path}
   * with the page's filters.
   */
  private static Pages.Frame listFrame(
      String title, String path, MultivaluedMap<String, String> params) {
    String query = Html.query(params);
    return new Pages.Frame(title).data(api(path, query), api(path + ".csv", query));
  }

  /** A delegation's row with the name of its regional group ({@code group_name}). */
  private static Map<String, Object> withGroupName(Map<String, Object> r) {
    Map<String, Object> m = new LinkedHashMap<>(r);
    m.put("group_name", Charts.groupName(r.get("regional_group")));
    return m;
  }

  /** The request's query parameters, without empty values (a form's blank fields). */
  static MultivaluedMap<String, String> params(UriInfo uri) {
    MultivaluedMap<String, String> out = new MultivaluedHashMap<>();
    uri.getQueryParameters(true)
        .forEach(
            (k, vs) ->
                vs.stream().filter(v -> v != null && !v.isBlank()).forEach(v -> out.add(k, v)));
    return out;
  }

  /** The first value of {@code name}, or "" (a form field's value). */
  static String first(MultivaluedMap<String, String> params, String name) {
    return params.getFirst(name) == null ? "" : params.getFirst(name);
  }

  private static void noParameters(UriInfo uri) {
    Parameters.none(uri, "This page");
  }

  /**
   * The delegation compared over time: {@code with=} (ISO alpha-3), by default the United States
   * (the State Department's report measures coincidence with it), or China for the United States.
   */
  static String compareWith(QueryEngine engine, UriInfo uri, String id) {
    Set<String> allowed = Set.of("with", "topic", "since");
    for (String p : uri.getQueryParameters().keySet()) {
      if (!allowed.contains(p)) {
        throw Refusal.invalidParameter(p, "unknown parameter. Allowed: with, topic");
      }
    }
    String with = uri.getQueryParameters().getFirst("with");
    String other =
        with == null || with.isBlank()
            ? (id.equals("USA") ? "CHN" : "USA")
            : with.toUpperCase(Locale.ROOT);
    if (other.equals(id)) {
      throw Refusal.invalidParameter("with", "compare a delegation with another one");
    }
    if (!engine.exists(
        ListQuery.all(
            Delegations.DELEGATIONS,
            List.of(ListQuery.condition(Delegations.DELEGATIONS, "id", "", other))))) {
      throw Refusal.invalidParameter(
          "with", "unknown delegation '" + with + "' (an ISO alpha-3 code)");
    }
    return other;
  }

  static String api(String path, String query) {
    return Api.V1 + path + (query.isEmpty() ? "" : "?" + query);
  }

  /** The link to the next page: this page's URL with the next cursor. */
  private static String next(UriInfo uri, String cursor) {
    if (cursor == null) {
      return null;
    }
    MultivaluedMap<String, String> params = params(uri);
    params.putSingle("cursor", cursor);
    return uri.getPath() + "?" + Html.query(params);
  }

  /** A typed result as the API's JSON shows it (snake_case keys), for the templates. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Object record) {
    return Json.MAPPER.convertValue(record, Map.class);
  }
}
