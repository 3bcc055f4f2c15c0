package org.plenary.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plenary.position.Positions;

/**
 * The read engine's settings are one mapping ({@link QueryLimits}, plenary.limits.*) injected where
 * they are used: the statement budget's timeout, and the bounds of q= that {@link
 * QueryEngine#parse} applies; {@link ListQuery#parse} with other bounds applies those.
 */
@QuarkusTest
class QueryLimitsTest {
  @Inject QueryLimits limits;
  @Inject QueryEngine engine;

  private static String reason(Runnable parse) {
    InvalidQueryException e = assertThrows(InvalidQueryException.class, parse::run);
    assertEquals(1, e.invalid().size(), e.invalid().toString());
    assertEquals("q", e.invalid().get(0).name());
    return e.invalid().get(0).reason();
  }

  @Test
  void theDefaultsAreInjected() {
    assertEquals(Duration.ofSeconds(5), limits.statementTimeout());
    assertEquals(256, limits.searchLength());
    assertEquals(16, limits.searchTerms());
    assertEquals(
        new ListQuery.SearchBounds(256, 16), ListQuery.SearchBounds.DEFAULT, "one declaration");
  }

  @Test
  void theEngineParsesWithTheConfiguredBounds() {
    String longest = "a".repeat(256);
    assertEquals(
        longest,
        engine.parse(Positions.POSITIONS, Map.of("q", List.of(longest)), List.of()).search());
    assertEquals(
        "at most 256 characters (got 257); search for fewer words",
        reason(
            () ->
                engine.parse(Positions.POSITIONS, Map.of("q", List.of(longest + "a")), List.of())));
    String words = "a b c d e f g h i j k l m n o p q";
    assertEquals(
        "at most 16 words, phrases or exclusions (got 17)",
        reason(() -> engine.parse(Positions.POSITIONS, Map.of("q", List.of(words)), List.of())));
  }

  @Test
  void otherBoundsAreApplied() {
    ListQuery.SearchBounds small = new ListQuery.SearchBounds(10, 2);
    assertEquals(
        "at most 10 characters (got 11); search for fewer words",
        reason(
            () ->
                ListQuery.parse(
                    Positions.POSITIONS,
                    Map.of("q", List.of("human right")),
                    List.of(),
                    false,
                    small)));
    assertEquals(
        "at most 2 words, phrases or exclusions (got 3)",
        reason(
            () ->
                ListQuery.parse(
                    Positions.POSITIONS, Map.of("q", List.of("a b c")), List.of(), false, small)));
  }
}
