package org.plenary.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.plenary.query.Things.PARTS;
import static org.plenary.query.Things.THINGS;
import static org.plenary.query.Things.params;
import static org.plenary.query.Things.parse;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.plenary.query.ListQuery.Condition;

/** The collection grammar, parsed without a database or a service: values, operators, refusals. */
class ListQueryTest {
  private static Condition only(String query) {
    List<Condition> conditions = parse(THINGS, query).conditions();
    assertEquals(1, conditions.size(), query);
    return conditions.get(0);
  }

  private static Condition condition(String field, Operator op, Object... values) {
    return new Condition(THINGS.field(field).orElseThrow(), op, List.of(values));
  }

  private static List<InvalidQueryException.Invalid> refusal(CollectionSpec c, String query) {
    return assertThrows(InvalidQueryException.class, () -> parse(c, query)).invalid();
  }

  private static String reason(String query) {
    List<InvalidQueryException.Invalid> invalid = refusal(THINGS, query);
    assertEquals(1, invalid.size(), query);
    return invalid.get(0).reason();
  }

  @Test
  void eachOperatorReadsItsValuesAsTheFieldsTypeSays() {
    assertEquals(condition("id", Operator.EQ, "a"), only("id=a"));
    assertEquals(condition("n", Operator.EQ, 7), only("n= 7"));
    assertEquals(condition("flag", Operator.EQ, true), only("flag=true"));
    assertEquals(condition("n", Operator.IN, 1, 2, 30), only("n__in=1,2,30"));
    assertEquals(condition("id", Operator.GTE, "m"), only("id__gte=m"));
    assertEquals(condition("note", Operator.CONTAINS, "Rights"), only("note__contains=Rights"));
    assertEquals(condition("flag", Operator.ISNULL, false), only("flag__isnull=false"));
    assertEquals(condition("note", Operator.ISNULL, true), only("note__isnull=true"));
  }

  @Test
  void aBatchOfIdsIsOneInCondition() {
    assertEquals(condition("id", Operator.IN, "a", "b", "c"), only("id=a,b,c"));
  }

  @Test
  void aDateOfReducedPrecisionMeansItsWholePeriod() {
    assertEquals(
        condition("day", Operator.BETWEEN, LocalDate.of(2024, 8, 1), LocalDate.of(2024, 8, 31)),
        only("day=2024-08"));
    assertEquals(
        condition("when", Operator.BETWEEN, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)),
        only("when=2024"));
    assertEquals(
        condition("day", Operator.BETWEEN, LocalDate.of(2024, 2, 29), LocalDate.of(2024, 2, 29)),
        only("day=2024-02-29"));
    assertEquals(condition("day", Operator.GTE, LocalDate.of(2024, 1, 1)), only("day__gte=2024"));
    assertEquals(
        condition("day", Operator.LTE, LocalDate.of(2024, 2, 29)), only("day__lte=2024-02"));
  }

  @Test
  void timestampsTakeADayOrAnInstant() {
    assertEquals(
        condition("updated_at", Operator.GTE, OffsetDateTime.parse("2026-11-01T00:00Z")),
        only("updated_since=2026-11-01"));
    assertEquals(
        condition("updated_at", Operator.LTE, OffsetDateTime.parse("2026-11-02T00:00Z")),
        only("updated_at__lte=2026-11-01"));
    assertEquals(
        condition("created_at", Operator.EQ, OffsetDateTime.parse("2026-11-01T12:00:00Z")),
        only("created_at=2026-11-01T12:00:00Z"));
  }

  @Test
  void theOperatorsOfEachKindOfField() {
    List<Operator> all =
        List.of(Operator.EQ, Operator.IN, Operator.GTE, Operator.LTE, Operator.ISNULL);
    assertEquals(java.util.Set.copyOf(all), THINGS.field("n").orElseThrow().operators());
    assertEquals(
        java.util.Set.of(Operator.EQ, Operator.ISNULL),
        THINGS.field("flag").orElseThrow().operators());
    assertEquals(
        java.util.Set.of(Operator.CONTAINS, Operator.ISNULL),
        THINGS.field("note").orElseThrow().operators());
    assertEquals(
        java.util.Set.of(
            Operator.EQ,
            Operator.IN,
            Operator.GTE,
            Operator.LTE,
            Operator.CONTAINS,
            Operator.ISNULL),
        THINGS.field("id").orElseThrow().operators());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "nope=1 | unknown parameter. Filterable fields: created_at, day, flag, id, n, note,"
            + " updated_at, when; other parameters: bom, cursor, facet, fields, format, include, limit, q,"
            + " sort, updated_since",
        "note=x | operator '=' is not available on note. Operators for note: __contains, __isnull",
        "n__foo=1 | operator 'foo' is not available on n. Operators for n: =, __gte, __in,"
            + " __isnull, __lte",
        "flag__in=true | operator 'in' is not available on flag. Operators for flag: =, __isnull",
        "day__between=2024 | operator 'between' is not available on day. Operators for day: =,"
            + " __gte, __in, __isnull, __lte",
        "n=abc | 'abc' is not a whole number",
        "flag=yes | 'yes' is not true or false",
        "flag__isnull=maybe | 'maybe' is not true or false",
        "note__contains= | needs some text to look for",
        "day=20x | '20x' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)",
        "created_at=soon | 'soon' is not a date or an ISO 8601 timestamp (2024-08-08T12:00:00Z)",
        "created_at=+10000-01-01T00:00:00Z | '+10000-01-01T00:00Z' is outside the years 1 to 9999",
        "limit=0 | limit must be between 1 and 1000 (got 0); follow links.next for more rows, or"
            + " download the CSV (format=csv) for all of them",
        "limit=x | 'x' is not a whole number from 1 to 1000",
        "sort=nope | cannot sort on 'nope'. Sortable fields: created_at, day, flag, id, n,"
            + " updated_at, when (prefix - for descending)",
        "sort=note | cannot sort on 'note'. Sortable fields: created_at, day, flag, id, n,"
            + " updated_at, when (prefix - for descending)",
        "sort=n,-n | 'n' appears twice in sort",
        "include=nope | unknown include 'nope'. Allowed: total",
        "facet=note | cannot count values of 'note'. Facets: flag, id, n",
        "q= | needs words to search for",
      })
  void aRefusedParameterIsNamedWithItsReason(String query, String reason) {
    assertEquals(reason, reason(query));
  }

  @Test
  void aBatchOfTooManyValuesIsRefused() {
    StringBuilder values = new StringBuilder("1");
    for (int i = 2; i <= 1001; i++) {
      values.append(',').append(i);
    }
    assertEquals("at most 1000 values", reason("n__in=" + values));
  }

  @Test
  void everyRefusedParameterIsReportedAtOnce() {
    assertEquals(
        List.of(
            new InvalidQueryException.Invalid(
                "limit",
                "limit must be between 1 and 1000 (got 0); follow links.next for more rows, or"
                    + " download the CSV (format=csv) for all of them"),
            new InvalidQueryException.Invalid("n", "'x' is not a whole number"),
            new InvalidQueryException.Invalid("n", "'y' is not a whole number")),
        refusal(THINGS, "limit=0&n=x&n=y"));
  }

  @Test
  void searchIsRefusedWhereTheCollectionHasNone() {
    assertEquals(
        List.of(
            new InvalidQueryException.Invalid(
                "q",
                "full-text search is not available on parts. Searchable: positions, votes,"
                    + " documents, organizations")),
        refusal(PARTS, "q=water"));
  }

  @Test
  void theOrderEndsWithTheKeySoThatItIsTotal() {
    assertEquals("-day,id", ListQuery.sortToken(parse(THINGS, "").sort()));
    assertEquals("n,id", ListQuery.sortToken(parse(THINGS, "sort=n").sort()));
    assertEquals("-id", ListQuery.sortToken(parse(THINGS, "sort=-id").sort()));
    assertEquals("size,thing_id,part", ListQuery.sortToken(parse(PARTS, "sort=size").sort()));
    assertEquals("part,thing_id", ListQuery.sortToken(parse(PARTS, "sort=part").sort()));
    // a search sorts by relevance unless told otherwise, and may sort on rank
    assertEquals("-rank,id", ListQuery.sortToken(parse(THINGS, "q=water").sort()));
    assertEquals("rank,id", ListQuery.sortToken(parse(THINGS, "q=water&sort=rank").sort()));
    assertEquals(
        "cannot sort on 'rank'. Sortable fields: created_at, day, flag, id, n, updated_at, when"
            + " (prefix - for descending)",
        reason("sort=rank"));
  }

  @Test
  void pagesAreBoundedStreamsAreNot() {
    assertEquals(ListQuery.DEFAULT_LIMIT, parse(THINGS, "").limit());
    assertEquals(1000, parse(THINGS, "limit=1000").limit());
    assertEquals(Integer.MAX_VALUE, ListQuery.parse(THINGS, params(""), List.of(), true).limit());
    assertEquals(5000, ListQuery.parse(THINGS, params("limit=5000"), List.of(), true).limit());
  }

  @Test
  void includesFacetsAndTheRepresentationsParameters() {
    ListQuery q = parse(THINGS, "include=total&facet=flag,n,flag&format=csv&bom=true");
    assertEquals(true, q.total());
    assertEquals(List.of("flag", "n"), q.facets().stream().map(Field::name).toList());
    assertEquals(List.of(), q.conditions());
  }

  @Test
  void thePathsOwnFilterComesFirst() {
    Condition fixed = ListQuery.condition(PARTS, "thing_id", Operator.EQ, "a");
    ListQuery q = ListQuery.parse(PARTS, params("size__gte=3"), List.of(fixed));
    assertEquals(
        List.of(
            new Condition(PARTS.field("thing_id").orElseThrow(), Operator.EQ, List.of("a")),
            new Condition(PARTS.field("size").orElseThrow(), Operator.GTE, List.of(3))),
        q.conditions());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "water | 1",
        "human rights | 2",
        "\"human rights\" council | 2",
        "-water or land | 3",
        "'' | 0",
        "\"unclosed phrase | 1",
      })
  void theTermsOfASearch(String q, int terms) {
    assertEquals(terms, ListQuery.terms(q));
  }
}
