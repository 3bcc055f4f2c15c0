/**
 * The dataset's tables and files: the table model ({@link org.plenary.seed.Schema}, {@link
 * org.plenary.seed.TableSpec}, {@link org.plenary.seed.Column}, {@link
 * org.plenary.seed.Vocabulary}), reading and validating the CSV files (one rule set, shared with
 * curation), loading them at start ({@link org.plenary.seed.SeedLoader}), the content checksums,
 * and cutting a release of the files.
 */
package org.plenary.seed;
