package org.plenary.http;

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
 * those bytes, so it changes exactly when what the response shows changes and is the same on every
 * replica serving the same data; If-None-Match answers 304. Rendered responses are kept in a
 * bounded cache keyed by the loaded dataset's checksum and the request, so a repeated read costs no
 * query, and a new dataset is never answered from an old entry.
 */
@ApplicationScoped
public class HttpCache {
  /**
   * A rendered response: its bytes, type, tag and own headers (paging, counts, download name), plus
   * everything the event-loop fast path needs to send it again without work.
   */
  public record Rendered(
      byte[] body,
      String contentType,
      String etag,
      Map<String, String> headers,
      io.vertx.core.MultiMap wire,
      io.vertx.core.MultiMap wireNotModified,
      io.vertx.core.buffer.Buffer buffer) {
    public Rendered(byte[] body, String contentType, String etag, Map<String, String> headers) {
      this(body, contentType, etag, headers, null, null, null);
    }
  }

  /** The entry as the fast path sends it: all headers and the body prepared once. */
  Rendered prepared(Rendered r) {
    io.vertx.core.MultiMap wire = io.vertx.core.MultiMap.caseInsensitiveMultiMap();
    wire.set("ETag", "\"" + r.etag() + "\"");
    common().forEach(wire::set);
    r.headers().forEach(wire::set);
    io.vertx.core.MultiMap notModified =
        io.vertx.core.MultiMap.caseInsensitiveMultiMap().addAll(wire);
    wire.set("Content-Type", r.contentType());
    return new Rendered(
        r.body(),
        r.contentType(),
        r.etag(),
        r.headers(),
        wire,
        notModified,
        io.vertx.core.buffer.Buffer.buffer(r.body()));
  }

  /**
   * The key format of every response outside {@link Api#V1} (the explorer's pages and charts): one
   * representation per URL, whatever the Accept header.
   */
  public static final String PAGE = "page";

  @Inject DatasetState state;
  @Inject PlenaryConfig config;
  @Inject CurrentVertxRequest request;
  @Inject Metrics metrics;

  private final Map<String, Rendered> entries = new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong bytes =
      new java.util.concurrent.atomic.AtomicLong();
  private volatile String generation = "";

  /** The cache key of this request in this representation, for the loaded dataset. */
  public String key(String format, String uri) {
    return state.loaded().checksum() + '|' + format + '|' + uri;
  }

  /** The rendered response for a key, or null. Lock-free: called on the event loop. */
  public Rendered get(String key) {
    Rendered hit = key.startsWith(generation) ? entries.get(key) : null;
    if (hit != null) {
      metrics.cacheHit();
    }
    return hit;
  }

  public void put(String key, Rendered r) {
    String checksum = state.loaded().checksum();
    long max = config.http().responseCacheBytes();
    if (r.body().length > max / 16 || !key.startsWith(checksum)) {
      return;
    }
    synchronized (this) {
      if (!generation.equals(checksum)) {
        entries.clear(); // the dataset changed: nothing rendered before may be served
        bytes.set(0);
        generation = checksum;
      }
      Rendered old = entries.put(key, prepared(r));
      bytes.addAndGet(r.body().length - (old == null ? 0 : old.body().length));
      var it = entries.values().iterator();
      while (bytes.get() > max && it.hasNext()) { // over budget: drop entries (in no set order)
        bytes.addAndGet(-it.next().body().length);
        it.remove();
      }
    }
  }

  /** Forgets every rendered response. */
  public synchronized void clear() {
    entries.clear();
    bytes.set(0);
  }

  /** Renders bytes into a response (304 when the client has them), with the caching headers. */
  public Response send(Rendered r) {
    Response.ResponseBuilder b =
        notModified(r.etag()) ? Response.notModified() : Response.ok(r.body(), r.contentType());
    b.tag(new EntityTag(r.etag()));
    r.headers().forEach(b::header);
    return headers(b).build();
  }

  /** Cache-Control, Last-Modified, Vary and the dataset version. */
  public Response.ResponseBuilder headers(Response.ResponseBuilder b) {
    common().forEach(b::header);
    return b;
  }

  /**
   * The caching headers every API response carries, for the loaded dataset (built once per load).
   */
  public Map<String, String> common() {
    DatasetState.Loaded loaded = state.loaded();
    Common c = common;
    if (c == null || c.loaded() != loaded) {
      c = new Common(loaded, commonHeaders(loaded));
      common = c;
    }
    return c.headers();
  }

  private record Common(DatasetState.Loaded loaded, Map<String, String> headers) {}

  private volatile Common common;

  private Map<String, String> commonHeaders(DatasetState.Loaded loaded) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Cache-Control", "public, max-age=" + config.http().maxAge().toSeconds());
    h.put("Vary", "Accept");
    h.put(Api.VERSION_HEADER, loaded.version());
    if (loaded.releasedAt() != null) {
      h.put(
          "Last-Modified",
          DateTimeFormatter.RFC_1123_DATE_TIME.format(
              ZonedDateTime.ofInstant(loaded.releasedAt(), java.time.ZoneOffset.UTC)));
    }
    return java.util.Collections.unmodifiableMap(h);
  }

  /** Whether the request's If-None-Match matches {@code etag} (weak comparison, RFC 9110). */
  public boolean notModified(String etag) {
    var current = request.getCurrent();
    return matches(current == null ? null : current.request().getHeader("If-None-Match"), etag);
  }

  /** Whether an If-None-Match header value matches {@code etag}. */
  public static boolean matches(String header, String etag) {
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
