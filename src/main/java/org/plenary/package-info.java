/**
 * Plenary: an open-data REST API on United Nations votes. The root package holds what sees every
 * feature at once: {@link org.plenary.Catalog} (every collection the API serves, by schema name)
 * and {@link org.plenary.OpenApiFilter} (the OpenAPI document completed from the collections'
 * declarations). Each feature lives in its own package; the layering (features, then query and
 * http, which know no feature) is checked by ArchitectureTest. The code map is
 * docs/architecture.md.
 */
package org.plenary;
