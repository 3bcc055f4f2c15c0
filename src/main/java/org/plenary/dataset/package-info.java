/**
 * The loaded dataset: its state (version, checksum, row counts: {@link
 * org.plenary.dataset.DatasetState}, which implements the HTTP layer's {@code Served}), the bulk
 * dumps of each release ({@link org.plenary.dataset.Dumps}, /v1/dumps), the dataset's description
 * (/v1/dataset, /v1), readiness, the releases that imports publish, and the listener that keeps
 * replicas on the same release.
 */
package org.plenary.dataset;
