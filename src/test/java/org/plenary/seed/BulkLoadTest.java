package org.plenary.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pg_restore-style insert of a large import: what it drops comes back under the same names and
 * definitions, and a row that breaks a foreign key is still refused, by the check made when the key
 * is created again. Each test runs in a transaction it rolls back.
 */
@QuarkusTest
class BulkLoadTest {
  @Inject AgroalDataSource dataSource;

  private static List<String> schema(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select conname || ': ' || pg_get_constraintdef(oid) from pg_constraint where"
                    + " conrelid = 'roll_call'::regclass union all select"
                    + " pg_get_indexdef(indexrelid) from pg_index where indrelid ="
                    + " 'roll_call'::regclass order by 1")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  @Test
  void everythingDroppedComesBackAsFlywayMadeIt() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        List<String> before = schema(c);
        assertTrue(before.stream().anyMatch(d -> d.contains("FOREIGN KEY")), before.toString());
        assertTrue(before.stream().anyMatch(d -> d.contains("PRIMARY KEY")), before.toString());
        BulkLoad load = BulkLoad.suspend(c, "roll_call", true).orElseThrow();
        // only the CHECK constraints stay during the insert
        assertTrue(schema(c).stream().allMatch(d -> d.contains("CHECK")), schema(c).toString());
        load.restore();
        assertEquals(before, schema(c));
      } finally {
        c.rollback();
      }
    }
  }

  @Test
  void aRowWithoutItsDelegationIsRefusedWhenTheKeyIsMadeAgain() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        BulkLoad load = BulkLoad.suspend(c, "roll_call", false).orElseThrow();
        try (Statement s = c.createStatement()) {
          s.execute(
              "insert into roll_call (vote_id, delegation_id, vote) select id, 'ZZZ', 'yes' from"
                  + " vote limit 1");
        }
        SQLException e = assertThrows(SQLException.class, load::restore);
        assertEquals("23503", e.getSQLState(), e.getMessage()); // foreign_key_violation
      } finally {
        c.rollback();
      }
    }
  }

  @Test
  void aTableTheRoleDoesNotOwnIsLeftAlone() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        // a catalog table belongs to the superuser; the service's role gets the row-by-row path
        assertTrue(BulkLoad.suspend(c, "pg_catalog.pg_description", true).isEmpty());
      } finally {
        c.rollback();
      }
    }
  }
}
