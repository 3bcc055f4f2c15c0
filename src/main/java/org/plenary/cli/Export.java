package org.plenary.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import org.plenary.dataset.Dumps;
import org.plenary.seed.Schema;
import org.plenary.seed.SeedFiles;
import org.plenary.seed.SeedReader;
import org.plenary.seed.TableSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code export DIR}: writes the current release into DIR in the seed-data format (one CSV per
 * table, byte for byte the release's dumps); copy it over seed-data/ to carry the release in the
 * repository. It reads the configured database, or the embedded one under the same rules as {@code
 * serve}, without starting Quarkus.
 */
@Command(
    name = "export",
    header = "Writes the current release into a directory as seed-data.",
    description =
        "Writes the current release into DIR in the seed-data format (one CSV per table, byte"
            + " for byte the release's dumps), checked with the loader's rules: copy it over"
            + " seed-data/ to carry the release in the repository.")
public final class Export implements Callable<Integer> {
  @Mixin Help help;
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "the directory to write (created if missing)")
  Path dir;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try (Launch.Database db = Launch.database(err, true)) {
      if (db == null) {
        return Launch.REFUSED;
      }
      Launch.Connection c = db.connection();
      String version = exportTo(c.url(), c.user(), c.password() == null ? "" : c.password(), dir);
      spec.commandLine()
          .getOut()
          .println("Exported release " + version + " to " + dir.toAbsolutePath());
      return 0;
    } catch (IOException | SQLException | RuntimeException e) {
      err.println("Export failed: " + e.getMessage());
      return 1;
    }
  }

  /**
   * Writes every table of the loaded release into {@code dir} in one consistent snapshot, checks
   * the files with the loader's rules and returns the release's version.
   */
  public static String exportTo(String url, String user, String password, Path dir)
      throws IOException, SQLException {
    Files.createDirectories(dir);
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
      for (TableSpec t : Schema.TABLES) {
        try (OutputStream out = Files.newOutputStream(dir.resolve(t.file()))) {
          Dumps.copyCurated(c, t, out);
        }
      }
      c.rollback();
    }
    return SeedReader.read(SeedFiles.directory(dir)).version();
  }
}
