package org.plenary.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Reloads a layer loaded before whose files changed (a new release of it), in place, in the seed
 * loader's transaction. Imports link their rows to the layer's (a Library record's topics,
 * documents, conflicts and citations on one of Voeten's votes, a Council vote of the veto list's
 * body), so the layer is never deleted whole:
 *
 * <ol>
 *   <li>each file is copied (COPY) into a temporary table and merged into its table by primary key:
 *       a row is inserted, or updated to the file's values with the layer's origin and date (a row
 *       an import wrote that the layer now holds becomes the layer's, as the seed files' merge
 *       does; a curated row is never overwritten). Vote ids are the layer's stable ids, so a vote
 *       stays the same vote and what points at it stays valid;
 *   <li>what an import set on the layer's votes when it linked a Library record to them (undl_id,
 *       columns those do not override, session and resolution where the layer says nothing, and the
 *       time of that change) is kept;
 *   <li>the layer's rows its new files no longer hold are deleted, children first. A vote the layer
 *       dropped takes with it what imports linked to it (those rows described that roll call, which
 *       the dataset no longer holds), with a warning naming the vote, the Library record and the
 *       rows removed: importing the file again adds the record as a vote of its own. Any other
 *       dropped row that rows outside the layer still refer to (a delegation an imported roll call
 *       names, a topic, a source, a body) is kept, with a warning naming it.
 * </ol>
 *
 * Without imports the result is row for row what a first load of the same files gives (the same
 * values, origin, created_at and updated_at), so the dataset's checksums and ETags are the same.
 */
final class LayerReload {
  private static final Logger LOG = Logger.getLogger(LayerReload.class);

  /** A foreign key into a table: the referencing table and column, the column referred to. */
  private record Reference(String table, String column, String target, boolean hasOrigin) {}

  private LayerReload() {}

  /** Reloads the layer's files in place; returns the rows inserted, changed or deleted. */
  static Map<String, Integer> reload(Connection c, SeedFiles files, String layer, OffsetDateTime at)
      throws SQLException {
    Map<String, Integer> out = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "create temp table layer_imported on commit drop as select id, session, resolution,"
                + " updated_at from vote where origin = ? and undl_id is not null")) {
      ps.setString(1, layer);
      ps.execute();
    }
    if (layer.equals(LayerBuilder.VOETEN)) {
      // links.csv sets them again on the curated votes that are still Voeten's roll calls
      try (Statement s = c.createStatement()) {
        s.executeUpdate(
            "update vote set voeten_rcid = null, amend = null, para = null, important_vote = null"
                + " where voeten_rcid is not null and origin <> '"
                + layer
                + "'");
      }
    }
    for (Layers.LayerFile f : Layers.FILES) {
      out.merge(
          f.table(),
          merge(c, files, Layers.find(files, layer, f.base()), f.table(), layer, at),
          Integer::sum);
    }
    List<Layers.LayerFile> reversed = new ArrayList<>(Layers.FILES);
    Collections.reverse(reversed);
    for (Layers.LayerFile f : reversed) {
      out.merge(f.table(), removeVanished(c, f.table(), layer), Integer::sum);
    }
    try (Statement s = c.createStatement()) {
      out.merge(
          "vote",
          s.executeUpdate(
              "update vote v set session = coalesce(v.session, k.session), resolution ="
                  + " coalesce(v.resolution, k.resolution), updated_at = greatest(v.updated_at,"
                  + " k.updated_at) from layer_imported k where v.id = k.id and (v.session,"
                  + " v.resolution, v.updated_at) is distinct from (coalesce(v.session,"
                  + " k.session), coalesce(v.resolution, k.resolution), greatest(v.updated_at,"
                  + " k.updated_at))"),
          Integer::sum);
      s.execute("drop table layer_imported");
      for (Layers.LayerFile f : Layers.FILES) {
        s.execute("drop table " + staged(f.table()));
      }
    }
    return out;
  }

  /** The temporary table that holds a file's rows. */
  private static String staged(String table) {
    return "layer_new_" + table;
  }

  /**
   * Copies the file (none: no rows) into its temporary table and merges it into the table by
   * primary key; returns the rows inserted or changed.
   */
  private static int merge(
      Connection c,
      SeedFiles files,
      Optional<String> path,
      String table,
      String layer,
      OffsetDateTime at)
      throws SQLException {
    List<String> pk = primaryKey(c, table);
    List<String> cols = pk;
    try (InputStream in = path.isPresent() ? Layers.open(files, path.get()) : null) {
      if (in != null) {
        cols = Layers.header(c, path.get(), table, Layers.firstLine(in));
      }
      Layers.stage(c, staged(table), table, cols);
      if (in == null) {
        return 0;
      }
      Layers.copyIn(c, in, path.get(), staged(table), cols);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + path.orElseThrow(), e);
    }
    List<String> set = new ArrayList<>(cols.stream().filter(col -> !pk.contains(col)).toList());
    set.addAll(List.of("origin", "created_at", "updated_at"));
    String sql =
        "insert into "
            + table
            + " ("
            + String.join(", ", cols)
            + ", origin, created_at, updated_at) select "
            + String.join(", ", cols)
            + ", ?, ?, ? from "
            + staged(table)
            + " on conflict ("
            + String.join(", ", pk)
            + ") do update set "
            + set.stream().map(col -> col + " = excluded." + col).collect(Collectors.joining(", "))
            // a row an import wrote becomes the layer's; a curated one is not the layer's to change
            + " where "
            + table
            + ".origin in (?, 'undl') and ("
            + set.stream().map(col -> table + "." + col).collect(Collectors.joining(", "))
            + ") is distinct from ("
            + set.stream().map(col -> "excluded." + col).collect(Collectors.joining(", "))
            + ")";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, layer);
      ps.setObject(2, at);
      ps.setObject(3, at);
      ps.setString(4, layer);
      return ps.executeUpdate();
    }
  }

  /**
   * Deletes the layer's rows of the table that its files no longer hold, but those rows outside the
   * layer still refer to (kept, with a warning); a dropped vote first loses what imports linked to
   * it (with a warning). Returns the rows deleted.
   */
  private static int removeVanished(Connection c, String table, String layer) throws SQLException {
    List<String> pk = primaryKey(c, table);
    String key = "(" + pk.stream().map(col -> "t." + col).collect(Collectors.joining(", ")) + ")";
    String goneKey =
        "(" + pk.stream().map(col -> "g." + col).collect(Collectors.joining(", ")) + ")";
    try (PreparedStatement ps =
        c.prepareStatement(
            "create temp table layer_gone on commit drop as select "
                + pk.stream().map(col -> "t." + col).collect(Collectors.joining(", "))
                + " from "
                + table
                + " t where t.origin = ? and not exists (select 1 from "
                + staged(table)
                + " g where "
                + goneKey
                + " = "
                + key
                + ")")) {
      ps.setString(1, layer);
      ps.execute();
    }
    try {
      if (count(c, "select count(*) from layer_gone") == 0) {
        return 0;
      }
      List<Reference> refs = references(c, table);
      if (table.equals("vote")) {
        dropImportedLinks(c, layer, refs);
      }
      String unreferenced =
          refs.stream()
              .map(
                  r ->
                      " and not exists (select 1 from "
                          + r.table()
                          + " r where r."
                          + r.column()
                          + " = t."
                          + r.target()
                          + ")")
              .collect(Collectors.joining());
      int deleted;
      try (Statement s = c.createStatement()) {
        deleted =
            s.executeUpdate(
                "delete from "
                    + table
                    + " t using layer_gone g where "
                    + key
                    + " = "
                    + goneKey
                    + unreferenced);
      }
      List<String> kept = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select "
                      + pk.stream()
                          .map(col -> "g." + col + "::text")
                          .collect(Collectors.joining(" || '/' || "))
                      + " from layer_gone g join "
                      + table
                      + " t on "
                      + key
                      + " = "
                      + goneKey
                      + " order by 1")) {
        while (rs.next()) {
          kept.add(rs.getString(1));
        }
      }
      if (!kept.isEmpty()) {
        LOG.warnf(
            "Layer %s no longer has %d row(s) of %s that other rows still refer to: kept (%s)",
            layer, kept.size(), table, String.join(", ", kept));
      }
      return deleted;
    } finally {
      try (Statement s = c.createStatement()) {
        s.execute("drop table layer_gone");
      }
    }
  }

  /**
   * Deletes the rows imports linked to the votes the layer dropped (those in layer_gone): each
   * vote's, with a warning naming the vote, its Library record and the rows removed.
   */
  private static void dropImportedLinks(Connection c, String layer, List<Reference> refs)
      throws SQLException {
    Map<String, Map<String, Integer>> removed = new LinkedHashMap<>();
    List<String> deletes = new ArrayList<>();
    for (Reference r : refs) {
      if (r.hasOrigin()) {
        deletes.add(
            "delete from "
                + r.table()
                + " r using layer_gone g where r."
                + r.column()
                + " = g.id and r.origin = 'undl' returning r."
                + r.column()
                + ", '"
                + r.table()
                + "'");
      }
    }
    // a citation names its record by type and id (no key): a vote's and its roll call's
    deletes.add(
        "delete from citation r using layer_gone g where r.record_id = g.id and r.record_type in"
            + " ('vote', 'roll_call') and r.origin = 'undl' returning r.record_id, 'citation'");
    try (Statement s = c.createStatement()) {
      for (String sql : deletes) {
        try (ResultSet rs = s.executeQuery(sql)) {
          while (rs.next()) {
            removed
                .computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                .merge(rs.getString(2), 1, Integer::sum);
          }
        }
      }
    }
    Map<String, Integer> records = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select v.id, v.undl_id from vote v join layer_gone g on g.id = v.id where"
                    + " v.undl_id is not null")) {
      while (rs.next()) {
        records.put(rs.getString(1), rs.getInt(2));
        removed.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>());
      }
    }
    for (var e : new java.util.TreeMap<>(removed).entrySet()) {
      Integer record = records.get(e.getKey());
      LOG.warnf(
          "Layer %s no longer has vote %s%s: removed what imports had linked to it (%s);"
              + " importing their file again links that record to a vote the dataset holds, or"
              + " adds it as a vote of its own",
          layer,
          e.getKey(),
          record == null ? "" : ", the UN Digital Library's record " + record,
          e.getValue().isEmpty()
              ? "the link"
              : e.getValue().entrySet().stream()
                  .map(n -> n.getValue() + " " + n.getKey() + " row(s)")
                  .collect(Collectors.joining(", ")));
    }
  }

  /** The table's primary key's columns, in order. */
  private static List<String> primaryKey(Connection c, String table) throws SQLException {
    List<String> out =
        catalog(
            c,
            "select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and"
                + " a.attnum = any(i.indkey) where i.indrelid = to_regclass(?) and i.indisprimary"
                + " order by array_position(i.indkey::int2[], a.attnum)",
            table,
            rs -> rs.getString(1));
    if (out.isEmpty()) {
      throw new IllegalStateException("Table " + table + " of a layer has no primary key");
    }
    return out;
  }

  /** The single-column foreign keys into the table, from the catalog. */
  private static List<Reference> references(Connection c, String table) throws SQLException {
    return catalog(
        c,
        "select k.conrelid::regclass::text, a.attname, f.attname, exists (select 1 from"
            + " pg_attribute o where o.attrelid = k.conrelid and o.attname = 'origin' and not"
            + " o.attisdropped) from pg_constraint k join pg_attribute a on a.attrelid ="
            + " k.conrelid and a.attnum = k.conkey[1] join pg_attribute f on f.attrelid ="
            + " k.confrelid and f.attnum = k.confkey[1] where k.contype = 'f' and k.confrelid"
            + " = to_regclass(?) and cardinality(k.conkey) = 1 order by 1, 2",
        table,
        rs -> new Reference(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
  }

  /** A row of the catalog, read. */
  private interface CatalogRow<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** What the catalog says of a table: a query with the table's name as its one parameter. */
  private static <T> List<T> catalog(Connection c, String sql, String table, CatalogRow<T> row)
      throws SQLException {
    List<T> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row.read(rs));
        }
      }
    }
    return out;
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
