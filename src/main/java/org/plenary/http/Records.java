package org.plenary.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.plenary.query.CollectionSpec;
import org.plenary.query.ListQuery;
import org.plenary.query.ListQuery.Condition;
import org.plenary.query.QueryEngine;

/** Looks single records up by a field, answering a 404 problem when there is none. */
@ApplicationScoped
public class Records {
  @Inject QueryEngine engine;

  /**
   * The record of {@code c} whose {@code field} is {@code value}, with the request's include= and
   * the fields its fields= names.
   */
  public Map<String, Object> find(
      CollectionSpec c, String field, String value, Map<String, List<String>> params, String what) {
    Map<String, List<String>> asked = Parameters.record(c, params);
    Condition byKey = ListQuery.condition(c, field, "", value);
    ListQuery q = engine.parse(c, asked, List.of(byKey));
    List<Map<String, Object>> rows = engine.all(q);
    if (rows.isEmpty()) {
      throw ProblemException.notFound("No " + what + " '" + value + "'.");
    }
    return q.project(rows.get(0));
  }

  /** Throws a 404 problem unless a record of {@code c} has {@code field} = {@code value}. */
  public void requireExists(CollectionSpec c, String field, String value, String what) {
    if (!exists(c, field, value)) {
      throw ProblemException.notFound("No " + what + " '" + value + "'.");
    }
  }

  /** Whether a record of {@code c} has {@code field} = {@code value}. */
  public boolean exists(CollectionSpec c, String field, String value) {
    return engine.exists(ListQuery.all(c, List.of(ListQuery.condition(c, field, "", value))));
  }
}
