package org.plenary.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The limits' defaults, read through the mapping as the service reads them. */
class HttpLimitsTest {
  private static HttpLimits limits(Map<String, String> settings) {
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .withMapping(HttpLimits.class)
            .withConverter(java.time.Duration.class, 100, new DurationConverter())
            .withSources(new PropertiesConfigSource(settings, "test", 100))
            .build();
    return config.getConfigMapping(HttpLimits.class);
  }

  @Test
  void unsetTheConcurrencyLimitIsFourPerProcessor() {
    HttpLimits unset = limits(Map.of());
    assertEquals(0, unset.concurrency());
    assertEquals(4 * Runtime.getRuntime().availableProcessors(), unset.effectiveConcurrency());
  }

  @Test
  void aSetConcurrencyLimitIsTakenAsItIs() {
    assertEquals(3, limits(Map.of("plenary.limits.concurrency", "3")).effectiveConcurrency());
  }
}
