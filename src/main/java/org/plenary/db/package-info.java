/**
 * The process: the entry point ({@link org.plenary.db.PlenaryMain}: serve, {@code export}, and the
 * dispatch to {@code import}) and the embedded PostgreSQL started when no database is configured
 * ({@link org.plenary.db.EmbeddedDatabase}).
 */
package org.plenary.db;
