package org.plenary.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.plenary.openapi.Catalog;
import org.plenary.query.CollectionSpec;
import org.plenary.query.Field;

/**
 * The table model (seed/Schema, seed/Vocabulary) against the database that the Flyway migrations
 * made: every declared column exists with its type and nullability, every table has no column the
 * model does not declare, and every closed vocabulary is a CHECK constraint allowing exactly the
 * declared values. So adding a column is a migration plus one line in Schema.
 */
@QuarkusTest
class TableModelTest {
  private static final Pattern CHECK_IN =
      Pattern.compile("^CHECK \\(\\((\\w+) = ANY \\(ARRAY\\[(.*)]\\)\\)\\)$");

  /** PostgreSQL shows a one-value IN (...) as an equality. */
  private static final Pattern CHECK_EQ =
      Pattern.compile("^CHECK \\(\\((\\w+) = ('[^']*'::text)\\)\\)$");

  private static final Pattern LITERAL = Pattern.compile("'([^']*)'::text");

  @Inject AgroalDataSource dataSource;

  @Test
  void everyTableHasExactlyTheDeclaredColumns() throws SQLException {
    for (TableSpec t : Schema.TABLES) {
      Map<String, String> declared = new TreeMap<>();
      for (Column c : t.storedColumns()) {
        declared.put(c.name(), sqlType(c.type()) + (c.required() ? " not null" : ""));
      }
      declared.put("created_at", "timestamp with time zone not null");
      declared.put("updated_at", "timestamp with time zone not null");
      declared.putAll(importColumns(t.table()));
      if (t == Schema.RELEASE) {
        declared.putAll(Schema.RELEASE_PUBLICATION_COLUMNS);
      }
      Map<String, String> actual = new TreeMap<>();
      for (List<String> r :
          rows(
              "select column_name, data_type, is_nullable from information_schema.columns"
                  + " where table_schema = current_schema() and table_name = ?",
              t.table())) {
        actual.put(r.get(0), r.get(1) + (r.get(2).equals("NO") ? " not null" : ""));
      }
      assertEquals(declared, actual, "table " + t.table() + ": the model (Schema) vs the database");
    }
  }

  /**
   * The columns the import of the UN Digital Library's file adds (V4), outside the seed files'
   * model: where a row came from, and a vote's identity in the UN Digital Library.
   */
  private static Map<String, String> importColumns(String table) {
    Map<String, String> out = new TreeMap<>();
    if (Schema.IMPORTED.contains(table)) {
      out.put("origin", "text not null");
    }
    if (table.equals("vote")) {
      out.put("undl_id", "integer");
      out.put("session", "text");
      out.put("resolution", "text");
      out.put("search", "tsvector");
      // the measures computed from the tallies (V16, docs/analytics.md)
      out.put("margin", "integer");
      out.put("margin_share", "double precision");
      out.put("majority", "text");
      out.put("minority", "integer");
      out.put("division", "double precision");
      out.put("voeten_rcid", "integer");
      out.put("amend", "boolean");
      out.put("para", "boolean");
      out.put("important_vote", "boolean");
      out.put("draft", "text");
    }
    return out;
  }

  @Test
  void everyVocabularyIsACheckConstraintWithTheDeclaredValues() throws SQLException {
    for (TableSpec t : Schema.TABLES) {
      Map<String, Set<String>> checks = new LinkedHashMap<>();
      for (List<String> r :
          rows(
              "select pg_get_constraintdef(oid) from pg_constraint"
                  + " where conrelid = ?::regclass and contype = 'c'",
              t.table())) {
        Matcher m = CHECK_IN.matcher(r.get(0));
        if (!m.matches()) {
          m = CHECK_EQ.matcher(r.get(0));
        }
        if (m.matches()) {
          Set<String> values = new TreeSet<>();
          Matcher v = LITERAL.matcher(m.group(2));
          while (v.find()) {
            values.add(v.group(1));
          }
          checks.put(m.group(1), values);
        }
      }
      Map<String, Set<String>> declared = new LinkedHashMap<>();
      for (Column c : t.storedColumns()) {
        if (c.vocabulary() != null) {
          declared.put(c.name(), new TreeSet<>(c.vocabulary().terms()));
        }
      }
      if (t == Schema.RELEASE) {
        declared.put("origin", new TreeSet<>(Schema.RELEASE_ORIGINS));
      } else if (Schema.IMPORTED.contains(t.table())) {
        // the General Debate import (V17) writes its corpus's source row; layers their own
        Set<String> origins =
            new TreeSet<>(
                t == Schema.SOURCE ? Set.of("seed", "undl", "ungdc") : Set.of("seed", "undl"));
        origins.addAll(Schema.LAYER_ORIGINS);
        declared.put("origin", origins);
      }
      assertEquals(
          declared,
          checks,
          "table "
              + t.table()
              + ": the vocabularies of the model (Vocabulary) vs the database's CHECK constraints");
    }
  }

  @Test
  void everyVocabularyReachesTheApiFromTheModel() {
    Set<List<String>> shown = new java.util.HashSet<>();
    java.util.Deque<CollectionSpec> todo = new java.util.ArrayDeque<>();
    Catalog.COLLECTIONS.values().forEach(e -> todo.add(e.collection()));
    // the treaty's claims and ratifications are shown by /v1/treaty
    todo.add(org.plenary.treaty.Treaties.CLAIMS);
    todo.add(org.plenary.treaty.Treaties.RATIFICATIONS);
    Set<String> seen = new java.util.HashSet<>();
    while (!todo.isEmpty()) { // the collections and the ones they embed
      CollectionSpec c = todo.pop();
      if (!seen.add(c.name())) {
        continue;
      }
      for (Field f : c.fields()) {
        if (!f.vocabulary().isEmpty()) {
          assertEquals(Field.Type.TEXT, f.type(), c.name() + "." + f.name());
          shown.add(f.vocabulary());
        }
      }
      c.embeds().forEach(e -> todo.add(e.child()));
      c.includes().values().forEach(e -> todo.add(e.child()));
    }
    for (Vocabulary v : Vocabulary.values()) {
      assertTrue(shown.contains(v.terms()), v + " is shown by no API field (an OpenAPI enum)");
    }
  }

  private static String sqlType(Column.Type type) {
    return switch (type) {
      case TEXT -> "text";
      case INTEGER -> "integer";
      case BOOLEAN -> "boolean";
      case DATE, PARTIAL_DATE -> "date";
    };
  }

  private List<List<String>> rows(String sql, String param) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, param);
      try (ResultSet rs = ps.executeQuery()) {
        List<List<String>> out = new java.util.ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<String> row = new java.util.ArrayList<>();
          for (int i = 1; i <= n; i++) {
            row.add(rs.getString(i));
          }
          out.add(row);
        }
        return out;
      }
    }
  }
}
