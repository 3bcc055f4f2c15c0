package org.plenary.http;

/**
 * The representations of a collection, chosen by {@link Negotiation}: the {@code format} query
 * parameter (which a {@code .csv} or {@code .ndjson} suffix on the path sets), then the Accept
 * header.
 */
public enum Format {
  JSON("application/json", "json"),
  CSV("text/csv", "csv"),
  NDJSON("application/x-ndjson", "ndjson"),
  /**
   * Every response outside {@link Api#V1} (the explorer's pages and charts): one representation per
   * URL, whatever the Accept header; never chosen by format= or a suffix.
   */
  PAGE("text/html", "page");

  /** The representations of the API's collections, in order of preference at equal quality. */
  public static final java.util.List<Format> API = java.util.List.of(JSON, CSV, NDJSON);

  public static final String CSV_TYPE = "text/csv";
  public static final String NDJSON_TYPE = "application/x-ndjson";

  private final String mediaType;
  private final String extension;

  Format(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }
}
