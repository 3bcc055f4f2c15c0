package org.plenary.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The one place that decides a request's representation, used alike by the event-loop fast path (on
 * the raw Vert.x request) and by the resources (on JAX-RS's view of it), so that both look a
 * response up under the same cache key.
 *
 * <ol>
 *   <li>{@link #effectiveUri}: a {@code .csv}, {@code .ndjson} or {@code .json} suffix on a path
 *       under /v1 (dump files excepted) becomes the {@code format} parameter: {@code
 *       /v1/votes.csv?outcome=adopted} is {@code /v1/votes?outcome=adopted&format=csv}.
 *   <li>{@link #negotiate}: the last {@code format} parameter decides; without one, the Accept
 *       header (q-values honoured; at equal quality the more specific range, then JSON, CSV, NDJSON
 *       in that order); without Accept, JSON.
 * </ol>
 */
public final class Negotiation {
  private Negotiation() {}

  /**
   * A request's representation.
   *
   * @param uri the effective request URI (the cache key's and the self link's)
   * @param format the chosen format; null when the request names an unknown format ({@code refused}
   *     says which) or accepts none of the formats
   * @param refused the unknown {@code format} value, or null
   */
  public record Negotiated(String uri, Format format, String refused) {}

  /** The URI the API answers for a request URI: a format suffix turned into {@code format=}. */
  public static String effectiveUri(String uri) {
    int start = pathStart(uri);
    int q = uri.indexOf('?', start);
    String path = q < 0 ? uri.substring(start) : uri.substring(start, q);
    if (!path.startsWith(Api.V1)
        || path.startsWith(Api.V1 + "/dumps/")
        || (path.startsWith(Api.V1 + "/releases/") && path.contains("/dumps/"))) {
      return uri; // dump files are named with their extension
    }
    for (Format f : Format.API) {
      String suffix = "." + f.extension();
      if (path.endsWith(suffix) && path.length() > Api.V1.length() + suffix.length()) {
        StringBuilder sb =
            new StringBuilder(uri.length() + 8)
                .append(uri, 0, start)
                .append(path, 0, path.length() - suffix.length());
        char sep = '?';
        if (q >= 0) {
          for (String p : uri.substring(q + 1).split("&")) {
            if (!p.isEmpty() && !name(p).equals("format")) {
              sb.append(sep).append(p);
              sep = '&';
            }
          }
        }
        return sb.append(sep).append("format=").append(f.extension()).toString();
      }
    }
    return uri;
  }

  /** The representation of an effective request URI for an Accept header (null: none sent). */
  public static Negotiated negotiate(String uri, String accept) {
    int start = pathStart(uri);
    if (!uri.startsWith(Api.V1, start)) {
      return new Negotiated(uri, Format.PAGE, null);
    }
    int q = uri.indexOf('?', start);
    String format = null;
    if (q >= 0) {
      for (String p : uri.substring(q + 1).split("&")) {
        if (!p.isEmpty() && name(p).equals("format")) {
          int eq = p.indexOf('=');
          format = eq < 0 ? "" : decode(p.substring(eq + 1));
        }
      }
    }
    if (format != null) {
      for (Format f : Format.API) {
        if (f.extension().equals(format)) {
          return new Negotiated(uri, f, null);
        }
      }
      return new Negotiated(uri, null, format);
    }
    return new Negotiated(uri, byAccept(accept), null);
  }

  /**
   * The best format for an Accept header: JSON when there is none; null when it accepts none of
   * them (the framework answers 406 there).
   */
  static Format byAccept(String accept) {
    if (accept == null || accept.isBlank()) {
      return Format.JSON;
    }
    Format best = null;
    double bestQ = 0;
    int bestSpecificity = -1;
    for (Format f : Format.API) {
      String type = f.mediaType();
      double quality = -1;
      int specificity = -1;
      for (String range : accept.split(",")) {
        String[] parts = range.split(";");
        String r = parts[0].trim().toLowerCase(Locale.ROOT);
        int s = matches(r, type);
        if (s > specificity) {
          specificity = s;
          quality = quality(parts);
        }
      }
      if (specificity < 0 || quality <= 0) {
        continue;
      }
      if (quality > bestQ || quality == bestQ && specificity > bestSpecificity) {
        best = f;
        bestQ = quality;
        bestSpecificity = specificity;
      }
    }
    return best;
  }

  /** How specifically a media range matches a type: 2 exactly, 1 type/*, 0 for *&#47;*; -1 not. */
  private static int matches(String range, String type) {
    if (range.equals(type)) {
      return 2;
    }
    if (range.equals("*/*") || range.equals("*")) {
      return 0;
    }
    if (range.endsWith("/*") && type.startsWith(range.substring(0, range.length() - 1))) {
      return 1;
    }
    return -1;
  }

  private static double quality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
        try {
          return Double.parseDouble(p.substring(2).trim());
        } catch (NumberFormatException e) {
          return 1;
        }
      }
    }
    return 1;
  }

  private static int pathStart(String uri) {
    int scheme = uri.indexOf("://");
    if (scheme < 0) {
      return 0;
    }
    int slash = uri.indexOf('/', scheme + 3);
    int q = uri.indexOf('?', scheme + 3);
    if (slash < 0 || q >= 0 && q < slash) {
      return q < 0 ? uri.length() : q;
    }
    return slash;
  }

  private static String name(String param) {
    int eq = param.indexOf('=');
    return decode(eq < 0 ? param : param.substring(0, eq));
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
