/** Organizations (companies, NGOs, agencies) and their members: collection and resource. */
package org.plenary.organization;
