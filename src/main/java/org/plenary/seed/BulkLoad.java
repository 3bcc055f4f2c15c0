package org.plenary.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A large insert into one table the way pg_restore does it: the table's foreign keys (and, with
 * {@code indexes}, its primary key and indexes) are dropped before the insert and created again
 * after it, so each is checked or built once, set-wise, instead of row by row (at 900,000 country
 * votes the foreign-key triggers alone cost nine seconds of a twelve-second insert). The
 * definitions are read from the catalog and recreated under the same names, so the schema after
 * {@link #restore} is the one Flyway made.
 *
 * <p>Needs the table's owner (no superuser: the foreign keys are dropped, not their triggers
 * disabled). The DDL is part of the caller's transaction: a failure anywhere rolls it back with
 * everything else. From {@link #suspend} to the end of the transaction the table is locked (ACCESS
 * EXCLUSIVE): a running service's reads of it wait for the commit.
 */
public final class BulkLoad {
  private final Connection c;
  private final String table;
  private final List<String> restore = new ArrayList<>();

  private BulkLoad(Connection c, String table) {
    this.c = c;
    this.table = table;
  }

  /**
   * Drops {@code table}'s foreign keys, and its other constraints and indexes too when {@code
   * indexes}; empty (nothing dropped) when the current user does not own the table.
   */
  public static Optional<BulkLoad> suspend(Connection c, String table, boolean indexes)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select pg_has_role(relowner, 'USAGE') from pg_class where oid = ?::regclass")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || !rs.getBoolean(1)) {
          return Optional.empty();
        }
      }
    }
    BulkLoad load = new BulkLoad(c, table);
    List<String> drop = new ArrayList<>();
    List<String> foreignKeys = new ArrayList<>();
    // unique and primary-key constraints, then plain indexes, then foreign keys: the order in which
    // they are made again (a foreign key is checked with the indexes in place)
    try (PreparedStatement ps =
        c.prepareStatement(
            "select contype, quote_ident(conname), pg_get_constraintdef(oid) from pg_constraint"
                + " where conrelid = ?::regclass and (contype = 'f' or ? and contype in ('p',"
                + " 'u')) order by contype = 'f', conname")) {
      ps.setString(1, table);
      ps.setBoolean(2, indexes);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String add = "alter table " + table + " add constraint " + rs.getString(2) + " ";
          String dropIt = "alter table " + table + " drop constraint " + rs.getString(2);
          if (rs.getString(1).equals("f")) {
            foreignKeys.add(add + rs.getString(3));
            drop.add(0, dropIt); // foreign keys first
          } else {
            load.restore.add(add + rs.getString(3));
            drop.add(dropIt);
          }
        }
      }
    }
    if (indexes) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "select indexrelid::regclass::text, pg_get_indexdef(indexrelid) from pg_index i"
                  + " where indrelid = ?::regclass and not exists (select 1 from pg_constraint k"
                  + " where k.conrelid = i.indrelid and k.conindid = i.indexrelid) order by 1")) {
        ps.setString(1, table);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            drop.add("drop index " + rs.getString(1));
            load.restore.add(rs.getString(2));
          }
        }
      }
    }
    load.restore.addAll(foreignKeys);
    try (Statement s = c.createStatement()) {
      for (String sql : drop) {
        s.execute(sql);
      }
    }
    return Optional.of(load);
  }

  /** Creates again what {@link #suspend} dropped, checking every row, and analyzes the table. */
  public void restore() throws SQLException {
    restore(true);
  }

  /**
   * Creates again what {@link #suspend} dropped, checking every row; analyzes the table when {@code
   * analyze} (not when the caller analyzes it after its commit, as a dataset load does).
   */
  public void restore(boolean analyze) throws SQLException {
    try (Statement s = c.createStatement()) {
      // index builds sort in memory rather than on disk (this transaction only)
      s.execute("set local maintenance_work_mem = '256MB'");
      for (String sql : restore) {
        s.execute(sql);
      }
      if (analyze) {
        s.execute("analyze " + table);
      }
    }
  }
}
