package org.plenary.http;

import java.util.List;
import org.plenary.query.InvalidQueryException;

/** Thrown to answer with a problem; the mapper adds the instance (the request path). */
public class ProblemException extends RuntimeException {
  private final int status;
  private final String type;
  private final String title;
  private final transient List<Problem.InvalidParam> invalidParams;

  public ProblemException(
      int status, String type, String title, String detail, List<Problem.InvalidParam> params) {
    super(detail);
    this.status = status;
    this.type = type;
    this.title = title;
    this.invalidParams = params == null ? List.of() : List.copyOf(params);
  }

  /** A problem of one of this service's types. */
  public ProblemException(ProblemType type, String detail, List<Problem.InvalidParam> params) {
    this(type.status(), type.uri(), type.title(), detail, params);
  }

  public static ProblemException notFound(String detail) {
    return new ProblemException(404, "about:blank", "Not Found", detail, null);
  }

  /** At most this many refused parameters are listed in a problem; the rest are counted. */
  public static final int MAX_LISTED = 20;

  /** One or more query parameters were refused (the first {@link #MAX_LISTED} are listed). */
  public static ProblemException invalidParams(List<Problem.InvalidParam> params) {
    String detail =
        params.size() == 1
            ? "Query parameter '" + params.get(0).name() + "': " + params.get(0).reason()
            : params.size() > MAX_LISTED
                ? params.size()
                    + " query parameters were refused; the first "
                    + MAX_LISTED
                    + " are listed in invalid_params ("
                    + (params.size() - MAX_LISTED)
                    + " more not listed)."
                : params.size() + " query parameters were refused; see invalid_params.";
    return new ProblemException(
        ProblemType.INVALID_PARAMETER,
        detail,
        params.size() > MAX_LISTED ? params.subList(0, MAX_LISTED) : params);
  }

  /** The 400 problem for the read engine's refusal of a request's parameters. */
  public static ProblemException from(InvalidQueryException e) {
    return invalidParams(
        e.invalid().stream().map(i -> new Problem.InvalidParam(i.name(), i.reason())).toList());
  }

  public static ProblemException invalidParam(String name, String reason) {
    return invalidParams(List.of(new Problem.InvalidParam(name, reason)));
  }

  public Problem toProblem(String instance) {
    return new Problem(
        type,
        title,
        status,
        getMessage(),
        instance,
        invalidParams.isEmpty() ? null : invalidParams);
  }

  public int status() {
    return status;
  }
}
