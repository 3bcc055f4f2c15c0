package org.plenary.ingest;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.plenary.dataset.DatasetState;
import org.plenary.ingest.UndlFile.RollCall;
import org.plenary.ingest.undl.Conflict;
import org.plenary.release.Publisher;
import org.plenary.release.ReleaseDraft;
import org.plenary.seed.BulkLoad;
import org.plenary.seed.Schema;
import org.plenary.seed.Symbols;
import org.postgresql.PGConnection;
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

  private static final int CHUNK = 1 << 16;

  @Inject AgroalDataSource dataSource;
  @Inject DatasetState state;

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
      List<String> conflicts,
      List<String> notes,
      String versionBefore,
      String versionAfter) {
    public boolean changed() {
      return !Objects.equals(versionBefore, versionAfter);
    }
  }

  /** A curated recorded vote that adopted a resolution. */
  private record Curated(
      String id, Integer yes, Integer no, Integer abstain, Integer nonVoting, Integer undlId) {
    Integer[] tallies() {
      return new Integer[] {yes, no, abstain, nonVoting};
    }
  }

  /** Imports {@code file}; throws {@link UndlFile.Refused} (and changes nothing) on a bad file. */
  public Summary importFile(Path file, Consumer<String> progress) {
    return importFile(file, progress, BULK_FROM);
  }

  /** As {@link #importFile(Path, Consumer)}, in bulk from {@code bulkFrom} new country votes. */
  Summary importFile(Path file, Consumer<String> progress, long bulkFrom) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        Summary s = run(c, file, progress, bulkFrom);
        if (s.changed()) {
          c.commit();
          state.refresh();
        } else {
          c.rollback(); // nothing new: not even a temporary trace
        }
        return s;
      } catch (RuntimeException | SQLException | IOException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Import of " + file + " failed: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UndlFile.Refused(file, 0, "could not be read (" + e.getMessage() + ")");
    }
  }

  private Summary run(Connection c, Path file, Consumer<String> progress, long bulkFrom)
      throws SQLException, IOException {
    // every row the import writes carries the transaction's time: the default of created_at and
    // updated_at, which the rows copied straight into roll_call take (no timestamps to parse)
    Begun begun = begin(c);
    OffsetDateTime at = begun.at();
    String versionBefore = begun.version();
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

    // What the dataset knows already: roll calls imported or linked before, curated resolutions
    Map<Integer, String> existing = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select undl_id, id from vote where undl_id is not null")) {
      while (rs.next()) {
        existing.put(rs.getInt(1), rs.getString(2));
      }
    }
    Map<String, List<Curated>> curated = curated(c);
    // the history the published dataset holds (Voeten's roll calls, a layer), by canonical
    // resolution symbol and date: a roll call of the file that is one of them becomes that vote
    Map<String, List<Curated>> history = history(c);

    // 1. read and check the file; only a file without problems is merged. A first import (no
    // roll call imported yet) copies the country votes of new roll calls straight into roll_call
    // as they are read, as pg_restore would (BulkLoad: keys and index made again after); every
    // other row, and every row of a later import, is copied into the temporary table and merged
    // set-wise after the read (the rows of roll calls that may be curated votes are held,
    // compactly, until the first copy ends).
    boolean firstImport = existing.values().stream().noneMatch(id -> id.startsWith("undl-"));
    Optional<BulkLoad> bulk =
        firstImport ? BulkLoad.suspend(c, "roll_call", true) : Optional.empty();
    boolean straight = bulk.isPresent();
    long t0 = System.nanoTime();
    progress.accept("Reading " + file + " ...");
    CopyIn copy =
        c.unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn(
                straight
                    ? "copy roll_call (vote_id, delegation_id, vote, origin) from stdin (format csv)"
                    : "copy undl_row (undl_id, ms_code, vote) from stdin (format csv)");
    String rowEnd = ",undl\n";
    Set<Integer> direct = new LinkedHashSet<>();
    Map<String, Integer> codes = new HashMap<>();
    List<String> codeList = new ArrayList<>();
    IntList held = new IntList();
    UndlFile.Contents contents;
    try {
      StringBuilder sb = new StringBuilder(CHUNK + 256);
      contents =
          UndlFile.read(
              file,
              (rc, code, ballot) -> {
                if (!straight) {
                  sb.append(rc.undlId).append(',').append(code).append(',').append(ballot);
                  sb.append('\n');
                } else if (direct.contains(rc.undlId)
                    || !existing.containsKey(rc.undlId)
                        && (rc.symbol() == null || !curated.containsKey(rc.symbol()))
                        && !history.containsKey(historyKey(rc))
                        && direct.add(rc.undlId)) {
                  sb.append("undl-").append(rc.undlId).append(',').append(code).append(',');
                  sb.append(ballot).append(rowEnd);
                } else {
                  Integer k = codes.get(code);
                  if (k == null) {
                    k = codeList.size();
                    codes.put(code, k);
                    codeList.add(code);
                  }
                  held.add(rc.undlId);
                  held.add(k << 2 | BALLOTS.indexOf(ballot));
                }
                if (sb.length() > CHUNK) {
                  flush(copy, sb);
                }
              },
              n -> progress.accept(elapsed(t0) + String.format(Locale.ROOT, "%,d rows read", n)));
      flush(copy, sb);
      copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
    if (straight) {
      CopyIn rest =
          c.unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn("copy undl_row (undl_id, ms_code, vote) from stdin (format csv)");
      try {
        StringBuilder sb = new StringBuilder(CHUNK + 256);
        for (int i = 0; i < held.size(); i += 2) {
          int v = held.get(i + 1);
          sb.append(held.get(i)).append(',').append(codeList.get(v >> 2)).append(',');
          sb.append(BALLOTS.get(v & 3)).append('\n');
          if (sb.length() > CHUNK) {
            flush(rest, sb);
          }
        }
        flush(rest, sb);
        rest.endCopy();
      } finally {
        if (rest.isActive()) {
          rest.cancelCopy();
        }
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

    List<String> conflicts = new ArrayList<>();
    List<String> notes = new ArrayList<>(contents.warnings());
    // the differences as records (the conflict table, /v1/conflicts)
    List<Conflict> structured = new ArrayList<>();

    // 2. delegations the dataset does not have yet (historic states): non-members
    List<String> delegationsAdded = addDelegations(c, contents.names(), at);

    // 3. which vote each roll call is: already imported, linked to a curated vote, or new
    Map<String, List<RollCall>> bySymbol = new LinkedHashMap<>();
    for (RollCall rc : contents.rollCalls()) {
      if (rc.symbol() != null) {
        bySymbol.computeIfAbsent(rc.symbol(), k -> new ArrayList<>()).add(rc);
      }
    }
    Map<Integer, String> voteIds = new LinkedHashMap<>();
    Set<Integer> linkedIds = new LinkedHashSet<>();
    List<String> linked = new ArrayList<>();
    for (RollCall rc : contents.rollCalls()) {
      String known = existing.get(rc.undlId());
      voteIds.put(rc.undlId(), known != null ? known : "undl-" + rc.undlId());
      if (known != null && !known.startsWith("undl-")) {
        linkedIds.add(rc.undlId()); // linked by an earlier import
      }
    }
    for (var e : bySymbol.entrySet()) {
      List<Curated> candidates = curated.getOrDefault(e.getKey(), List.of());
      if (candidates.isEmpty()) {
        continue;
      }
      if (candidates.size() > 1) {
        conflicts.add(
            e.getKey()
                + ": several curated votes adopted it ("
                + String.join(", ", candidates.stream().map(Curated::id).toList())
                + "); its roll calls are imported as separate votes");
        continue;
      }
      Curated cv = candidates.get(0);
      List<RollCall> rcs = e.getValue();
      RollCall already =
          rcs.stream()
              .filter(rc -> cv.id().equals(existing.get(rc.undlId())))
              .findFirst()
              .orElse(null);
      RollCall link = already;
      if (link == null && cv.undlId() == null) {
        List<RollCall> free =
            rcs.stream().filter(rc -> !existing.containsKey(rc.undlId())).toList();
        List<RollCall> matching = free.stream().filter(rc -> matches(rc, cv)).toList();
        if (free.size() == 1) {
          link = free.get(0);
        } else if (matching.size() == 1) {
          link = matching.get(0);
          conflicts.add(
              String.format(
                  "%s has %d roll calls in the file (undl_id %s): linked %d to %s, the one whose"
                      + " totals match the curated tallies; the others are separate votes",
                  e.getKey(),
                  rcs.size(),
                  String.join(", ", rcs.stream().map(rc -> "" + rc.undlId()).toList()),
                  link.undlId(),
                  cv.id()));
        } else if (free.size() > 1) {
          conflicts.add(
              String.format(
                  "%s has %d roll calls in the file (undl_id %s) and %s of them match the totals"
                      + " of %s: none linked, all imported as separate votes",
                  e.getKey(),
                  rcs.size(),
                  String.join(", ", rcs.stream().map(rc -> "" + rc.undlId()).toList()),
                  matching.isEmpty() ? "none" : "" + matching.size(),
                  cv.id()));
        }
      }
      if (link == null && cv.undlId() != null) {
        conflicts.add(
            String.format(
                "%s is already linked to undl_id %d (from an earlier file); roll call(s) %s of"
                    + " this file are imported as separate votes",
                cv.id(),
                cv.undlId(),
                String.join(", ", rcs.stream().map(rc -> "" + rc.undlId()).toList())));
      }
      if (link != null) {
        voteIds.put(link.undlId(), cv.id());
        linkedIds.add(link.undlId());
        linked.add(cv.id() + " = undl_id " + link.undlId());
        if (!matches(link, cv)) {
          tallyConflicts(structured, cv.id(), link.tallies(), cv.tallies());
          conflicts.add(
              String.format(
                  "%s (undl_id %d): the file's tallies %s differ from the curated %s; the curated"
                      + " record stands",
                  cv.id(), link.undlId(), tallyText(link.tallies()), tallyText(cv.tallies())));
        }
      }
    }

    // 3b. the same decisions in the history: same canonical symbol and date; where the history
    // holds several roll calls of that decision, the one whose tallies are the file's
    List<String> historyLinked = new ArrayList<>();
    Set<String> taken = new HashSet<>(existing.values());
    for (RollCall rc : contents.rollCalls()) {
      if (existing.containsKey(rc.undlId()) || linkedIds.contains(rc.undlId())) {
        continue;
      }
      List<Curated> same =
          history.getOrDefault(historyKey(rc), List.of()).stream()
              .filter(h -> !taken.contains(h.id()))
              .toList();
      if (same.size() > 1) {
        same = same.stream().filter(h -> sameTallies(rc, h)).toList();
      }
      if (same.size() == 1) {
        Curated h = same.get(0);
        taken.add(h.id());
        voteIds.put(rc.undlId(), h.id());
        linkedIds.add(rc.undlId());
        historyLinked.add(h.id());
        if (!matches(rc, h)) {
          tallyConflicts(structured, h.id(), rc.tallies(), h.tallies());
          conflicts.add(
              String.format(
                  "%s (undl_id %d): the file's tallies %s differ from the published %s; the"
                      + " published record stands",
                  h.id(), rc.undlId(), tallyText(rc.tallies()), tallyText(h.tallies())));
        }
      } else if (history.containsKey(historyKey(rc))) {
        notes.add(
            String.format(
                "undl_id %d (%s, %s): %s of the history's roll calls of that decision match its"
                    + " tallies; imported as a separate vote",
                rc.undlId(), rc.symbol(), rc.date(), same.isEmpty() ? "none" : "" + same.size()));
      }
    }
    if (!historyLinked.isEmpty()) {
      notes.add(
          historyLinked.size()
              + " roll call(s) are votes the published history holds already (Voeten's data):"
              + " linked, not copied; the published roll calls stand");
    }

    // 4. the roll calls, as a temporary table of votes
    try (Statement s = c.createStatement()) {
      s.execute(
          "create temp table undl_head (undl_id integer primary key, vote_id text not null,"
              + " linked boolean not null, date date not null, session text, resolution text,"
              + " subject text not null, meeting text, note text, yes integer, no integer,"
              + " abstain integer, non_voting integer, status text not null, outcome text,"
              + " is_new boolean not null"
              + " default false, direct boolean not null default false) on commit drop");
    }
    CopyIn heads =
        c.unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn(
                "copy undl_head (undl_id, vote_id, linked, date, session, resolution, subject,"
                    + " meeting, note, yes, no, abstain, non_voting, status, outcome) from stdin"
                    + " (format csv)");
    try {
      StringBuilder sb = new StringBuilder(CHUNK + 1024);
      int disagreeing = 0;
      for (RollCall rc : contents.rollCalls()) {
        if (rc.rowsDisagreeWithTotals()) {
          disagreeing++;
        }
        Integer[] t = rc.tallies();
        csv(
            sb,
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
        if (sb.length() > CHUNK) {
          flush(heads, sb);
        }
      }
      flush(heads, sb);
      heads.endCopy();
      if (disagreeing > 0) {
        notes.add(
            disagreeing
                + " roll call(s) have totals that differ from the count of their rows: their"
                + " tallies are the file's totals, their roll_call_status is partial");
      }
    } finally {
      if (heads.isActive()) {
        heads.cancelCopy();
      }
    }

    long votesAdded = 0;

    // 5. votes: new roll calls added, changed ones updated (only imported votes, never curated)
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

    // 6. the country votes of imported roll calls: a new roll call's rows are all new (inserted
    // in key order, no conflict to check); of a known one, only the rows that differ are written.
    // Many new rows go in as pg_restore would put them (BulkLoad).
    progress.accept(elapsed(t0) + "merging the country votes ...");
    long votesChanged = 0;
    try (PreparedStatement ps =
        c.prepareStatement("update undl_head set is_new = true where vote_id = any(?)")) {
      ps.setArray(1, c.createArrayOf("text", addedVotes.toArray()));
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement("update undl_head set direct = true where undl_id = any(?)")) {
      ps.setArray(1, c.createArrayOf("int4", direct.toArray()));
      ps.executeUpdate();
    }
    Set<String> added = new HashSet<>(addedVotes);
    long newRows = 0;
    for (RollCall rc : contents.rollCalls()) {
      long n = rc.rows();
      if (direct.contains(rc.undlId())) {
        votesAdded += n; // copied while the file was read
      } else if (added.contains(voteIds.get(rc.undlId()))) {
        newRows += n;
      }
    }
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
      progress.accept(elapsed(t0) + "checking references, building indexes ...");
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
    progress.accept(elapsed(t0) + "country votes merged; linking and citing ...");
    long importedRows = 0;
    long leftToCurated = 0;
    for (RollCall rc : contents.rollCalls()) {
      long n = rc.rows();
      if (linkedIds.contains(rc.undlId())) {
        leftToCurated += n;
      } else {
        importedRows += n;
      }
    }

    // 7. links to curated votes: the vote gains undl_id, session and resolution; its roll call
    // stands, and where the file disagrees with it, the import says so
    Set<String> linksTouched = new LinkedHashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            // what the published vote says of its session and resolution stands (Voeten's
            // R/73/187 stays); the file fills them where it says nothing
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
    for (RollCall rc : contents.rollCalls()) {
      if (linkedIds.contains(rc.undlId())) {
        rowConflicts(c, rc, voteIds.get(rc.undlId()), structured).ifPresent(conflicts::add);
      }
    }

    // 8. sources: the file, cited by what it added or changed, and by every delegation it added
    // (one an earlier import added without a citation is cited now)
    List<String> delegationsToCite = uncitedDelegations(c, contents.names().keySet());
    boolean changed =
        !votesTouched.isEmpty() || !linksTouched.isEmpty() || !delegationsToCite.isEmpty();
    String sourceId = "undl-ga-voting-" + contents.sha256().substring(0, 12);
    if (changed) {
      cite(c, file, contents, sourceId, votesTouched, linksTouched, at);
      citeDelegations(c, sourceId, delegationsToCite, at);
      LibraryImporter.storeConflicts(c, structured, sourceId, at);
      // the planner's statistics follow at once (autovacuum would, later): a history page walks
      // the votes by date only when the planner knows how many there are
      try (Statement s = c.createStatement()) {
        s.execute("analyze vote, delegation");
      }
    }

    int rollCallsChanged = votesTouched.size() - rollCallsAdded;
    int rollCallsUnchanged =
        contents.rollCalls().size() - rollCallsAdded - rollCallsChanged - linkedIds.size();
    long votesUnchanged = importedRows - votesAdded - votesChanged;

    String versionAfter = versionBefore;
    if (changed) {
      String what =
          String.format(
              Locale.ROOT,
              "%d roll calls added, %d changed; %d country votes added, %d changed; %d"
                  + " delegations added; %d links to curated votes added or changed.",
              rollCallsAdded,
              rollCallsChanged,
              votesAdded,
              votesChanged,
              delegationsAdded.size(),
              linksTouched.size());
      versionAfter =
          Publisher.publish(
              c,
              new ReleaseDraft.Imported(
                  "undl",
                  "the UN Digital Library",
                  file.getFileName().toString(),
                  contents.sha256(),
                  what,
                  at.toLocalDate()));
    }
    return new Summary(
        file,
        contents.sha256(),
        contents.rows(),
        contents.rollCalls().size(),
        rollCallsAdded,
        rollCallsChanged,
        Math.max(0, rollCallsUnchanged),
        linked,
        votesAdded,
        votesChanged,
        votesUnchanged,
        leftToCurated,
        delegationsAdded,
        conflicts,
        notes,
        versionBefore,
        versionAfter);
  }

  /** An import's start: its time (every row it writes carries it) and the version before. */
  record Begun(OffsetDateTime at, String version) {}

  /**
   * Takes the seed loader's lock (imports, loads and publications never interleave) and reads the
   * transaction's time and the dataset's version.
   */
  static Begun begin(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      Publisher.lock(c);
      OffsetDateTime at;
      try (ResultSet rs = s.executeQuery("select now()")) {
        rs.next();
        at = rs.getObject(1, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC);
      }
      try (ResultSet rs = s.executeQuery("select version from dataset_state")) {
        if (!rs.next()) {
          throw new IllegalStateException("no dataset is loaded: start the service once first");
        }
        return new Begun(at, rs.getString(1));
      }
    }
  }

  static List<String> addDelegations(Connection c, Map<String, String> names, OffsetDateTime at)
      throws SQLException {
    Set<String> known = new LinkedHashSet<>();
    try (PreparedStatement ps = c.prepareStatement("select id from delegation where id = any(?)")) {
      ps.setArray(1, c.createArrayOf("text", names.keySet().toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          known.add(rs.getString(1));
        }
      }
    }
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

  private static Map<String, List<Curated>> curated(Connection c) throws SQLException {
    Map<String, List<Curated>> out = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select upper(d.symbol), v.id, v.yes, v.no, v.abstain, v.non_voting, v.undl_id"
                    + " from vote v join vote_document vd on vd.vote_id = v.id and vd.role ="
                    + " 'adopted_text' join document d on d.id = vd.document_id"
                    + " where v.origin = 'seed' and v.method = 'recorded' order by v.id")) {
      while (rs.next()) {
        out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
            .add(
                new Curated(
                    rs.getString(2),
                    (Integer) rs.getObject(3),
                    (Integer) rs.getObject(4),
                    (Integer) rs.getObject(5),
                    (Integer) rs.getObject(6),
                    (Integer) rs.getObject(7)));
      }
    }
    return out;
  }

  /** The key a roll call is found by in the history: canonical symbol and date. */
  static String historyKey(RollCall rc) {
    String symbol = Symbols.canonical(rc.symbol());
    return symbol == null ? null : symbol + "@" + rc.date();
  }

  /**
   * The General Assembly votes of the layers built from outside data not linked to the UN Digital
   * Library yet, by canonical resolution symbol and date.
   */
  private static Map<String, List<Curated>> history(Connection c) throws SQLException {
    Map<String, List<Curated>> out = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select v.resolution, v.date::text, v.id, v.yes, v.no, v.abstain, v.non_voting,"
                    + " v.undl_id from vote v where v.origin in ('"
                    + String.join("', '", Schema.LAYER_ORIGINS)
                    + "') and v.body_id = '"
                    + BODY
                    + "' and v.resolution is not null and v.undl_id is null order by v.id")) {
      while (rs.next()) {
        String key = Symbols.canonical(rs.getString(1)) + "@" + rs.getString(2);
        out.computeIfAbsent(key, k -> new ArrayList<>())
            .add(
                new Curated(
                    rs.getString(3),
                    (Integer) rs.getObject(4),
                    (Integer) rs.getObject(5),
                    (Integer) rs.getObject(6),
                    (Integer) rs.getObject(7),
                    (Integer) rs.getObject(8)));
      }
    }
    return out;
  }

  /** A conflict per tally the file and the held vote both know and disagree on. */
  private static void tallyConflicts(
      List<Conflict> out, String voteId, Integer[] file, Integer[] held) {
    for (int i = 0; i < 4; i++) {
      if (file[i] != null && held[i] != null && !file[i].equals(held[i])) {
        out.add(new Conflict(voteId, BALLOTS.get(i), null, "" + held[i], "" + file[i]));
      }
    }
  }

  /** Whether the file's yes, no and abstain are the held vote's, all three known. */
  private static boolean sameTallies(RollCall rc, Curated h) {
    Integer[] a = rc.tallies();
    Integer[] b = h.tallies();
    for (int i = 0; i < 3; i++) {
      if (a[i] == null || !a[i].equals(b[i])) {
        return false;
      }
    }
    return true;
  }

  /** Whether the file's tallies agree with the curated ones wherever both are known. */
  private static boolean matches(RollCall rc, Curated cv) {
    Integer[] a = rc.tallies();
    Integer[] b = cv.tallies();
    for (int i = 0; i < 4; i++) {
      if (a[i] != null && b[i] != null && !a[i].equals(b[i])) {
        return false;
      }
    }
    return true;
  }

  private static String tallyText(Integer[] t) {
    return String.format(
        "yes %s, no %s, abstain %s, non_voting %s",
        t[0] == null ? "unknown" : t[0],
        t[1] == null ? "unknown" : t[1],
        t[2] == null ? "unknown" : t[2],
        t[3] == null ? "unknown" : t[3]);
  }

  /** Delegations whose vote in the file differs from the curated roll call's. */
  private static Optional<String> rowConflicts(
      Connection c, RollCall rc, String voteId, List<Conflict> out) throws SQLException {
    List<String> diffs = new ArrayList<>();
    int n = 0;
    try (PreparedStatement ps =
        c.prepareStatement(
            "select r.ms_code, r.vote, cur.vote from undl_row r left join roll_call cur on"
                + " cur.vote_id = ? and cur.delegation_id = r.ms_code where r.undl_id = ? and"
                + " cur.vote is distinct from r.vote and not (cur.vote is null and r.vote ="
                + " 'non_voting') order by r.ms_code")) {
      ps.setString(1, voteId);
      ps.setInt(2, rc.undlId());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          n++;
          out.add(
              new Conflict(voteId, "ballot", rs.getString(1), rs.getString(3), rs.getString(2)));
          if (diffs.size() < 5) {
            diffs.add(
                rs.getString(1)
                    + " "
                    + rs.getString(2)
                    + " in the file, "
                    + (rs.getString(3) == null ? "absent" : rs.getString(3))
                    + " in the curated roll call");
          }
        }
      }
    }
    if (n == 0) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            "%s (undl_id %d): %d delegation(s) voted otherwise in the file (%s%s); the curated"
                + " roll call stands",
            voteId, rc.undlId(), n, String.join("; ", diffs), n > diffs.size() ? "; ..." : ""));
  }

  private static void cite(
      Connection c,
      Path file,
      UndlFile.Contents contents,
      String sourceId,
      Set<String> votes,
      Set<String> links,
      OffsetDateTime at)
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

  static void flush(CopyIn copy, StringBuilder sb) throws IOException {
    try {
      byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
      copy.writeToCopy(b, 0, b.length);
      sb.setLength(0);
    } catch (SQLException e) {
      throw new IOException("COPY failed: " + e.getMessage(), e);
    }
  }

  static void csv(StringBuilder sb, Object... values) {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      Object v = values[i];
      if (v != null) {
        sb.append('"').append(v.toString().replace("\"", "\"\"")).append('"');
      }
    }
    sb.append('\n');
  }
}
