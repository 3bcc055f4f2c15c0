package org.plenary.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.plenary.ingest.undl.AdoptionMethod;
import org.plenary.ingest.undl.Ballot;
import org.plenary.ingest.undl.Conflict;
import org.plenary.ingest.undl.FileRollCall;
import org.plenary.ingest.undl.GaResolution;
import org.plenary.ingest.undl.GaResolutionsReader;
import org.plenary.ingest.undl.Header;
import org.plenary.ingest.undl.HeldVote;
import org.plenary.ingest.undl.Layout;
import org.plenary.ingest.undl.MemberStateName;
import org.plenary.ingest.undl.MemberStateNamesReader;
import org.plenary.ingest.undl.Refused;
import org.plenary.ingest.undl.RowReader;
import org.plenary.ingest.undl.SameDecision;
import org.plenary.ingest.undl.ScVote;
import org.plenary.ingest.undl.ScVotingReader;
import org.plenary.ingest.undl.Symbol;
import org.plenary.ingest.undl.Tallies;
import org.plenary.release.Publisher;

/**
 * Imports the UN Digital Library's General Assembly resolutions, Security Council voting and Member
 * States' names files (the General Assembly voting file goes through {@link UndlImporter}), each in
 * one transaction: the file is read whole by its reader ({@code org.plenary.ingest.undl}) before
 * anything is written, so a refused file changes nothing. Adds, never deletes or overwrites: a
 * decision the dataset holds already (the same canonical symbol and date) stays as it is, gains the
 * file's topics and citation, and each difference is stored as a conflict. An import that adds
 * nothing writes nothing; one that does publishes a release.
 */
@ApplicationScoped
public class LibraryImporter {
  static final String GA = UndlImporter.BODY;
  static final String SC = "security-council";

  @Inject ImportTransaction transaction;

  /** What an import did. */
  public record Result(
      Path file,
      Layout layout,
      String sha256,
      long rows,
      Map<String, Long> added,
      List<String> linked,
      List<Conflict> conflicts,
      List<String> notes,
      String versionBefore,
      String versionAfter) {
    public boolean changed() {
      return !Objects.equals(versionBefore, versionAfter);
    }
  }

  /** Which of the Library's files {@code file} is, by its header; throws {@link Refused}. */
  public static Layout.File kind(Path file) {
    return Header.of(file).layout().file();
  }

  /** Imports a resolutions, Security Council voting or names file; throws {@link Refused}. */
  public Result importFile(Path file) {
    Layout.File kind = kind(file);
    return switch (kind) {
      case GA_RESOLUTIONS -> run(file, this::resolutions);
      case SC_VOTING -> run(file, this::council);
      case MEMBER_STATES -> run(file, this::names);
      case GA_VOTING ->
          throw new IllegalArgumentException("the General Assembly voting file: UndlImporter");
    };
  }

  /** One import's transaction: the lock, its time, the version before. */
  private record Tx(Connection c, OffsetDateTime at, String versionBefore, Changes changes) {}

  /** What the merge wrote, by kind of record, with the linked votes, conflicts and notes. */
  private static final class Changes {
    final Map<String, Long> added = new LinkedHashMap<>();
    final List<String> linked = new ArrayList<>();
    final List<Conflict> conflicts = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    void add(String kind, long n) {
      added.merge(kind, n, Long::sum);
    }

    boolean any() {
      return added.values().stream().anyMatch(n -> n > 0);
    }
  }

  @FunctionalInterface
  private interface Work {
    RowReader.Read apply(Tx tx, Path file) throws SQLException;
  }

  private Result run(Path file, Work work) {
    return transaction.run(file, c -> run(c, file, work), Result::changed);
  }

  /** The work on {@code file} in its transaction, published when it added anything. */
  private Result run(Connection c, Path file, Work work) throws SQLException {
    ImportTransaction.Begun begun = ImportTransaction.begin(c);
    OffsetDateTime at = begun.at();
    String versionBefore = begun.version();
    Tx tx = new Tx(c, at, versionBefore, new Changes());
    RowReader.Read read = work.apply(tx, file);
    Changes ch = tx.changes();
    ch.notes.addAll(0, read.warnings());
    String versionAfter = versionBefore;
    if (ch.any()) {
      String what =
          read.layout().file().title()
              + ": "
              + String.join(
                  "; ",
                  ch.added.entrySet().stream()
                      .map(e -> e.getValue() + " " + e.getKey() + " added")
                      .toList())
              + ".";
      versionAfter =
          Publisher.publish(
              c, UndlImporter.libraryRelease(file, read.sha256(), what, at.toLocalDate()));
    }
    return new Result(
        file,
        read.layout(),
        read.sha256(),
        read.rows(),
        ch.added,
        ch.linked,
        ch.conflicts,
        ch.notes,
        versionBefore,
        versionAfter);
  }

  // --- the General Assembly's resolutions

  private RowReader.Read resolutions(Tx tx, Path file) throws SQLException {
    List<GaResolution> rows = new ArrayList<>();
    RowReader.Read read = new GaResolutionsReader().read(file, rows::add);
    Connection c = tx.c();
    String source = source(tx, file, read, "ga-resolutions", "UN General Assembly Resolutions");
    List<Decision> decisions = new ArrayList<>();
    for (GaResolution r : rows) {
      boolean recorded = r.method() == AdoptionMethod.RECORDED_VOTE;
      Tallies t = recorded ? r.tallies() : Tallies.UNKNOWN;
      decisions.add(
          new Decision(
              // a recorded vote's record is the voting file's (the same undl_id): one id and one
              // record whichever file comes first
              recorded ? "undl-" + r.undlId() : "undl-res-" + r.undlId(),
              recorded ? r.undlId() : null,
              GA,
              r.undlId(),
              r.resolution(),
              r.session(),
              r.date(),
              r.title() == null ? "Resolution " + r.resolution() : r.title().text(),
              r.method(),
              t,
              r.meetings().isEmpty() ? null : r.meetings().get(0),
              note(r.voteNote()),
              r.link()));
    }
    List<String> voteIds = decide(tx, GA, source, decisions);
    List<LibraryDocuments.Named> documents = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      GaResolution r = rows.get(i);
      String voteId = voteIds.get(i);
      documents.addAll(
          LibraryDocuments.of(
              voteId,
              GA,
              r.resolution(),
              r.title() == null ? null : r.title().text(),
              r.date(),
              r.drafts(),
              r.committeeReports(),
              r.meetings(),
              locator(decisions.get(i))));
      topics(tx, voteId, "unbis", "unbis-", r.subjects(), "A UN subject term (UNBIS Thesaurus)");
      topics(tx, voteId, "agenda", "agenda-", r.agendaTitles(), "A General Assembly agenda item");
    }
    documents(tx, documents, source);
    return read;
  }

  // --- the Security Council's voting

  private RowReader.Read council(Tx tx, Path file) throws SQLException {
    Map<Integer, ScVote> first = new LinkedHashMap<>();
    Map<Integer, Map<String, Ballot>> ballots = new HashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    Set<String> permanent = new LinkedHashSet<>();
    RowReader.Read read =
        new ScVotingReader()
            .read(
                file,
                v -> {
                  ScVote f = first.putIfAbsent(v.undlId(), v);
                  if (f != null && !f.date().equals(v.date())) {
                    throw new Refused(
                        file,
                        v.line(),
                        "resolution "
                            + v.undlId()
                            + " has the date "
                            + v.date()
                            + " here but "
                            + f.date()
                            + " on line "
                            + f.line());
                  }
                  names.putIfAbsent(v.memberCode(), v.memberName());
                  if (v.permanentMember()) {
                    permanent.add(v.memberCode());
                  }
                  if (v.ballot() != null
                      && ballots
                              .computeIfAbsent(v.undlId(), k -> new LinkedHashMap<>())
                              .put(v.memberCode(), v.ballot())
                          != null) {
                    throw new Refused(
                        file,
                        v.line(),
                        "resolution " + v.undlId() + " lists " + v.memberCode() + " twice");
                  }
                });
    Connection c = tx.c();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select 1 from body where id = '" + SC + "'")) {
      if (!rs.next()) {
        throw new Refused(file, 0, "the dataset has no body '" + SC + "' (the Security Council)");
      }
    }
    String source = source(tx, file, read, "sc-voting", "UN Security Council Voting Data");
    List<String> added = UndlImporter.addDelegations(c, names, tx.at());
    tx.changes().add("delegations", added.size());
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into body_member (body_id, delegation_id, permanent, note, source_id, origin,"
                + " created_at, updated_at) values (?, ?, true, ?, ?, 'undl', ?, ?)"
                + " on conflict do nothing")) {
      for (String p : permanent) {
        ps.setString(1, SC);
        ps.setString(2, p);
        ps.setString(3, "Marked permanent_member in the Security Council voting file.");
        ps.setString(4, source);
        ps.setObject(5, tx.at());
        ps.setObject(6, tx.at());
        ps.addBatch();
      }
      tx.changes().add("permanent members", sum(ps.executeBatch()));
    }
    List<ScVote> votes = new ArrayList<>(first.values());
    List<Decision> decisions = new ArrayList<>();
    for (ScVote v : votes) {
      Map<String, Ballot> b = ballots.getOrDefault(v.undlId(), Map.of());
      boolean recorded = v.method() == AdoptionMethod.RECORDED_VOTE;
      decisions.add(
          new Decision(
              "undl-sc-" + v.undlId(),
              null,
              SC,
              v.undlId(),
              v.resolution(),
              null,
              v.date(),
              v.description() == null ? "Resolution " + v.resolution() : v.description().text(),
              v.method(),
              recorded ? tallies(v.tallies(), b) : Tallies.UNKNOWN,
              v.meetings().isEmpty() ? null : v.meetings().get(0),
              note(v.voteNote()),
              v.link()));
    }
    List<String> voteIds = decide(tx, SC, source, decisions);
    List<LibraryDocuments.Named> documents = new ArrayList<>();
    for (int i = 0; i < votes.size(); i++) {
      ScVote v = votes.get(i);
      String id = decisions.get(i).id();
      String voteId = voteIds.get(i);
      documents.addAll(
          LibraryDocuments.of(
              voteId,
              SC,
              v.resolution(),
              v.description() == null ? null : v.description().text(),
              v.date(),
              v.drafts(),
              List.of(),
              v.meetings(),
              locator(decisions.get(i))));
      Map<String, Ballot> b = ballots.getOrDefault(v.undlId(), Map.of());
      if (v.method() == AdoptionMethod.RECORDED_VOTE && voteId.equals(id)) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "insert into roll_call (vote_id, delegation_id, vote, origin, created_at,"
                    + " updated_at) values (?, ?, ?, 'undl', ?, ?) on conflict do nothing")) {
          for (var e : b.entrySet()) {
            ps.setString(1, id);
            ps.setString(2, e.getKey());
            ps.setString(3, e.getValue().code());
            ps.setObject(4, tx.at());
            ps.setObject(5, tx.at());
            ps.addBatch();
          }
          tx.changes().add("country votes", sum(ps.executeBatch()));
        }
        cite(c, "roll_call", id, source, "undl_id " + v.undlId(), tx.at());
      }
      topics(tx, voteId, "unbis", "unbis-", v.subjects(), "A UN subject term (UNBIS Thesaurus)");
      topics(tx, voteId, "agenda", "sc-agenda-", v.agenda(), "A Security Council agenda item");
    }
    documents(tx, documents, source);
    return read;
  }

  /** The file's totals where it gives them, else the count of its ballots. */
  private static Tallies tallies(Tallies file, Map<String, Ballot> b) {
    int[] n = new int[4];
    for (Ballot x : b.values()) {
      n[x.ordinal()]++;
    }
    return new Tallies(
        file.yes() != null ? file.yes() : (Integer) n[0],
        file.no() != null ? file.no() : (Integer) n[1],
        file.abstain() != null ? file.abstain() : (Integer) n[2],
        file.nonVoting() != null ? file.nonVoting() : (Integer) n[3]);
  }

  // --- Member States' names

  private RowReader.Read names(Tx tx, Path file) throws SQLException {
    List<MemberStateName> rows = new ArrayList<>();
    RowReader.Read read = new MemberStateNamesReader().read(file, rows::add);
    Connection c = tx.c();
    String source = source(tx, file, read, "member-states", "UN Member States' names");
    Set<String> known =
        UndlImporter.knownDelegations(
            c, rows.stream().map(MemberStateName::iso).filter(Objects::nonNull).toList());
    List<String> unknown = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into delegation_name (delegation_id, language, name, source_id, origin,"
                + " created_at, updated_at) values (?, ?, ?, ?, 'undl', ?, ?) on conflict do"
                + " nothing")) {
      for (MemberStateName n : rows) {
        if (n.iso() == null || !known.contains(n.iso())) {
          unknown.add(n.name() + (n.iso() == null ? "" : " (" + n.iso() + ")"));
          continue;
        }
        Map<String, String> all = new LinkedHashMap<>();
        all.put("en|" + n.name(), n.name());
        for (var e : n.names().entrySet()) {
          all.put(e.getKey() + "|" + e.getValue(), e.getValue());
        }
        for (String other : n.otherNames()) {
          all.put("en|" + other, other);
        }
        for (String earlier : n.earlierNames()) {
          all.put("en|" + earlier, earlier);
        }
        for (var e : all.entrySet()) {
          ps.setString(1, n.iso());
          ps.setString(2, e.getKey().substring(0, e.getKey().indexOf('|')));
          ps.setString(3, e.getValue());
          ps.setString(4, source);
          ps.setObject(5, tx.at());
          ps.setObject(6, tx.at());
          ps.addBatch();
        }
      }
      tx.changes().add("names", sum(ps.executeBatch()));
    }
    for (MemberStateName n : rows) {
      if (n.iso() != null && known.contains(n.iso())) {
        tx.changes()
            .add(
                "citations",
                cite(c, "delegation", n.iso(), source, "undl_id " + n.undlId(), tx.at()));
      }
    }
    tx.changes().add("membership periods", membership(tx, rows, known, source));
    if (!unknown.isEmpty()) {
      tx.changes()
          .notes
          .add(
              unknown.size()
                  + " name(s) without a delegation in the dataset (no or an unknown iso code):"
                  + " not used: "
                  + String.join(", ", unknown.subList(0, Math.min(10, unknown.size())))
                  + (unknown.size() > 10 ? ", ..." : ""));
    }
    return read;
  }

  /**
   * The periods of UN membership: the coverage periods of each current name's row ({@code ms}) of a
   * delegation the dataset holds, the admitting resolution and the founding flag on its first
   * period. A former name's row ({@code fs}) gives the periods under that name, not membership: its
   * names are kept (delegation_name), its periods are not.
   */
  private static int membership(Tx tx, List<MemberStateName> rows, Set<String> known, String source)
      throws SQLException {
    try (PreparedStatement ps =
        tx.c()
            .prepareStatement(
                "insert into un_membership (delegation_id, start_date, end_date, founding_member,"
                    + " resolution, source_id, locator, origin, created_at, updated_at) values (?,"
                    + " ?, ?, ?, ?, ?, ?, 'undl', ?, ?) on conflict do nothing")) {
      for (MemberStateName n : rows) {
        if (n.status() != MemberStateName.Status.CURRENT
            || n.iso() == null
            || !known.contains(n.iso())) {
          continue;
        }
        List<MemberStateName.Period> periods = new ArrayList<>(n.periods());
        periods.sort(java.util.Comparator.comparing(MemberStateName.Period::from));
        for (int i = 0; i < periods.size(); i++) {
          MemberStateName.Period p = periods.get(i);
          ps.setString(1, n.iso());
          ps.setObject(2, p.from());
          ps.setObject(3, p.to());
          ps.setObject(4, i == 0 ? n.foundingMember() : null);
          ps.setString(5, i == 0 ? n.membershipResolution() : null);
          ps.setString(6, source);
          ps.setString(7, "undl_id " + n.undlId());
          ps.setObject(8, tx.at());
          ps.setObject(9, tx.at());
          ps.addBatch();
        }
      }
      return sum(ps.executeBatch());
    }
  }

  // --- shared

  /**
   * A decision a file reports: a resolution and how it was adopted; {@code record} the Library
   * record a new vote carries as its {@code undl_id} (a recorded General Assembly vote's), else
   * null.
   */
  private record Decision(
      String id,
      Integer record,
      String body,
      int undlId,
      String resolution,
      String session,
      LocalDate date,
      String subject,
      AdoptionMethod method,
      Tallies tallies,
      String meeting,
      String note,
      String link) {}

  /**
   * The votes the file's decisions are, in their order: each reconciled with the votes of the body
   * held ({@link SameDecision}: its record, else the same canonical symbol and date), the
   * differences stored as conflicts; the others added as new votes. Either way it cites the file.
   */
  private List<String> decide(Tx tx, String body, String source, List<Decision> decisions)
      throws SQLException {
    Connection c = tx.c();
    HeldVotes held = HeldVotes.load(c, body, false);
    List<FileRollCall> incoming = new ArrayList<>(decisions.size());
    for (Decision d : decisions) {
      incoming.add(
          new FileRollCall(
              d.undlId(),
              d.resolution(),
              Symbol.parse(d.resolution()).orElse(null),
              d.date(),
              d.tallies(),
              Map.of()));
    }
    var r = new SameDecision().reconcile(held.votes(), incoming);
    Map<FileRollCall, HeldVote> matched = new IdentityHashMap<>();
    for (var m : r.matches()) {
      matched.put(m.incoming(), m.held());
    }
    tx.changes().notes.addAll(r.notes());
    List<String> ids = new ArrayList<>(decisions.size());
    for (int i = 0; i < decisions.size(); i++) {
      Decision d = decisions.get(i);
      String locator = locator(d);
      HeldVote h = matched.get(incoming.get(i));
      if (h != null) {
        tx.changes().linked.add(h.id() + " = undl_id " + d.undlId());
        List<Conflict> cs = new ArrayList<>();
        String method = held.methods().get(h.id());
        if (!method.equals(d.method().code())) {
          cs.add(new Conflict(h.id(), "method", null, method, d.method().code()));
        }
        cs.addAll(SameDecision.conflicts(h, incoming.get(i)));
        tx.changes().conflicts.addAll(cs);
        tx.changes().add("citations", cite(c, "vote", h.id(), source, locator, tx.at()));
        tx.changes().add("conflicts", storeConflicts(c, cs, source, tx.at()));
        ids.add(h.id());
      } else {
        insert(tx, d);
        tx.changes().add("citations", cite(c, "vote", d.id(), source, locator, tx.at()));
        ids.add(d.id());
      }
    }
    return ids;
  }

  private static void insert(Tx tx, Decision d) throws SQLException {
    Tallies t = d.tallies();
    try (PreparedStatement ps =
        tx.c()
            .prepareStatement(
                "insert into vote (id, body_id, date, date_precision, subject, method, outcome,"
                    + " yes, no, abstain, non_voting, roll_call_status, meeting, certainty, note,"
                    + " session, resolution, undl_id, origin, created_at, updated_at) values (?,"
                    + " ?, ?, 'day', ?, ?, 'adopted', ?, ?, ?, ?, ?, ?, 'confirmed', ?, ?, ?, ?,"
                    + " 'undl', ?, ?) on conflict (id) do nothing")) {
      ps.setString(1, d.id());
      ps.setString(2, d.body());
      ps.setObject(3, d.date());
      ps.setString(4, d.subject());
      ps.setString(5, d.method().code());
      ps.setObject(6, t.yes());
      ps.setObject(7, t.no());
      ps.setObject(8, t.abstain());
      ps.setObject(9, t.nonVoting());
      ps.setString(
          10,
          d.body().equals(SC) && d.method() == AdoptionMethod.RECORDED_VOTE
              ? "complete"
              : "absent");
      ps.setString(11, d.meeting());
      ps.setString(12, d.note());
      ps.setString(13, d.session());
      ps.setString(14, d.resolution());
      ps.setObject(15, d.record());
      ps.setObject(16, tx.at());
      ps.setObject(17, tx.at());
      tx.changes().add("votes", ps.executeUpdate());
    }
  }

  /**
   * A new vote's note: the file's vote_note (its drafts, reports and meeting records are documents
   * of the vote: {@link LibraryDocuments}).
   */
  private static String note(String voteNote) {
    return voteNote == null || voteNote.isBlank() ? null : voteNote.strip();
  }

  /** Where in the file a decision is: its record, with the record's link where the row gives it. */
  private static String locator(Decision d) {
    return "undl_id " + d.undlId() + (d.link() == null ? "" : " (" + d.link() + ")");
  }

  /** The decisions' documents as rows, linked to their votes, citing the file. */
  private static void documents(Tx tx, List<LibraryDocuments.Named> named, String source)
      throws SQLException {
    LibraryDocuments.Stored stored = LibraryDocuments.store(tx.c(), named, source, tx.at());
    tx.changes().add("documents", stored.documents());
    tx.changes().add("vote documents", stored.links());
    tx.changes().add("citations", stored.citations());
    if (!stored.skipped().isEmpty()) {
      tx.changes().notes.add(LibraryDocuments.skippedNote(stored.skipped()));
    }
  }

  /** Topics of a scheme (added when new) given to a vote. */
  private static void topics(
      Tx tx, String voteId, String scheme, String prefix, List<String> names, String what)
      throws SQLException {
    if (names.isEmpty()) {
      return;
    }
    Connection c = tx.c();
    try (PreparedStatement t =
            c.prepareStatement(
                "insert into topic (id, scheme, name, note, origin, created_at, updated_at)"
                    + " values (?, ?, ?, ?, 'undl', ?, ?) on conflict (id) do nothing");
        PreparedStatement vt =
            c.prepareStatement(
                "insert into vote_topic (vote_id, topic_id, origin, created_at, updated_at)"
                    + " values (?, ?, 'undl', ?, ?) on conflict do nothing")) {
      for (String name : new LinkedHashSet<>(names)) {
        String id = prefix + slug(name);
        t.setString(1, id);
        t.setString(2, scheme);
        t.setString(3, name);
        t.setString(4, what + ", as the UN Digital Library's files name it.");
        t.setObject(5, tx.at());
        t.setObject(6, tx.at());
        t.addBatch();
        vt.setString(1, voteId);
        vt.setString(2, id);
        vt.setObject(3, tx.at());
        vt.setObject(4, tx.at());
        vt.addBatch();
      }
      tx.changes().add("topics", sum(t.executeBatch()));
      tx.changes().add("vote topics", sum(vt.executeBatch()));
    }
  }

  /** An id from a name: lower case ASCII letters and digits joined by '-'. */
  static String slug(String name) {
    String s =
        Normalizer.normalize(name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-|-$", "");
    return s.isEmpty() ? Integer.toHexString(name.hashCode()) : s;
  }

  /** The file as a source (written with the import; rolled back when it changes nothing). */
  private static String source(Tx tx, Path file, RowReader.Read read, String kind, String title)
      throws SQLException {
    String id = "undl-" + kind + "-" + read.sha256().substring(0, 12);
    LocalDate fileDate;
    try {
      fileDate = Files.getLastModifiedTime(file).toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
    } catch (java.io.IOException e) {
      throw new Refused(file, 0, "could not be read (" + e.getMessage() + ")");
    }
    try (PreparedStatement ps =
        tx.c()
            .prepareStatement(
                "insert into source (id, publisher, title, url, published, published_precision,"
                    + " kind, note, origin, created_at, updated_at) values (?, ?, ?, ?, ?, 'day',"
                    + " 'official_un', ?, 'undl', ?, ?) on conflict (id) do nothing")) {
      ps.setString(1, id);
      ps.setString(2, "United Nations Dag Hammarskjöld Library (UN Digital Library)");
      ps.setString(3, title + " (" + file.getFileName() + ")");
      ps.setString(4, read.layout().file().record());
      ps.setObject(5, fileDate);
      ps.setString(
          6,
          "File "
              + file.getFileName()
              + " dated "
              + fileDate
              + ", SHA-256 "
              + read.sha256()
              + "; "
              + read.rows()
              + " rows. The locator of a citation is the record's undl_id.");
      ps.setObject(7, tx.at());
      ps.setObject(8, tx.at());
      ps.executeUpdate();
    }
    return id;
  }

  private static int cite(
      Connection c, String type, String id, String source, String locator, OffsetDateTime at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into citation (record_type, record_id, source_id, locator, origin,"
                + " created_at, updated_at) values (?, ?, ?, ?, 'undl', ?, ?) on conflict do"
                + " nothing")) {
      ps.setString(1, type);
      ps.setString(2, id);
      ps.setString(3, source);
      ps.setString(4, locator);
      ps.setObject(5, at);
      ps.setObject(6, at);
      return ps.executeUpdate();
    }
  }

  /**
   * Stores conflicts (a vote both sources report, what each says; the published value stands) as
   * records of /v1/conflicts: {@code vote--field[--delegation]--undl}, the published source being
   * the vote's first citation other than the file. Returns how many were new.
   */
  static int storeConflicts(
      Connection c, List<Conflict> conflicts, String source, OffsetDateTime at)
      throws SQLException {
    if (conflicts.isEmpty()) {
      return 0;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into conflict (id, vote_id, field, delegation_id, published_value,"
                + " published_source_id, other_value, other_source_id, other_locator, note, origin,"
                + " created_at, updated_at) values (?, ?, ?, ?, ?, (select source_id from citation"
                + " where record_type = 'vote' and record_id = ? and source_id <> ? order by"
                + " source_id limit 1), ?, ?, (select locator from citation where record_type ="
                + " 'vote' and record_id = ? and source_id = ?), ?, 'undl', ?, ?)"
                + " on conflict (id) do nothing")) {
      for (Conflict k : conflicts) {
        ps.setString(
            1,
            k.vote()
                + "--"
                + k.field()
                + (k.delegation() == null ? "" : "--" + k.delegation())
                + "--undl");
        ps.setString(2, k.vote());
        ps.setString(3, k.field());
        ps.setString(4, k.delegation());
        ps.setString(5, k.held());
        ps.setString(6, k.vote());
        ps.setString(7, source);
        ps.setString(8, k.file());
        ps.setString(9, source);
        ps.setString(10, k.vote());
        ps.setString(11, source);
        ps.setString(
            12, "The UN Digital Library's file says otherwise; the published value stands.");
        ps.setObject(13, at);
        ps.setObject(14, at);
        ps.addBatch();
      }
      return sum(ps.executeBatch());
    }
  }

  private static int sum(int[] counts) {
    int n = 0;
    for (int x : counts) {
      n += Math.max(0, x);
    }
    return n;
  }
}
