/**
 * The loaded dataset: the start-up load of the seed files ({@link org.plenary.dataset.SeedLoader},
 * which publishes them through {@code release/}), its state (version, checksum, row counts: {@link
 * org.plenary.dataset.DatasetState}, which implements the HTTP layer's {@code Served}), the bulk
 * dumps of each release ({@link org.plenary.dataset.Dumps}, /v1/dumps), the dataset's description
 * (/v1/dataset, /v1), readiness, and the listener that keeps replicas on the same release ({@link
 * org.plenary.dataset.ReleaseListener}).
 */
package org.plenary.dataset;
