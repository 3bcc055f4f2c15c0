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

  /**
   * Reads the state back from the database (after a load, a publication, or when told of another
   * process's). Refreshes run one at a time: two that overlapped could end with the one that read
   * the older state writing last (a release listener's against a publisher's own).
   */
  public synchronized void refresh() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      ResultSet rs =
          s.executeQuery(
              "select d.version, d.checksum, d.loaded_at, r.date, d.import_checksum"
                  + " from dataset_state d left join release r on r.version = d.version");
      if (!rs.next()) {
        loaded = null;
        return;
      }
      String version = rs.getString(1);
      String checksum = combined(rs.getString(2), rs.getString(5));
      OffsetDateTime at = rs.getObject(3, OffsetDateTime.class);
      java.time.LocalDate released = rs.getObject(4, java.time.LocalDate.class);
      Map<String, Long> counts = new LinkedHashMap<>();
      for (TableSpec t : Schema.DUMPED) {
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

  /**
   * The dataset's identity: the seed files' checksum, combined with what imports changed since (so
   * caches and dumps keyed by it follow both).
   */
  static String combined(String seedChecksum, String importChecksum) {
    if (importChecksum == null) {
      return seedChecksum;
    }
    return Dumps.sha256(
        (seedChecksum + ":" + importChecksum).getBytes(java.nio.charset.StandardCharsets.UTF_8));
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

  public String version() {
    Loaded l = loaded;
    return l == null ? null : l.version();
  }
}
