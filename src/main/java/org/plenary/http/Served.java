package org.plenary.http;

import java.time.Instant;

/**
 * What the HTTP layer needs to know of the data it serves: which dataset is loaded (its checksum
 * keys the response cache; its version and release date go in the caching headers). Implemented by
 * the dataset package, so that HTTP depends on no feature.
 */
public interface Served {
  /** A loaded dataset as HTTP sees it; one instance per load. */
  record Snapshot(String version, String checksum, Instant releasedAt) {}

  /** The loaded dataset, or null before the first load completes. */
  Snapshot snapshot();
}
