package org.plenary.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** The one response envelope: {@code data}, {@code links}, {@code meta}, for lists and records. */
public final class Envelope {
  private Envelope() {}

  /** A page of a collection. */
  public record ListBody(List<?> data, Links links, ListMeta meta) {}

  /** One record. */
  public record ItemBody(Object data, Links links, Meta meta) {}

  /** {@code next} is null on the last page. */
  public record Links(String self, String next) {}

  /**
   * @param total the number of matching records, only with include=total (null otherwise)
   * @param facets with facet=: each field's values and their counts for the whole filter
   * @param definition for a collection of measures (a delegation's record, a group's cohesion):
   *     their definition; absent elsewhere
   */
  public record ListMeta(
      String datasetVersion,
      int count,
      int limit,
      String sort,
      Long total,
      Map<String, Object> facets,
      @JsonInclude(JsonInclude.Include.NON_NULL) String definition) {}

  public record Meta(String datasetVersion) {}
}
