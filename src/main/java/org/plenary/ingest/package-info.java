/**
 * Importers of outside data: the UN Digital Library's General Assembly voting file ({@link
 * org.plenary.ingest.UndlFile} reads and checks it; {@link org.plenary.ingest.UndlImporter} stages,
 * links and merges it and publishes a release; every importer runs in one {@link
 * org.plenary.ingest.ImportTransaction}), run from the command line ({@link
 * org.plenary.ingest.ImportCommand}); {@link org.plenary.ingest.LibraryImporter} the Library's
 * other three files; {@link org.plenary.ingest.LibraryDocuments} the documents the files name for a
 * vote, as rows; {@link org.plenary.seed.BulkLoad} inserts large batches as pg_restore does.
 */
package org.plenary.ingest;
