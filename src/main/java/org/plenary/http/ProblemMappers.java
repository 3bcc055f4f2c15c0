package org.plenary.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.plenary.query.InvalidQueryException;

/**
 * Turns every error into application/problem+json: our own problems, the framework's HTTP errors
 * (unknown path 404, wrong method 405, unsupported Accept 406, ...) and anything unexpected (500,
 * logged here, never described to the client beyond a generic message).
 */
public class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @jakarta.inject.Inject HttpLimits limits;
  @jakarta.inject.Inject Metrics metrics;
  @jakarta.inject.Inject org.plenary.query.DatabaseHealth health;

  @ServerExceptionMapper
  public Response problem(ProblemException e, UriInfo uri) {
    Problem p = e.toProblem(path(uri));
    if (p.status() == 400 && p.invalidParams() != null) {
      p =
          new Problem(
              p.type(),
              p.title(),
              p.status(),
              p.detail(),
              p.instance(),
              QueryOrder.sort(p.invalidParams(), rawQuery(uri)));
    }
    rejected(p);
    return respond(p);
  }

  /** A service's refusal, in the domain's terms: the problem of its kind. */
  @ServerExceptionMapper
  public Response refusal(org.plenary.refusal.Refusal e, UriInfo uri) {
    return problem(Refusals.problem(e), uri);
  }

  /**
   * The read engine's refusal of a request's parameters: a 400 naming each one, in the order the
   * query string gives them.
   */
  @ServerExceptionMapper
  public Response invalidQuery(InvalidQueryException e, UriInfo uri) {
    List<Problem.InvalidParam> params =
        e.invalid().stream().map(i -> new Problem.InvalidParam(i.name(), i.reason())).toList();
    // logged as every other 4xx
    return problem(ProblemException.invalidParams(QueryOrder.sort(params, rawQuery(uri))), uri);
  }

  private static String rawQuery(UriInfo uri) {
    return uri == null ? null : uri.getRequestUri().getRawQuery();
  }

  /**
   * A request body that is not the JSON the operation takes: not JSON at all (400), or JSON of the
   * wrong shape, a value of the wrong type or an unknown field (422 naming the field by its path).
   */
  @ServerExceptionMapper
  public Response body(com.fasterxml.jackson.core.JsonProcessingException e, UriInfo uri) {
    return problem(BodyProblems.of(e), uri);
  }

  /** The same, before Quarkus's built-in mapper of this type (a bare 400). */
  @ServerExceptionMapper
  public Response mismatched(
      com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
    return body(e, uri);
  }

  @ServerExceptionMapper
  public Response http(WebApplicationException e, UriInfo uri) {
    if (e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
      return body(json, uri); // the JSON reader's own 400, with the reason
    }
    int status = e.getResponse().getStatus();
    String detail =
        switch (status) {
          case 404 ->
              "No resource at this path. The API's entry point is /v1; its description is /q/openapi.";
          case 405 -> "This resource does not accept that HTTP method. Allowed: " + allowed(e);
          case 406 ->
              "This resource cannot produce any media type the Accept header asks for. It serves application/json.";
          case 415 -> "This resource does not accept that request body's media type.";
          default ->
              Response.Status.fromStatusCode(status) == null
                  ? "The request failed."
                  : Response.Status.fromStatusCode(status).getReasonPhrase() + ".";
        };
    Response.StatusType reason = Response.Status.fromStatusCode(status);
    Problem p =
        new Problem(
            "about:blank",
            reason == null ? "Error" : reason.getReasonPhrase(),
            status,
            detail,
            path(uri),
            null);
    rejected(p);
    Response.ResponseBuilder b =
        Response.status(status)
            .type(Problem.MEDIA_TYPE)
            .header("Cache-Control", "no-store")
            .entity(p);
    if (status == 405) {
      b.header("Allow", allowed(e));
    }
    return b.build();
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e, UriInfo uri) {
    Outage outage = Outage.of(e);
    if (outage != null) {
      Problem p = outage.problem(path(uri));
      rejected(p);
      metrics.outage(outage);
      if (outage == Outage.UNAVAILABLE) {
        health.failed();
      }
      Response.ResponseBuilder b =
          Response.status(p.status())
              .type(Problem.MEDIA_TYPE)
              .header("Cache-Control", "no-store")
              .entity(p);
      if (p.status() == 503) {
        b.header("Retry-After", Long.toString(limits.retryAfter().toSeconds()));
      }
      return b.build();
    }
    LOG.error("Unexpected error on " + path(uri), e);
    return respond(
        new Problem(
            "about:blank",
            "Internal Server Error",
            500,
            "The server could not answer this request. The error was logged.",
            path(uri),
            null));
  }

  static Response respond(Problem p) {
    Response.ResponseBuilder b =
        Response.status(p.status())
            .type(Problem.MEDIA_TYPE)
            .header("Cache-Control", "no-store")
            .entity(p);
    if (p.status() == 401) {
      b.header("WWW-Authenticate", "Bearer"); // every 401 names the scheme (RFC 9110)
    }
    return b.build();
  }

  private static String allowed(WebApplicationException e) {
    String allow = e.getResponse().getHeaderString("Allow");
    return allow == null ? "GET, HEAD" : allow;
  }

  /** One WARN line per refused request: status, path and detail, never a stack trace. */
  static void rejected(Problem p) {
    LOG.warnf(
        "%d %s: %s", p.status(), Problems.printable(p.instance()), Problems.printable(p.detail()));
  }

  private static String path(UriInfo uri) {
    try {
      return uri == null ? null : uri.getRequestUri().getRawPath();
    } catch (RuntimeException e) {
      return null; // a request the URI of which cannot be built (no Host, malformed)
    }
  }
}
