package org.plenary;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the embedded database for every @QuarkusTest. */
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
public final class TestDatabase {
  private TestDatabase() {}
}
