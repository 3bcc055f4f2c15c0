package org.plenary.seed;

/**
 * Fired (synchronously) after the loader has written or confirmed a dataset, so that whoever keeps
 * the loaded state (the dataset package) reads it back; the seed package depends on none of them.
 */
public record SeedLoaded(String checksum) {}
