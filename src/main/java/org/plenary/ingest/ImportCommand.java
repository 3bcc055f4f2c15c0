package org.plenary.ingest;

import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The application {@code java -jar quarkus-run.jar import undl FILE...} runs (the command line,
 * {@code cli.Import}, starts it with the arguments as given): imports the UN Digital Library's
 * files (General Assembly voting, General Assembly resolutions, Security Council voting, Member
 * States' names), each recognized by its columns and imported in a transaction of its own, into the
 * configured database (migrated and loaded as at any start, but without serving HTTP), printing
 * progress and a summary per file ({@code import ungdc FILE.tgz|DIR}: the UN General Debate
 * Corpus). Exit 0 when every file was imported (or had nothing new), 1 when any was refused (that
 * file changed nothing; the others are imported).
 */
public class ImportCommand implements QuarkusApplication {
  @Inject UndlImporter importer;
  @Inject LibraryImporter library;
  @Inject UngdcImporter ungdc;

  /**
   * Runs the command's {@code args} ({@code import undl FILE...}, {@code import ungdc CORPUS}) on
   * {@code dataSource} without the framework: the launcher's way ({@code cli.Launch}) when the
   * environment and the system properties are all the configuration there is, after migrating and
   * loading as at any start. The importers are the same, in the same transactions; only the
   * framework's own start (its beans, its web layer, seconds of a command that serves nothing) is
   * left out.
   */
  public static int direct(javax.sql.DataSource dataSource, String... args) {
    ImportTransaction transaction = ImportTransaction.direct(dataSource);
    ImportCommand command = new ImportCommand();
    command.importer = new UndlImporter();
    command.importer.transaction = transaction;
    command.library = new LibraryImporter();
    command.library.transaction = transaction;
    command.ungdc = new UngdcImporter();
    command.ungdc.transaction = transaction;
    return command.run(args);
  }

  @Override
  public int run(String... args) {
    PrintStream out = System.out;
    if (args[1].equals("ungdc")) {
      long start = System.nanoTime();
      try {
        UngdcImporter.Summary s = ungdc.importCorpus(Path.of(args[2]), out::println);
        UngdcImporter.lines(s, (System.nanoTime() - start) / 1e9).forEach(out::println);
        return 0;
      } catch (UndlFile.Refused e) {
        System.err.println("Refused: " + e.getMessage());
        System.err.println("Nothing was imported; the database is as it was.");
        return 1;
      }
    }
    int status = 0;
    for (int i = 2; i < args.length; i++) {
      status = Math.max(status, importOne(Path.of(args[i]), out));
    }
    return status;
  }

  /** Imports one file, recognized by its columns; 0 when imported, 1 when refused. */
  int importOne(Path file, PrintStream out) {
    long start = System.nanoTime();
    try {
      if (LibraryImporter.kind(file) == org.plenary.ingest.undl.Layout.File.GA_VOTING) {
        UndlImporter.Summary s = importer.importFile(file, out::println);
        print(out, s, (System.nanoTime() - start) / 1e9);
      } else {
        print(out, library.importFile(file), (System.nanoTime() - start) / 1e9);
      }
      return 0;
    } catch (UndlFile.Refused | org.plenary.ingest.undl.Refused e) {
      System.err.println("Refused: " + e.getMessage());
      System.err.println("Nothing of " + file + " was imported; the database is as it was.");
      return 1;
    }
  }

  static void print(PrintStream out, LibraryImporter.Result r, double seconds) {
    out.printf(
        Locale.ROOT,
        "Imported %s (%s, SHA-256 %s) in %.1f s%n",
        r.file(),
        r.layout().title(),
        r.sha256(),
        seconds);
    out.printf(Locale.ROOT, "  rows read:      %,d%n", r.rows());
    r.added().forEach((k, n) -> out.printf(Locale.ROOT, "  %s added: %,d%n", k, n));
    out.printf(Locale.ROOT, "  decisions the dataset holds already: %,d%n", r.linked().size());
    out.printf(Locale.ROOT, "  conflicts (the published value stands): %d%n", r.conflicts().size());
    for (var c : r.conflicts()) {
      out.println("    " + c);
    }
    for (String n : r.notes()) {
      out.println("  note: " + n);
    }
    out.println(
        r.changed()
            ? "  dataset version: " + r.versionBefore() + " -> " + r.versionAfter()
            : "  nothing changed: dataset version " + r.versionBefore() + " stays");
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
    out.printf(
        Locale.ROOT,
        "  documents:      %,d added, %,d links to votes added%n",
        s.documentsAdded(),
        s.documentLinksAdded());
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
