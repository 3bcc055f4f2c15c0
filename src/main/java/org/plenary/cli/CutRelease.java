package org.plenary.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.plenary.seed.ReleaseCutter;
import org.plenary.seed.SeedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code release VERSION "what changed" [DATE]}: cuts a release of a dataset directory with {@link
 * ReleaseCutter} (scripts/release runs it on seed-data/). It needs no database.
 */
@Command(
    name = "release",
    header = "Cuts a release of a dataset directory (seed-data/).",
    description =
        "Cuts a release of a dataset directory: validates its files as the loader does, then"
            + " adds a row to its releases.csv with the version, the date, what changed and the"
            + " data's SHA-256. Refuses a version not higher than the last release, data"
            + " unchanged since it, and data the loader would refuse. The service loads the"
            + " release at its next start.")
final class CutRelease implements Callable<Integer> {
  @Mixin Help help;
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      defaultValue = "seed-data",
      description = "the dataset directory (default: ${DEFAULT-VALUE})")
  Path dir;

  @Parameters(index = "0", paramLabel = "VERSION", description = "MAJOR.MINOR.PATCH, e.g. 1.0.1")
  String version;

  @Parameters(index = "1", paramLabel = "CHANGES", description = "what changed, in one line")
  String changes;

  @Parameters(
      index = "2",
      arity = "0..1",
      paramLabel = "DATE",
      description = "the release's date, YYYY-MM-DD (default: today, UTC)")
  LocalDate date;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LocalDate day = date != null ? date : LocalDate.now(ZoneOffset.UTC);
    try {
      String sha = ReleaseCutter.release(dir, version, changes, day);
      out.println("Release " + version + " of " + day + " added to " + dir.resolve("releases.csv"));
      out.println("data_sha256 " + sha);
      return 0;
    } catch (ReleaseCutter.Refused | SeedException e) {
      err.println("release refused: " + e.getMessage());
      return 1;
    } catch (IOException | RuntimeException e) {
      err.println("release failed: " + e);
      return 1;
    }
  }
}
