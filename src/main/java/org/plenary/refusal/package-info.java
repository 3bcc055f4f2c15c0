/**
 * The domain's refusals ({@link org.plenary.refusal.Refusal}): what resources, pages and services
 * throw when they refuse a request, in the domain's terms; the HTTP layer maps each kind to its
 * problem in one place ({@code http/ProblemMappers}). It depends on nothing of Plenary's.
 */
package org.plenary.refusal;
