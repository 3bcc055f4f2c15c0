package org.plenary.http;

import java.util.List;

/**
 * Every {@code urn:plenary:problem:*} type this service answers with: its status, its title and its
 * line of documentation (docs/problems.md is generated from here, checked by DocsTest). The
 * framework's own errors (unknown path, wrong method, ...) and unexpected failures are {@code
 * about:blank} problems titled by their status, built by {@link ProblemMappers}.
 */
public enum ProblemType {
  INVALID_PARAMETER(
      "invalid-parameter",
      400,
      "Invalid query parameter",
      "A query parameter was refused (unknown, malformed, or out of the database's range),"
          + " `invalid_params` naming each one and why; or the path holds a control character"
          + " (titled `Invalid path`)."),
  UNAUTHORIZED(
      "unauthorized",
      401,
      "Unauthorized",
      "No bearer token, or an unknown one, where one is needed; with `WWW-Authenticate: Bearer`."),
  FORBIDDEN("forbidden", 403, "Forbidden", "The token's role may not do this."),
  SELF_REVIEW("self-review", 403, "Forbidden", "A reviewer reviewing their own change set."),
  CONFLICT(
      "conflict",
      409,
      "Conflict",
      "The write does not apply to the current state: a record changed since its base, exists"
          + " already or is gone; a change set no longer proposed; a release that exists or is"
          + " not newer, or has nothing to publish; a token name taken."),
  MALFORMED_REQUEST(
      "malformed-request",
      400,
      "Bad Request",
      "The request line or headers are malformed: bad percent-encoding, a character a URL may"
          + " not hold, two Host headers."),
  INVALID_JSON("invalid-json", 400, "Invalid JSON", "A write's body is not valid JSON."),
  CONTENT_TOO_LARGE(
      "content-too-large",
      413,
      "Content Too Large",
      "A request body over 64 KiB, or over `plenary.limits.write-body-bytes` (4 MiB) for a"
          + " curation write."),
  URI_TOO_LONG(
      "uri-too-long",
      414,
      "URI Too Long",
      "A request URI over `plenary.limits.uri-length` characters."),
  RANGE_NOT_SATISFIABLE(
      "range-not-satisfiable",
      416,
      "Range Not Satisfiable",
      "A `Range` past the end of a dump file."),
  INVALID_BODY(
      "invalid-body",
      422,
      "Invalid request body",
      "A write's JSON body (a change set, a release, a token) is missing or refused,"
          + " `invalid_params` naming each field and why."),
  RATE_LIMITED(
      "rate-limited",
      429,
      "Too Many Requests",
      "The client's rate limit for expensive requests; with `Retry-After`."),
  TOO_MANY_FAILED_ATTEMPTS(
      "too-many-failed-attempts",
      429,
      "Too Many Requests",
      "Too many failed authentications from this client; with `Retry-After`."),
  HEADERS_TOO_LARGE(
      "headers-too-large",
      431,
      "Request Header Fields Too Large",
      "Request headers over `plenary.limits.header-bytes` bytes."),
  UNAVAILABLE(
      "unavailable",
      503,
      "Service Unavailable",
      "The database is down or unreachable; with `Retry-After`."),
  BUSY(
      "busy",
      503,
      "Service Unavailable",
      "Every database connection, or every slot for expensive requests, is busy; with"
          + " `Retry-After`."),
  OVERLOADED(
      "overloaded",
      503,
      "Service Unavailable",
      "More requests at once than `plenary.limits.concurrency`; with `Retry-After`."),
  TIMEOUT(
      "timeout",
      503,
      "Service Unavailable",
      "A statement ran over its time budget (`plenary.limits.statement-timeout`) and was"
          + " stopped.");

  /** The prefix of every type's URI. */
  public static final String PREFIX = "urn:plenary:problem:";

  private final String uri;
  private final int status;
  private final String title;
  private final String doc;

  ProblemType(String name, int status, String title, String doc) {
    this.uri = PREFIX + name;
    this.status = status;
    this.title = title;
    this.doc = doc;
  }

  /** The problem's {@code type}, e.g. {@code urn:plenary:problem:conflict}. */
  public String uri() {
    return uri;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** Its line of documentation. */
  public String doc() {
    return doc;
  }

  /** The problem of this type about {@code instance} (the request path, or null). */
  public Problem problem(String detail, String instance) {
    return problem(detail, instance, null);
  }

  /** As {@link #problem(String, String)}, naming refused parameters (null for none). */
  public Problem problem(String detail, String instance, List<Problem.InvalidParam> params) {
    return new Problem(uri, title, status, detail, instance, params);
  }
}
