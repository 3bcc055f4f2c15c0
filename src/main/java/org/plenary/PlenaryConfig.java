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
