package org.plenary.query;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plenary.position.Positions;

/**
 * q= ranks and highlights only what the page needs: in the plan PostgreSQL runs for the engine's
 * own SQL, nothing below the sort computes a snippet ({@code ts_headline}), and with an order other
 * than rank nothing below it computes the rank ({@code ts_rank_cd}) either; both are evaluated
 * above the sort, for the rows of the page alone. Only {@code sort=-rank} ranks every match, as
 * finding the best matches requires.
 */
@QuarkusTest
class SearchPlanTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject AgroalDataSource dataSource;

  @Test
  void anotherOrderRanksAndHighlightsOnlyThePage() throws Exception {
    List<JsonNode> sorts = sortNodes(plan(Map.of("q", List.of("rights"), "sort", List.of("date"))));
    assertFalse(sorts.isEmpty(), "the page is ordered by a sort");
    for (JsonNode sort : sorts) {
      String below = below(sort);
      assertFalse(below.contains("ts_rank_cd"), "no rank is computed below the sort: " + below);
      assertFalse(below.contains("ts_headline"), "no snippet is computed below the sort");
    }
  }

  @Test
  void theRankOrderRanksEveryMatchButHighlightsOnlyThePage() throws Exception {
    JsonNode plan = plan(Map.of("q", List.of("rights")));
    List<JsonNode> sorts = sortNodes(plan);
    assertFalse(sorts.isEmpty(), "the page is ordered by a sort");
    for (JsonNode sort : sorts) {
      String below = below(sort);
      assertTrue(below.contains("ts_rank_cd"), "the rank is the sort key");
      assertFalse(below.contains("ts_headline"), "no snippet is computed below the sort");
    }
    assertTrue(plan.toString().contains("ts_headline"), "the snippet is computed above the sort");
  }

  private JsonNode plan(Map<String, List<String>> params) throws Exception {
    ListQuery q = ListQuery.parse(Positions.POSITIONS, params, List.of());
    SqlBuilder.Sql sql = SqlBuilder.select(q, true);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("explain (verbose, format json) " + sql.text())) {
      sql.bind(c, ps);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return JSON.readTree(rs.getString(1)).get(0).get("Plan");
      }
    }
  }

  private static List<JsonNode> sortNodes(JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    if ("Sort".equals(node.path("Node Type").asText())) {
      out.add(node);
    }
    for (JsonNode child : node.path("Plans")) {
      out.addAll(sortNodes(child));
    }
    return out;
  }

  /** Everything the sort node and the nodes under it output or filter on, as text. */
  private static String below(JsonNode sort) {
    return sort.toString();
  }
}
