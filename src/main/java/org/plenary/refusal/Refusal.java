package org.plenary.refusal;

import java.util.List;

/**
 * A request the domain refuses (a record that does not exist, a conflict with the published data,
 * invalid fields), said in the domain's terms. Resources, pages and services throw it; {@code
 * http/ProblemMappers} answers each kind with its problem (RFC 9457), in one place.
 */
public class Refusal extends RuntimeException {
  /** Why: each kind is one problem type of the API. */
  public enum Kind {
    /** No such record. */
    NOT_FOUND,
    /** A query parameter is refused (its fields name it). */
    INVALID_PARAMETER,
    /** The request body's fields are invalid (its fields name them). */
    INVALID_BODY,
    /** Only an authenticated caller may see or do this. */
    UNAUTHORIZED,
    /** The caller's role may not do this. */
    FORBIDDEN,
    /** A reviewer reviewing their own change set. */
    SELF_REVIEW,
    /** The request conflicts with the current state of the data. */
    CONFLICT
  }

  /** A refused field or parameter, and why. */
  public record Field(String name, String reason) {}

  private final Kind kind;
  private final transient List<Field> fields;
  private final Kind statusOf;

  private Refusal(Kind kind, String detail, List<Field> fields, Kind statusOf) {
    super(detail);
    this.kind = kind;
    this.fields = fields == null ? List.of() : List.copyOf(fields);
    this.statusOf = statusOf;
  }

  public Refusal(Kind kind, String detail, List<Field> fields) {
    this(kind, detail, fields, kind);
  }

  public Refusal(Kind kind, String detail) {
    this(kind, detail, null, kind);
  }

  public static Refusal notFound(String detail) {
    return new Refusal(Kind.NOT_FOUND, detail);
  }

  public static Refusal conflict(String detail) {
    return new Refusal(Kind.CONFLICT, detail);
  }

  /** One query parameter refused. */
  public static Refusal invalidParameter(String name, String reason) {
    return new Refusal(
        Kind.INVALID_PARAMETER,
        "Query parameter '" + name + "': " + reason,
        List.of(new Field(name, reason)));
  }

  /**
   * This refusal, met while checking something else, as a conflict saying {@code detail}; it keeps
   * this refusal's status (a change that fails validation when published together with another is
   * still a 422, of the conflict's type).
   */
  public Refusal asConflict(String detail) {
    return new Refusal(Kind.CONFLICT, detail, null, statusOf);
  }

  public Kind kind() {
    return kind;
  }

  public List<Field> fields() {
    return fields;
  }

  /** The kind whose status the answer takes: its own, unless {@link #asConflict} kept another. */
  public Kind statusOf() {
    return statusOf;
  }
}
