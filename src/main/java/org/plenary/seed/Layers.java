package org.plenary.seed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * The layers of the published dataset built from outside data ({@link LayerBuilder}): each a
 * directory {@code layers/{name}/} beside the seed files, in the database's own column names. The
 * seed loader loads them in its transaction: a layer whose files are those loaded already (the
 * SHA-256 recorded in {@code layer}) is skipped; a layer loaded for the first time is copied in
 * with COPY, the country votes as pg_restore would ({@link BulkLoad}); a layer loaded before whose
 * files changed is reloaded in place ({@link LayerReload}: its rows, origin = the layer's name,
 * updated by their keys, so vote ids stay and what imports linked to them stays). The rows carry
 * the layer's date (layer.csv) as created_at and updated_at, so every replica serves the same
 * bytes. The files were checked when they were built; the database's constraints check them again
 * as they are copied in (a bad file fails the start, naming it).
 */
public final class Layers {
  private static final Logger LOG = Logger.getLogger(Layers.class);

  /** The layers, in load order (the veto list uses the delegations Voeten's layer adds). */
  public static final List<String> NAMES = List.of(LayerBuilder.VOETEN, LayerBuilder.VETOES);

  /** A file of a layer and the table it fills, in load order (references point backwards). */
  record LayerFile(String base, String table) {}

  static final List<LayerFile> FILES =
      List.of(
          new LayerFile("sources", "source"),
          new LayerFile("bodies", "body"),
          new LayerFile("delegations", "delegation"),
          new LayerFile("delegation_names", "delegation_name"),
          new LayerFile("delegation_successions", "delegation_succession"),
          new LayerFile("body_members", "body_member"),
          new LayerFile("topics", "topic"),
          new LayerFile("votes", "vote"),
          new LayerFile("roll_calls", "roll_call"),
          new LayerFile("vote_topics", "vote_topic"),
          new LayerFile("citations", "citation"),
          new LayerFile("conflicts", "conflict"));

  /**
   * The source's licence notice in a layer's directory ({@link LayerBuilder#copyLicence}), when the
   * source has one: part of the layer's files, kept in {@code layer.licence} for the dumps.
   */
  public static final String LICENCE = "LICENSE";

  /** links.csv: the columns a layer sets on curated votes that are its roll calls too. */
  static final List<String> LINKED =
      List.of("voeten_rcid", "session", "resolution", "amend", "para", "important_vote");

  private Layers() {}

  /** The file's name in the layer's directory: plain or gzip-compressed. */
  static Optional<String> find(SeedFiles files, String layer, String base) {
    for (String name : List.of(base + ".csv", base + ".csv.gz")) {
      String path = "layers/" + layer + "/" + name;
      if (files.read(path).isPresent()) {
        return Optional.of(path);
      }
    }
    return Optional.empty();
  }

  /** Every file of the layer that exists, in load order, with layer.csv and links.csv. */
  static List<String> paths(SeedFiles files, String layer) {
    List<String> out = new ArrayList<>();
    find(files, layer, "layer").ifPresent(out::add);
    for (LayerFile f : FILES) {
      find(files, layer, f.base()).ifPresent(out::add);
    }
    find(files, layer, "links").ifPresent(out::add);
    licence(files, layer).ifPresent(out::add);
    return out;
  }

  /** The path of the layer's licence notice, when it has one. */
  static Optional<String> licence(SeedFiles files, String layer) {
    String path = "layers/" + layer + "/" + LICENCE;
    return files.read(path).isPresent() ? Optional.of(path) : Optional.empty();
  }

  /** The text of the layer's licence notice (strict UTF-8), or null when it has none. */
  private static String licenceText(SeedFiles files, String layer) {
    Optional<String> path = licence(files, layer);
    if (path.isEmpty()) {
      return null;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(files.read(path.get()).orElseThrow()))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new SeedException(List.of(files.describe(path.get()) + " is not valid UTF-8"));
    }
  }

  /** Adds every layer's files (names and bytes) to a digest: part of the dataset's checksum. */
  static void digest(MessageDigest sha, SeedFiles files) {
    for (String layer : NAMES) {
      digest(sha, files, layer);
    }
  }

  /** Adds one layer's files, names and bytes, to a digest. */
  private static void digest(MessageDigest sha, SeedFiles files, String layer) {
    for (String path : paths(files, layer)) {
      sha.update(path.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(files.read(path).orElseThrow());
      sha.update((byte) 0);
    }
  }

  /** The SHA-256 of a layer's files; empty when the layer has none. */
  static Optional<String> checksum(SeedFiles files, String layer) {
    List<String> paths = paths(files, layer);
    if (paths.isEmpty()) {
      return Optional.empty();
    }
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    digest(sha, files, layer);
    return Optional.of(HexFormat.of().formatHex(sha.digest()));
  }

  /**
   * Loads every layer whose files differ from those loaded, in the caller's transaction; returns
   * the rows written, by table. A layer with no files (a release's archived dumps hold none) is
   * left as it is.
   */
  public static Map<String, Integer> load(Connection c, SeedFiles files) throws SQLException {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (String layer : NAMES) {
      Optional<String> sum = checksum(files, layer);
      if (sum.isEmpty()) {
        continue;
      }
      String loaded = null;
      try (PreparedStatement ps = c.prepareStatement("select checksum from layer where name = ?")) {
        ps.setString(1, layer);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            loaded = rs.getString(1);
          }
        }
      }
      if (sum.get().equals(loaded)) {
        continue;
      }
      long t0 = System.nanoTime();
      OffsetDateTime at = date(files, layer);
      if (loaded == null) {
        // a first load: nothing of the layer's is held, so COPY straight into its tables
        for (LayerFile f : FILES) {
          Optional<String> path = find(files, layer, f.base());
          if (path.isPresent()) {
            out.merge(f.table(), copy(c, files, path.get(), f.table(), layer, at), Integer::sum);
          }
        }
      } else {
        LayerReload.reload(c, files, layer, at).forEach((t, n) -> out.merge(t, n, Integer::sum));
      }
      Optional<String> links = find(files, layer, "links");
      if (links.isPresent()) {
        out.merge("vote", link(c, files, links.get(), at), Integer::sum);
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into layer (name, checksum, licence) values (?, ?, ?) on conflict (name)"
                  + " do update set checksum = excluded.checksum, licence = excluded.licence,"
                  + " loaded_at = now()")) {
        ps.setString(1, layer);
        ps.setString(2, sum.get());
        ps.setString(3, licenceText(files, layer));
        ps.executeUpdate();
      }
      LOG.infof("Layer %s loaded in %.1f s", layer, (System.nanoTime() - t0) / 1e9);
    }
    return out;
  }

  /** The layer's date (layer.csv): its rows' created_at and updated_at. */
  static OffsetDateTime date(SeedFiles files, String layer) {
    String text =
        new String(
            files.read(find(files, layer, "layer").orElseThrow()).orElseThrow(),
            StandardCharsets.UTF_8);
    String[] lines = text.split("\n");
    String date = lines[1].split(",")[1].replace("\"", "");
    return LocalDate.parse(date).atStartOfDay().atOffset(ZoneOffset.UTC);
  }

  /** The header's columns, each one of the table's (anything else refuses the file). */
  static List<String> header(Connection c, String path, String table, String line)
      throws SQLException {
    Set<String> known = new java.util.HashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select column_name from information_schema.columns where table_schema ="
                + " current_schema() and table_name = ?")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          known.add(rs.getString(1));
        }
      }
    }
    List<String> cols = List.of(line.split(","));
    for (String col : cols) {
      if (!known.contains(col) || Set.of("origin", "created_at", "updated_at").contains(col)) {
        throw new IllegalStateException(
            path + " line 1: '" + col + "' is not a column of " + table + " a layer can fill");
      }
    }
    return cols;
  }

  static InputStream open(SeedFiles files, String path) throws IOException {
    InputStream in = new ByteArrayInputStream(files.read(path).orElseThrow());
    return path.endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
  }

  static String firstLine(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      sb.append((char) b);
    }
    return sb.toString();
  }

  /**
   * Copies one file into its table, the rows taking the layer's origin and date (the columns'
   * defaults for the length of the copy, in this transaction). The country votes go in as
   * pg_restore would: keys and indexes dropped, made again once after.
   */
  private static int copy(
      Connection c, SeedFiles files, String path, String table, String layer, OffsetDateTime at)
      throws SQLException {
    try (InputStream in = open(files, path)) {
      List<String> cols = header(c, path, table, firstLine(in));
      Optional<BulkLoad> bulk =
          table.equals("roll_call") && files.read(path).orElseThrow().length > 1 << 20
              ? BulkLoad.suspend(c, table, true)
              : Optional.empty();
      try (Statement s = c.createStatement()) {
        s.execute(
            "alter table "
                + table
                + " alter column origin set default '"
                + layer
                + "', alter column created_at set default '"
                + at
                + "', alter column updated_at set default '"
                + at
                + "'");
      }
      long n = copyIn(c, in, path, table, cols);
      try (Statement s = c.createStatement()) {
        s.execute(
            "alter table "
                + table
                + " alter column origin set default 'seed', alter column created_at set default"
                + " now(), alter column updated_at set default now()");
      }
      if (bulk.isPresent()) {
        bulk.get().restore(false); // the load analyzes every table it changed after its commit
      }
      return (int) n;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + path, e);
    }
  }

  /**
   * Copies the rest of a layer file (its header read already: {@code cols}) into {@code target};
   * returns the rows copied. A row the table refuses fails the load, naming the file.
   */
  static long copyIn(Connection c, InputStream in, String path, String target, List<String> cols)
      throws SQLException, IOException {
    try {
      return c.unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              "copy " + target + " (" + String.join(", ", cols) + ") from stdin (format csv)",
              in,
              1 << 16);
    } catch (SQLException e) {
      throw new SQLException("Could not load " + path + ": " + e.getMessage(), e);
    }
  }

  /** A temporary table {@code temp} of {@code table}'s columns {@code cols}, dropped at commit. */
  static void stage(Connection c, String temp, String table, List<String> cols)
      throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "create temp table "
              + temp
              + " on commit drop as select "
              + String.join(", ", cols)
              + " from "
              + table
              + " with no data");
    }
  }

  /** Sets what links.csv gives on the curated votes that are this layer's roll calls too. */
  private static int link(Connection c, SeedFiles files, String path, OffsetDateTime at)
      throws SQLException {
    try (InputStream in = open(files, path)) {
      List<String> cols = header(c, path, "vote", firstLine(in));
      stage(c, "layer_link", "vote", cols);
      copyIn(c, in, path, "layer_link", cols);
      List<String> set = cols.stream().filter(col -> !col.equals("id")).toList();
      try (Statement s = c.createStatement()) {
        int n =
            s.executeUpdate(
                "update vote v set "
                    + String.join(", ", set.stream().map(col -> col + " = l." + col).toList())
                    + " from layer_link l where v.id = l.id");
        s.execute("drop table layer_link");
        return n;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + path, e);
    }
  }
}
