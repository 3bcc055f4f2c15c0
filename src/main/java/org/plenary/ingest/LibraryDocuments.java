package org.plenary.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The documents a UN Digital Library file names for a vote (its resolution, drafts, committee
 * reports, meeting records) as rows: a {@code document} each (one per symbol, however many roll
 * calls name it), linked to the vote ({@code vote_document}, with the document's role) and citing
 * the file at the row that names it (the record's link where the row gives it). Adds, never
 * overwrites: a document the dataset holds already (a curated vote's resolution) stays as it is and
 * gains the link and the citation.
 */
final class LibraryDocuments {
  private LibraryDocuments() {}

  /**
   * A document a file names for a vote: its symbol, kind and role in the vote; its title, body and
   * date where the file gives them (a resolution's are the decision's), else null.
   */
  record Named(
      String voteId,
      String symbol,
      String kind,
      String role,
      String title,
      String bodyId,
      LocalDate date,
      String locator) {}

  /** What {@link #store} added. */
  record Stored(int documents, int links, int citations, List<String> skipped) {
    boolean any() {
      return documents + links + citations > 0;
    }
  }

  /**
   * The documents of one decision: the resolution adopted (its title and date the decision's), the
   * drafts and committee reports, and the meeting records (of the body that voted).
   */
  static List<Named> of(
      String voteId,
      String bodyId,
      String resolution,
      String title,
      LocalDate date,
      List<String> drafts,
      List<String> reports,
      List<String> meetings,
      String locator) {
    List<Named> out = new ArrayList<>();
    if (resolution != null && !resolution.isBlank()) {
      out.add(
          new Named(
              voteId,
              resolution.strip(),
              "resolution",
              "adopted_text",
              title,
              bodyId,
              date,
              locator));
    }
    for (String d : drafts) {
      out.add(new Named(voteId, d, "draft_resolution", "draft", null, null, null, locator));
    }
    for (String r : reports) {
      out.add(new Named(voteId, r, "report", "report", null, null, null, locator));
    }
    for (String m : meetings) {
      out.add(
          new Named(voteId, m, "meeting_record", "meeting_record", null, bodyId, null, locator));
    }
    return out;
  }

  /** {@code |}-separated symbols (the General Assembly voting file's draft column), trimmed. */
  static List<String> split(String field) {
    List<String> out = new ArrayList<>();
    if (field != null) {
      for (String s : field.split("\\|")) {
        if (!s.isBlank()) {
          out.add(s.strip());
        }
      }
    }
    return out;
  }

  /**
   * A document's id: its symbol in lower case, every run of other characters than letters and
   * digits as one '-' (A/C.3/74/L.11 is a-c-3-74-l-11, as the seed files write it).
   */
  static String id(String symbol) {
    return symbol.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  /**
   * Writes the documents (those the dataset does not hold, by symbol), their links to the votes and
   * their citations of {@code source}; a document whose id another symbol holds already is skipped
   * and named in the result, as is a symbol that makes no id.
   */
  static Stored store(Connection c, List<Named> named, String source, OffsetDateTime at)
      throws SQLException {
    if (named.isEmpty()) {
      return new Stored(0, 0, 0, List.of());
    }
    Map<String, Named> bySymbol = new LinkedHashMap<>();
    List<String> skipped = new ArrayList<>();
    for (Named n : named) {
      String id = id(n.symbol());
      if (id.isEmpty() || id.length() > 200) {
        if (!skipped.contains(n.symbol())) {
          skipped.add(n.symbol());
        }
      } else {
        bySymbol.putIfAbsent(n.symbol(), n);
      }
    }
    // each of the three set-wise, its rows in the order given (unnest keeps it): where two
    // symbols make one id, the first is the document and the second is skipped
    List<Named> docs = new ArrayList<>(bySymbol.values());
    int documents;
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into document (id, symbol, title, kind, body_id, date, date_precision,"
                + " origin, created_at, updated_at) select d.id, d.symbol, d.title, d.kind,"
                + " d.body_id, d.date::date, case when d.date is null then null else 'day' end,"
                + " 'undl', ?, ? from unnest(?::text[], ?::text[], ?::text[], ?::text[],"
                + " ?::text[], ?::text[]) with ordinality d(id, symbol, title, kind, body_id,"
                + " date, n) order by d.n on conflict do nothing")) {
      ps.setObject(1, at);
      ps.setObject(2, at);
      ps.setArray(3, texts(c, docs, n -> id(n.symbol())));
      ps.setArray(4, texts(c, docs, Named::symbol));
      ps.setArray(5, texts(c, docs, Named::title));
      ps.setArray(6, texts(c, docs, Named::kind));
      ps.setArray(7, texts(c, docs, Named::bodyId));
      ps.setArray(8, texts(c, docs, n -> n.date() == null ? null : n.date().toString()));
      documents = ps.executeUpdate();
    }
    Map<String, String> ids = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement("select symbol, id from document where symbol = any(?)")) {
      ps.setArray(1, c.createArrayOf("text", bySymbol.keySet().toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    for (String symbol : bySymbol.keySet()) {
      if (!ids.containsKey(symbol)) {
        skipped.add(symbol);
      }
    }
    List<Named> linked = new ArrayList<>();
    List<Named> citing = new ArrayList<>();
    Set<String> cited = new LinkedHashSet<>();
    for (Named n : named) {
      String id = ids.get(n.symbol());
      if (id != null) {
        linked.add(n);
        if (cited.add(id)) {
          citing.add(n);
        }
      }
    }
    int links;
    int citations;
    try (PreparedStatement link =
            c.prepareStatement(
                "insert into vote_document (vote_id, document_id, role, origin, created_at,"
                    + " updated_at) select l.vote_id, l.document_id, l.role, 'undl', ?, ? from"
                    + " unnest(?::text[], ?::text[], ?::text[]) with ordinality l(vote_id,"
                    + " document_id, role, n) order by l.n on conflict do nothing");
        PreparedStatement cite =
            c.prepareStatement(
                "insert into citation (record_type, record_id, source_id, locator, origin,"
                    + " created_at, updated_at) select 'document', t.id, ?, t.locator, 'undl',"
                    + " ?, ? from unnest(?::text[], ?::text[]) with ordinality t(id, locator, n)"
                    + " order by t.n on conflict do nothing")) {
      link.setObject(1, at);
      link.setObject(2, at);
      link.setArray(3, texts(c, linked, Named::voteId));
      link.setArray(4, texts(c, linked, n -> ids.get(n.symbol())));
      link.setArray(5, texts(c, linked, Named::role));
      links = link.executeUpdate();
      cite.setString(1, source);
      cite.setObject(2, at);
      cite.setObject(3, at);
      cite.setArray(4, texts(c, citing, n -> ids.get(n.symbol())));
      cite.setArray(5, texts(c, citing, Named::locator));
      citations = cite.executeUpdate();
    }
    return new Stored(documents, links, citations, skipped);
  }

  /** One text column of {@code rows} as an SQL array, for a set-wise insert. */
  private static java.sql.Array texts(
      Connection c, List<Named> rows, java.util.function.Function<Named, String> column)
      throws SQLException {
    String[] out = new String[rows.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = column.apply(rows.get(i));
    }
    return c.createArrayOf("text", out);
  }

  /** The note an import prints for documents it could not store. */
  static String skippedNote(List<String> skipped) {
    return skipped.size()
        + " document(s) whose id another symbol holds already, or that make no id: not"
        + " linked: "
        + String.join(", ", skipped.subList(0, Math.min(10, skipped.size())))
        + (skipped.size() > 10 ? ", ..." : "");
  }
}
