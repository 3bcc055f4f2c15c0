package org.plenary.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.plenary.dataset.EarlyLoad;
import org.plenary.db.PackagedBinaries;

/**
 * Puts the package's cluster with the dataset in the package at build time, run by the build after
 * {@link PackagedBinaries} unpacked the binaries ({@code target/quarkus-app/postgres-dataset}; see
 * docs/operations.md): the schema migrated and the packaged files loaded as a first start loads
 * them, their content checksums recorded, the tables vacuumed. A first start of the service on the
 * packaged files copies it instead of loading them ({@code Launch}).
 *
 * <p>A build where PostgreSQL cannot run packages none, with a warning: first starts then load, as
 * they did before.
 */
public final class PackagedDataset {
  private PackagedDataset() {}

  /** {@code args[0]}: the package's binaries directory; {@code args[1]}: the cluster's. */
  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: PackagedDataset BINARIES-DIRECTORY CLUSTER-DIRECTORY");
      System.exit(2);
    }
    long t0 = System.nanoTime();
    try {
      Path cluster =
          PackagedBinaries.makeDataset(
              Path.of(args[0]),
              Path.of(args[1]),
              (url, user, password) ->
                  EarlyLoad.loadForPackage(EarlyLoad.dataSource(url, user, password)));
      System.out.printf(
          java.util.Locale.ROOT,
          "PostgreSQL cluster with the dataset made in %s in %.1f s%n",
          cluster,
          (System.nanoTime() - t0) / 1e9);
    } catch (IOException | RuntimeException e) {
      System.out.println(
          "WARNING: no PostgreSQL cluster with the dataset in the package (first starts will load"
              + " the dataset): "
              + e.getMessage());
    }
  }
}
