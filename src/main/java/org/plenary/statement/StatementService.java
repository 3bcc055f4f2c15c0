package org.plenary.statement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.plenary.ingest.UngdcImporter;
import org.plenary.query.Jdbc;
import org.plenary.query.ListQuery;
import org.plenary.query.QueryEngine;

/**
 * The General Debate beside the votes: a statement with its text, counts of matching statements per
 * year, the statements of a vote's session per side of the vote, a delegation's ballots in a
 * session. Search runs in SQL (the paragraphs' tsvectors, statement_search); passages are cut by
 * ts_headline from the matching paragraph's text, read for the rows shown alone.
 */
@ApplicationScoped
public class StatementService {
  /** The ballots, in the order a vote's sides are shown. */
  static final List<String> SIDES = List.of("yes", "no", "abstain", "non_voting");

  static final String HEADLINE =
      "'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12, MaxFragments=2,"
          + " FragmentDelimiter=\" … \"'";

  /** The most words of a vote's subject searched when no q= is given. */
  static final int SUBJECT_WORDS = 12;

  @Inject QueryEngine engine;
  @Inject Jdbc jdbc;

  /** How to cite statement {@code id}'s paragraph {@code n} (0: the whole statement). */
  public static String citation(Map<String, Object> statement) {
    return String.format(
        Locale.ROOT,
        "%s, statement in the general debate of the %d session of the UN General Assembly (%d),"
            + " in: UN General Debate Corpus, file %s. %s",
        statement.get("delegation_name") != null
            ? statement.get("delegation_name")
            : statement.get("code"),
        statement.get("session"),
        statement.get("year"),
        statement.get("locator"),
        UngdcImporter.CITATION);
  }

  /** Statement {@code id}: its record, its paragraphs and its citation; empty when none. */
  public Optional<Map<String, Object>> statement(String id) {
    List<Map<String, Object>> rows =
        engine.all(
            ListQuery.all(
                Statements.STATEMENTS,
                List.of(ListQuery.condition(Statements.STATEMENTS, "id", "", id))));
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> s = new LinkedHashMap<>(rows.get(0));
    s.put(
        "text",
        jdbc.list(
            "select n, text from statement_paragraph where statement_id = ? order by n",
            rs -> new StatementRecords.Paragraph(rs.getInt(1), rs.getString(2)),
            id));
    s.put("citation", citation(s));
    return Optional.of(s);
  }

  /** Per value of {@code by} (year or decade), the statements and paragraphs that match. */
  public List<StatementRecords.Count> counts(ListQuery q, String by) {
    return engine
        .counts(
            q,
            q.collection().field(by).orElseThrow(),
            q.search() == null ? "s.id" : "p.statement_id")
        .stream()
        .map(
            c ->
                new StatementRecords.Count(
                    ((Number) c.value()).intValue(),
                    q.search() == null ? c.records() : c.distinct(),
                    q.search() == null ? 0 : c.records()))
        .toList();
  }

  /** A vote's session and subject; empty when there is no such vote. */
  private record VoteInfo(Integer session, String subject) {}

  /**
   * The statements of vote {@code voteId}'s session that match {@code q} (or, when null, any word
   * of the vote's subject), per side of the vote: how many, and the best {@code limit} passages
   * (one per statement, its best paragraph), ranked. Empty when there is no such vote.
   */
  public Optional<StatementRecords.VoteStatements> forVote(
      String voteId, String q, String ballot, int limit) {
    List<VoteInfo> found =
        jdbc.list(
            "select session, date, subject from vote where id = ?",
            rs ->
                new VoteInfo(
                    session(rs.getString(1), rs.getObject(2, LocalDate.class)), rs.getString(3)),
            voteId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    VoteInfo v = found.get(0);
    boolean fromSubject = q == null;
    String query = fromSubject ? anyWordOf(v.subject()) : q;
    Map<String, List<StatementRecords.Passage>> passages = new LinkedHashMap<>();
    Map<String, Long> totals = new LinkedHashMap<>();
    for (String side : SIDES) {
      passages.put(side, new ArrayList<>());
      totals.put(side, 0L);
    }
    if (v.session() != null && !query.isBlank()) {
      jdbc.list(
          "with q as (select websearch_to_tsquery('english', ?) as query),"
              + " best as (select distinct on (s.id) r.vote as ballot, s.id, p.n, s.code, d.id as"
              + " delegation_id, d.name, s.speaker, s.post,"
              + " ts_rank_cd(p.search, q.query, 32)::float8 as rank"
              + " from q, roll_call r join statement_search p on p.code = r.delegation_id"
              + " join statement s on s.id = p.statement_id"
              + " left join delegation d on d.id = p.code"
              + " where r.vote_id = ? and p.session = ? and p.search @@ q.query"
              + " and (?::text is null or r.vote = ?::text)"
              + " order by s.id, rank desc, p.n),"
              + " ranked as (select best.*, row_number() over (partition by ballot order by rank"
              + " desc, id) as k, count(*) over (partition by ballot) as total from best)"
              + " select ballot, total, id, n, code, delegation_id, name, speaker, post, rank,"
              + " ts_headline('english', (select x.text from statement_paragraph x where"
              + " x.statement_id = ranked.id and x.n = ranked.n), q.query, "
              + HEADLINE
              + ") from ranked, q where k <= ? order by ballot, k",
          rs -> {
            String side = rs.getString(1);
            totals.put(side, rs.getLong(2));
            passages
                .computeIfAbsent(side, k -> new ArrayList<>())
                .add(
                    new StatementRecords.Passage(
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getDouble(10),
                        rs.getString(11),
                        "/v1/statements/" + rs.getString(3) + "#p" + rs.getInt(4)));
            return side;
          },
          query,
          voteId,
          v.session(),
          ballot,
          ballot,
          limit);
    }
    List<StatementRecords.Side> sides = new ArrayList<>();
    for (var e : passages.entrySet()) {
      if (ballot == null || ballot.equals(e.getKey())) {
        sides.add(new StatementRecords.Side(e.getKey(), totals.get(e.getKey()), e.getValue()));
      }
    }
    return Optional.of(
        new StatementRecords.VoteStatements(
            voteId, v.session(), query, fromSubject, UngdcImporter.CITATION, sides));
  }

  /** A delegation's ballots in the votes of a session (the statement page's). */
  public List<Map<String, Object>> ballots(String code, int session) {
    return jdbc.list(
        "select v.id, v.date, v.subject, r.vote from roll_call r join vote v on v.id = r.vote_id"
            + " where r.delegation_id = ? and (v.session = ? or v.session is null and v.date"
            + " between make_date(? + 1945, 9, 1) and make_date(? + 1946, 8, 31))"
            + " order by v.date, v.id",
        rs -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("vote_id", rs.getString(1));
          m.put("date", rs.getObject(2, LocalDate.class).toString());
          m.put("subject", rs.getString(3));
          m.put("vote", rs.getString(4));
          return m;
        },
        code,
        Integer.toString(session),
        session,
        session);
  }

  /**
   * The session of a vote: its own (74), or, for a vote without one, the session that ran on its
   * date (a session opens in September: 2019-12-27 is in the 74th); null for a special session
   * (ES-10), which has no general debate.
   */
  static Integer session(String session, LocalDate date) {
    if (session != null) {
      try {
        return Integer.parseInt(session.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    if (date == null) {
      return null;
    }
    return date.getYear() - (date.getMonthValue() >= 9 ? 1945 : 1946);
  }

  /** The words of a subject as a search for any of them (websearch syntax: a or b or c). */
  static String anyWordOf(String subject) {
    List<String> words = new ArrayList<>();
    for (String w : subject.split("[^\\p{L}\\p{N}]+")) {
      if (w.length() >= 4 && !words.contains(w.toLowerCase(Locale.ROOT))) {
        words.add(w.toLowerCase(Locale.ROOT));
      }
      if (words.size() == SUBJECT_WORDS) {
        break;
      }
    }
    return String.join(" or ", words);
  }
}
