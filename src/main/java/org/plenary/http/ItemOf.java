package org.plenary.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a resource method's 200 carries in the envelope's {@code data} as one record (a {@code
 * Responder.item}): a Java record, described in the OpenAPI document from its components. Several
 * records: the answer is one of them (an agreement: the pair's votes or its years). Beside {@code
 * x-plenary-item} (a collection's record), the record adds its computed fields to the collection's.
 * The OpenAPI document reads it at build time ({@code org.plenary.openapi}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ItemOf {
  Class<? extends Record>[] value();
}
