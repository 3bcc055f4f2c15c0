/**
 * The embedded PostgreSQL ({@link org.plenary.db.EmbeddedDatabase}), started by the command line
 * ({@code cli/}) when no database is configured, and its liveness check.
 */
package org.plenary.db;
