/**
 * Plenary's own settings ({@code plenary.*}, from application.properties or the environment) as one
 * {@code @ConfigMapping}, {@link org.plenary.config.PlenaryConfig}.
 */
package org.plenary.config;
