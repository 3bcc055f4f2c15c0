package org.plenary;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Plenary's own settings (prefix {@code plenary}); each can be set from the environment. */
@ConfigMapping(prefix = "plenary")
public interface PlenaryConfig {
  /** A directory of dataset CSV files to load instead of the packaged seed-data. */
  Optional<String> seedDir();

  Dataset dataset();

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
