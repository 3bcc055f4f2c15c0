package org.plenary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSetMetaData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plenary.query.Jdbc;

/** Plain SQL for tests that look at or force the database's state directly. */
@ApplicationScoped
public class TestSql {
  @Inject Jdbc jdbc;
  @Inject io.agroal.api.AgroalDataSource dataSource;

  /**
   * Waits for whoever holds the publishing lock: a first start records its content checksums after
   * ready, so a test that remembers the dataset's state reads it once they are recorded.
   */
  public void awaitWriters() {
    try (java.sql.Connection c = dataSource.getConnection()) {
      org.plenary.release.Publisher.awaitWriters(c);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Each row as column name to value. */
  public List<Map<String, Object>> rows(String sql, Object... params) {
    return jdbc.list(
        sql,
        rs -> {
          ResultSetMetaData md = rs.getMetaData();
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            row.put(md.getColumnLabel(i), rs.getObject(i));
          }
          return row;
        },
        params);
  }
}
