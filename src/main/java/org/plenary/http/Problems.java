package org.plenary.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * Problems answered straight from the Vert.x router (before the resources: malformed requests,
 * limits, overload), in the same application/problem+json shape as the resources' problems.
 */
public final class Problems {
  private Problems() {}

  /** Ends the request with {@code p}, extra headers included, and logs one WARN line. */
  public static void send(RoutingContext ctx, Problem p, Map<String, String> headers) {
    ProblemMappers.rejected(p);
    HttpServerResponse res = ctx.response();
    if (res.ended()) {
      return;
    }
    byte[] body = Json.bytes(p);
    res.setStatusCode(p.status());
    res.headers().set("Content-Type", Problem.MEDIA_TYPE);
    res.headers().set("Cache-Control", "no-store");
    res.headers().set("X-Content-Type-Options", "nosniff");
    headers.forEach(res.headers()::set);
    res.end(Buffer.buffer(body));
  }

  /**
   * The 416 answering a byte range that lies outside a file of {@code bytes} bytes, with the {@code
   * Content-Range} naming the file's length (RFC 9110).
   */
  public static jakarta.ws.rs.core.Response rangeNotSatisfiable(long bytes, String path) {
    return jakarta.ws.rs.core.Response.status(416)
        .type(Problem.MEDIA_TYPE)
        .header("Content-Range", "bytes */" + bytes)
        .header("Cache-Control", "no-store")
        .entity(
            ProblemType.RANGE_NOT_SATISFIABLE.problem(
                "The file has " + bytes + " bytes; the range asked for lies outside it.",
                path,
                null))
        .build();
  }

  /** An {@code about:blank} problem (titled by its status) about {@code path} (made printable). */
  public static Problem blank(int status, String title, String detail, String path) {
    return new Problem("about:blank", title, status, detail, printable(path), null);
  }

  /** A problem of {@code type} about {@code path} (made printable). */
  public static Problem of(ProblemType type, String detail, String path) {
    return type.problem(detail, printable(path));
  }

  /**
   * {@code s} safe for a log line or a problem: control characters as \\uXXXX, at most 300
   * characters.
   */
  public static String printable(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder(Math.min(s.length(), 320));
    for (int i = 0; i < s.length() && sb.length() < 300; i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c)) {
        sb.append(String.format("\\u%04X", (int) c));
      } else {
        sb.append(c);
      }
    }
    if (sb.length() >= 300 && s.length() > 300) {
      sb.append("…");
    }
    return sb.toString();
  }
}
