package org.plenary.cli;

import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * Plenary's command line, the process's entry point: {@code serve} (the default when no command is
 * given), {@code import undl|ungdc}, {@code export} and {@code release}, each with {@code --help}.
 * A usage error (unknown command or option, missing argument) prints what is wrong and the usage,
 * and exits 2.
 */
@QuarkusMain
@Command(
    name = "java -jar quarkus-run.jar",
    description = "Plenary, an open-data API on UN votes. Without a command, serves the API.",
    subcommands = {Serve.class, Import.class, Export.class, CutRelease.class},
    footer = {
      "",
      "Database: QUARKUS_DATASOURCE_JDBC_URL (with _USERNAME and _PASSWORD), or",
      "PLENARY_EMBEDDED_DATABASE=true for the embedded PostgreSQL in PLENARY_DATA_DIR",
      "(default ./data). Every setting: docs/operations.md."
    })
public final class Main implements Callable<Integer> {
  /**
   * Turns off Vert.x's check of the request target, which answers a bare 400 (no body, no
   * Content-Type): {@code http.RequestGuard} checks it instead and answers problem+json. A system
   * property of Vert.x's, not a setting; the build sets it for the tests and {@code quarkus:run}.
   */
  public static final String URI_VALIDATION = "vertx.disableURIValidation";

  @Mixin Help help;
  @Spec CommandLine.Model.CommandSpec spec;

  public static void main(String... args) {
    System.setProperty(URI_VALIDATION, "true");
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(execute(out, err, args));
  }

  /**
   * Runs the command line and returns its exit status: 0 done (or help printed), 1 failed, 2 usage
   * error or start refused. {@code serve} and {@code import} return only when refused: Quarkus ends
   * the process.
   */
  static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine line = new CommandLine(new Main());
    line.setOut(out);
    line.setErr(err);
    return line.execute(args);
  }

  @Override
  public Integer call() {
    return Launch.quarkus(null, Map.of(), spec.commandLine().getErr());
  }
}
