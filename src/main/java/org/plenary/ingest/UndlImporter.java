package org.plenary.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.plenary.ingest.UndlFile.RollCall;
import org.plenary.ingest.undl.Conflict;
import org.plenary.ingest.undl.FileRollCall;
import org.plenary.ingest.undl.HeldVote;
import org.plenary.ingest.undl.SameDecision;
import org.plenary.ingest.undl.Symbol;
import org.plenary.ingest.undl.Tallies;
import org.plenary.ingest.undl.VotingLinks;
import org.plenary.release.Publisher;
import org.plenary.release.ReleaseDraft;
import org.plenary.seed.BulkLoad;
import org.plenary.seed.Schema;
import org.postgresql.copy.CopyIn;

/**
 * Imports the UN Digital Library's General Assembly voting file into the database, in one
 * transaction: the file is read and checked while its rows are copied into a temporary table (or,
 * on a first import, new roll calls' rows straight into {@code roll_call}, its keys dropped and
 * made again after: {@link BulkLoad}), and only a file without problems is merged; a refused file
 * rolls everything back. The merge adds and updates, never deletes: roll calls become votes ({@code
 * undl-<undl_id>}) with their roll calls, unknown delegations (historic states) are added as
 * non-members, and a roll call whose resolution is a curated vote's (A/RES/74/247) is linked to
 * that vote instead of duplicating it (the curated record stands; disagreements are reported). An
 * import that changes data publishes a new dataset version; one that changes nothing writes
 * nothing.
 */
@ApplicationScoped
public class UndlImporter {
  /** The body whose roll calls the file holds. */
  static final String BODY = "ga-plenary";

  static final String DATASET_URL = "https://digitallibrary.un.org/record/4060887";

  @Inject ImportTransaction transaction;

  /**
   * New country votes from which an import inserts them as pg_restore would ({@link BulkLoad});
   * fewer go in row by row, the foreign keys checked by their triggers and the table never locked
   * for more than their insert.
   */
  static final long BULK_FROM = 50_000;

  /** What an import did. */
  public record Summary(
      Path file,
      String sha256,
      long rowsRead,
      int rollCalls,
      int rollCallsAdded,
      int rollCallsChanged,
      int rollCallsUnchanged,
      List<String> linked,
      long votesAdded,
      long votesChanged,
      long votesUnchanged,
      long votesLeftToCurated,
      List<String> delegationsAdded,
      long documentsAdded,
      long documentLinksAdded,
      List<String> conflicts,
      List<String> notes,
      String versionBefore,
      String versionAfter) {
    public boolean changed() {
      return !Objects.equals(versionBefore, versionAfter);
    }
  }

  /** The release an import of one of the UN Digital Library's files hands the publisher. */
  static ReleaseDraft libraryRelease(
      Path file, String sha256, String changes, java.time.LocalDate date) {
    return new ReleaseDraft.Imported(
        "undl", "the UN Digital Library", file.getFileName().toString(), sha256, changes, date);
  }

  /** Imports {@code file}; throws {@link UndlFile.Refused} (and changes nothing) on a bad file. */
  public Summary importFile(Path file, Consumer<String> progress) {
    return importFile(file, progress, BULK_FROM);
  }

  /** As {@link #importFile(Path, Consumer)}, in bulk from {@code bulkFrom} new country votes. */
  Summary importFile(Path file, Consumer<String> progress, long bulkFrom) {
    return transaction.run(file, c -> run(c, file, progress, bulkFrom), Summary::changed);
  }

  /** The read and stage steps' outcome: the file's contents, and how its rows were staged. */
  private record Staged(
      UndlFile.Contents contents, Set<Integer> direct, Optional<BulkLoad> bulk, long t0) {}

  /** The merge steps' counts. */
  private record Merged(
      Set<String> votesTouched, int rollCallsAdded, long votesAdded, long votesChanged) {}

  /**
   * The pipeline: read and validate the file while staging its rows (COPY), reconcile its roll
   * calls with the votes held ({@link SameDecision}, {@link VotingLinks}: pure), merge set-wise
   * (delegations, votes, country votes, links), cite, summarize, publish.
   */
  private Summary run(Connection c, Path file, Consumer<String> progress, long bulkFrom)
      throws SQLException, IOException {
    // every row the import writes carries the transaction's time: the default of created_at and
    // updated_at, which the rows copied straight into roll_call take (no timestamps to parse)
    ImportTransaction.Begun begun = ImportTransaction.begin(c);
    OffsetDateTime at = begun.at();
    String versionBefore = begun.version();
    prepare(c, file);
    HeldVotes held = HeldVotes.load(c, BODY, true);

    // 1. read, check and stage
    Staged staged = stage(c, file, progress, held);
    UndlFile.Contents contents = staged.contents();
    long t0 = staged.t0();

    // 2. reconcile: which vote each roll call is (imported before, another source's, or new)
    VotingLinks links = reconcile(contents, held);
    Map<Integer, String> voteIds = new LinkedHashMap<>();
    for (RollCall rc : contents.rollCalls()) {
      String id = links.imported().get(rc.undlId());
      id = id != null ? id : links.links().get(rc.undlId());
      voteIds.put(rc.undlId(), id != null ? id : "undl-" + rc.undlId());
    }
    Set<Integer> linkedIds = links.links().keySet();
    List<String> conflicts = new ArrayList<>(links.conflicts());
    List<String> notes = new ArrayList<>(contents.warnings());
    notes.addAll(links.notes());
    List<Conflict> structured = new ArrayList<>(links.tallies());

    // 3. merge: delegations the dataset does not have yet (historic states) as non-members, the
    // roll calls as a staged table of votes, then votes, country votes and links set-wise
    List<String> delegationsAdded = addDelegations(c, contents.names(), at);
    stageHeads(c, contents, voteIds, linkedIds, notes);
    Merged merged = merge(c, contents, staged, voteIds, bulkFrom, at, progress);
    progress.accept(elapsed(t0) + "country votes merged; linking and citing ...");
    Set<String> linksTouched = link(c, at);
    conflicts.addAll(rowConflicts(c, contents, linkedIds, structured));

    // 4. sources: the file (written with the import; rolled back with it when nothing changed),
    // cited by what it added or changed, by every delegation it added (one an earlier import added
    // without a citation is cited now), and by the documents of its roll calls, which become rows
    String sourceId = "undl-ga-voting-" + contents.sha256().substring(0, 12);
    source(c, file, contents, sourceId, at);
    LibraryDocuments.Stored documents =
        LibraryDocuments.store(c, documents(contents, voteIds), sourceId, at);
    if (!documents.skipped().isEmpty()) {
      notes.add(LibraryDocuments.skippedNote(documents.skipped()));
    }
    List<String> delegationsToCite = uncitedDelegations(c, contents.names().keySet());
    Set<String> votesTouched = merged.votesTouched();
    boolean changed =
        !votesTouched.isEmpty()
            || !linksTouched.isEmpty()
            || !delegationsToCite.isEmpty()
            || documents.any();
    if (changed) {
      cite(c, sourceId, votesTouched, linksTouched, at);
      citeDelegations(c, sourceId, delegationsToCite, at);
      LibraryImporter.storeConflicts(c, structured, sourceId, at);
      // the planner's statistics follow at once (autovacuum would, later): a history page walks
      // the votes by date only when the planner knows how many there are
      try (Statement s = c.createStatement()) {
        s.execute("analyze vote, delegation");
      }
    }

    // 5. summarize and publish
    long importedRows = 0;
    long leftToCurated = 0;
    for (RollCall rc : contents.rollCalls()) {
      if (linkedIds.contains(rc.undlId())) {
        leftToCurated += rc.rows();
      } else {
        importedRows += rc.rows();
      }
    }
    int rollCallsAdded = merged.rollCallsAdded();
    int rollCallsChanged = votesTouched.size() - rollCallsAdded;
    int rollCallsUnchanged =
        contents.rollCalls().size() - rollCallsAdded - rollCallsChanged - linkedIds.size();
    long votesAdded = merged.votesAdded();
    long votesChanged = merged.votesChanged();
    long votesUnchanged = importedRows - votesAdded - votesChanged;
    String versionAfter = versionBefore;
    if (changed) {
      String what =
          String.format(
              Locale.ROOT,
              "%d roll calls added, %d changed; %d country votes added, %d changed; %d"
                  + " delegations added; %d links to curated votes added or changed; %d documents"
                  + " added.",
              rollCallsAdded,
              rollCallsChanged,
              votesAdded,
              votesChanged,
              delegationsAdded.size(),
              linksTouched.size(),
              documents.documents());
      versionAfter =
          Publisher.publish(c, libraryRelease(file, contents.sha256(), what, at.toLocalDate()));
    }
    return new Summary(
        file,
        contents.sha256(),
        contents.rows(),
        contents.rollCalls().size(),
        rollCallsAdded,
        rollCallsChanged,
        Math.max(0, rollCallsUnchanged),
        links.linked(),
        votesAdded,
        votesChanged,
        votesUnchanged,
        leftToCurated,
        delegationsAdded,
        documents.documents(),
        documents.links(),
        conflicts,
        notes,
        versionBefore,
        versionAfter);
  }

  /**
   * The documents each roll call names: its resolution (the text adopted, with its title and date,
   * when the row links its record in the Library, which lists only adopted resolutions; else the
   * subject of the vote, which may be on a paragraph or an amendment), its drafts, committee
   * reports and meeting records.
   */
  private static List<LibraryDocuments.Named> documents(
      UndlFile.Contents contents, Map<Integer, String> voteIds) {
    List<LibraryDocuments.Named> out = new ArrayList<>();
    for (RollCall rc : contents.rollCalls()) {
      String voteId = voteIds.get(rc.undlId());
      boolean adopted = "adopted".equals(rc.outcome());
      String locator = "undl_id " + rc.undlId() + (rc.link() == null ? "" : " (" + rc.link() + ")");
      for (LibraryDocuments.Named n :
          LibraryDocuments.of(
              voteId,
              BODY,
              rc.symbol(),
              adopted ? rc.resolutionTitle() : null,
              adopted ? LocalDate.parse(rc.date()) : null,
              rc.drafts(),
              rc.committeeReports(),
              rc.meetings(),
              locator)) {
        out.add(
            n.role().equals("adopted_text") && !adopted
                ? new LibraryDocuments.Named(
                    n.voteId(), n.symbol(), n.kind(), "subject", null, n.bodyId(), null, locator)
                : n);
      }
    }
    return out;
  }

  /** The body must exist; the staging table of the file's rows. */
  private static void prepare(Connection c, Path file) throws SQLException {
    try (Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("select 1 from body where id = '" + BODY + "'")) {
        if (!rs.next()) {
          throw new UndlFile.Refused(
              file, 0, "the dataset has no body '" + BODY + "' (the General Assembly plenary)");
        }
      }
      s.execute(
          "create temp table undl_row (undl_id integer not null, ms_code text not null,"
              + " vote text not null) on commit drop");
    }
  }

  /**
   * Reads and checks the file; only a file without problems is merged. A first import (no roll call
   * imported yet) copies the country votes of new roll calls straight into roll_call as they are
   * read, as pg_restore would ({@link BulkLoad}: keys and index made again after); every other row,
   * and every row of a later import, is copied into the staging table and merged set-wise after the
   * read (the rows of roll calls that may be held votes are kept, compactly, until the first copy
   * ends).
   */
  private static Staged stage(Connection c, Path file, Consumer<String> progress, HeldVotes held)
      throws SQLException, IOException {
    Map<Integer, String> existing = new HashMap<>();
    for (HeldVote h : held.votes()) {
      if (h.undlId() != null) {
        existing.put(h.undlId(), h.id());
      }
    }
    SameDecision.MayHold mayHold = SameDecision.mayHold(held.votes());
    boolean firstImport = existing.values().stream().noneMatch(id -> id.startsWith("undl-"));
    Optional<BulkLoad> bulk =
        firstImport ? BulkLoad.suspend(c, "roll_call", true) : Optional.empty();
    boolean straight = bulk.isPresent();
    long t0 = System.nanoTime();
    progress.accept("Reading " + file + " ...");
    Set<Integer> direct = new LinkedHashSet<>();
    Map<String, Integer> codes = new HashMap<>();
    List<String> codeList = new ArrayList<>();
    IntList kept = new IntList();
    UndlFile.Contents contents;
    try (Staging copy =
        Staging.copy(
            c,
            straight
                ? "roll_call (vote_id, delegation_id, vote, origin)"
                : "undl_row (undl_id, ms_code, vote)")) {
      StringBuilder sb = copy.buffer();
      Map<Integer, Boolean> straightIn = new HashMap<>();
      contents =
          UndlFile.read(
              file,
              (rc, code, ballot) -> {
                if (!straight) {
                  sb.append(rc.undlId).append(',').append(code).append(',').append(ballot);
                  sb.append('\n');
                } else if (straightIn.computeIfAbsent(
                    rc.undlId, k -> !existing.containsKey(k) && !mayHold(mayHold, rc))) {
                  direct.add(rc.undlId);
                  sb.append("undl-").append(rc.undlId).append(',').append(code).append(',');
                  sb.append(ballot).append(",undl\n");
                } else {
                  Integer k = codes.get(code);
                  if (k == null) {
                    k = codeList.size();
                    codes.put(code, k);
                    codeList.add(code);
                  }
                  kept.add(rc.undlId);
                  kept.add(k << 2 | BALLOTS.indexOf(ballot));
                }
                copy.rowWritten();
              },
              n -> progress.accept(elapsed(t0) + String.format(Locale.ROOT, "%,d rows read", n)));
      copy.end();
    }
    if (straight) {
      try (Staging rest = Staging.copy(c, "undl_row (undl_id, ms_code, vote)")) {
        StringBuilder sb = rest.buffer();
        for (int i = 0; i < kept.size(); i += 2) {
          int v = kept.get(i + 1);
          sb.append(kept.get(i)).append(',').append(codeList.get(v >> 2)).append(',');
          sb.append(BALLOTS.get(v & 3)).append('\n');
          rest.rowWritten();
        }
        rest.end();
      }
    }
    progress.accept(
        elapsed(t0)
            + String.format(
                Locale.ROOT,
                "%,d rows, %,d roll calls, checked; merging ...",
                contents.rows(),
                contents.rollCalls().size()));
    try (Statement s = c.createStatement()) {
      s.execute("analyze undl_row");
    }
    return new Staged(contents, direct, bulk, t0);
  }

  /** Whether a roll call of the file may be a held vote by its symbol, date and totals. */
  private static boolean mayHold(SameDecision.MayHold mayHold, RollCall rc) {
    Symbol symbol = Symbol.parse(rc.symbol()).orElse(null);
    Integer[] totals = rc.totals();
    return mayHold.test(symbol, LocalDate.parse(rc.date()), totals[0], totals[1], totals[2]);
  }

  /** The file's roll calls as the same-decision rule sees them. */
  static List<FileRollCall> rollCalls(UndlFile.Contents contents) {
    List<FileRollCall> out = new ArrayList<>(contents.rollCalls().size());
    for (RollCall rc : contents.rollCalls()) {
      Integer[] t = rc.tallies();
      out.add(
          new FileRollCall(
              rc.undlId(),
              rc.symbol(),
              Symbol.parse(rc.symbol()).orElse(null),
              LocalDate.parse(rc.date()),
              new Tallies(t[0], t[1], t[2], t[3]),
              Map.of()));
    }
    return out;
  }

  /** Reconcile: the pure rules over the roll calls read and the votes held. */
  private static VotingLinks reconcile(UndlFile.Contents contents, HeldVotes held) {
    List<FileRollCall> incoming = rollCalls(contents);
    var r = new SameDecision().reconcile(held.votes(), incoming);
    return VotingLinks.of(
        r,
        incoming,
        held.votes(),
        h -> h.id().startsWith("undl-") && "undl".equals(held.origins().get(h.id())),
        h -> Schema.LAYER_ORIGINS.contains(held.origins().get(h.id())));
  }

  /** The roll calls, staged as a temporary table of votes. */
  private static void stageHeads(
      Connection c,
      UndlFile.Contents contents,
      Map<Integer, String> voteIds,
      Set<Integer> linkedIds,
      List<String> notes)
      throws SQLException, IOException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "create temp table undl_head (undl_id integer primary key, vote_id text not null,"
              + " linked boolean not null, date date not null, session text, resolution text,"
              + " subject text not null, meeting text, note text, yes integer, no integer,"
              + " abstain integer, non_voting integer, status text not null, outcome text,"
              + " is_new boolean not null"
              + " default false, direct boolean not null default false) on commit drop");
    }
    int disagreeing = 0;
    try (Staging heads =
        Staging.copy(
            c,
            "undl_head (undl_id, vote_id, linked, date, session, resolution, subject, meeting,"
                + " note, yes, no, abstain, non_voting, status, outcome)")) {
      for (RollCall rc : contents.rollCalls()) {
        if (rc.rowsDisagreeWithTotals()) {
          disagreeing++;
        }
        Integer[] t = rc.tallies();
        heads.row(
            rc.undlId(),
            voteIds.get(rc.undlId()),
            linkedIds.contains(rc.undlId()),
            rc.date(),
            rc.session(),
            rc.symbol(),
            rc.title(),
            rc.meeting(),
            rc.note(),
            t[0],
            t[1],
            t[2],
            t[3],
            rc.status(),
            rc.outcome());
      }
      heads.end();
    }
    if (disagreeing > 0) {
      notes.add(
          disagreeing
              + " roll call(s) have totals that differ from the count of their rows: their"
              + " tallies are the file's totals, their roll_call_status is partial");
    }
  }

  /**
   * Merge: new roll calls added as votes, changed ones updated (only imported votes, never another
   * source's); their country votes: a new roll call's rows are all new (inserted in key order, no
   * conflict to check); of a known one, only the rows that differ are written. Many new rows go in
   * as pg_restore would put them ({@link BulkLoad}).
   */
  private static Merged merge(
      Connection c,
      UndlFile.Contents contents,
      Staged staged,
      Map<Integer, String> voteIds,
      long bulkFrom,
      OffsetDateTime at,
      Consumer<String> progress)
      throws SQLException {
    Set<String> votesTouched = new LinkedHashSet<>();
    List<String> addedVotes = new ArrayList<>();
    int rollCallsAdded = 0;
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into vote (id, body_id, date, date_precision, subject, method, outcome, yes,"
                + " no, abstain, non_voting, roll_call_status, meeting, certainty, note, undl_id,"
                + " session, resolution, origin, created_at, updated_at)"
                + " select vote_id, '"
                + BODY
                + "', date, 'day', subject, 'recorded', outcome, yes, no, abstain, non_voting,"
                + " status, meeting, 'confirmed', note, undl_id, session, resolution, 'undl', ?, ?"
                + " from undl_head where not linked order by undl_id"
                + " on conflict (id) do update set date = excluded.date, subject ="
                + " excluded.subject, yes = excluded.yes, no = excluded.no, abstain ="
                + " excluded.abstain, non_voting = excluded.non_voting, roll_call_status ="
                + " excluded.roll_call_status, meeting = excluded.meeting, note = excluded.note,"
                + " session = excluded.session, resolution = excluded.resolution, outcome ="
                + " excluded.outcome, updated_at ="
                + " excluded.updated_at"
                + " where vote.origin = 'undl' and (vote.date, vote.subject, vote.yes, vote.no,"
                + " vote.abstain, vote.non_voting, vote.roll_call_status, vote.meeting, vote.note,"
                + " vote.session, vote.resolution, vote.outcome) is distinct from (excluded.date,"
                + " excluded.subject, excluded.yes, excluded.no, excluded.abstain,"
                + " excluded.non_voting, excluded.roll_call_status, excluded.meeting,"
                + " excluded.note, excluded.session, excluded.resolution, excluded.outcome)"
                + " returning id, (xmax = 0) as added")) {
      ps.setObject(1, at);
      ps.setObject(2, at);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          votesTouched.add(rs.getString(1));
          if (rs.getBoolean(2)) {
            rollCallsAdded++;
            addedVotes.add(rs.getString(1));
          }
        }
      }
    }

    progress.accept(elapsed(staged.t0()) + "merging the country votes ...");
    long votesAdded = 0;
    long votesChanged = 0;
    try (PreparedStatement ps =
        c.prepareStatement("update undl_head set is_new = true where vote_id = any(?)")) {
      ps.setArray(1, c.createArrayOf("text", addedVotes.toArray()));
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement("update undl_head set direct = true where undl_id = any(?)")) {
      ps.setArray(1, c.createArrayOf("int4", staged.direct().toArray()));
      ps.executeUpdate();
    }
    Set<String> added = new HashSet<>(addedVotes);
    long newRows = 0;
    for (RollCall rc : contents.rollCalls()) {
      long n = rc.rows();
      if (staged.direct().contains(rc.undlId())) {
        votesAdded += n; // copied while the file was read
      } else if (added.contains(voteIds.get(rc.undlId()))) {
        newRows += n;
      }
    }
    Optional<BulkLoad> bulk = staged.bulk();
    if (bulk.isEmpty() && newRows >= bulkFrom) {
      long existingRows;
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select count(*) from roll_call")) {
        rs.next();
        existingRows = rs.getLong(1);
      }
      bulk = BulkLoad.suspend(c, "roll_call", newRows >= existingRows);
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into roll_call (vote_id, delegation_id, vote, origin, created_at, updated_at)"
                + " select h.vote_id, r.ms_code, r.vote, 'undl', ?, ? from undl_row r join"
                + " undl_head h on h.undl_id = r.undl_id where h.is_new and not h.direct"
                + " order by h.vote_id, r.ms_code")) {
      ps.setObject(1, at);
      ps.setObject(2, at);
      votesAdded += ps.executeUpdate();
    }
    if (bulk.isPresent()) {
      progress.accept(elapsed(staged.t0()) + "checking references, building indexes ...");
      bulk.get().restore();
    }
    try (Statement s = c.createStatement()) {
      s.execute(
          "create temp table undl_diff on commit drop as select h.vote_id, r.ms_code, r.vote,"
              + " rc.vote is null as missing from undl_row r join undl_head h on h.undl_id ="
              + " r.undl_id left join roll_call rc on rc.vote_id = h.vote_id and rc.delegation_id"
              + " = r.ms_code where not h.linked and not h.is_new and rc.vote is distinct from"
              + " r.vote and (rc.origin is null or rc.origin = 'undl')");
    }
    try (PreparedStatement ins =
            c.prepareStatement(
                "insert into roll_call (vote_id, delegation_id, vote, origin, created_at,"
                    + " updated_at) select vote_id, ms_code, vote, 'undl', ?, ? from undl_diff"
                    + " where missing order by vote_id, ms_code");
        PreparedStatement upd =
            c.prepareStatement(
                "update roll_call r set vote = d.vote, updated_at = ? from undl_diff d where not"
                    + " d.missing and r.vote_id = d.vote_id and r.delegation_id = d.ms_code");
        Statement s = c.createStatement()) {
      ins.setObject(1, at);
      ins.setObject(2, at);
      votesAdded += ins.executeUpdate();
      upd.setObject(1, at);
      votesChanged += upd.executeUpdate();
      try (ResultSet rs = s.executeQuery("select distinct vote_id from undl_diff")) {
        while (rs.next()) {
          votesTouched.add(rs.getString(1));
        }
      }
    }
    return new Merged(votesTouched, rollCallsAdded, votesAdded, votesChanged);
  }

  /**
   * Links to another source's votes: the vote gains undl_id, and session and resolution where it
   * says nothing of them (Voeten's R/73/187 stays); its roll call stands. Returns the votes
   * changed.
   */
  private static Set<String> link(Connection c, OffsetDateTime at) throws SQLException {
    Set<String> linksTouched = new LinkedHashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "update vote v set undl_id = h.undl_id, session = coalesce(v.session, h.session),"
                + " resolution = coalesce(v.resolution, h.resolution), updated_at = ? from"
                + " undl_head h where h.linked and v.id = h.vote_id and (v.undl_id, v.session,"
                + " v.resolution) is distinct from (h.undl_id, coalesce(v.session, h.session),"
                + " coalesce(v.resolution, h.resolution)) returning v.id")) {
      ps.setObject(1, at);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          linksTouched.add(rs.getString(1));
        }
      }
    }
    return linksTouched;
  }

  static List<String> addDelegations(Connection c, Map<String, String> names, OffsetDateTime at)
      throws SQLException {
    Set<String> known = knownDelegations(c, names.keySet());
    List<String> added = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into delegation (id, iso2, name, kind, un_member, regional_group,"
                + " regional_group_status, note, origin, created_at, updated_at) values (?, null,"
                + " ?, 'member_state', false, null, 'none', ?, 'undl', ?, ?)")) {
      for (var e : names.entrySet()) {
        if (known.contains(e.getKey())) {
          continue;
        }
        ps.setString(1, e.getKey());
        ps.setString(2, displayName(e.getValue()));
        ps.setString(
            3,
            "Added by the import of the UN Digital Library's voting file, which names it "
                + e.getValue()
                + ": a state that is not among today's members (a historic code), so not a UN"
                + " member here and in no regional group.");
        ps.setObject(4, at);
        ps.setObject(5, at);
        ps.addBatch();
        added.add(e.getKey());
      }
      if (!added.isEmpty()) {
        ps.executeBatch();
      }
    }
    return added;
  }

  /** Which of {@code codes} are delegations the dataset holds. */
  static Set<String> knownDelegations(Connection c, java.util.Collection<String> codes)
      throws SQLException {
    Set<String> known = new LinkedHashSet<>();
    try (PreparedStatement ps = c.prepareStatement("select id from delegation where id = any(?)")) {
      ps.setArray(1, c.createArrayOf("text", codes.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          known.add(rs.getString(1));
        }
      }
    }
    return known;
  }

  /** YUGOSLAVIA becomes Yugoslavia; names with lower case are kept as they are. */
  static String displayName(String name) {
    if (!name.equals(name.toUpperCase(Locale.ROOT))) {
      return name;
    }
    StringBuilder sb = new StringBuilder(name.length());
    boolean start = true;
    for (char ch : name.toLowerCase(Locale.ROOT).toCharArray()) {
      sb.append(start ? Character.toUpperCase(ch) : ch);
      start = !Character.isLetter(ch) && ch != '\'';
    }
    String s = sb.toString();
    for (String small : List.of(" Of ", " The ", " And ", " For ")) {
      s = s.replace(small, small.toLowerCase(Locale.ROOT));
    }
    return s;
  }

  /**
   * Delegations whose vote in the file differs from a linked vote's roll call (one query over the
   * staged rows): a record per difference, a line per vote, in the file's order.
   */
  private static List<String> rowConflicts(
      Connection c, UndlFile.Contents contents, Set<Integer> linkedIds, List<Conflict> out)
      throws SQLException {
    Map<Integer, List<String[]>> byRollCall = new HashMap<>();
    if (!linkedIds.isEmpty()) {
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select h.undl_id, h.vote_id, r.ms_code, r.vote, cur.vote from undl_row r join"
                      + " undl_head h on h.undl_id = r.undl_id left join roll_call cur on"
                      + " cur.vote_id = h.vote_id and cur.delegation_id = r.ms_code where h.linked"
                      + " and cur.vote is distinct from r.vote and not (cur.vote is null and"
                      + " r.vote = 'non_voting') order by h.undl_id, r.ms_code")) {
        while (rs.next()) {
          byRollCall
              .computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
              .add(
                  new String[] {
                    rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)
                  });
        }
      }
    }
    List<String> lines = new ArrayList<>();
    for (RollCall rc : contents.rollCalls()) {
      List<String[]> rows = byRollCall.get(rc.undlId());
      if (rows == null || !linkedIds.contains(rc.undlId())) {
        continue;
      }
      String voteId = rows.get(0)[0];
      List<String> diffs = new ArrayList<>();
      for (String[] r : rows) {
        out.add(new Conflict(voteId, "ballot", r[1], r[3], r[2]));
        if (diffs.size() < 5) {
          diffs.add(
              r[1]
                  + " "
                  + r[2]
                  + " in the file, "
                  + (r[3] == null ? "absent" : r[3])
                  + " in the curated roll call");
        }
      }
      lines.add(
          String.format(
              "%s (undl_id %d): %d delegation(s) voted otherwise in the file (%s%s); the curated"
                  + " roll call stands",
              voteId,
              rc.undlId(),
              rows.size(),
              String.join("; ", diffs),
              rows.size() > diffs.size() ? "; ..." : ""));
    }
    return lines;
  }

  /** The file as a source. */
  private static void source(
      Connection c, Path file, UndlFile.Contents contents, String sourceId, OffsetDateTime at)
      throws SQLException, IOException {
    LocalDate fileDate =
        Files.getLastModifiedTime(file).toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into source (id, publisher, title, url, published, published_precision,"
                + " kind, note, origin, created_at, updated_at) values (?, ?, ?, ?, ?, 'day',"
                + " 'official_un', ?, 'undl', ?, ?) on conflict (id) do nothing")) {
      ps.setString(1, sourceId);
      ps.setString(2, "United Nations Dag Hammarskjöld Library (UN Digital Library)");
      ps.setString(3, "UN General Assembly Voting Data (" + file.getFileName() + ")");
      ps.setString(4, DATASET_URL);
      ps.setObject(5, fileDate);
      ps.setString(
          6,
          "File "
              + file.getFileName()
              + " dated "
              + fileDate
              + ", SHA-256 "
              + contents.sha256()
              + "; "
              + contents.rows()
              + " rows. The locator of a citation is the roll call's undl_id. A roll call that"
              + " links its record in the UN Digital Library (undl_link) has the outcome adopted:"
              + " the Library's voting file lists only resolutions adopted by a recorded vote"
              + " (its data dictionary). Without that link (a file reshaped from another source,"
              + " which may hold paragraph and amendment votes) the outcome stays unknown.");
      ps.setObject(7, at);
      ps.setObject(8, at);
      ps.executeUpdate();
    }
  }

  /** The file cited by the votes it added or changed and by those it linked. */
  private static void cite(
      Connection c, String sourceId, Set<String> votes, Set<String> links, OffsetDateTime at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into citation (record_type, record_id, source_id, locator, origin,"
                + " created_at, updated_at) select t.record_type, v.id, ?, 'undl_id ' ||"
                + " v.undl_id, 'undl', ?, ? from vote v cross join (values ('vote'),"
                + " ('roll_call')) t(record_type) where v.id = any(?) and (t.record_type = 'vote'"
                + " or v.origin = 'undl') on conflict do nothing")) {
      List<String> ids = new ArrayList<>(votes);
      ids.addAll(links);
      ps.setString(1, sourceId);
      ps.setObject(2, at);
      ps.setObject(3, at);
      ps.setArray(4, c.createArrayOf("text", ids.toArray()));
      ps.executeUpdate();
    }
  }

  /** The imported delegations (historic states) among {@code codes} that cite no source. */
  private static List<String> uncitedDelegations(Connection c, Set<String> codes)
      throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select d.id from delegation d where d.origin = 'undl' and d.id = any(?) and not"
                + " exists (select 1 from citation ct where ct.record_type = 'delegation' and"
                + " ct.record_id = d.id) order by d.id")) {
      ps.setArray(1, c.createArrayOf("text", codes.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /** Each delegation the import added cites the file, at its code (the file's ms_code). */
  private static void citeDelegations(
      Connection c, String sourceId, List<String> delegations, OffsetDateTime at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into citation (record_type, record_id, source_id, locator, origin,"
                + " created_at, updated_at) select 'delegation', d, ?, 'ms_code ' || d, 'undl', ?,"
                + " ? from unnest(?::text[]) d on conflict do nothing")) {
      ps.setString(1, sourceId);
      ps.setObject(2, at);
      ps.setObject(3, at);
      ps.setArray(4, c.createArrayOf("text", delegations.toArray()));
      ps.executeUpdate();
    }
  }

  static String elapsed(long t0) {
    return String.format(Locale.ROOT, "  [%5.1f s] ", (System.nanoTime() - t0) / 1e9);
  }

  private static final List<String> BALLOTS = List.of("yes", "no", "abstain", "non_voting");

  /** A growable list of ints (two per held row). */
  private static final class IntList {
    private int[] a = new int[1024];
    private int n;

    void add(int v) {
      if (n == a.length) {
        a = java.util.Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    int get(int i) {
      return a[i];
    }

    int size() {
      return n;
    }
  }

  /** Sends a chunk of CSV to a COPY (also used by the General Debate's importer). */
  static void flush(CopyIn copy, StringBuilder sb) throws IOException {
    Staging.flush(copy, sb);
  }

  /** Appends a CSV row of quoted values (null is SQL null). */
  static void csv(StringBuilder sb, Object... values) {
    Staging.csv(sb, values);
  }
}
