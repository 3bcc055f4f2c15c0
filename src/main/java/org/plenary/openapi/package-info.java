/**
 * The API's description: the OpenAPI document served at /q/openapi (and kept in
 * openapi/openapi.yaml), completed at build time from the declarations. {@link
 * org.plenary.openapi.Catalog} lists every collection served, with the name of its record schema;
 * {@link org.plenary.openapi.DocumentFilter} completes each operation: the envelope and the
 * problems ({@code Envelopes}), the records of the collections ({@code CollectionSchemas}) and
 * their query parameters ({@code QueryParameters}) from their {@code CollectionSpec}, and the
 * response records a resource names with {@link org.plenary.http.ItemOf} and {@link
 * org.plenary.http.ListOf} from their Java declarations ({@code RecordSchemas}). It sees every
 * feature; no feature sees it.
 */
package org.plenary.openapi;
