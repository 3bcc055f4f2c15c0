package org.plenary.cli;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The settings a command gives the Quarkus application it starts: the embedded PostgreSQL's URL and
 * credentials, and for {@code import} no HTTP server and no release listener. Filled once by {@link
 * Launch} before Quarkus starts (registered through {@code META-INF/services}); empty in tests and
 * at build time. Its ordinal is above system properties (400), as a command's choice overrides what
 * it is started with.
 *
 * <p>It is the one static store of settings left, and has to be: SmallRye Config makes its config
 * sources itself, through {@code META-INF/services}, when Quarkus builds its configuration, before
 * CDI exists, so the command line can hand them over in no other way but a system property (which
 * would outlive the application and leak into other code of the process). The application never
 * reads this class: it reads these settings through its {@code @ConfigMapping}s, like every other.
 */
public final class LaunchSettings implements ConfigSource {
  static final int ORDINAL = 500;
  private static volatile Map<String, String> values = Map.of();

  /** Sets what the application about to start reads (once per process, before Quarkus starts). */
  static void use(Map<String, String> settings) {
    values = Map.copyOf(settings);
  }

  @Override
  public Set<String> getPropertyNames() {
    return values.keySet();
  }

  @Override
  public String getValue(String propertyName) {
    return values.get(propertyName);
  }

  @Override
  public String getName() {
    return "plenary-command-line";
  }

  @Override
  public int getOrdinal() {
    return ORDINAL;
  }
}
