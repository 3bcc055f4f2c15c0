package org.plenary.http;

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
   */
  public record ListMeta(
      String datasetVersion,
      int count,
      int limit,
      String sort,
      Long total,
      Map<String, Object> facets) {}

  public record Meta(String datasetVersion) {}
}
