package org.plenary.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.plenary.ingest.ImportCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code import undl FILE...} and {@code import ungdc CORPUS}: runs {@link ImportCommand} in a
 * Quarkus application without HTTP (the database migrated and loaded as at any start), which does
 * not follow releases either: it serves nothing, and a notification of its own release arriving
 * while it stops would only race its shutdown.
 */
@Command(
    name = "import",
    header = "Imports outside data: the UN Digital Library's files, the General Debate.",
    description =
        "Imports outside data into the database (migrated and loaded as at any start, but"
            + " without serving HTTP), printing progress and a summary. Exit 0 when everything"
            + " was imported (or had nothing new), 1 when a file was refused (that file changed"
            + " nothing).",
    subcommands = {Import.Undl.class, Import.Ungdc.class})
final class Import {
  /** What an import's application runs without. */
  static final Map<String, String> SETTINGS =
      Map.of("quarkus.http.host-enabled", "false", "plenary.listen-for-releases", "false");

  @Mixin Help help;

  @Command(
      name = "undl",
      header = "Imports the UN Digital Library's files.",
      description =
          "Imports the UN Digital Library's files (General Assembly voting, General Assembly"
              + " resolutions, Security Council voting, Member States' names), each recognized"
              + " by its columns and imported in a transaction of its own.")
  static final class Undl implements Callable<Integer> {
    @Mixin Help help;
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "a .csv or .csv.gz file")
    List<String> files;

    @Override
    public Integer call() {
      List<String> args = new ArrayList<>(List.of("import", "undl"));
      args.addAll(files);
      return Launch.quarkus(
          ImportCommand.class, SETTINGS, spec.commandLine().getErr(), args.toArray(String[]::new));
    }
  }

  @Command(
      name = "ungdc",
      header = "Imports the UN General Debate Corpus.",
      description = "Imports the UN General Debate Corpus: its statements and their speakers.")
  static final class Ungdc implements Callable<Integer> {
    @Mixin Help help;
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "CORPUS", description = "the corpus's .tgz, or its unpacked directory")
    String corpus;

    @Override
    public Integer call() {
      return Launch.quarkus(
          ImportCommand.class, SETTINGS, spec.commandLine().getErr(), "import", "ungdc", corpus);
    }
  }
}
