/**
 * The HTTP conventions every resource shares, knowing no feature: the one representation negotiator
 * (JSON, CSV, NDJSON: {@link org.plenary.http.Negotiation}), the envelope and paging links ({@link
 * org.plenary.http.Responder}), HTTP caching with ETags and the rendered-response cache ({@link
 * org.plenary.http.HttpCache}), the event-loop fast path for rendered responses, the request guard
 * (sizes, control characters, rate limits, slots for expensive requests), and every error as
 * application/problem+json (the types in {@link org.plenary.http.ProblemType}, mapped once in
 * {@link org.plenary.http.ProblemMappers}).
 */
package org.plenary.http;
