package org.plenary.curation;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The work a start keeps for after ready (the loaded release's checksums and dumps) waits until the
 * HTTP server listens, so that it does not run beside the framework's last step; a command, which
 * serves no HTTP, does not wait.
 */
class ArchiveAfterServingTest {
  @Test
  void theKeptWorkWaitsForTheHttpServerToListen() throws Exception {
    CuratedReleaseService service = new CuratedReleaseService();
    service.serves = true;
    CompletableFuture<Void> waited = CompletableFuture.runAsync(service::afterServing);
    Thread.sleep(300);
    assertFalse(waited.isDone(), "waits while the HTTP server does not listen");
    service.onServing(null);
    waited.get(5, TimeUnit.SECONDS); // and goes on once it does
  }

  @Test
  void aTlsOnlyServerEndsTheWaitToo() throws Exception {
    CuratedReleaseService service = new CuratedReleaseService();
    service.serves = true;
    CompletableFuture<Void> waited = CompletableFuture.runAsync(service::afterServing);
    service.onServingTls(null);
    waited.get(5, TimeUnit.SECONDS);
  }

  @Test
  void aCommandDoesNotWait() throws Exception {
    CuratedReleaseService service = new CuratedReleaseService();
    service.serves = false;
    CompletableFuture.runAsync(service::afterServing).get(1, TimeUnit.SECONDS);
  }
}
