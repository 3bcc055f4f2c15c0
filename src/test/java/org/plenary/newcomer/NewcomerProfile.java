package org.plenary.newcomer;

import java.util.Map;
import org.plenary.WritingTestProfile;

/**
 * A newcomer's service: the published seed-data (not the fixture), as the quick start loads it, on
 * a database of its own recreated at each run, with a bootstrap admin token.
 */
public class NewcomerProfile extends WritingTestProfile {
  @Override
  public String database() {
    return "plenary_newcomer";
  }

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("plenary.admin-token", ADMIN_TOKEN, "plenary.seed-dir", "seed-data");
  }
}
