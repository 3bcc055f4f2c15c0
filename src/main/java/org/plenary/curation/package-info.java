/**
 * The write model: bearer tokens and roles, change sets (proposed by an editor, reviewed by someone
 * else), the records they change ({@link org.plenary.curation.RecordStore}), and the publication of
 * curated releases ({@link org.plenary.curation.ReleaseService}). Panache entities and repositories
 * live here and nowhere else; the API shows them through {@link org.plenary.curation.Views}, never
 * as entities.
 */
package org.plenary.curation;
