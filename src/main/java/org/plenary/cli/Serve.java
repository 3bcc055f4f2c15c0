package org.plenary.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code serve}: migrates the database, loads the dataset and serves the API until stopped. */
@Command(
    name = "serve",
    header = "Serves the API and the explorer (the default command).",
    description =
        "Serves the API and the explorer on QUARKUS_HTTP_PORT (default 8080) until stopped; the"
            + " database is migrated and the dataset loaded (or found loaded) first.")
final class Serve implements Callable<Integer> {
  @Mixin Help help;
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    return Launch.quarkus(null, Map.of(), spec.commandLine().getErr());
  }
}
