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
    int documents = 0;
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into document (id, symbol, title, kind, body_id, date, date_precision,"
                + " origin, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 'undl', ?, ?)"
                + " on conflict do nothing")) {
      for (Named n : bySymbol.values()) {
        ps.setString(1, id(n.symbol()));
        ps.setString(2, n.symbol());
        ps.setString(3, n.title());
        ps.setString(4, n.kind());
        ps.setString(5, n.bodyId());
        ps.setObject(6, n.date());
        ps.setString(7, n.date() == null ? null : "day");
        ps.setObject(8, at);
        ps.setObject(9, at);
        ps.addBatch();
      }
      documents = sum(ps.executeBatch());
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
    int links = 0;
    int citations = 0;
    Set<String> cited = new LinkedHashSet<>();
    try (PreparedStatement link =
            c.prepareStatement(
                "insert into vote_document (vote_id, document_id, role, origin, created_at,"
                    + " updated_at) values (?, ?, ?, 'undl', ?, ?) on conflict do nothing");
        PreparedStatement cite =
            c.prepareStatement(
                "insert into citation (record_type, record_id, source_id, locator, origin,"
                    + " created_at, updated_at) values ('document', ?, ?, ?, 'undl', ?, ?) on"
                    + " conflict do nothing")) {
      for (Named n : named) {
        String id = ids.get(n.symbol());
        if (id == null) {
          continue;
        }
        link.setString(1, n.voteId());
        link.setString(2, id);
        link.setString(3, n.role());
        link.setObject(4, at);
        link.setObject(5, at);
        link.addBatch();
        if (cited.add(id)) {
          cite.setString(1, id);
          cite.setString(2, source);
          cite.setString(3, n.locator());
          cite.setObject(4, at);
          cite.setObject(5, at);
          cite.addBatch();
        }
      }
      links = sum(link.executeBatch());
      citations = sum(cite.executeBatch());
    }
    return new Stored(documents, links, citations, skipped);
  }

  /** The note an import prints for documents it could not store. */
  static String skippedNote(List<String> skipped) {
    return skipped.size()
        + " document(s) whose id another symbol holds already, or that make no id: not"
        + " linked: "
        + String.join(", ", skipped.subList(0, Math.min(10, skipped.size())))
        + (skipped.size() > 10 ? ", ..." : "");
  }

  private static int sum(int[] counts) {
    int n = 0;
    for (int x : counts) {
      n += Math.max(0, x);
    }
    return n;
  }
}
