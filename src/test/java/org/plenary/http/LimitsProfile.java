package org.plenary.http;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Low limits, a trusted proxy and a public base URL, to test them in a few requests. */
public class LimitsProfile implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "plenary.limits.rate", "1",
        "plenary.limits.rate-period", "60s",
        "plenary.limits.burst", "3",
        "plenary.limits.expensive-concurrency", "1",
        "plenary.limits.concurrency", "3",
        "plenary.limits.trusted-proxies", "127.0.0.1",
        "plenary.public-base-url", "https://api.example.org");
  }
}
