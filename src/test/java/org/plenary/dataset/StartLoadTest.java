package org.plenary.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The start's load begins as soon as Flyway has migrated the schema (a Flyway callback), beside the
 * rest of the framework's start, and the start waits for it: by the time the application runs, it
 * is done, and the dataset is loaded. A later migration does not load again.
 */
@QuarkusTest
class StartLoadTest {
  @Inject SeedLoader loader;
  @Inject DatasetState state;
  @Inject Flyway flyway;

  @Test
  void theStartsLoadBeganAfterTheMigrationAndTheStartWaitedForIt() {
    CompletableFuture<Void> begun = loader.begun();
    assertNotNull(begun, "begun by the callback after Flyway's migration at start");
    assertTrue(begun.isDone(), "the start waited for it");
    assertFalse(begun.isCompletedExceptionally());
    assertNotNull(state.loaded(), "the dataset is loaded");
    assertEquals("plenary-begin-load", callbackNames());

    flyway.migrate(); // nothing to apply; the callback runs again
    assertSame(begun, loader.begun(), "loaded once");
  }

  private String callbackNames() {
    return java.util.Arrays.stream(flyway.getConfiguration().getCallbacks())
        .map(org.flywaydb.core.api.callback.Callback::getCallbackName)
        .filter(n -> n.startsWith("plenary"))
        .reduce((a, b) -> a + "," + b)
        .orElse("");
  }
}
