/** UN documents (resolutions, drafts, reports): their collection and resource. */
package org.plenary.document;
