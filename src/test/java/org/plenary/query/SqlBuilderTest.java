package org.plenary.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.plenary.query.Things.PARTS;
import static org.plenary.query.Things.THINGS;
import static org.plenary.query.Things.parse;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plenary.query.SqlBuilder.Sql;

/**
 * The SQL of a parsed query, without a database: each operator's condition with its bound values,
 * and the keyset condition after a cursor (a row-value comparison where the rest of the order is
 * the key in one direction, an index-bounded expansion before that, nulls sorting last).
 */
class SqlBuilderTest {
  private static final LocalDate DAY = LocalDate.of(2024, 1, 2);

  /** The query {@code query} on {@code c}, after a cursor holding {@code values}. */
  private static ListQuery after(CollectionSpec c, String query, String... values) {
    ListQuery first = parse(c, query);
    String cursor =
        Cursor.PROCESS.encode(c.name(), ListQuery.sortToken(first.sort()), Arrays.asList(values));
    return parse(c, query.isEmpty() ? "cursor=" + cursor : query + "&cursor=" + cursor);
  }

  @Test
  void aPageSelectsTheFieldsInOrderWithOneRowBeyondThePage() {
    assertEquals(
        new Sql(
            "select p.thing_id, p.part, p.size from part p order by p.thing_id asc nulls last,"
                + " p.part asc nulls last limit 101",
            List.of()),
        SqlBuilder.select(parse(PARTS, ""), true));
    assertEquals(
        new Sql(
            "select p.thing_id, p.part, p.size from part p order by p.size desc nulls first,"
                + " p.thing_id asc nulls last, p.part asc nulls last",
            List.of()),
        SqlBuilder.select(parse(PARTS, "sort=-size"), false));
  }

  @Test
  void timestampsAreFormattedByPostgresqlAndPartialDatesCarryTheirPrecision() {
    String sql = SqlBuilder.select(parse(THINGS, "limit=5"), true).text();
    assertEquals(
        "select t.id, t.n, t.flag, t.day, t.when_date, t.when_precision, t.note, to_char(t.created_at"
            + " at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), to_char(t.updated_at at"
            + " time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') from thing t order by t.day"
            + " desc nulls first, t.id asc nulls last limit 6",
        sql);
  }

  @Test
  void eachOperatorIsItsConditionWithBoundValues() {
    ListQuery q =
        parse(
            THINGS,
            "id=a,b&n__gte=3&n__lte=9&note__contains=x&flag__isnull=true&day=2024&flag=false");
    assertEquals(
        new Sql(
            " where t.id = any(?) and t.n >= ? and t.n <= ? and strpos(lower(t.note), lower(?)) > 0"
                + " and t.flag is null and t.day between ? and ? and t.flag = ?",
            List.of(
                List.of("a", "b"),
                3,
                9,
                "x",
                LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 12, 31),
                false)),
        SqlBuilder.where(q, false));
  }

  @Test
  void aSearchBindsItsWordsBeforeTheFilters() {
    ListQuery q = parse(THINGS, "q=water&n=1");
    assertEquals(
        "thing t cross join (select websearch_to_tsquery('english', ?) as query) fts",
        SqlBuilder.from(q));
    assertEquals(
        new Sql(" where (t.search) @@ fts.query and t.n = ?", List.of("water", 1)),
        SqlBuilder.where(q, false));
  }

  @Test
  void afterACursorOnTheKeyOneRowValueComparison() {
    assertEquals(
        new Sql(" where ((p.thing_id, p.part) > (?, ?))", List.of("a", "x")),
        SqlBuilder.where(after(PARTS, "", "a", "x"), true));
    assertEquals(
        new Sql(" where ((t.id) < (?))", List.of("b")),
        SqlBuilder.where(after(THINGS, "sort=-id", "b"), true));
    // the keyset applies to pages only: a count from the start ignores it
    assertEquals(new Sql("", List.of()), SqlBuilder.where(after(PARTS, "", "a", "x"), false));
  }

  @Test
  void afterACursorOnADescendingFieldTheIndexBoundsTheScan() {
    assertEquals(
        new Sql(
            " where (t.day <= ? and (t.day < ? or (t.day = ? and ((t.id) > (?)))))",
            List.of(DAY, DAY, DAY, "b")),
        SqlBuilder.where(after(THINGS, "", "2024-01-02", "b"), true));
    // the key in two directions: no single row comparison covers it
    assertEquals(
        new Sql(
            " where (p.thing_id <= ? and (p.thing_id < ? or (p.thing_id = ? and ((p.part) > (?)))))",
            List.of("a", "a", "a", "x")),
        SqlBuilder.where(after(PARTS, "sort=-thing_id", "a", "x"), true));
  }

  @Test
  void afterACursorOnAnAscendingFieldNullsComeLast() {
    assertEquals(
        new Sql(
            " where ((p.size > ? or p.size is null) or (p.size = ? and ((p.thing_id, p.part) > (?,"
                + " ?))))",
            List.of(3, 3, "a", "x")),
        SqlBuilder.where(after(PARTS, "sort=size", "3", "a", "x"), true));
    assertEquals(
        new Sql(
            " where (false or (p.size is null and ((p.thing_id, p.part) > (?, ?))))",
            List.of("a", "x")),
        SqlBuilder.where(after(PARTS, "sort=size", null, "a", "x"), true));
  }

  @Test
  void afterACursorOnADescendingFieldNullsComeFirst() {
    assertEquals(
        new Sql(
            " where (p.size is not null or (p.size is null and ((p.thing_id, p.part) > (?, ?))))",
            List.of("a", "x")),
        SqlBuilder.where(after(PARTS, "sort=-size", null, "a", "x"), true));
  }

  @Test
  void filtersAndTheKeysetCombine() {
    assertEquals(
        new Sql(" where p.size >= ? and ((p.thing_id, p.part) > (?, ?))", List.of(2, "a", "x")),
        SqlBuilder.where(after(PARTS, "size__gte=2", "a", "x"), true));
  }

  @Test
  void aCursorWhoseValueDoesNotFitTheFieldIsRefused() {
    ListQuery q = after(PARTS, "sort=size", "big", "a", "x");
    InvalidQueryException e =
        assertThrows(InvalidQueryException.class, () -> SqlBuilder.where(q, true));
    assertEquals(
        List.of(
            new InvalidQueryException.Invalid(
                "cursor", "Invalid cursor: it does not match this query's order.")),
        e.invalid());
  }

  @Test
  void countExistsAndFacets() {
    ListQuery q = parse(PARTS, "size__lte=4");
    assertEquals(
        new Sql("select count(*) from part p where p.size <= ?", List.of(4)),
        SqlBuilder.count(q, false));
    assertEquals(
        new Sql("select 1 from part p where p.size <= ? limit 1", List.of(4)),
        SqlBuilder.exists(q));
    assertEquals(
        new Sql(
            "select p.thing_id as value, count(*) as n from part p where p.size <= ? group by 1"
                + " order by 2 desc, 1 asc nulls last limit 101",
            List.of(4)),
        SqlBuilder.facet(q, PARTS.field("thing_id").orElseThrow()));
  }
}
