package org.plenary.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a resource method's 200 carries in the envelope's {@code data} as a list (a {@code
 * Responder.fixedList}): a Java record, described in the OpenAPI document from its components.
 * Beside {@link ItemOf}, the answer is either (a ranking without {@code with=}, one pair with it).
 * The OpenAPI document reads it at build time ({@code org.plenary.openapi}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ListOf {
  Class<? extends Record> value();
}
