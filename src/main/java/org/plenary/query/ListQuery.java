package org.plenary.query;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.plenary.query.CollectionSpec.Sort;
import org.plenary.seed.PartialDate;

/**
 * A request on a collection, parsed and checked against the collection's whitelist. The grammar
 * (the same everywhere): {@code field=value}, {@code field__in=a,b}, {@code field__gte=}, {@code
 * field__lte=}, {@code field__contains=}, {@code field__isnull=true|false}, {@code sort=-date,id},
 * {@code limit}, {@code cursor}, {@code include=}, {@code updated_since=}.
 */
public final class ListQuery {
  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;
  private static final int MAX_IN_VALUES = 1000;
  static final Set<String> RESERVED =
      Set.of(
          "limit",
          "cursor",
          "sort",
          "include",
          "updated_since",
          "format",
          "bom",
          "q",
          "facet",
          "fields");
  public static final int MAX_FACET_VALUES = 100;

  /** The bounds of q=: its longest length in characters and its most terms. */
  public record SearchBounds(int length, int terms) {
    /** The defaults of {@link QueryLimits}. */
    public static final SearchBounds DEFAULT =
        new SearchBounds(
            Integer.parseInt(QueryLimits.SEARCH_LENGTH),
            Integer.parseInt(QueryLimits.SEARCH_TERMS));

    /** The configured bounds. */
    static SearchBounds of(QueryLimits limits) {
      return new SearchBounds(limits.searchLength(), limits.searchTerms());
    }
  }

  /** One filter: field OP values. Dates are expanded to the range they denote. */
  public record Condition(Field field, Operator op, List<Object> values) {}

  private final CollectionSpec collection;
  private final List<Condition> conditions;
  private final List<Sort> sort;
  private final int limit;
  private final List<String> after;
  private final boolean total;
  private final Set<String> includes;
  private final String search;
  private final List<Field> facets;
  private final ListQuery scope;
  private final Map<String, Integer> arguments;
  private final List<String> select;

  private ListQuery(
      CollectionSpec collection,
      List<Condition> conditions,
      List<Sort> sort,
      int limit,
      List<String> after,
      boolean total,
      Set<String> includes,
      String search,
      List<Field> facets,
      ListQuery scope,
      Map<String, Integer> arguments,
      List<String> select) {
    this.collection = collection;
    this.conditions = conditions;
    this.sort = sort;
    this.limit = limit;
    this.after = after;
    this.total = total;
    this.includes = includes;
    this.search = search;
    this.facets = facets;
    this.scope = scope;
    this.arguments = arguments;
    this.select = select;
  }

  /** Every record matching {@code conditions}, in the default order: for embeds and lookups. */
  public static ListQuery all(CollectionSpec c, List<Condition> conditions) {
    return new ListQuery(
        c,
        conditions,
        withKey(c, c.defaultSort()),
        Integer.MAX_VALUE,
        null,
        false,
        Set.of(),
        null,
        List.of(),
        c.scope() == null ? null : all(c.scope(), List.of()),
        defaults(c),
        null);
  }

  private static Map<String, Integer> defaults(CollectionSpec c) {
    Map<String, Integer> out = new java.util.LinkedHashMap<>();
    c.arguments().forEach(a -> out.put(a.name(), a.defaultValue()));
    return out;
  }

  /**
   * Parses query parameters with the default bounds of q= (the service parses through {@link
   * QueryEngine#parse}, with the configured ones). {@code fixed} are the path's own filters (e.g.
   * the vote of /v1/votes/{id}/roll-call). Every refused parameter is reported at once, as a 400.
   */
  public static ListQuery parse(
      CollectionSpec c, Map<String, List<String>> params, List<Condition> fixed) {
    return parse(c, params, fixed, false, SearchBounds.DEFAULT);
  }

  /**
   * As {@link #parse}; when {@code stream} (CSV, NDJSON), every matching row is read unless an
   * explicit limit is given, and that limit has no maximum.
   */
  public static ListQuery parse(
      CollectionSpec c, Map<String, List<String>> params, List<Condition> fixed, boolean stream) {
    return parse(c, params, fixed, stream, SearchBounds.DEFAULT);
  }

  /** As {@link #parse}, with {@code bounds} on q=. */
  public static ListQuery parse(
      CollectionSpec c,
      Map<String, List<String>> params,
      List<Condition> fixed,
      boolean stream,
      SearchBounds bounds) {
    return parse(c, params, fixed, stream, bounds, Cursor.PROCESS);
  }

  /** As {@link #parse}, with {@code bounds} on q=, checking a cursor= with {@code cursors}. */
  public static ListQuery parse(
      CollectionSpec c,
      Map<String, List<String>> params,
      List<Condition> fixed,
      boolean stream,
      SearchBounds bounds,
      Cursor cursors) {
    int searchLength = bounds.length();
    int searchTerms = bounds.terms();
    List<InvalidQueryException.Invalid> bad = new ArrayList<>();
    List<Condition> conditions = new ArrayList<>(fixed);
    int limit = stream ? Integer.MAX_VALUE : DEFAULT_LIMIT;
    List<Sort> sort = c.defaultSort();
    String cursor = null;
    boolean total = false;
    Set<String> includes = new LinkedHashSet<>();
    String search = null;
    List<Field> facets = new ArrayList<>();
    List<String> select = null;
    boolean sortGiven = params.containsKey("sort");
    List<String> q = params.get("q");
    Map<String, List<String>> scopeParams = new java.util.LinkedHashMap<>();
    Map<String, Integer> arguments = defaults(c);
    if (q != null
        && c.searchVector() == null
        && c.scope() != null
        && c.scope().searchVector() != null) {
      // an aggregate over the records a search finds: the search chooses them
      scopeParams.put("q", q);
      q = null;
    }
    if (q != null) {
      String value = q.get(q.size() - 1);
      if (c.searchVector() == null) {
        bad.add(
            new InvalidQueryException.Invalid(
                "q",
                "full-text search is not available on "
                    + c.name()
                    + ". Searchable: positions, votes, documents, organizations"));
      } else if (value.isBlank()) {
        bad.add(new InvalidQueryException.Invalid("q", "needs words to search for"));
      } else if (value.length() > searchLength) {
        bad.add(
            new InvalidQueryException.Invalid(
                "q",
                "at most "
                    + searchLength
                    + " characters (got "
                    + value.length()
                    + "); search for fewer words"));
      } else if (terms(value) > searchTerms) {
        bad.add(
            new InvalidQueryException.Invalid(
                "q",
                "at most "
                    + searchTerms
                    + " words, phrases or exclusions (got "
                    + terms(value)
                    + ")"));
      } else {
        search = value;
        if (!sortGiven) {
          sort = List.of(new Sort(c.searchFields().get(0), true));
        }
      }
    }
    final String searching = search;

    for (var entry : params.entrySet()) {
      String name = entry.getKey();
      for (String value : entry.getValue()) {
        try {
          switch (name) {
            case "limit" -> limit = parseLimit(value, stream ? Integer.MAX_VALUE : MAX_LIMIT);
            case "q" -> {
              // parsed above, or a filter of the scope
            }
            case "facet" -> {
              for (String facet : value.split(",", -1)) {
                Field f = c.field(facet).filter(Field::facetable).orElse(null);
                if (f == null && c.tagFilters().containsKey(facet)) {
                  f = c.tagFilters().get(facet).facetField();
                }
                if (f == null) {
                  throw new IllegalArgumentException(
                      "cannot count values of '"
                          + facet
                          + "'. Facets: "
                          + allowed(
                              java.util.stream.Stream.concat(
                                      c.fields().stream().filter(Field::facetable).map(Field::name),
                                      c.tagFilters().keySet().stream())
                                  .distinct()
                                  .toList()));
                }
                if (facets.stream().noneMatch(x -> x.name().equals(facet))) {
                  facets.add(f);
                }
              }
            }
            case "format", "bom" -> {
              // the representation: chosen by Responder
            }
            case "cursor" -> cursor = value;
            case "fields" -> select = parseSelect(c, value, searching != null);
            case "sort" -> sort = parseSort(c, value, searching != null);
            case "include" -> {
              for (String inc : value.split(",", -1)) {
                if (inc.equals("total")) {
                  total = true;
                } else if (c.includes().containsKey(inc)) {
                  includes.add(inc);
                } else {
                  throw new IllegalArgumentException(
                      "unknown include '" + inc + "'. Allowed: " + allowed(includeNames(c)));
                }
              }
            }
            case "updated_since" -> conditions.add(condition(c, "updated_at", Operator.GTE, value));
            default -> {
              CollectionSpec.Argument argument = c.argument(name).orElse(null);
              CollectionSpec.TagFilter tag = c.tagFilters().get(name);
              if (argument != null) {
                arguments.put(name, parseArgument(argument, value));
              } else if (tag != null) {
                conditions.add(tagCondition(tag, value));
              } else if (inScope(c, name)) {
                scopeParams.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
              } else {
                conditions.add(parseFilter(c, name, value));
              }
            }
          }
        } catch (IllegalArgumentException e) {
          bad.add(new InvalidQueryException.Invalid(name, e.getMessage()));
        }
      }
    }
    ListQuery scope = null;
    if (c.scope() != null) {
      try {
        scope = parse(c.scope(), scopeParams, List.of());
      } catch (InvalidQueryException e) {
        bad.addAll(e.invalid());
      }
    }
    List<Sort> fullSort = withKey(c, sort);
    List<String> after = null;
    if (bad.isEmpty() && cursor != null) {
      after = cursors.decode(cursor, c.name(), sortToken(fullSort), fullSort.size());
    }
    if (!bad.isEmpty()) {
      throw new InvalidQueryException(bad);
    }
    return new ListQuery(
        c,
        conditions,
        fullSort,
        limit,
        after,
        total,
        includes,
        search,
        facets,
        scope,
        arguments,
        select == null ? null : withIncludes(select, includes));
  }

  /**
   * fields=a,b: the names of the fields (and embedded lists) each record shows, in that order; each
   * one of the collection's (rank and snippet too when searching), given once.
   */
  private static List<String> parseSelect(CollectionSpec c, String value, boolean searching) {
    List<String> names = selectable(c, searching);
    Set<String> out = new LinkedHashSet<>();
    for (String name : value.split(",", -1)) {
      if (name.isEmpty()) {
        throw new IllegalArgumentException(
            "needs field names, comma-separated (an empty one in '" + value + "')");
      }
      if (c.includes().containsKey(name)) {
        throw new IllegalArgumentException(
            "'" + name + "' is embedded by include=" + name + " (it then follows the fields)");
      }
      if (!names.contains(name)) {
        throw new IllegalArgumentException(
            "unknown field '" + name + "'. Fields: " + allowed(names));
      }
      out.add(name);
    }
    return List.copyOf(out);
  }

  /**
   * What fields= may name: the collection's fields, rank and snippet when {@code searching}, then
   * its embedded lists.
   */
  public static List<String> selectable(CollectionSpec c, boolean searching) {
    List<String> names = new ArrayList<>(c.fields().stream().map(Field::name).toList());
    if (searching) {
      c.searchFields().forEach(f -> names.add(f.name()));
    }
    c.embeds().forEach(e -> names.add(e.name()));
    return names;
  }

  /** The fields asked for, then the lists include= asked for (fields= cannot name them). */
  private static List<String> withIncludes(List<String> select, Set<String> includes) {
    List<String> out = new ArrayList<>(select);
    out.addAll(includes);
    return List.copyOf(out);
  }

  /**
   * Whether parameter {@code param} filters the records an aggregated collection is computed over:
   * a filter of its scope's fields (date__gte, session, ...) that is not one of its own fields.
   */
  private static boolean inScope(CollectionSpec c, String param) {
    if (c.scope() == null) {
      return false;
    }
    int sep = param.indexOf("__");
    String name = sep < 0 ? param : param.substring(0, sep);
    return c.field(name).isEmpty()
        && (c.scope().field(name).filter(Field::filterable).isPresent()
            || (sep < 0 && c.scope().tagFilters().containsKey(name)));
  }

  private static int parseArgument(CollectionSpec.Argument a, String value) {
    int n;
    try {
      n = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + value + "' is not a whole number from " + a.min() + " to " + a.max());
    }
    if (n < a.min() || n > a.max()) {
      throw new IllegalArgumentException(
          a.name() + " must be between " + a.min() + " and " + a.max() + " (got " + value + ")");
    }
    return n;
  }

  /** name=a,b: records tagged with any of the values (at most MAX_IN_VALUES). */
  static Condition tagCondition(CollectionSpec.TagFilter tag, String value) {
    String[] parts = value.split(",", -1);
    if (parts.length > MAX_IN_VALUES) {
      throw new IllegalArgumentException("at most " + MAX_IN_VALUES + " values");
    }
    java.util.Set<Object> values = new java.util.LinkedHashSet<>();
    for (String p : parts) {
      if (p.isEmpty()) {
        throw new IllegalArgumentException(
            "needs a value: one, or several comma-separated (any of them)");
      }
      if (tag.expand() == null) {
        values.add(p);
      } else {
        values.addAll(tag.expand().apply(p));
      }
    }
    return new Condition(tag.field(), Operator.TAG, new ArrayList<>(values));
  }

  /** The terms of a web-search query: words, "quoted phrases" (one each), -exclusions, or. */
  static int terms(String value) {
    int n = 0;
    boolean quoted = false;
    boolean inTerm = false;
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch == '"') {
        if (!quoted) {
          n++;
        }
        quoted = !quoted;
        inTerm = false;
      } else if (quoted) {
        continue;
      } else if (Character.isLetterOrDigit(ch)) {
        if (!inTerm) {
          n++;
          inTerm = true;
        }
      } else {
        inTerm = false;
      }
    }
    return n;
  }

  /** A date PostgreSQL and the cursors can hold (years 1 to 9999), else a 400. */
  static LocalDate inRange(LocalDate d) {
    if (d.getYear() < 1 || d.getYear() > 9999) {
      throw new IllegalArgumentException("'" + d + "' is outside the years 1 to 9999");
    }
    return d;
  }

  /** A timestamp PostgreSQL and the cursors can hold (years 1 to 9999), else a 400. */
  static OffsetDateTime inRange(OffsetDateTime t) {
    int year = t.withOffsetSameInstant(ZoneOffset.UTC).getYear();
    if (year < 1 || year > 9999) {
      throw new IllegalArgumentException("'" + t + "' is outside the years 1 to 9999");
    }
    return t;
  }

  private static int parseLimit(String value, int max) {
    int n;
    try {
      n = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + value + "' is not a whole number from 1 to " + max);
    }
    if (n < 1 || n > max) {
      throw new IllegalArgumentException(
          "limit must be between 1 and "
              + max
              + " (got "
              + value
              + "); follow links.next for more rows, or download the CSV (format=csv) for all of them");
    }
    return n;
  }

  private static List<Sort> parseSort(CollectionSpec c, String value, boolean searching) {
    List<Sort> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String token : value.split(",", -1)) {
      boolean desc = token.startsWith("-");
      String name = desc ? token.substring(1) : token;
      Field f =
          c.field(name)
              .filter(Field::sortable)
              .or(
                  () ->
                      searching
                          ? c.searchFields().stream()
                              .filter(x -> x.name().equals(name) && x.sortable())
                              .findFirst()
                          : java.util.Optional.empty())
              .orElse(null);
      if (f == null) {
        throw new IllegalArgumentException(
            "cannot sort on '"
                + name
                + "'. Sortable fields: "
                + allowed(c.fields().stream().filter(Field::sortable).map(Field::name).toList())
                + " (prefix - for descending)");
      }
      if (!seen.add(name)) {
        throw new IllegalArgumentException("'" + name + "' appears twice in sort");
      }
      out.add(new Sort(f, desc));
    }
    return out;
  }

  /** The order with the key fields appended, so that it is total and pages are stable. */
  static List<Sort> withKey(CollectionSpec c, List<Sort> sort) {
    List<Sort> out = new ArrayList<>(sort);
    for (String k : c.key()) {
      if (out.stream().noneMatch(s -> s.field().name().equals(k))) {
        out.add(c.asc(k));
      }
    }
    return out;
  }

  public static String sortToken(List<Sort> sort) {
    return sort.stream().map(Sort::token).collect(Collectors.joining(","));
  }

  private static Condition parseFilter(CollectionSpec c, String param, String value) {
    int sep = param.indexOf("__");
    String name = sep < 0 ? param : param.substring(0, sep);
    String suffix = sep < 0 ? "" : param.substring(sep + 2);
    return condition(c, name, suffix, value, param);
  }

  /**
   * The condition {@code name__suffix=value} (the operator named as a parameter names it: {@code
   * ""} for equality), checked as a request's is.
   */
  public static Condition condition(CollectionSpec c, String name, String suffix, String value) {
    return condition(c, name, suffix, value, suffix.isEmpty() ? name : name + "__" + suffix);
  }

  /** The condition {@code name OP value}, checked as a request's is. */
  public static Condition condition(CollectionSpec c, String name, Operator op, String value) {
    return condition(c, name, op.suffix(), value);
  }

  private static Condition condition(
      CollectionSpec c, String name, String suffix, String value, String param) {
    Field f = c.field(name).filter(Field::filterable).orElse(null);
    if (f == null) {
      List<String> fields = c.fields().stream().filter(Field::filterable).map(Field::name).toList();
      Set<String> others = new TreeSet<>(RESERVED);
      c.arguments().forEach(a -> others.add(a.name()));
      c.tagFilters().keySet().stream().filter(t -> c.field(t).isEmpty()).forEach(others::add);
      throw new IllegalArgumentException(
          "unknown parameter. Filterable fields: "
              + allowed(fields)
              + (c.scope() == null
                  ? ""
                  : "; filters of the "
                      + c.scope().name()
                      + " counted: "
                      + allowed(
                          java.util.stream.Stream.concat(
                                  c.scope().fields().stream()
                                      .filter(Field::filterable)
                                      .map(Field::name),
                                  c.scope().tagFilters().keySet().stream())
                              .filter(n -> c.field(n).isEmpty())
                              .distinct()
                              .toList()))
              + "; other parameters: "
              + allowed(others));
    }
    Operator op = Operator.ofSuffix(suffix);
    if (op == null || !f.operators().contains(op)) {
      throw new IllegalArgumentException(
          "operator '"
              + (suffix.isEmpty() ? "=" : suffix)
              + "' is not available on "
              + name
              + ". Operators for "
              + name
              + ": "
              + allowed(f.operators().stream().map(Operator::form).toList()));
    }
    return switch (op) {
      case ISNULL -> {
        if (!value.equals("true") && !value.equals("false")) {
          throw new IllegalArgumentException("'" + value + "' is not true or false");
        }
        yield new Condition(f, op, List.of(Boolean.parseBoolean(value)));
      }
      case CONTAINS -> {
        if (value.isEmpty()) {
          throw new IllegalArgumentException("needs some text to look for");
        }
        yield new Condition(f, op, List.of(value));
      }
      case IN -> {
        String[] parts = value.split(",", -1);
        if (parts.length > MAX_IN_VALUES) {
          throw new IllegalArgumentException("at most " + MAX_IN_VALUES + " values");
        }
        List<Object> values = new ArrayList<>();
        for (String p : parts) {
          values.add(parseValue(f, p, false));
        }
        yield new Condition(f, op, values);
      }
      case GTE -> new Condition(f, op, List.of(parseValue(f, value, false)));
      case LTE -> new Condition(f, op, List.of(parseValue(f, value, true)));
      case EQ, BETWEEN -> {
        // id=a,b,c reads a batch of records by id.
        if (name.equals("id") && c.key().equals(List.of("id")) && value.contains(",")) {
          yield condition(c, name, Operator.IN.suffix(), value, param);
        }
        if (f.type() == Field.Type.DATE || f.type() == Field.Type.PARTIAL_DATE) {
          // a date of reduced precision means its whole period: date=2024-08 is all of August
          yield new Condition(
              f,
              Operator.BETWEEN,
              List.of(parseValue(f, value, false), parseValue(f, value, true)));
        }
        yield new Condition(f, Operator.EQ, List.of(parseValue(f, value, false)));
      }
        // no parameter names it (Operator.ofSuffix never returns it): tag filters are parsed apart
      case TAG -> throw new IllegalStateException("a tag filter is not parsed as a field filter");
        // no parameter names it either: only the embedder makes it
      case KEYS -> throw new IllegalStateException("an embed's keys are not parsed from a request");
    };
  }

  /** A typed value; for dates, the first day of the period (or its last day, when {@code end}). */
  private static Object parseValue(Field f, String value, boolean end) {
    switch (f.type()) {
      case INTEGER -> {
        try {
          return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("'" + value + "' is not a whole number");
        }
      }
      case BOOLEAN -> {
        if (!value.equals("true") && !value.equals("false")) {
          throw new IllegalArgumentException("'" + value + "' is not true or false");
        }
        return Boolean.parseBoolean(value);
      }
      case NUMBER -> {
        double d;
        try {
          d = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("'" + value + "' is not a number");
        }
        if (!Double.isFinite(d)) {
          throw new IllegalArgumentException("'" + value + "' is not a finite number");
        }
        return d;
      }
      case DATE, PARTIAL_DATE -> {
        PartialDate d = PartialDate.parse(value);
        if (!end) {
          return d.first();
        }
        return switch (d.precision()) {
          case "year" -> d.first().plusYears(1).minusDays(1);
          case "month" -> d.first().plusMonths(1).minusDays(1);
          default -> d.first();
        };
      }
      case TIMESTAMP -> {
        OffsetDateTime parsed;
        try {
          parsed = OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
          parsed = null;
        }
        if (parsed != null) {
          return inRange(parsed);
        }
        try {
          LocalDate day = PartialDate.parse(value).first();
          return (end ? day.plusDays(1) : day).atStartOfDay().atOffset(ZoneOffset.UTC);
        } catch (IllegalArgumentException e2) {
          throw new IllegalArgumentException(
              "'" + value + "' is not a date or an ISO 8601 timestamp (2024-08-08T12:00:00Z)");
        }
      }
      default -> {
        return value;
      }
    }
  }

  private static List<String> includeNames(CollectionSpec c) {
    List<String> names = new ArrayList<>(c.includes().keySet());
    names.add("total");
    return names;
  }

  public static String allowed(java.util.Collection<String> names) {
    return String.join(", ", new TreeSet<>(names));
  }

  public CollectionSpec collection() {
    return collection;
  }

  public List<Condition> conditions() {
    return conditions;
  }

  public List<Sort> sort() {
    return sort;
  }

  public int limit() {
    return limit;
  }

  public List<String> after() {
    return after;
  }

  public boolean total() {
    return total;
  }

  public Set<String> includes() {
    return includes;
  }

  /** The words of q=, or null. */
  public String search() {
    return search;
  }

  public List<Field> facets() {
    return facets;
  }

  /** For an aggregated collection: the query choosing the records aggregated; otherwise null. */
  public ListQuery scope() {
    return scope;
  }

  /** The values of an aggregated collection's arguments (given, or their defaults). */
  public Map<String, Integer> arguments() {
    return arguments;
  }

  /**
   * The names each record shows when fields= chose them (in its order, then the lists include=
   * asked for); null when every field shows. The records are read whole (a cursor and the embeds
   * need their keys): {@link #project} cuts them as they are written.
   */
  public List<String> select() {
    return select;
  }

  /** The records as fields= chose to show them (the records themselves when it did not). */
  public List<Map<String, Object>> project(List<Map<String, Object>> rows) {
    if (select == null) {
      return rows;
    }
    List<Map<String, Object>> out = new ArrayList<>(rows.size());
    for (Map<String, Object> r : rows) {
      out.add(project(r));
    }
    return out;
  }

  /** One record as fields= chose to show it. */
  public Map<String, Object> project(Map<String, Object> row) {
    if (select == null) {
      return row;
    }
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    for (String name : select) {
      if (row.containsKey(name)) {
        out.put(name, row.get(name));
      }
    }
    return out;
  }

  /** The fields of each record: the collection's, plus rank and snippet when searching. */
  public List<Field> fields() {
    if (search == null) {
      return collection.fields();
    }
    List<Field> out = new ArrayList<>(collection.fields());
    out.addAll(collection.searchFields());
    return out;
  }
}
