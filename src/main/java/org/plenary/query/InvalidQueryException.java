package org.plenary.query;

import java.util.List;

/**
 * A request's query parameters that the read engine refused (an unknown filter, a malformed value,
 * a cursor it did not issue), each with the reason. The HTTP layer answers it with a 400 problem.
 */
public class InvalidQueryException extends RuntimeException {
  /** A refused parameter and why. */
  public record Invalid(String name, String reason) {}

  private final transient List<Invalid> invalid;

  public InvalidQueryException(List<Invalid> invalid) {
    super(
        invalid.size() == 1
            ? "Query parameter '" + invalid.get(0).name() + "': " + invalid.get(0).reason()
            : invalid.size() + " query parameters were refused");
    this.invalid = List.copyOf(invalid);
  }

  public InvalidQueryException(String name, String reason) {
    this(List.of(new Invalid(name, reason)));
  }

  /** Every refused parameter, in the order found. */
  public List<Invalid> invalid() {
    return invalid;
  }
}
