/**
 * Plenary: an open-data REST API on United Nations votes. Each feature lives in its own package;
 * the layering (features, then query and http, which know no feature; openapi, which describes
 * every feature) is checked by ArchitectureTest. The code map is docs/architecture.md.
 */
package org.plenary;
