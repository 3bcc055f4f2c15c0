/**
 * The embedded PostgreSQL ({@link org.plenary.db.EmbeddedDatabase}), started by the command line
 * ({@code cli/}) when no database is configured, in the background beside the framework's start
 * (connections wait for it through {@link org.plenary.db.AwaitingSocketFactory}), its liveness
 * check, and its readiness (a new cluster's files on disk).
 */
package org.plenary.db;
