package org.plenary.dataset;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.plenary.seed.Schema;
import org.plenary.seed.TableSpec;

/** What is loaded: the dataset version, its checksum, when, and the row count of each table. */
@ApplicationScoped
public class DatasetState {
  /** A loaded dataset. */
  public record Loaded(
      String version,
      String checksum,
      OffsetDateTime loadedAt,
      java.time.Instant releasedAt,
      Map<String, Long> rowCounts) {}

  @Inject AgroalDataSource dataSource;

  private volatile Loaded loaded;

  /** Reads the state back from the database (after a load). */
  public void refresh() {
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
    try {
      byte[] h =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(
                  (seedChecksum + ":" + importChecksum)
                      .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(h);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The loaded dataset, or null before the first load completes. */
  public Loaded loaded() {
    return loaded;
  }

  public boolean ready() {
    return loaded != null;
  }

  public String version() {
    Loaded l = loaded;
    return l == null ? null : l.version();
  }
}
