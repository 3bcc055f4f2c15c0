/**
 * The read engine, with no HTTP type in it: the declarations of collections ({@link
 * org.plenary.query.CollectionSpec}, {@link org.plenary.query.Field}), the filter grammar ({@link
 * org.plenary.query.ListQuery} and its operators, {@link org.plenary.query.Operator}), the SQL
 * ({@link org.plenary.query.SqlBuilder}: keyset pages, counts, facets; values always bound), signed
 * cursors, embeds, the statement budget and the database's health. Features declare collections;
 * {@link org.plenary.query.QueryEngine} runs them.
 */
package org.plenary.query;
