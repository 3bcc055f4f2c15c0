package org.plenary;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Plenary's own settings (prefix {@code plenary}); each can be set from the environment. */
@ConfigMapping(prefix = "plenary")
public interface PlenaryConfig {
  /** A directory of dataset CSV files to load instead of the packaged seed-data. */
  Optional<String> seedDir();

  /**
   * The bootstrap admin's bearer token ({@code PLENARY_ADMIN_TOKEN}); without it, and without
   * tokens it created, the service is read-only.
   */
  Optional<String> adminToken();

  /**
   * Without a configured JDBC URL, run the embedded PostgreSQL; the production profile refuses to
   * start without one or the other. Read by {@code org.plenary.db.PlenaryMain} before Quarkus
   * starts; declared here so that the setting is known.
   */
  @WithDefault("false")
  boolean embeddedDatabase();

  /** Where the embedded PostgreSQL keeps its files (default ./data); read by PlenaryMain too. */
  Optional<String> dataDir();

  /**
   * What a start does when the database content differs from the checksum recorded for the loaded
   * release: restore the release from its files (the default), or refuse to start.
   */
  @WithDefault("restore")
  OnTamper onTamper();

  /** See {@link #onTamper()}. */
  enum OnTamper {
    RESTORE,
    REFUSE
  }

  Dataset dataset();

  Http http();

  /**
   * The public base URL of the service (e.g. https://api.example.org), used for every link instead
   * of the request's Host header. Unset: links follow the request (Host, or the local address when
   * a request has no Host).
   */
  Optional<java.net.URI> publicBaseUrl();

  /**
   * The key that signs paging cursors. Unset: a random key is generated once per deployment and
   * kept in the database, so that every replica accepts every replica's cursors.
   */
  Optional<String> cursorKey();

  /** Where dump files are written; default PLENARY_DATA_DIR/dumps. Created 0700. */
  Optional<String> dumpsDir();

  Limits limits();

  /** Bounded work per request: time, concurrency, rate and size budgets. */
  interface Limits {
    /** The longest any API statement may run before it is cancelled (answered 503). */
    @WithDefault("5s")
    java.time.Duration statementTimeout();

    /**
     * Expensive requests (q= search, facets, agreement rankings, CSV/NDJSON) served at once; more
     * are answered 503 at once, so they never take the connections cheap requests need.
     */
    @WithDefault("4")
    int expensiveConcurrency();

    /** Expensive requests per second per client (token refill rate). */
    @WithDefault("5")
    long rate();

    /** Expensive requests a client may make in a burst. */
    @WithDefault("20")
    long burst();

    /**
     * Addresses of reverse proxies whose X-Forwarded-For names the client; from anyone else the
     * header is ignored.
     */
    Optional<java.util.List<String>> trustedProxies();

    /** The Retry-After of a 503 (database unavailable, statement timeout, busy). */
    @WithDefault("5s")
    java.time.Duration retryAfter();

    /** The longest q= accepted, in characters. */
    @WithDefault("256")
    int searchLength();

    /** The most words (including quoted phrases and negations) q= may have. */
    @WithDefault("16")
    int searchTerms();

    /** The longest request URI answered (longer: 414). */
    @WithDefault("8192")
    int uriLength();

    /** The largest request headers answered, names and values together (larger: 431). */
    @WithDefault("16384")
    int headerBytes();
  }

  interface Http {
    /** Cache-Control max-age of API responses. */
    @WithDefault("60s")
    java.time.Duration maxAge();

    /** Memory for rendered responses kept to answer repeated reads without a query. */
    @WithDefault("67108864")
    long responseCacheBytes();

    /** CSV/NDJSON results up to this many rows are rendered whole (exact ETag, cacheable). */
    @WithDefault("20000")
    int renderRows();
  }

  interface Dataset {
    @WithDefault("plenary-uncc")
    String name();

    @WithDefault("Plenary: the UN Convention against Cybercrime")
    String title();

    @WithDefault("CC-BY-4.0")
    String license();

    @WithDefault(
        "Plenary contributors, \"Plenary: the UN Convention against Cybercrime\" dataset, version"
            + " %s, CC BY 4.0, with attribution to the original sources listed in /v1/sources.")
    String citation();
  }
}
