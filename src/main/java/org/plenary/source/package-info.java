/** Sources (every record cites at least one) and the citations: collection and resource. */
package org.plenary.source;
