package org.plenary;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The profile of the voting-record tests: the fixture dataset plus small layers cut from Voeten's
 * history and the veto list (src/test/resources/fixtures/record-layers, by scripts/build-layers),
 * in a database of their own, so that the other code tests keep the fixture alone.
 */
public class RecordTestProfile implements QuarkusTestProfile {
  public static final String DATABASE = "plenary_record";

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("plenary.layers-dir", "src/test/resources/fixtures/record-layers");
  }
}
