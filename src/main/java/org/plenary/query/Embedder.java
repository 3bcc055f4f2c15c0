package org.plenary.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.plenary.query.CollectionSpec.Embed;
import org.plenary.query.ListQuery.Condition;

/** Nests each record's embedded collections (sources, roll calls, members, ...). */
@ApplicationScoped
class Embedder {
  @Inject Jdbc jdbc;

  /** Attaches embedded collections: one query per embed, whatever the number of rows. */
  void embed(
      Connection c, CollectionSpec parent, List<Map<String, Object>> rows, Set<String> includes)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    List<Embed> embeds = new ArrayList<>(parent.embeds());
    for (String inc : includes) {
      embeds.add(parent.includes().get(inc));
    }
    for (Embed e : embeds) {
      Set<String> keys = new LinkedHashSet<>();
      for (Map<String, Object> r : rows) {
        Object v = r.get(e.parentField());
        if (v != null) {
          keys.add(v.toString());
        }
      }
      Map<String, List<Map<String, Object>>> byParent = new LinkedHashMap<>();
      if (!keys.isEmpty()) {
        List<Condition> conds = new ArrayList<>();
        Field childField = e.child().field(e.childField()).orElseThrow();
        conds.add(new Condition(childField, Operator.KEYS, new ArrayList<>(keys)));
        for (var f : e.fixed().entrySet()) {
          conds.add(
              new Condition(
                  e.child().field(f.getKey()).orElseThrow(), Operator.EQ, List.of(f.getValue())));
        }
        ListQuery childQuery = ListQuery.all(e.child(), conds);
        List<Map<String, Object>> children =
            jdbc.fetch(c, childQuery, SqlBuilder.select(childQuery, false), false);
        embed(c, e.child(), children, Set.of());
        for (Map<String, Object> child : children) {
          String k = String.valueOf(child.get(e.childField()));
          for (String omit : e.omit()) {
            child.remove(omit);
          }
          byParent.computeIfAbsent(k, x -> new ArrayList<>()).add(child);
        }
      }
      for (Map<String, Object> r : rows) {
        Object v = r.get(e.parentField());
        r.put(e.name(), v == null ? List.of() : byParent.getOrDefault(v.toString(), List.of()));
      }
    }
  }
}
