package org.plenary.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the dataset's CSV files are read from: a directory, or the copy packaged in the jar. */
public interface SeedFiles {
  /** The file's bytes, or empty when it does not exist. */
  Optional<byte[]> read(String file);

  /** How to name the file in a message, e.g. seed-data/votes.csv. */
  String describe(String file);

  static SeedFiles directory(Path dir) {
    return new SeedFiles() {
      @Override
      public Optional<byte[]> read(String file) {
        Path p = dir.resolve(file);
        try {
          return Files.exists(p) ? Optional.of(Files.readAllBytes(p)) : Optional.empty();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public String describe(String file) {
        return dir.resolve(file).toString();
      }
    };
  }

  /** These files, with the layers (layers/...) read from another directory. */
  static SeedFiles withLayers(SeedFiles files, Path layers) {
    SeedFiles other = directory(layers);
    return new SeedFiles() {
      @Override
      public Optional<byte[]> read(String file) {
        return file.startsWith("layers/")
            ? other.read(file.substring("layers/".length()))
            : files.read(file);
      }

      @Override
      public String describe(String file) {
        return file.startsWith("layers/")
            ? other.describe(file.substring("layers/".length()))
            : files.describe(file);
      }
    };
  }

  /** Files held in memory (e.g. a release being checked before it is published), by name. */
  static SeedFiles bytes(java.util.Map<String, byte[]> files, String label) {
    return new SeedFiles() {
      @Override
      public Optional<byte[]> read(String file) {
        return Optional.ofNullable(files.get(file));
      }

      @Override
      public String describe(String file) {
        return label + "/" + file;
      }
    };
  }

  /** The seed-data folder packaged in the application (copied there by the build). */
  static SeedFiles packaged() {
    return new SeedFiles() {
      @Override
      public Optional<byte[]> read(String file) {
        try (InputStream in =
            Thread.currentThread()
                .getContextClassLoader()
                .getResourceAsStream("seed-data/" + file)) {
          return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public String describe(String file) {
        return "seed-data/" + file;
      }
    };
  }
}
