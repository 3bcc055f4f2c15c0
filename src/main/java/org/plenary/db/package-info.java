/**
 * The embedded PostgreSQL ({@link org.plenary.db.EmbeddedDatabase}), started by the command line
 * ({@code cli/}) when no database is configured, its liveness check, and its readiness (a new
 * cluster's files on disk).
 */
package org.plenary.db;
