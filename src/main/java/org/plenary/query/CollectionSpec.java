package org.plenary.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A collection the API serves: the SQL it reads from, its fields (in output order), its key, its
 * default order, and what is embedded in each record. One grammar of filters, sorting, paging and
 * includes works on every collection from this declaration alone.
 */
public final class CollectionSpec {
  /** A sort key: a field, ascending or descending. */
  public record Sort(Field field, boolean descending) {
    String token() {
      return (descending ? "-" : "") + field.name();
    }
  }

  /**
   * Records of another collection embedded in each record: the child's {@code childField} equals
   * the parent's {@code parentField}. {@code fixed} filters the child further; {@code omit} names
   * child fields left out of the embedded records.
   */
  public record Embed(
      String name,
      CollectionSpec child,
      String childField,
      String parentField,
      Map<String, String> fixed,
      List<String> omit,
      String description) {}

  /**
   * A whole-number parameter of an aggregated collection (e.g. lone_max), written {@code {name}} in
   * its FROM and bound there, with its default and bounds.
   */
  public record Argument(String name, int defaultValue, int min, int max, String description) {}

  /**
   * Bounds the work of a search sorted by rank: only the first {@code cap} matches in {@code order}
   * (the newest, say) are ranked, so a word found in a hundred thousand records costs what one
   * found in {@code cap} costs. {@code row} names a matching record in the outer query ({@code
   * p.ctid}); the matches are chosen from {@code table} alone (its alias that of {@code row}) when
   * every filter is on that table, else from the collection's FROM. {@code windows} (conditions
   * that split the records in {@code order}'s order, first to last, together all of them) only
   * change the speed: the matches are looked for window by window, and the later windows are not
   * read once the first ones hold {@code cap} matches.
   */
  public record RankBound(int cap, String row, String table, String order, List<String> windows) {
    /** The alias of {@code row} ({@code p} for {@code p.ctid}). */
    String alias() {
      return row.substring(0, row.indexOf('.'));
    }
  }

  /**
   * A set-valued filter: records tagged with values in another table ({@code name=a,b} keeps those
   * with any of them; {@code facet=name} counts them). {@code table} holds one row per record and
   * value: {@code keyColumn} is the record's key ({@code keySql} in the collection's SQL), {@code
   * valueColumn} the value (vote_topic: vote_id, topic_id). {@code match} is the condition on a row
   * {@code tag} of the table, with one marker bound to the values (an array): by default the value
   * is one of them; a filter may compare otherwise (a delegation's names, case ignored). A filter
   * with a field's name takes that field's equality ({@code name=}); its other operators stay the
   * field's. {@code expand}, when not null, turns each value asked for into the values bound (the
   * ways the sources write one resolution symbol, say).
   */
  public record TagFilter(
      String name,
      String table,
      String keyColumn,
      String valueColumn,
      String keySql,
      String description,
      String match,
      java.util.function.Function<String, java.util.Collection<String>> expand) {
    public TagFilter(
        String name,
        String table,
        String keyColumn,
        String valueColumn,
        String keySql,
        String description,
        String match) {
      this(name, table, keyColumn, valueColumn, keySql, description, match, null);
    }

    public TagFilter(
        String name,
        String table,
        String keyColumn,
        String valueColumn,
        String keySql,
        String description) {
      this(
          name,
          table,
          keyColumn,
          valueColumn,
          keySql,
          description,
          "tag." + valueColumn + " = any(?)");
    }

    /** The condition: the record has one of the values bound to the one parameter (an array). */
    String existsSql() {
      return "exists (select 1 from "
          + table
          + " tag where tag."
          + keyColumn
          + " = "
          + keySql
          + " and "
          + match
          + ")";
    }

    /** The join that a facet of it counts over. */
    String facetJoin() {
      return " join " + table + " tagf on tagf." + keyColumn + " = " + keySql;
    }

    Field field() {
      return new Field(name, existsSql(), Field.Type.TEXT, false, false, null, description);
    }

    Field facetField() {
      return new Field(
          name, "tagf." + valueColumn, Field.Type.TEXT, false, false, null, description);
    }
  }

  private final String name;
  private final String from;
  private final Map<String, TagFilter> tagFilters;
  private final List<Field> fields;
  private final List<String> key;
  private final List<Sort> defaultSort;
  private final Map<String, Embed> embeds;
  private final Map<String, Embed> includes;
  private final String searchVector;
  private final String searchText;
  private final CollectionSpec scope;
  private final List<Argument> arguments;
  private final String definition;
  private final RankBound rankBound;

  private CollectionSpec(Builder b) {
    this.name = b.name;
    this.from = b.from;
    this.fields = List.copyOf(b.fields);
    this.key = List.copyOf(b.key);
    this.defaultSort = List.copyOf(b.defaultSort);
    // insertion order is output order: keep it stable
    this.embeds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.embeds));
    this.includes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.includes));
    this.searchVector = b.searchVector;
    this.searchText = b.searchText;
    this.tagFilters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.tagFilters));
    this.scope = b.scope;
    this.arguments = List.copyOf(b.arguments);
    this.definition = b.definition;
    this.rankBound = b.rankBound;
  }

  /** How a search sorted by rank is bounded (see {@link RankBound}); null: every match ranked. */
  public RankBound rankBound() {
    return rankBound;
  }

  /**
   * For a collection aggregated over the records of another one (a delegation's record over votes):
   * that collection, whose filters in a request ({@code date__gte=}, {@code session=}, {@code q=},
   * any it declares) choose the records aggregated. The FROM writes {@code {scope}} where the keys
   * of the chosen records go: {@code r.vote_id in ({scope})}. Null for a plain collection.
   */
  public CollectionSpec scope() {
    return scope;
  }

  /** The parameters written {@code {name}} in the FROM of an aggregated collection. */
  public List<Argument> arguments() {
    return arguments;
  }

  public Optional<Argument> argument(String argumentName) {
    return arguments.stream().filter(a -> a.name().equals(argumentName)).findFirst();
  }

  /** The definition of the measures an aggregated collection gives (meta.definition), or null. */
  public String definition() {
    return definition;
  }

  /** The set-valued filters (topic=), by name. */
  public Map<String, TagFilter> tagFilters() {
    return tagFilters;
  }

  /** The tsvector SQL that q= searches, or null when the collection has no full-text search. */
  public String searchVector() {
    return searchVector;
  }

  /** The text SQL that a search's snippet is cut from. */
  public String searchText() {
    return searchText;
  }

  /** With q=: rank (relevance, higher first) and snippet (the match, marked with <mark>). */
  public List<Field> searchFields() {
    if (searchVector == null) {
      return List.of();
    }
    return List.of(
        new Field(
            "rank",
            // cover density (how many matches, how close), weighted by where they are (title A,
            // symbols B, notes D), divided by 1 + log(length) so a text about the phrase ranks
            // above a long one that mentions it once (1), scaled into 0..1 (32)
            "ts_rank_cd(" + searchVector + ", fts.query, 1 | 32)::float8",
            Field.Type.NUMBER,
            false,
            true,
            null,
            "Relevance to q (higher is better); only with q="),
        new Field(
            "snippet",
            "ts_headline('english', "
                + searchText
                + ", fts.query, 'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"')",
            Field.Type.TEXT,
            false,
            false,
            null,
            "The text around the match, matches marked <mark>...</mark>; only with q="));
  }

  public static Builder builder(String name, String from) {
    return new Builder(name, from);
  }

  public String name() {
    return name;
  }

  public String from() {
    return from;
  }

  public List<Field> fields() {
    return fields;
  }

  public Optional<Field> field(String fieldName) {
    return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
  }

  public List<String> key() {
    return key;
  }

  public List<Sort> defaultSort() {
    return defaultSort;
  }

  /** Embedded in every record (e.g. sources). */
  public java.util.Collection<Embed> embeds() {
    return embeds.values();
  }

  /** Embedded on request with include=NAME. */
  public Map<String, Embed> includes() {
    return includes;
  }

  /** The same collection with another default order (for sub-collections). */
  public CollectionSpec sortedBy(Sort... sorts) {
    Builder b = copy();
    b.defaultSort.clear();
    b.defaultSort.addAll(List.of(sorts));
    return new CollectionSpec(b);
  }

  /**
   * The same collection searchable with q= over {@code vector} (snippets cut from {@code text}).
   */
  public CollectionSpec searchable(String vector, String text) {
    Builder b = copy();
    b.searchVector = vector;
    b.searchText = text;
    return new CollectionSpec(b);
  }

  /** The same collection with its search's ranking bounded otherwise (null: not bounded). */
  public CollectionSpec rankBounded(RankBound bound) {
    Builder b = copy();
    b.rankBound = bound;
    return new CollectionSpec(b);
  }

  private Builder copy() {
    Builder b = new Builder(name, from);
    b.fields.addAll(fields);
    b.key.addAll(key);
    b.defaultSort.addAll(defaultSort);
    b.embeds.putAll(embeds);
    b.includes.putAll(includes);
    b.searchVector = searchVector;
    b.searchText = searchText;
    b.scope = scope;
    b.arguments.addAll(arguments);
    b.definition = definition;
    b.tagFilters.putAll(tagFilters);
    b.rankBound = rankBound;
    return b;
  }

  public Sort asc(String fieldName) {
    return new Sort(field(fieldName).orElseThrow(), false);
  }

  public Sort desc(String fieldName) {
    return new Sort(field(fieldName).orElseThrow(), true);
  }

  public static final class Builder {
    private final String name;
    private final String from;
    private final List<Field> fields = new ArrayList<>();
    private final List<String> key = new ArrayList<>();
    private final List<Sort> defaultSort = new ArrayList<>();
    private final Map<String, Embed> embeds = new LinkedHashMap<>();
    private final Map<String, Embed> includes = new LinkedHashMap<>();
    private String searchVector;
    private String searchText;
    private CollectionSpec scope;
    private final List<Argument> arguments = new ArrayList<>();
    private String definition;
    private final Map<String, TagFilter> tagFilters = new LinkedHashMap<>();
    private RankBound rankBound;

    private Builder(String name, String from) {
      this.name = name;
      this.from = from;
    }

    public Builder field(Field f) {
      fields.add(f);
      return this;
    }

    /** created_at and updated_at of the table aliased {@code alias}. */
    public Builder timestamps(String alias) {
      fields.add(
          Field.timestamp("created_at", alias + ".created_at", "When the record was first loaded"));
      fields.add(
          Field.timestamp("updated_at", alias + ".updated_at", "When the record last changed"));
      return this;
    }

    public Builder fields(List<Field> fs) {
      fs.forEach(this::field);
      return this;
    }

    public Builder key(String... fieldNames) {
      key.addAll(List.of(fieldNames));
      return this;
    }

    /** Default order, by field names; "-name" is descending. The key is always appended. */
    public Builder sort(String... tokens) {
      for (String t : tokens) {
        boolean desc = t.startsWith("-");
        String n = desc ? t.substring(1) : t;
        Field f = fields.stream().filter(x -> x.name().equals(n)).findFirst().orElseThrow();
        defaultSort.add(new Sort(f, desc));
      }
      return this;
    }

    /**
     * Full-text search with q=: {@code vector} is the tsvector SQL searched (weighted parts),
     * {@code text} the text the snippet is cut from.
     */
    public Builder search(String vector, String text) {
      this.searchVector = vector;
      this.searchText = text;
      return this;
    }

    /** Bounds the ranking of a search over many matches (see {@link RankBound}). */
    public Builder rankBound(RankBound bound) {
      this.rankBound = bound;
      return this;
    }

    /** Aggregates over the records of {@code c} chosen by its filters (see {@link #scope()}). */
    public Builder scope(CollectionSpec c) {
      this.scope = c;
      return this;
    }

    public Builder argument(Argument a) {
      arguments.add(a);
      return this;
    }

    public Builder definition(String text) {
      this.definition = text;
      return this;
    }

    /** A set-valued filter ({@link TagFilter}), e.g. topic= over vote_topic. */
    public Builder tagged(TagFilter f) {
      tagFilters.put(f.name(), f);
      return this;
    }

    public Builder embed(Embed e) {
      embeds.put(e.name(), e);
      return this;
    }

    public Builder include(Embed e) {
      includes.put(e.name(), e);
      return this;
    }

    /** Embeds the sources cited for this record (citations of {@code recordType}). */
    public Builder cites(String recordType, String parentField) {
      return embed(
          new Embed(
              "sources",
              Citations.CITED,
              "record_id",
              parentField,
              Map.of("record_type", recordType),
              List.of("record_type", "record_id"),
              "The sources this record cites"));
    }

    public CollectionSpec build() {
      if (key.isEmpty()) {
        throw new IllegalStateException(name + " has no key");
      }
      return new CollectionSpec(this);
    }
  }
}
