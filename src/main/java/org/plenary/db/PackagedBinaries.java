package org.plenary.db;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Unpacks the embedded PostgreSQL's binaries into the package at build time ({@code
 * target/quarkus-app/postgres-binaries}, run by the build after Quarkus has built the app), so that
 * a first start on an empty data directory uses them as they are instead of unpacking them into the
 * data directory (about a second and a half of CPU, beside the framework's start). Without them (a
 * jar run from elsewhere, the tests) the binaries are unpacked into the data directory as before.
 */
public final class PackagedBinaries {
  /** The jar the packaged application runs from. */
  static final String RUNNER = "quarkus-run.jar";

  /** The directory beside it. */
  static final String DIRECTORY = "postgres-binaries";

  private PackagedBinaries() {}

  /** {@code args[0]}: the directory to unpack into (the package's {@link #DIRECTORY}). */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: PackagedBinaries DIRECTORY");
      System.exit(2);
    }
    Path dir = Path.of(args[0]).toAbsolutePath().normalize();
    System.out.println("PostgreSQL binaries unpacked in " + EmbeddedDatabase.extractBinaries(dir));
  }
}
