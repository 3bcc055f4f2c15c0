package org.plenary.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts the values of facet fields over a query's whole filter (meta.facets). */
@ApplicationScoped
class Facets {
  @Inject Jdbc jdbc;

  /**
   * For each facet field, its values and how many matching records have each (whatever the page),
   * most frequent first, at most ListQuery.MAX_FACET_VALUES of them: one query per facet.
   */
  Map<String, Object> facets(Connection c, ListQuery q) throws SQLException {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Field f : q.facets()) {
      SqlBuilder.Sql sql = SqlBuilder.facet(q, f);
      List<Map<String, Object>> values = new ArrayList<>();
      try (PreparedStatement ps = jdbc.prepare(c, sql.text())) {
        sql.bind(c, ps);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("value", rs.getObject(1));
            v.put("count", rs.getLong(2));
            values.add(v);
          }
        }
      }
      boolean truncated = values.size() > ListQuery.MAX_FACET_VALUES;
      Map<String, Object> facet = new LinkedHashMap<>();
      facet.put("values", truncated ? values.subList(0, ListQuery.MAX_FACET_VALUES) : values);
      facet.put("truncated", truncated);
      out.put(f.name(), facet);
    }
    return out;
  }
}
