package org.plenary.http;

/**
 * The representations of a collection, chosen by {@link Negotiation}: the {@code format} query
 * parameter (which a {@code .csv} or {@code .ndjson} suffix on the path sets), then the Accept
 * header.
 */
public enum Format {
  JSON("application/json", "json"),
  CSV("text/csv", "csv"),
  NDJSON("application/x-ndjson", "ndjson");

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
