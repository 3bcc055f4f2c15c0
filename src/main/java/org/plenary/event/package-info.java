/** Events (sessions, meetings, negotiations): their collection and resource. */
package org.plenary.event;
