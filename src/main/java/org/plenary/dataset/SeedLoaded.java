package org.plenary.dataset;

/**
 * Fired (synchronously) after the loader has written or confirmed a dataset, so that whoever keeps
 * the loaded state ({@link DatasetState}) reads it back.
 */
public record SeedLoaded(String checksum) {}
