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
