package org.plenary.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.plenary.dataset.DatasetState;
import org.plenary.delegation.AgreementService;
import org.plenary.delegation.Delegations;
import org.plenary.group.Groups;
import org.plenary.http.Parameters;
import org.plenary.query.CollectionSpec;
import org.plenary.query.ListQuery;
import org.plenary.query.QueryEngine;
import org.plenary.refusal.Refusal;
import org.plenary.vote.Votes;

/**
 * The explorer's charts served alone, for embedding in a story ({@code <img>} or {@code <iframe>}):
 * the same SVG as on the pages, cached like every response.
 */
@Path("/charts")
public class ChartResource {
  @Inject Pages pages;
  @Inject QueryEngine engine;
  @Inject AgreementService agreement;
  @Inject DatasetState state;

  /** {@code /charts/votes/a-res-74-247.svg}: the roll call by regional group (or the tally). */
  @GET
  @Path("votes/{file}")
  @Operation(hidden = true)
  public Response rollCall(@PathParam("file") String file, @Context UriInfo uri) {
    String id = svg(file);
    Parameters.none(uri, "This chart");
    return pages.chart(
        uri,
        () -> {
          Map<String, Object> vote = vote(id);
          @SuppressWarnings("unchecked")
          List<Map<String, Object>> rollCall = (List<Map<String, Object>>) vote.get("roll_call");
          String subject = String.valueOf(vote.get("subject"));
          return alone(
              rollCall.isEmpty()
                  ? Charts.tally("tb", subject, vote)
                  : Charts.rollCall(
                      "rc", subject, String.valueOf(vote.get("roll_call_status")), rollCall),
              vote.get("date") + " · " + subject,
              "/votes/" + id);
        });
  }

  /** {@code /charts/votes/a-res-74-247/tally.svg}: the tally bar. */
  @GET
  @Path("votes/{id}/{file}")
  @Operation(hidden = true)
  public Response tally(
      @PathParam("id") String id, @PathParam("file") String file, @Context UriInfo uri) {
    if (!file.equals("tally.svg")) {
      throw Refusal.notFound("No chart '" + file + "'. Charts of a vote: tally.svg");
    }
    Parameters.none(uri, "This chart");
    return pages.chart(
        uri,
        () -> {
          Map<String, Object> vote = vote(id);
          return alone(
              Charts.tally("tb", String.valueOf(vote.get("subject")), vote),
              vote.get("date") + " · " + vote.get("subject"),
              "/votes/" + id);
        });
  }

  /** {@code /charts/delegations/FRA/agreement.svg?with=USA}: agreement over time. */
  @GET
  @Path("delegations/{iso3}/{file}")
  @Operation(hidden = true)
  public Response agreement(
      @PathParam("iso3") String iso3, @PathParam("file") String file, @Context UriInfo uri) {
    if (!file.equals("agreement.svg")) {
      throw Refusal.notFound("No chart '" + file + "'. Charts of a delegation: agreement.svg");
    }
    String id = iso3.toUpperCase(Locale.ROOT);
    String with = PageResource.compareWith(engine, uri, id);
    return pages.chart(
        uri,
        () -> {
          String a = name(Delegations.DELEGATIONS, id, "delegation");
          String b = name(Delegations.DELEGATIONS, with, "delegation");
          return alone(
              Charts.agreement("ag", a, b, agreement.byYear(id, with)),
              "How often " + a + " and " + b + " voted alike, by year",
              "/delegations/" + id);
        });
  }

  /** {@code /charts/groups/weog/cohesion.svg?date__gte=1990}: a group's cohesion per year. */
  @GET
  @Path("groups/{id}/{file}")
  @Operation(hidden = true)
  public Response cohesion(
      @PathParam("id") String id, @PathParam("file") String file, @Context UriInfo uri) {
    if (!file.equals("cohesion.svg")) {
      throw Refusal.notFound("No chart '" + file + "'. Charts of a group: cohesion.svg");
    }
    var filters = PageResource.voteFilters(uri);
    return pages.chart(
        uri,
        () -> {
          String name = name(Groups.GROUPS, id, "group");
          List<Map<String, Object>> years = PageResource.cohesionYears(engine, id, filters);
          return alone(
              Charts.cohesion("co", name, PageResource.yearValues(years)),
              "How cohesive the " + name + " voted, by year",
              "/groups/" + id);
        });
  }

  /** The chart under its heading, credited to the dataset's version and to its page. */
  private String alone(String svg, String heading, String page) {
    return Charts.standalone(
        svg, heading, "Source: Plenary dataset " + state.version() + " (CC BY 4.0), " + page);
  }

  private Map<String, Object> vote(String id) {
    List<Map<String, Object>> rows =
        engine.all(
            engine.parse(
                Votes.VOTES,
                Map.of("include", List.of("roll_call")),
                List.of(ListQuery.condition(Votes.VOTES, "id", "", id))));
    if (rows.isEmpty()) {
      throw Refusal.notFound("No vote '" + id + "'.");
    }
    return rows.get(0);
  }

  private String name(CollectionSpec c, String id, String what) {
    List<Map<String, Object>> rows =
        engine.all(ListQuery.all(c, List.of(ListQuery.condition(c, "id", "", id))));
    if (rows.isEmpty()) {
      throw Refusal.notFound("No " + what + " '" + id + "'.");
    }
    return String.valueOf(rows.get(0).get("name"));
  }

  private static String svg(String file) {
    if (!file.endsWith(".svg") || file.length() == 4) {
      throw Refusal.notFound("Charts are SVG files: /charts/votes/{id}.svg");
    }
    return file.substring(0, file.length() - 4);
  }
}
