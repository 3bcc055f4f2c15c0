package org.plenary.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Predicate;
import org.plenary.dataset.DatasetState;
import org.plenary.release.Publisher;

/**
 * One import's transaction, the same for every importer: open it, run the import in it, commit (and
 * read the new dataset state) when the import changed the dataset's version, else roll back so that
 * not even a temporary trace is left; any failure rolls back.
 */
@ApplicationScoped
public class ImportTransaction {
  @Inject javax.sql.DataSource dataSource;
  @Inject DatasetState state; // null for an import without the framework ({@link #direct})

  /**
   * The transaction of an import run without the framework ({@code ImportCommand#direct}): on
   * {@code dataSource}, with no dataset state to read again after it (the process ends with it).
   */
  static ImportTransaction direct(javax.sql.DataSource dataSource) {
    ImportTransaction t = new ImportTransaction();
    t.dataSource = dataSource;
    return t;
  }

  /** An import's start: its time (every row it writes carries it) and the version before. */
  record Begun(OffsetDateTime at, String version) {}

  /**
   * Takes the publishing lock (imports, loads and publications never interleave) and reads the
   * transaction's time and the dataset's version.
   */
  static Begun begin(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      Publisher.lock(c);
      OffsetDateTime at;
      try (ResultSet rs = s.executeQuery("select now()")) {
        rs.next();
        at = rs.getObject(1, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC);
      }
      try (ResultSet rs = s.executeQuery("select version from dataset_state")) {
        if (!rs.next()) {
          throw new IllegalStateException("no dataset is loaded: start the service once first");
        }
        return new Begun(at, rs.getString(1));
      }
    }
  }

  /** An import's work on its transaction's connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException, IOException;
  }

  /**
   * Runs {@code work} on {@code file} in one transaction, committed when {@code changed} says its
   * result changed the dataset. A database failure is an {@link IllegalStateException}; a file that
   * cannot be read is {@link UndlFile.Refused}.
   */
  <T> T run(Path file, Work<T> work, Predicate<T> changed) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        if (changed.test(result)) {
          c.commit();
          if (state != null) {
            state.refresh();
          }
        } else {
          c.rollback(); // nothing new: not even a temporary trace
        }
        return result;
      } catch (RuntimeException | SQLException | IOException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Import of " + file + " failed: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UndlFile.Refused(file, 0, "could not be read (" + e.getMessage() + ")");
    }
  }
}
