package org.plenary.dataset;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Begins the start's load ({@link SeedLoader#begin}) as soon as Flyway has migrated the schema at
 * start, rather than when the framework has finished starting: the framework's last second (its web
 * layer, templates, metrics) and the load then run side by side, the one on the JVM, the other
 * mostly in PostgreSQL. A Flyway callback, added to the application's Flyway through Quarkus's
 * customizer; the load itself is unchanged, and the start still waits for it ({@link
 * SeedLoader#onStart}).
 */
@ApplicationScoped
public class AfterMigration implements FlywayConfigurationCustomizer {
  @Inject SeedLoader loader;

  @Override
  public void customize(FluentConfiguration configuration) {
    List<Callback> callbacks = new ArrayList<>(Arrays.asList(configuration.getCallbacks()));
    callbacks.add(
        new BaseCallback() {
          @Override
          public boolean supports(Event event, Context context) {
            return event == Event.AFTER_MIGRATE;
          }

          @Override
          public boolean canHandleInTransaction(Event event, Context context) {
            return true; // it only starts a thread, which uses connections of its own
          }

          @Override
          public void handle(Event event, Context context) {
            loader.begin();
          }

          @Override
          public String getCallbackName() {
            return "plenary-begin-load";
          }
        });
    configuration.callbacks(callbacks.toArray(Callback[]::new));
  }
}
