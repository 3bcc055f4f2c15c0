/**
 * Votes, their roll calls (how each delegation voted), the documents voted on and the bodies that
 * vote: collections, resource, and a vote's breakdown per group ({@link
 * org.plenary.vote.BreakdownService}).
 */
package org.plenary.vote;
