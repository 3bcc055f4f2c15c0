/** People who took positions: their collection and resource. */
package org.plenary.person;
