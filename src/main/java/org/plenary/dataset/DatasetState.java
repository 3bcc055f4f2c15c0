package org.plenary.dataset;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.plenary.http.Served;
import org.plenary.seed.Schema;
import org.plenary.seed.SeedLoaded;
import org.plenary.seed.TableSpec;

/** What is loaded: the dataset version, its checksum, when, and the row count of each table. */
@ApplicationScoped
public class DatasetState implements Served {
  /** A loaded dataset. */
  public record Loaded(
      String version,
      String checksum,
      OffsetDateTime loadedAt,
      java.time.Instant releasedAt,
      Map<String, Long> rowCounts,
      Snapshot snapshot) {
    Loaded(
        String version,
        String checksum,
        OffsetDateTime loadedAt,
        java.time.Instant releasedAt,
        Map<String, Long> rowCounts) {
      this(
          version,
          checksum,
          loadedAt,
          releasedAt,
          rowCounts,
          new Snapshot(version, checksum, releasedAt));
    }
  }

  @Inject AgroalDataSource dataSource;

  private volatile Loaded loaded;

  void onSeedLoaded(@Observes SeedLoaded event) {
    refresh();
  }

  /** Reads the state back from the database (after a load). */
  public void refresh() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      ResultSet rs =
          s.executeQuery(
              "select d.version, d.checksum, d.loaded_at, r.date from dataset_state d"
                  + " left join release r on r.version = d.version");
      if (!rs.next()) {
        loaded = null;
        return;
      }
      String version = rs.getString(1);
      String checksum = rs.getString(2);
      OffsetDateTime at = rs.getObject(3, OffsetDateTime.class);
      java.time.LocalDate released = rs.getObject(4, java.time.LocalDate.class);
      Map<String, Long> counts = new LinkedHashMap<>();
      for (TableSpec t : Schema.TABLES) {
        ResultSet n = s.executeQuery("select count(*) from " + t.table());
        n.next();
        counts.put(t.table(), n.getLong(1));
      }
      loaded =
          new Loaded(
              version,
              checksum,
              at,
              released == null ? null : released.atStartOfDay().toInstant(java.time.ZoneOffset.UTC),
              counts);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the dataset state", e);
    }
  }

  /** The loaded dataset, or null before the first load completes. */
  public Loaded loaded() {
    return loaded;
  }

  @Override
  public Snapshot snapshot() {
    Loaded l = loaded;
    return l == null ? null : l.snapshot();
  }

  public boolean ready() {
    return loaded != null;
  }

  public String version() {
    Loaded l = loaded;
    return l == null ? null : l.version();
  }
}
