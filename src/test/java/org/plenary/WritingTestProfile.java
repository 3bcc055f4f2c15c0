package org.plenary;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The profile of tests that write (curation): their own database, dropped and recreated when the
 * profile starts, and a bootstrap admin token.
 */
public class WritingTestProfile implements QuarkusTestProfile {
  public static final String DATABASE = "plenary_writes";
  public static final String ADMIN_TOKEN = "test-admin-token-0123456789";

  /** The database of this profile's own, dropped and recreated when the profile starts. */
  public String database() {
    return DATABASE;
  }

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("plenary.admin-token", ADMIN_TOKEN);
  }
}
