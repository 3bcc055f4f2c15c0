/**
 * Positions (a stance taken on the record, with its quote and sources): collection and resource.
 */
package org.plenary.position;
