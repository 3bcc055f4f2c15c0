/**
 * The write model: bearer tokens and roles, change sets (proposed by an editor, reviewed by someone
 * else), the records they change ({@link org.plenary.curation.RecordStore}), curated releases
 * ({@link org.plenary.curation.CuratedReleaseService}: the approved change sets applied and handed
 * to {@code release/Publisher} as a draft), and the published releases and their files as the API
 * shows them ({@link org.plenary.curation.PublishedRelease}, {@link
 * org.plenary.curation.ReleaseFile}, {@link org.plenary.curation.ReleaseResource}). Panache
 * entities and repositories live here and nowhere else; the API shows them through {@link
 * org.plenary.curation.Views}, never as entities.
 */
package org.plenary.curation;
