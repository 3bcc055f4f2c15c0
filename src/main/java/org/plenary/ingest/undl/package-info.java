/**
 * The UN Digital Library's four files, read and reconciled as pure code (no database): which file a
 * header is ({@link org.plenary.ingest.undl.Header}, {@link org.plenary.ingest.undl.Layout}), a
 * reader per file producing typed records ({@link org.plenary.ingest.undl.GaVotingReader}, {@link
 * org.plenary.ingest.undl.GaResolutionsReader}, {@link org.plenary.ingest.undl.ScVotingReader},
 * {@link org.plenary.ingest.undl.MemberStateNamesReader}) over one CSV input ({@link
 * org.plenary.ingest.undl.CsvInput}, also used by {@code ingest.UndlFile}), resolution symbols in
 * one canonical form ({@link org.plenary.ingest.undl.Symbol}), and the rule that a roll call the
 * dataset already holds is not a new vote ({@link org.plenary.ingest.undl.SameDecision}).
 *
 * <p>It also holds the shape every importer shares, stage by stage: <b>read and validate</b> (a
 * {@link org.plenary.ingest.undl.RowReader}: typed rows to a sink, a bad file refused with its
 * line), <b>stage</b> (the importer copies the rows into a temporary table), <b>reconcile</b> (a
 * {@link org.plenary.ingest.undl.Reconciler}: pure rules over what is held and what the file
 * brings), <b>merge</b> set-wise in SQL, <b>summarize</b> ({@link
 * org.plenary.ingest.undl.Summary}), <b>publish</b>. Adding an importer means adding a reader and
 * its rules. The stages that touch the database live in {@code org.plenary.ingest}; this package
 * depends on nothing of Plenary's.
 */
package org.plenary.ingest.undl;
