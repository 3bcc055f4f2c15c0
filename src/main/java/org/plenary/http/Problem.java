package org.plenary.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem: the body of every 4xx and 5xx response, as application/problem+json.
 *
 * @param invalidParams for 400s, each offending query parameter and why
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<InvalidParam> invalidParams) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** A query parameter that was refused, and why. */
  public record InvalidParam(String name, String reason) {}
}
