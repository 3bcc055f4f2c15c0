package org.plenary.dataset;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import org.plenary.seed.ContentChecksum;

/** Dataset releases published by something other than the seed files. */
public final class Releases {
  private Releases() {}

  /**
   * Publishes the release of an import that changed data, in the import's transaction {@code c}: a
   * new version ({@code 1.0.0+undl.1}, then {@code +undl.2}, ... on top of the loaded version's
   * base), a release row whose changelog names the file and its SHA-256, and the dataset state
   * moved to it (its import checksum changes, so every cache key and ETag follows), and a
   * notification to the instances serving the same database. Returns the new version.
   */
  public static String publishImport(
      Connection c, String fileName, String fileSha256, String changes, LocalDate date)
      throws SQLException {
    return publishImport(c, "undl", "the UN Digital Library", fileName, fileSha256, changes, date);
  }

  /**
   * As {@link #publishImport(Connection, String, String, String, LocalDate)}, for the importer
   * {@code origin} (a release origin, also the version's tag: {@code +ungdc.1}) of data from {@code
   * from}.
   */
  public static String publishImport(
      Connection c,
      String origin,
      String from,
      String fileName,
      String fileSha256,
      String changes,
      LocalDate date)
      throws SQLException {
    String current;
    String importChecksum;
    try (var s = c.createStatement();
        var rs = s.executeQuery("select version, import_checksum from dataset_state for update")) {
      if (!rs.next()) {
        throw new IllegalStateException("no dataset is loaded");
      }
      current = rs.getString(1);
      importChecksum = rs.getString(2);
    }
    String base = current.contains("+") ? current.substring(0, current.indexOf('+')) : current;
    int n = 1;
    try (var ps =
        c.prepareStatement(
            "select count(*) from release where origin = ? and version like ? escape '\\'")) {
      ps.setString(1, origin);
      ps.setString(2, base.replace("_", "\\_").replace("%", "\\%") + "+" + origin + ".%");
      try (var rs = ps.executeQuery()) {
        rs.next();
        n += rs.getInt(1);
      }
    }
    String version = base + "+" + origin + "." + n;
    try (var ps =
        c.prepareStatement(
            "insert into release (version, date, changes, data_sha256, origin) values (?, ?, ?, ?,"
                + " ?)")) {
      ps.setString(1, version);
      ps.setObject(2, date);
      ps.setString(
          3,
          "Imported " + fileName + " (SHA-256 " + fileSha256 + ") from " + from + ": " + changes);
      ps.setString(4, fileSha256);
      ps.setString(5, origin);
      ps.executeUpdate();
    }
    try (var ps =
        c.prepareStatement(
            "update dataset_state set version = ?, import_checksum = ?, loaded_at = now()")) {
      ps.setString(1, version);
      ps.setString(
          2,
          Dumps.sha256(
              ((importChecksum == null ? "" : importChecksum) + ":" + fileSha256 + ":" + version)
                  .getBytes(StandardCharsets.UTF_8)));
      ps.executeUpdate();
    }
    announce(c, version);
    return version;
  }

  /**
   * The end of every publication, in its transaction {@code c}, once the dataset state names {@code
   * version}: the content as published is recorded as the release's (the start-up check must find
   * it so), and the instances serving the same database are told, to serve it from the commit on
   * ({@link ReleaseListener}).
   */
  public static void announce(Connection c, String version) throws SQLException {
    ContentChecksum.record(c);
    try (var ps = c.prepareStatement("select pg_notify('" + ReleaseListener.CHANNEL + "', ?)")) {
      ps.setString(1, version);
      ps.execute();
    }
  }
}
