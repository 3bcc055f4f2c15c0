/**
 * Publishing: the one owner of the publishing lock, the dataset state ({@code dataset_state}), the
 * release record, the content checksums and the notification that replicas follow. Every writer
 * (the start-up load of the seed files, curation, each importer) takes the lock through {@link
 * org.plenary.release.Publisher#lock}, hands the {@link org.plenary.release.Publisher} a {@link
 * org.plenary.release.ReleaseDraft} in its own transaction, and commits. It knows the table model
 * ({@code seed/}) and nothing else of Plenary's.
 */
package org.plenary.release;
