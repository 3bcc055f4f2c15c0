package org.plenary.ingest;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code java -jar quarkus-run.jar import undl FILE}: imports the UN Digital Library's General
 * Assembly voting file ({@code import ungdc FILE.tgz|DIR}: the UN General Debate Corpus) into the
 * configured database (migrated and loaded as at any start, but without serving HTTP), printing
 * progress and a summary. Exit 0 when imported (or already imported), 1 when the file is refused
 * (nothing changed), 2 on a usage error.
 */
public class ImportCommand implements QuarkusApplication {
  static final String USAGE =
      "usage: java -jar quarkus-run.jar import undl FILE(.csv|.csv.gz)\n"
          + "       java -jar quarkus-run.jar import ungdc FILE.tgz|DIR";

  @Inject UndlImporter importer;
  @Inject UngdcImporter ungdc;

  /** Whether the command line asks for an import rather than the service. */
  public static boolean handles(String... args) {
    return args.length > 0 && args[0].equals("import");
  }

  /** Runs the import command (the database settings are already in place). */
  public static void start(String... args) {
    if (args.length != 3 || !List.of("undl", "ungdc").contains(args[1])) {
      System.err.println(USAGE);
      System.exit(2);
    }
    System.setProperty("quarkus.http.host-enabled", "false");
    System.setProperty("plenary.listen-for-releases", "false");
    Quarkus.run(ImportCommand.class, args);
  }

  @Override
  public int run(String... args) {
    Path file = Path.of(args[2]);
    PrintStream out = System.out;
    long start = System.nanoTime();
    try {
      if (args[1].equals("ungdc")) {
        UngdcImporter.Summary s = ungdc.importCorpus(file, out::println);
        UngdcImporter.lines(s, (System.nanoTime() - start) / 1e9).forEach(out::println);
        return 0;
      }
      UndlImporter.Summary s = importer.importFile(file, out::println);
      print(out, s, (System.nanoTime() - start) / 1e9);
      return 0;
    } catch (UndlFile.Refused e) {
      System.err.println("Refused: " + e.getMessage());
      System.err.println("Nothing was imported; the database is as it was.");
      return 1;
    }
  }

  /** The summary the command prints (the README shows it; a test compares the two). */
  public static void print(PrintStream out, UndlImporter.Summary s, double seconds) {
    out.printf(Locale.ROOT, "Imported %s (SHA-256 %s) in %.1f s%n", s.file(), s.sha256(), seconds);
    out.printf(Locale.ROOT, "  rows read:      %,d%n", s.rowsRead());
    out.printf(
        Locale.ROOT,
        "  roll calls:     %,d: %,d added, %,d changed, %,d unchanged, %d linked to curated"
            + " votes%n",
        s.rollCalls(),
        s.rollCallsAdded(),
        s.rollCallsChanged(),
        s.rollCallsUnchanged(),
        s.linked().size());
    for (String l : s.linked()) {
      out.println("    linked: " + l);
    }
    out.printf(
        Locale.ROOT,
        "  country votes:  %,d added, %,d changed, %,d unchanged (%,d in linked roll calls: the"
            + " curated roll calls stand)%n",
        s.votesAdded(),
        s.votesChanged(),
        s.votesUnchanged(),
        s.votesLeftToCurated());
    out.printf(
        Locale.ROOT,
        "  delegations added: %d%s%n",
        s.delegationsAdded().size(),
        s.delegationsAdded().isEmpty() ? "" : " (" + String.join(", ", s.delegationsAdded()) + ")");
    out.printf(Locale.ROOT, "  conflicts with curated data: %d%n", s.conflicts().size());
    for (String c : s.conflicts()) {
      out.println("    " + c);
    }
    for (String n : s.notes()) {
      out.println("  note: " + n);
    }
    out.println(
        s.changed()
            ? "  dataset version: " + s.versionBefore() + " -> " + s.versionAfter()
            : "  nothing changed: dataset version " + s.versionBefore() + " stays");
  }
}
