package org.plenary.curation;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.plenary.dataset.Dumps;
import org.plenary.http.HttpCache;
import org.plenary.http.Json;
import org.plenary.seed.Column;
import org.plenary.seed.PartialDate;
import org.plenary.seed.Schema;
import org.plenary.seed.TableSpec;

/**
 * Reads and writes the dataset's records for curation, from the one declaration of the tables
 * ({@link Schema}): a record's snapshot (its fields as the dumps write them, and its citations),
 * its tag (what an editor's {@code base} must match), and the operations of a change set.
 */
public final class RecordStore {
  private RecordStore() {}

  /**
   * The tables a change set may edit: those keyed by an id (not releases, citations, roll calls).
   */
  public static List<TableSpec> editableTables() {
    return Schema.TABLES.stream()
        .filter(t -> t.primaryKey().equals(List.of("id")) && !t.table().equals("release"))
        .toList();
  }

  /** The collection names a change set may use (as in the API's paths). */
  public static List<String> editableNames() {
    return editableTables().stream().map(RecordStore::collection).toList();
  }

  /** The collection name of a table, as in the API's paths and the dump file names. */
  public static String collection(TableSpec t) {
    return t.file().substring(0, t.file().length() - ".csv".length());
  }

  /** The editable table named by a collection (positions) or a table name (position). */
  public static Optional<TableSpec> editable(String name) {
    String n = name.trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_');
    return editableTables().stream()
        .filter(t -> t.table().equals(n) || collection(t).equals(n))
        .findFirst();
  }

  /** A JSON value as the CSV files would hold it: empty for null. */
  public static String raw(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof String || v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    throw new IllegalArgumentException("must be a string, a number, true/false or null");
  }

  /**
   * The record as the dumps show it (each field as text, null when empty) with the sources it
   * cites; null when there is no such record.
   */
  public static Map<String, Object> snapshot(Connection c, TableSpec t, String id)
      throws SQLException {
    Map<String, Object> out = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select "
                + String.join(", ", Dumps.csvColumns(t))
                + " from "
                + t.table()
                + " where id = ?")) {
      ps.setString(1, id);
      ResultSet rs = ps.executeQuery();
      if (!rs.next()) {
        return null;
      }
      for (Column col : t.columns()) {
        out.put(col.name(), rs.getString(col.name()));
      }
    }
    List<Map<String, Object>> sources = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select source_id, locator from citation where record_type = ? and record_id = ?"
                + " order by source_id collate \"C\"")) {
      ps.setString(1, t.table());
      ps.setString(2, id);
      ResultSet rs = ps.executeQuery();
      while (rs.next()) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("source_id", rs.getString(1));
        s.put("locator", rs.getString(2));
        sources.add(s);
      }
    }
    out.put("sources", sources);
    return out;
  }

  /** The tag of a snapshot: changes exactly when the record or its citations change. */
  public static String tag(Map<String, Object> snapshot) {
    return snapshot == null ? null : HttpCache.etag(json(snapshot).getBytes());
  }

  public static String json(Object value) {
    try {
      return Json.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Applies one (validated) operation; its rows take {@code at} as created_at/updated_at. */
  public static void apply(Connection c, TableSpec t, ChangeRequest.Operation op, OffsetDateTime at)
      throws SQLException {
    switch (op.op()) {
      case "create" -> {
        Map<String, Object> values = new LinkedHashMap<>(op.record());
        values.put("id", op.id());
        List<String> cols = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (Column col : t.columns()) {
          bind(col, values.get(col.name()), cols, args);
        }
        cols.add("created_at");
        args.add(at);
        cols.add("updated_at");
        args.add(at);
        execute(
            c,
            "insert into "
                + t.table()
                + " ("
                + String.join(", ", cols)
                + ") values ("
                + String.join(", ", java.util.Collections.nCopies(cols.size(), "?"))
                + ")",
            args);
        cite(c, t, op, at);
      }
      case "update" -> {
        List<String> cols = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (var e : op.set().entrySet()) {
          bind(t.column(e.getKey()), e.getValue(), cols, args);
        }
        cols.add("updated_at");
        args.add(at);
        args.add(op.id());
        execute(
            c,
            "update "
                + t.table()
                + " set "
                + String.join(", ", cols.stream().map(col -> col + " = ?").toList())
                + " where id = ?",
            args);
        cite(c, t, op, at);
      }
      default -> {
        execute(
            c,
            "delete from citation where record_type = ? and record_id = ?",
            List.of(t.table(), op.id()));
        execute(c, "delete from " + t.table() + " where id = ?", List.of(op.id()));
      }
    }
  }

  /**
   * The records that still refer to record {@code id} of {@code t} (at most {@code limit}), in the
   * API's words: "positions 'p1'", "citations of votes 'a-res-1'".
   */
  public static List<String> referrers(Connection c, TableSpec t, String id, int limit)
      throws SQLException {
    List<String> out = new ArrayList<>();
    for (TableSpec other : Schema.TABLES) {
      for (Column col : other.columns()) {
        if (!t.table().equals(col.ref()) || out.size() >= limit) {
          continue;
        }
        boolean citation = other.table().equals(Schema.CITATION.table());
        String select =
            citation
                ? "record_type, record_id"
                : String.join(" || '/' || ", other.primaryKey()) + ", null";
        try (PreparedStatement ps =
            c.prepareStatement(
                "select "
                    + select
                    + " from "
                    + other.table()
                    + " where "
                    + col.name()
                    + " = ? order by 1, 2 limit "
                    + (limit - out.size()))) {
          ps.setString(1, id);
          ResultSet rs = ps.executeQuery();
          while (rs.next()) {
            out.add(
                citation
                    ? "the citation of "
                        + collectionOf(rs.getString(1))
                        + " '"
                        + rs.getString(2)
                        + "'"
                    : collection(other) + " '" + rs.getString(1) + "' (" + col.name() + ")");
          }
        }
      }
    }
    return out;
  }

  /**
   * The references of an operation's record that resolve to no record, in the API's words: "body_id
   * 'x' (no such bodies)", "sources[0] 'x' (no such sources)".
   */
  public static List<String> unresolved(Connection c, TableSpec t, ChangeRequest.Operation op)
      throws SQLException {
    List<String> out = new ArrayList<>();
    Map<String, Object> values =
        op.op().equals("create") ? op.record() : op.op().equals("update") ? op.set() : Map.of();
    for (Column col : t.columns()) {
      Object v = values == null ? null : values.get(col.name());
      if (col.ref() != null && v != null && !raw(v).isEmpty() && !exists(c, col.ref(), raw(v))) {
        out.add(col.name() + " '" + raw(v) + "' (no such " + collectionOf(col.ref()) + ")");
      }
    }
    List<ChangeRequest.SourceRef> sources = op.sources() == null ? List.of() : op.sources();
    for (int i = 0; i < sources.size(); i++) {
      if (!exists(c, "source", sources.get(i).sourceId())) {
        out.add("sources[" + i + "] '" + sources.get(i).sourceId() + "' (no such sources)");
      }
    }
    return out;
  }

  private static boolean exists(Connection c, String table, String id) throws SQLException {
    TableSpec t =
        Schema.TABLES.stream().filter(x -> x.table().equals(table)).findFirst().orElse(null);
    if (t == null || !t.primaryKey().equals(List.of("id"))) {
      return true; // not a table of records with ids: the database's own message stands
    }
    try (PreparedStatement ps = c.prepareStatement("select 1 from " + table + " where id = ?")) {
      ps.setString(1, id);
      return ps.executeQuery().next();
    }
  }

  /** The collection name of a table name (position: positions). */
  static String collectionOf(String table) {
    return Schema.TABLES.stream()
        .filter(x -> x.table().equals(table))
        .findFirst()
        .map(RecordStore::collection)
        .orElse(table);
  }

  private static void cite(Connection c, TableSpec t, ChangeRequest.Operation op, OffsetDateTime at)
      throws SQLException {
    if (op.sources() == null) {
      return;
    }
    for (ChangeRequest.SourceRef s : op.sources()) {
      List<Object> args = new ArrayList<>(List.of(t.table(), op.id(), s.sourceId()));
      args.add(s.locator() == null || s.locator().isEmpty() ? null : s.locator());
      args.add(at);
      args.add(at);
      execute(
          c,
          "insert into citation (record_type, record_id, source_id, locator, created_at,"
              + " updated_at) values (?, ?, ?, ?, ?, ?) on conflict (record_type, record_id,"
              + " source_id) do update set locator = excluded.locator, updated_at ="
              + " excluded.updated_at where citation.locator is distinct from excluded.locator",
          args);
    }
  }

  private static void bind(Column col, Object value, List<String> cols, List<Object> args) {
    Object v = col.parse(raw(value));
    cols.add(col.name());
    if (col.type() == Column.Type.PARTIAL_DATE) {
      PartialDate d = (PartialDate) v;
      args.add(d == null ? null : d.first());
      cols.add(col.precisionColumn());
      args.add(d == null ? null : d.precision());
    } else {
      args.add(v);
    }
  }

  private static void execute(Connection c, String sql, List<Object> args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      ps.executeUpdate();
    }
  }
}
