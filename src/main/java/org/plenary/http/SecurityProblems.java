package org.plenary.http;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Authentication and authorization failures as application/problem+json: 401, 403 and 429 (an
 * authentication refused because the client failed too often carries the seconds to wait in its
 * {@link #RETRY_AFTER} attribute).
 */
public class SecurityProblems {
  /** The attribute of an {@link AuthenticationFailedException} holding the seconds to wait. */
  public static final String RETRY_AFTER = "plenary.retry-after";

  @ServerExceptionMapper
  public Response failed(AuthenticationFailedException e, UriInfo uri) {
    Long wait = retryAfter(e);
    if (wait != null) {
      return respond(
              ProblemType.TOO_MANY_FAILED_ATTEMPTS.problem(
                  "Too many failed authentication attempts from this client; try again in "
                      + wait
                      + " s.",
                  path(uri),
                  null))
          .header("Retry-After", Long.toString(wait))
          .build();
    }
    return unauthorized(
        "The bearer token is unknown or malformed (send Authorization: Bearer <token>).", uri);
  }

  @ServerExceptionMapper
  public Response anonymous(UnauthorizedException e, UriInfo uri) {
    return unauthorized(
        "This needs a bearer token: send Authorization: Bearer <token> (tokens come from an admin,"
            + " POST /v1/tokens).",
        uri);
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    return respond(
            ProblemType.FORBIDDEN.problem(
                "Your token's role may not do this (editors propose; reviewers and admins review"
                    + " and publish; admins create tokens).",
                path(uri),
                null))
        .build();
  }

  private static Response unauthorized(String detail, UriInfo uri) {
    return respond(ProblemType.UNAUTHORIZED.problem(detail, path(uri), null))
        .header("WWW-Authenticate", "Bearer")
        .build();
  }

  private static Response.ResponseBuilder respond(Problem p) {
    return Response.status(p.status())
        .type(Problem.MEDIA_TYPE)
        .header("Cache-Control", "no-store")
        .entity(p);
  }

  /** The seconds to wait, when {@code e} refuses a client that failed too often; otherwise null. */
  private static Long retryAfter(AuthenticationFailedException e) {
    Object v = e.getAttributes() == null ? null : e.getAttributes().get(RETRY_AFTER);
    return v instanceof Long l ? l : null;
  }

  private static String path(UriInfo uri) {
    return uri == null ? null : uri.getRequestUri().getRawPath();
  }
}
