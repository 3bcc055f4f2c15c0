package org.plenary.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Plenary's own settings (prefix {@code plenary}); each can be set from the environment. The HTTP
 * layer's and the read engine's are their own mappings, as they depend on no other package: {@code
 * http.HttpConfig}, {@code http.HttpLimits}, {@code http.PublicBaseUrl}, {@code query.QueryLimits},
 * {@code query.CursorSettings}.
 */
@ConfigMapping(prefix = "plenary")
public interface PlenaryConfig {
  /** A directory of dataset CSV files to load instead of the packaged seed-data. */
  Optional<String> seedDir();

  /**
   * A directory of layers (voeten/, sc-vetoes/: scripts/build-layers) to load instead of the seed
   * files' own layers/ (the code tests' small ones).
   */
  Optional<String> layersDir();

  /**
   * The bootstrap admin's bearer token ({@code PLENARY_ADMIN_TOKEN}); without it, and without
   * tokens it created, the service is read-only.
   */
  Optional<String> adminToken();

  /**
   * Without a configured JDBC URL, run the embedded PostgreSQL; the production profile refuses to
   * start without one or the other. Read by {@code org.plenary.cli.Launch} before Quarkus starts;
   * declared here so that the setting is known.
   */
  @WithDefault("false")
  boolean embeddedDatabase();

  /** Where the embedded PostgreSQL keeps its files (default ./data); read by cli.Launch too. */
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

  /** Where dump files are written; default PLENARY_DATA_DIR/dumps. Created 0700. */
  Optional<String> dumpsDir();

  /**
   * Whether this process follows releases published by other processes on the same database ({@code
   * dataset.ReleaseListener}). The import command turns it off: it serves nothing, and a
   * notification of its own release arriving while it stops would only race its shutdown.
   */
  @WithDefault("true")
  boolean listenForReleases();

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
