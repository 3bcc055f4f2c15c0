package org.plenary.db;

import java.io.IOException;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;

/**
 * Puts the embedded PostgreSQL in the package at build time (run by the build after Quarkus has
 * built the app), so that a first start on an empty data directory does the least:
 *
 * <ul>
 *   <li>the binaries, unpacked ({@code target/quarkus-app/postgres-binaries}): a first start uses
 *       them as they are instead of unpacking them into the data directory (about a second and a
 *       half of CPU, beside the framework's start);
 *   <li>a cluster made from them ({@code target/quarkus-app/postgres-template}): initdb's output
 *       with the service's role, its database and the schema migrated by Flyway, and no rows. A
 *       first start copies it instead of running initdb and the migration (about a second of its
 *       critical path), gives the copy new passwords and this machine's time zone ({@link
 *       EmbeddedDatabase#packagedTemplate}).
 *   <li>a cluster made the same way with the packaged dataset loaded too ({@code
 *       target/quarkus-app/postgres-dataset}, by {@code cli.PackagedDataset}): a first start whose
 *       load would load the packaged files copies it instead, and finds them loaded as a restart
 *       does (the load's three to four seconds of both cores, beside the framework's start).
 * </ul>
 *
 * Without them (a jar run from elsewhere, the tests) the binaries are unpacked into the data
 * directory, initdb makes the cluster and Flyway migrates it, as before.
 */
public final class PackagedBinaries {
  /** The jar the packaged application runs from. */
  static final String RUNNER = "quarkus-run.jar";

  /** The directory beside it. */
  static final String DIRECTORY = "postgres-binaries";

  /** The directory of the package's cluster, beside it. */
  static final String TEMPLATE = "postgres-template";

  /** The directory of the package's cluster with the dataset loaded, beside it. */
  public static final String DATASET = "postgres-dataset";

  private PackagedBinaries() {}

  /**
   * {@code args[0]}: the directory to unpack into (the package's {@link #DIRECTORY}); {@code
   * args[1]}: the directory of the cluster (the package's {@link #TEMPLATE}).
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: PackagedBinaries BINARIES-DIRECTORY CLUSTER-DIRECTORY");
      System.exit(2);
    }
    Path dir = Path.of(args[0]).toAbsolutePath().normalize();
    Path binaries = EmbeddedDatabase.extractBinaries(dir);
    System.out.println("PostgreSQL binaries unpacked in " + binaries);
    Path template =
        Path.of(args[1]).toAbsolutePath().normalize().resolve(binaries.getFileName().toString());
    try {
      EmbeddedDatabase.makeTemplate(
          binaries,
          template,
          (url, user, password) -> {
            Flyway.configure(PackagedBinaries.class.getClassLoader())
                .dataSource(url, user, password)
                .load()
                .migrate();
            return java.util.Set.of();
          });
      System.out.println("PostgreSQL cluster with the schema made in " + template);
    } catch (IOException | RuntimeException e) {
      // a build where PostgreSQL cannot run (as root without user namespaces, in some containers)
      // still packages the service: its first starts run initdb and the migration
      System.out.println(
          "WARNING: no PostgreSQL cluster in the package (first starts will run initdb): "
              + e.getMessage());
    }
  }

  /**
   * Makes the package's cluster with the dataset in {@code dir/<binaries>} (by {@code
   * cli.PackagedDataset}, at build time, after {@link #main} unpacked the binaries into {@code
   * binariesDir}): {@code fill} migrates the schema and loads the dataset, and returns the tables
   * it wrote ({@link EmbeddedDatabase#makeTemplate}). Returns the cluster's directory.
   */
  public static Path makeDataset(Path binariesDir, Path dir, EmbeddedDatabase.Filling fill)
      throws IOException {
    Path binaries = EmbeddedDatabase.extractBinaries(binariesDir.toAbsolutePath().normalize());
    Path cluster = dir.toAbsolutePath().normalize().resolve(binaries.getFileName().toString());
    EmbeddedDatabase.makeTemplate(binaries, cluster, fill);
    return cluster;
  }
}
