package org.plenary.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Variant;
import java.util.List;
import java.util.Map;

/**
 * The representations of a collection. Chosen, in order, by the {@code format} query parameter
 * (which a {@code .csv} or {@code .ndjson} suffix on the path sets), then by the Accept header.
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

  /** The format a request asks for; a 400 problem for an unknown {@code format} value. */
  static Format of(Map<String, List<String>> params, Request request) {
    List<String> format = params.get("format");
    if (format != null && !format.isEmpty()) {
      String f = format.get(format.size() - 1);
      for (Format x : values()) {
        if (x.extension.equals(f)) {
          return x;
        }
      }
      throw ProblemException.invalidParam(
          "format", "'" + f + "' is not a format. Allowed: csv, json, ndjson");
    }
    List<Variant> variants =
        Variant.mediaTypes(
                MediaType.APPLICATION_JSON_TYPE,
                MediaType.valueOf(CSV_TYPE),
                MediaType.valueOf(NDJSON_TYPE))
            .build();
    Variant v = request == null ? null : request.selectVariant(variants);
    if (v == null) {
      return JSON;
    }
    String type = v.getMediaType().getType() + "/" + v.getMediaType().getSubtype();
    return type.equals(CSV_TYPE) ? CSV : type.equals(NDJSON_TYPE) ? NDJSON : JSON;
  }
}
