package org.plenary.http;

import org.plenary.refusal.Refusal;

/** The problem that answers each kind of the domain's {@link Refusal}. */
final class Refusals {
  private Refusals() {}

  static ProblemType type(Refusal.Kind kind) {
    return switch (kind) {
      case NOT_FOUND -> null; // about:blank
      case INVALID_PARAMETER -> ProblemType.INVALID_PARAMETER;
      case INVALID_BODY -> ProblemType.INVALID_BODY;
      case UNAUTHORIZED -> ProblemType.UNAUTHORIZED;
      case FORBIDDEN -> ProblemType.FORBIDDEN;
      case SELF_REVIEW -> ProblemType.SELF_REVIEW;
      case CONFLICT -> ProblemType.CONFLICT;
    };
  }

  private static int status(Refusal.Kind kind) {
    ProblemType t = type(kind);
    return t == null ? 404 : t.status();
  }

  static ProblemException problem(Refusal e) {
    var params =
        e.fields().stream().map(f -> new Problem.InvalidParam(f.name(), f.reason())).toList();
    ProblemType type = type(e.kind());
    if (type == null) {
      return ProblemException.notFound(e.getMessage());
    }
    if (type == ProblemType.INVALID_PARAMETER) {
      return ProblemException.invalidParams(params);
    }
    return new ProblemException(
        status(e.statusOf()), type.uri(), type.title(), e.getMessage(), params);
  }
}
