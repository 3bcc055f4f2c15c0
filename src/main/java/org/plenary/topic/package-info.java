/**
 * Topics of votes (Voeten's issues, UN subject terms, agenda items: /v1/topics, topic= elsewhere)
 * and conflicts between the sources of one vote (/v1/conflicts).
 */
package org.plenary.topic;
