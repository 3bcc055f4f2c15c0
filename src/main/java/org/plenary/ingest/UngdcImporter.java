package org.plenary.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.plenary.release.Publisher;
import org.plenary.release.ReleaseDraft;
import org.plenary.seed.BulkLoad;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Imports the UN General Debate Corpus ({@link UngdcCorpus}) in one transaction: every statement a
 * record of its code, session, year, speaker and post (from the speakers' file), cited to the
 * corpus with its file name as locator, and its paragraphs, searchable. Statements are read and
 * copied as they come; a statement whose text is unchanged since the last import (same SHA-256) is
 * not copied again. Codes the delegations lack (EU, PSE, VAT, former states) are stored as they are
 * and named in the summary. An import that changes something publishes a release (origin {@code
 * ungdc}); one that changes nothing writes nothing; a refused corpus changes nothing.
 */
@ApplicationScoped
public class UngdcImporter {
  /** The corpus's source row: statements cite it, with their file name as locator. */
  public static final String SOURCE_ID = "ungdc";

  static final String DATASET_URL = "https://doi.org/10.7910/DVN/0TJX8Y";

  /** The two works the corpus asks its users to cite. */
  public static final String CITATION =
      "Slava Jankin, Alexander Baturo and Niheer Dasandi, \"Words to unite nations: The complete UN"
          + " General Debate Corpus, 1946-present\", Journal of Peace Research; Alexander Baturo,"
          + " Niheer Dasandi and Slava Mikhaylov, \"Understanding State Preferences With Text As"
          + " Data: Introducing the UN General Debate Corpus\", Research & Politics, 2017.";

  private static final int CHUNK = 1 << 16;

  /** New paragraphs from which the paragraph table's keys and index are built once after. */
  static final long BULK_FROM = 50_000;

  @Inject ImportTransaction transaction;

  /** What an import did. */
  public record Summary(
      Path path,
      String sha256,
      int statementsRead,
      long paragraphsRead,
      int added,
      int textChanged,
      int detailsChanged,
      int unchanged,
      int withSpeaker,
      boolean speakersFile,
      Map<String, Integer> outsideDelegations,
      List<String> skipped,
      String versionBefore,
      String versionAfter) {
    public boolean changed() {
      return !Objects.equals(versionBefore, versionAfter);
    }
  }

  /**
   * Imports {@code path}; throws {@link UndlFile.Refused} (and changes nothing) on a bad corpus.
   */
  public Summary importCorpus(Path path, Consumer<String> progress) {
    return transaction.run(path, c -> run(c, path, progress), Summary::changed);
  }

  private Summary run(Connection c, Path path, Consumer<String> progress)
      throws SQLException, IOException {
    ImportTransaction.Begun begun = ImportTransaction.begin(c);
    OffsetDateTime at = begun.at();
    String versionBefore = begun.version();
    Map<String, String> known = new HashMap<>();
    try (Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("select id, text_sha256 from statement")) {
        while (rs.next()) {
          known.put(rs.getString(1), rs.getString(2));
        }
      }
      s.execute(
          "create temp table ungdc_statement (id text primary key, code text not null, session"
              + " integer not null, year integer not null, paragraphs integer not null, characters"
              + " integer not null, text_sha256 text not null, locator text not null, new_text"
              + " boolean not null) on commit drop");
      s.execute(
          "create temp table ungdc_speaker (code text not null, session integer not null, speaker"
              + " text, post text, primary key (code, session)) on commit drop");
    }
    // A first import copies the paragraphs straight into their table (its keys and the search
    // table's index built once, after); a later one copies the new and changed texts' paragraphs
    // aside and replaces those statements' paragraphs with them. The search table (the keys and
    // tsvector of each paragraph, statement_search) is derived from the paragraphs stored.
    boolean first = known.isEmpty();
    Optional<BulkLoad> searchBulk = first ? suspendSearch(c) : Optional.empty();
    Optional<BulkLoad> bulk =
        first ? BulkLoad.suspend(c, "statement_paragraph", true) : Optional.empty();
    String paragraphTable = bulk.isPresent() ? "statement_paragraph" : "ungdc_paragraph";
    if (bulk.isEmpty()) {
      try (Statement s = c.createStatement()) {
        s.execute(
            "create temp table ungdc_paragraph (statement_id text not null, n integer not null,"
                + " code text not null, session integer not null, year integer not null, text text"
                + " not null) on commit drop");
      }
    }
    long t0 = System.nanoTime();
    progress.accept("Reading " + path + " ...");
    PGConnection pg = c.unwrap(PGConnection.class);
    StringBuilder heads = new StringBuilder();
    StringBuilder paras = new StringBuilder(CHUNK + 4096);
    long[] paragraphs = {0, 0};
    CopyIn copy =
        pg.getCopyAPI()
            .copyIn(
                "copy "
                    + paragraphTable
                    + " (statement_id, n, code, session, year, text) from stdin (format text)");
    UngdcCorpus.Contents contents;
    try {
      contents =
          UngdcCorpus.read(
              path,
              st -> {
                String id = st.id();
                boolean newText = !st.sha256().equals(known.get(id));
                UndlImporter.csv(
                    heads,
                    id,
                    st.code(),
                    st.session(),
                    st.year(),
                    st.paragraphs().size(),
                    st.characters(),
                    st.sha256(),
                    st.locator(),
                    newText);
                paragraphs[0] += st.paragraphs().size();
                if (!newText) {
                  return;
                }
                int n = 0;
                for (String p : st.paragraphs()) {
                  paras.append(id).append('\t').append(++n).append('\t').append(st.code());
                  paras.append('\t').append(st.session()).append('\t').append(st.year());
                  paras.append('\t');
                  copyText(paras, p);
                  paras.append('\n');
                  if (paras.length() > CHUNK) {
                    UndlImporter.flush(copy, paras);
                  }
                }
                paragraphs[1] += n;
                if (paragraphs[0] % 50_000 < st.paragraphs().size()) {
                  progress.accept(
                      UndlImporter.elapsed(t0)
                          + String.format(Locale.ROOT, "%,d paragraphs read", paragraphs[0]));
                }
              });
      UndlImporter.flush(copy, paras);
      copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
    copyIn(pg, "copy ungdc_statement from stdin (format csv)", heads);
    StringBuilder sp = new StringBuilder();
    for (var e : contents.speakers().entrySet()) {
      String[] k = e.getKey().split("/");
      UndlImporter.csv(sp, k[0], Integer.parseInt(k[1]), e.getValue().name(), e.getValue().post());
    }
    copyIn(pg, "copy ungdc_speaker from stdin (format csv)", sp);
    progress.accept(
        UndlImporter.elapsed(t0)
            + String.format(
                Locale.ROOT,
                "%,d statements, %,d paragraphs read (%,d to store); merging ...",
                contents.statements(),
                paragraphs[0],
                paragraphs[1]));

    // the corpus's source row: what every statement cites
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into source (id, publisher, title, url, kind, note, origin, created_at,"
                + " updated_at) values (?, ?, ?, ?, 'dataset', ?, 'ungdc', ?, ?) on conflict (id)"
                + " do nothing")) {
      ps.setString(1, SOURCE_ID);
      ps.setString(2, "Slava Jankin, Alexander Baturo, Niheer Dasandi, Slava Mikhaylov");
      ps.setString(3, "UN General Debate Corpus (UNGDC), 1946-present");
      ps.setString(4, DATASET_URL);
      ps.setString(
          5,
          "Cite: "
              + CITATION
              + " The statements are UN official records (English texts, official translations"
              + " where given in another language). A statement's locator is its file in the"
              + " corpus. The texts are served from the corpus a deployer imported and are not"
              + " part of Plenary's releases.");
      ps.setObject(6, at);
      ps.setObject(7, at);
      ps.executeUpdate();
    }

    int added;
    int textChanged;
    int detailsChanged;
    try (Statement s = c.createStatement()) {
      // statements whose text changed lose their old paragraphs
      if (bulk.isEmpty()) {
        s.executeUpdate(
            "delete from statement_search p using ungdc_statement u where u.new_text and"
                + " p.statement_id = u.id");
        s.executeUpdate(
            "delete from statement_paragraph p using ungdc_statement u where u.new_text and"
                + " p.statement_id = u.id");
      }
      try (ResultSet rs =
          s.executeQuery(
              "select count(*) filter (where x.id is null), count(*) filter (where x.id is not"
                  + " null and u.new_text) from ungdc_statement u left join statement x on x.id ="
                  + " u.id")) {
        rs.next();
        added = rs.getInt(1);
        textChanged = rs.getInt(2);
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "with u as (select u.*, sp.speaker, sp.post from ungdc_statement u left join"
                + " ungdc_speaker sp on sp.code = u.code and sp.session = u.session)"
                + " insert into statement as s (id, code, session, year, speaker, post,"
                + " paragraphs, characters, text_sha256, source_id, locator, created_at,"
                + " updated_at) select id, code, session, year, speaker, post, paragraphs,"
                + " characters, text_sha256, ?, locator, ?, ? from u order by id"
                + " on conflict (id) do update set code = excluded.code, session ="
                + " excluded.session, year = excluded.year, speaker = excluded.speaker, post ="
                + " excluded.post, paragraphs = excluded.paragraphs, characters ="
                + " excluded.characters, text_sha256 = excluded.text_sha256, source_id ="
                + " excluded.source_id, locator = excluded.locator, updated_at ="
                + " excluded.updated_at where (s.code, s.session, s.year, s.speaker, s.post,"
                + " s.paragraphs, s.characters, s.text_sha256, s.source_id, s.locator) is"
                + " distinct from (excluded.code, excluded.session, excluded.year,"
                + " excluded.speaker, excluded.post, excluded.paragraphs, excluded.characters,"
                + " excluded.text_sha256, excluded.source_id, excluded.locator)")) {
      ps.setString(1, SOURCE_ID);
      ps.setObject(2, at);
      ps.setObject(3, at);
      int touched = ps.executeUpdate();
      detailsChanged = touched - added - textChanged;
    }
    if (bulk.isEmpty() && paragraphs[1] > 0) {
      if (paragraphs[1] >= BULK_FROM) {
        searchBulk = suspendSearch(c);
        bulk = BulkLoad.suspend(c, "statement_paragraph", true);
      }
      try (Statement s = c.createStatement()) {
        s.executeUpdate(
            "insert into statement_paragraph (statement_id, n, code, session, year, text) select"
                + " statement_id, n, code, session, year, text from ungdc_paragraph order by"
                + " statement_id, n");
      }
    }
    if (bulk.isPresent()) {
      bulk.get().restore();
    }
    if (paragraphs[1] > 0) {
      progress.accept(UndlImporter.elapsed(t0) + "building the search index ...");
      try (Statement s = c.createStatement()) {
        // stored by year (the newest are looked for by year; a window of years is a range of
        // pages); the sort of the new paragraphs' keys and texts fits in memory
        s.execute("set local work_mem = '64MB'");
        s.executeUpdate(
            "insert into statement_search (statement_id, n, code, session, year, search) select"
                + " statement_id, n, code, session, year, to_tsvector('english', text) from "
                + paragraphTable
                + " p where exists (select 1 from ungdc_statement u where u.id = p.statement_id"
                + " and u.new_text) order by year, statement_id, n");
        s.execute("reset work_mem");
      }
    }
    if (searchBulk.isPresent()) {
      searchBulk.get().restore();
    }

    Map<String, Integer> outside = new java.util.TreeMap<>();
    int withSpeaker;
    try (Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "select u.code, count(*) from ungdc_statement u where not exists (select 1 from"
                  + " delegation d where d.id = u.code) group by 1 order by 1")) {
        while (rs.next()) {
          outside.put(rs.getString(1), rs.getInt(2));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "select count(*) from ungdc_statement u join ungdc_speaker sp on sp.code = u.code"
                  + " and sp.session = u.session")) {
        rs.next();
        withSpeaker = rs.getInt(1);
      }
    }
    int unchanged = contents.statements() - added - textChanged - detailsChanged;
    String versionAfter = versionBefore;
    if (added + textChanged + detailsChanged > 0) {
      try (Statement s = c.createStatement()) {
        s.execute("analyze statement");
        if (bulk.isEmpty()) {
          s.execute("analyze statement_paragraph");
        }
        if (searchBulk.isEmpty()) {
          s.execute("analyze statement_search");
        }
      }
      String what =
          String.format(
              Locale.ROOT,
              "%d statements added, %d with a changed text, %d with changed details (speaker,"
                  + " post); %d unchanged. The texts are not part of the release's dumps.",
              added,
              textChanged,
              detailsChanged,
              unchanged);
      versionAfter =
          Publisher.publish(
              c,
              new ReleaseDraft.Imported(
                  "ungdc",
                  "the UN General Debate Corpus (" + CITATION + ")",
                  path.getFileName().toString(),
                  contents.sha256(),
                  what,
                  at.toLocalDate()));
    }
    progress.accept(UndlImporter.elapsed(t0) + "done");
    return new Summary(
        path,
        contents.sha256(),
        contents.statements(),
        paragraphs[0],
        added,
        textChanged,
        detailsChanged,
        unchanged,
        withSpeaker,
        contents.speakersFile(),
        outside,
        contents.skipped(),
        versionBefore,
        versionAfter);
  }

  /**
   * Drops the search table's keys and indexes for a bulk load; before the paragraphs' (its foreign
   * key names their key), and restored after theirs.
   */
  private static Optional<BulkLoad> suspendSearch(Connection c) throws SQLException {
    return BulkLoad.suspend(c, "statement_search", true);
  }

  /** A value for COPY's text format: backslash, tab and line breaks escaped. */
  static void copyText(StringBuilder sb, String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '\\' -> sb.append("\\\\");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        default -> sb.append(ch);
      }
    }
  }

  private static void copyIn(PGConnection pg, String sql, StringBuilder rows)
      throws SQLException, IOException {
    CopyIn copy = pg.getCopyAPI().copyIn(sql);
    try {
      UndlImporter.flush(copy, rows);
      copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  /** The summary, as the import command prints it. */
  public static List<String> lines(Summary s, double seconds) {
    List<String> out = new ArrayList<>();
    out.add(
        String.format(
            Locale.ROOT, "Imported %s (SHA-256 %s) in %.1f s", s.path(), s.sha256(), seconds));
    out.add(
        String.format(
            Locale.ROOT,
            "  statements read: %,d (%,d paragraphs); %,d with a speaker from %s",
            s.statementsRead(),
            s.paragraphsRead(),
            s.withSpeaker(),
            s.speakersFile() ? UngdcCorpus.SPEAKERS : "no speakers' file"));
    out.add(
        String.format(
            Locale.ROOT,
            "  statements: %,d added, %,d with a changed text, %,d with changed details, %,d"
                + " unchanged",
            s.added(),
            s.textChanged(),
            s.detailsChanged(),
            s.unchanged()));
    out.add(
        "  codes outside the delegations (stored as the corpus names them): "
            + (s.outsideDelegations().isEmpty()
                ? "none"
                : String.join(
                    ", ",
                    s.outsideDelegations().entrySet().stream()
                        .map(e -> e.getKey() + " (" + e.getValue() + ")")
                        .toList())));
    out.add("  files skipped (not TXT/Session NN - YYYY/CODE_NN_YYYY.txt): " + s.skipped().size());
    for (String f : s.skipped()) {
      out.add("    skipped: " + f);
    }
    out.add(
        s.changed()
            ? "  dataset version: " + s.versionBefore() + " -> " + s.versionAfter()
            : "  nothing changed: dataset version " + s.versionBefore() + " stays");
    return out;
  }
}
