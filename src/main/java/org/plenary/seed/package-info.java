/**
 * The dataset's tables and files: the table model ({@link org.plenary.seed.Schema}, {@link
 * org.plenary.seed.TableSpec}, {@link org.plenary.seed.Column}, {@link
 * org.plenary.seed.Vocabulary}), reading and validating the CSV files (one rule set, shared with
 * curation), the layers built from outside data and how they are copied in ({@link
 * org.plenary.seed.Layers}, {@link org.plenary.seed.BulkLoad}), and cutting a release of the files
 * ({@link org.plenary.seed.ReleaseCutter}: a row of releases.csv). Loading them is {@code
 * dataset/SeedLoader}'s; publishing is {@code release/}'s.
 */
package org.plenary.seed;
