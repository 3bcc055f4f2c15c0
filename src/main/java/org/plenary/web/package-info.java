/**
 * The explorer: HTML pages (Qute templates in src/main/resources/templates) and standalone SVG
 * charts, built on the same collections and services as the API and served through the same HTTP
 * caching; each page's data is a record of {@link org.plenary.web.PageModel}; errors asked for as
 * HTML are rendered as pages.
 */
package org.plenary.web;
