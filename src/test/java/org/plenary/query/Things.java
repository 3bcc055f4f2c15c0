package org.plenary.query;

import java.util.List;
import java.util.Map;

/** A small synthetic collection for the read engine's unit tests: one field of each type. */
final class Things {
  private Things() {}

  /** Searchable things, keyed by id, by default newest first. */
  static final CollectionSpec THINGS =
      CollectionSpec.builder("things", "thing t")
          .field(Field.text("id", "t.id", "Id"))
          .field(Field.integer("n", "t.n", "A number"))
          .field(Field.bool("flag", "t.flag", "A flag"))
          .field(Field.date("day", "t.day", "A day"))
          .field(Field.partialDate("when", "t.when_date", "t.when_precision", "A partial date"))
          .field(Field.longText("note", "t.note", "Free text"))
          .timestamps("t")
          .key("id")
          .sort("-day")
          .search("t.search", "t.note")
          .build();

  /** Parts of things, keyed by (thing_id, part), without search. */
  static final CollectionSpec PARTS =
      CollectionSpec.builder("parts", "part p")
          .field(Field.text("thing_id", "p.thing_id", "The thing"))
          .field(Field.text("part", "p.part", "The part"))
          .field(Field.integer("size", "p.size", "Its size"))
          .key("thing_id", "part")
          .sort("thing_id", "part")
          .build();

  /** The parameters of a query string such as {@code "a=1&b=2&a=3"} (no decoding). */
  static Map<String, List<String>> params(String query) {
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    if (query.isEmpty()) {
      return out;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      out.computeIfAbsent(pair.substring(0, eq), k -> new java.util.ArrayList<>())
          .add(pair.substring(eq + 1));
    }
    return out;
  }

  static ListQuery parse(CollectionSpec c, String query) {
    return ListQuery.parse(c, params(query), List.of());
  }
}
