package org.plenary.api;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.plenary.PlenaryConfig;
import org.plenary.dataset.DatasetState;

/**
 * HTTP caching for every GET: a response is rendered once to bytes; its strong ETag is a hash of
 * those bytes, so it changes exactly when what the response shows changes and is the same on
 * every replica serving the same data; If-None-Match answers 304. Rendered responses are kept in
 * a bounded cache keyed by the loaded dataset's checksum and the request, so a repeated read
 * costs no query, and a new dataset is never answered from an old entry.
 */
@ApplicationScoped
public class HttpCache {
  /** A rendered response. */
  public record Rendered(byte[] body, String contentType, String etag, Map<String, String> headers) {}

  @Inject DatasetState state;
  @Inject PlenaryConfig config;
  @Inject CurrentVertxRequest request;

  private final Map<String, Rendered> entries = new LinkedHashMap<>(256, 0.75f, true);
  private long bytes;
  private String generation = "";

  /** The cache key of this request in this representation, for the loaded dataset. */
  public String key(String format, String uri) {
    return state.loaded().checksum() + '|' + format + '|' + uri;
  }

  public synchronized Rendered get(String key) {
    if (!key.startsWith(generation)) {
      return null;
    }
    return entries.get(key);
  }

  public synchronized void put(String key, Rendered r) {
    String checksum = state.loaded().checksum();
    if (!generation.equals(checksum)) {
      entries.clear(); // the dataset changed: nothing rendered before may be served
      bytes = 0;
      generation = checksum;
    }
    long max = config.http().responseCacheBytes();
    if (r.body().length > max / 16 || !key.startsWith(checksum)) {
      return;
    }
    Rendered old = entries.put(key, r);
    bytes += r.body().length - (old == null ? 0 : old.body().length);
    var it = entries.values().iterator();
    while (bytes > max && it.hasNext()) {
      bytes -= it.next().body().length;
      it.remove();
    }
  }

  /** Forgets every rendered response. */
  synchronized void clear() {
    entries.clear();
    bytes = 0;
  }

  /** Renders bytes into a response (304 when the client has them), with the caching headers. */
  public Response send(Rendered r) {
    Response.ResponseBuilder b =
        notModified(r.etag())
            ? Response.notModified()
            : Response.ok(r.body(), r.contentType());
    b.tag(new EntityTag(r.etag()));
    r.headers().forEach(b::header);
    return headers(b).build();
  }

  /** Cache-Control, Last-Modified, Vary and the dataset version. */
  public Response.ResponseBuilder headers(Response.ResponseBuilder b) {
    DatasetState.Loaded loaded = state.loaded();
    b.header("Cache-Control", "public, max-age=" + config.http().maxAge().toSeconds());
    b.header("Vary", "Accept");
    b.header(Api.VERSION_HEADER, loaded.version());
    if (loaded.releasedAt() != null) {
      b.header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(loaded.releasedAt(), java.time.ZoneOffset.UTC)));
    }
    return b;
  }

  /** Whether the request's If-None-Match matches {@code etag} (weak comparison, RFC 9110). */
  public boolean notModified(String etag) {
    var current = request.getCurrent();
    String header = current == null ? null : current.request().getHeader("If-None-Match");
    if (header == null) {
      return false;
    }
    for (String t : header.split(",")) {
      String tag = t.trim();
      if (tag.equals("*")) {
        return true;
      }
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals("\"" + etag + "\"")) {
        return true;
      }
    }
    return false;
  }

  /** A strong validator for these bytes. */
  public static String etag(byte[] body) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(body)).substring(0, 27);
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
