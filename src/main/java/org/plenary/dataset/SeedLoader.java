package org.plenary.dataset;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.plenary.config.PlenaryConfig;
import org.plenary.release.ContentChecksum;
import org.plenary.release.Publisher;
import org.plenary.release.ReleaseDraft;
import org.plenary.release.TamperedException;
import org.plenary.seed.Column;
import org.plenary.seed.Layers;
import org.plenary.seed.PartialDate;
import org.plenary.seed.Schema;
import org.plenary.seed.SeedFiles;
import org.plenary.seed.SeedReader;
import org.plenary.seed.SeedReader.Row;
import org.plenary.seed.SeedReader.SeedData;
import org.plenary.seed.TableSpec;
import org.postgresql.PGConnection;

/**
 * Loads the dataset at start-up. The files are validated first (nothing is written when they are
 * inconsistent); then, in one transaction, each table is copied into a temporary table with COPY
 * and merged: new rows inserted, changed rows updated (updated_at moves), vanished rows deleted
 * (only rows that came from seed files: what an import of outside data wrote stays). Loading the
 * same files again changes nothing, so restarts never duplicate data, and replicas starting
 * together serialize on an advisory lock. Files are never loaded over a release published through
 * curation or an import unless they carry a newer version, and such releases are never deleted: a
 * start never loses curated work. What it loads it publishes as the files' release ({@link
 * ReleaseDraft.OfSeedFiles}) through the {@link Publisher}, in the same transaction.
 */
@ApplicationScoped
public class SeedLoader {
  private static final Logger LOG = Logger.getLogger(SeedLoader.class);
  @Inject javax.sql.DataSource dataSource;
  @Inject Event<SeedLoaded> loaded; // null in a loader of the launcher's (detached)
  @Inject PlenaryConfig config;

  /**
   * The checksum of the files a load found or left loaded, or a launcher's load taken over, last.
   */
  private volatile String loadedFiles;

  /** The start's load, begun once Flyway has migrated ({@link #begin}); null until then. */
  private volatile CompletableFuture<Void> begun;

  /** What decides a start's load: the files (seed and layers) and what to do on tampering. */
  public record StartSettings(
      Optional<String> seedDir, Optional<String> layersDir, PlenaryConfig.OnTamper onTamper) {}

  /**
   * A loader outside the application, on {@code dataSource}: the launcher's ({@link EarlyLoad}),
   * which loads before the framework has started; it fires no event (the application's loader fires
   * it when it takes the result over).
   */
  static SeedLoader detached(javax.sql.DataSource dataSource) {
    SeedLoader loader = new SeedLoader();
    loader.dataSource = dataSource;
    return loader;
  }

  /**
   * Begins the start's load in the background, as soon as the schema is migrated ({@link
   * AfterMigration}), beside the rest of the framework's start (its last second or so); {@link
   * #onStart} waits for it. When the launcher began it already ({@link EarlyLoad}, with the same
   * settings), the start waits for that one instead. Once: a later migration of the same
   * application changes nothing. Returns the load begun.
   */
  synchronized CompletableFuture<Void> begin() {
    if (begun == null) {
      begun = startLoad(settings(config), EarlyLoad.take());
    }
    return begun;
  }

  /**
   * The start's load: the launcher's, taken over when it used the application's settings; else this
   * loader's own, in the background (after the launcher's has ended, when there was one).
   */
  CompletableFuture<Void> startLoad(StartSettings mine, Optional<EarlyLoad> early) {
    java.util.concurrent.Executor thread =
        task -> {
          Thread t = new Thread(task, "plenary-seed-load");
          t.setDaemon(true);
          t.start();
        };
    if (early.isEmpty()) {
      return CompletableFuture.runAsync(() -> loadAtStart(mine), thread);
    }
    if (early.get().settings().equals(mine)) {
      return early.get().done().thenAccept(this::fireLoaded);
    }
    LOG.infof(
        "The launcher began the start's load with other settings (%s) than the application's (%s):"
            + " loading again with the application's",
        early.get().settings(), mine);
    return early
        .get()
        .done()
        .handle(
            (checksum, failed) -> {
              if (failed != null) {
                LOG.infof(
                    "The launcher's load, with its settings, failed: %s", failed.getMessage());
              }
              return null;
            })
        .thenRunAsync(() -> loadAtStart(mine), thread);
  }

  /** The start's settings from the application's configuration. */
  static StartSettings settings(PlenaryConfig config) {
    return new StartSettings(config.seedDir(), config.layersDir(), config.onTamper());
  }

  /** The start's load begun after the migration, or null (for tests). */
  synchronized CompletableFuture<Void> begun() {
    return begun;
  }

  /** The service is not started (nor ready) before the start's load is done, or has failed. */
  void onStart(@Observes StartupEvent event) {
    // begun by the migration's callback, or now (Flyway's migrate-at-start off)
    CompletableFuture<Void> load = begin();
    try {
      load.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r; // as if thrown here: the start fails with its reason
      }
      throw e;
    }
  }

  /** Loads the start's files; returns the checksum of the files loaded. */
  String loadAtStart(StartSettings settings) {
    return loadAtStart(startFiles(settings), settings.onTamper());
  }

  /** Loads {@code files} as the start's; returns the checksum of the files loaded. */
  String loadAtStart(SeedFiles files, PlenaryConfig.OnTamper onTamper) {
    load(files, onTamper, true);
    return loadedFiles;
  }

  /** The start's files: the seed directory's or the packaged ones, with the layers directory's. */
  static SeedFiles startFiles(StartSettings settings) {
    SeedFiles seed =
        settings.seedDir().map(d -> SeedFiles.directory(Path.of(d))).orElseGet(SeedFiles::packaged);
    return settings.layersDir().map(d -> SeedFiles.withLayers(seed, Path.of(d))).orElse(seed);
  }

  /** Files read and checked ahead of their load ({@link #readAhead}). */
  private record ReadAhead(SeedFiles files, String checksum, SeedData data) {}

  private volatile ReadAhead readAhead;

  /**
   * Reads and checks {@code files} now, for a load of these very files later: the launcher's, while
   * the server starts. Throws as the load would, for files it refuses.
   */
  void readAhead(SeedFiles files) {
    readAhead = new ReadAhead(files, SeedReader.checksum(files), SeedReader.read(files));
  }

  private String checksumOf(SeedFiles files) {
    ReadAhead ahead = readAhead;
    return ahead != null && ahead.files() == files ? ahead.checksum() : SeedReader.checksum(files);
  }

  private SeedData dataOf(SeedFiles files) {
    ReadAhead ahead = readAhead;
    return ahead != null && ahead.files() == files ? ahead.data() : SeedReader.read(files);
  }

  /** Tells the application the files with {@code checksum} are loaded (none when detached). */
  private void fireLoaded(String checksum) {
    loadedFiles = checksum;
    if (loaded != null) {
      loaded.fire(new SeedLoaded(checksum));
    }
  }

  /** Validates and loads; returns how many rows were inserted or changed, by table. */
  public Map<String, Integer> load(SeedFiles files) {
    return load(files, config.onTamper());
  }

  /**
   * Validates and loads. When these files are already loaded, the database content is verified
   * against the checksum recorded at load ({@link ContentChecksum}): content that differs is
   * restored from the files, or refused, as {@code onTamper} says.
   */
  public Map<String, Integer> load(SeedFiles files, PlenaryConfig.OnTamper onTamper) {
    return load(files, onTamper, false);
  }

  /**
   * As {@link #load(SeedFiles, PlenaryConfig.OnTamper)}; {@code atStart}: the service's start,
   * where a first load leaves the content checksums to the thread that keeps the release's files
   * after ready ({@link ReleaseDraft.OfSeedFiles#checksumsLater()}).
   */
  private Map<String, Integer> load(
      SeedFiles files, PlenaryConfig.OnTamper onTamper, boolean atStart) {
    String checksum = checksumOf(files);
    String loadedChecksum = loadedChecksum();
    if (loadedChecksum != null && !checksum.equals(loadedChecksum)) {
      Optional<SeedFiles> kept = curatedRelease(files);
      if (kept.isPresent()) {
        // the release in the database stays; it is verified (and restored) against its own dumps
        files = kept.get();
        checksum = SeedReader.checksum(files);
      }
    }
    boolean force = false;
    if (checksum.equals(loadedChecksum)) {
      Optional<List<String>> differing = verifyContent();
      if (differing.isPresent() && differing.get().isEmpty()) {
        // these very files were validated and loaded before, and the content is theirs
        fireLoaded(checksum);
        LOG.infof("Dataset already loaded (checksum %.12s), content verified", checksum);
        return new LinkedHashMap<>();
      }
      if (differing.isEmpty()) {
        LOG.infof("No content checksum recorded yet: reloading the dataset's files to record one");
      } else {
        String tables = String.join(", ", differing.get());
        if (onTamper == PlenaryConfig.OnTamper.REFUSE) {
          throw new TamperedException(
              "Refusing to start: the database content differs from the checksum recorded for the"
                  + " loaded release in table(s) "
                  + tables
                  + "; restore the database from a backup, or set PLENARY_ON_TAMPER=restore to"
                  + " reload the release from its files");
        }
        LOG.warnf(
            "The database content differs from the checksum recorded for the loaded release in"
                + " table(s) %s: restoring the release from its files",
            tables);
      }
      force = true;
    }
    long t0 = System.nanoTime();
    SeedData data = dataOf(files);
    Map<String, Integer> changed = new LinkedHashMap<>();
    long[] when =
        new long[5]; // when the files were read, the tables merged, the layers loaded, ...
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        Publisher.lock(c);
        var rs = s.executeQuery("select checksum from dataset_state");
        boolean same = rs.next() && rs.getString(1).equals(data.checksum());
        when[0] = System.nanoTime();
        if (!same || force) {
          // A row's created_at and updated_at are the release's date: the same on every replica
          // that loads the same releases, so responses (and their ETags) are identical there.
          java.time.OffsetDateTime at = releaseTime(data);
          for (TableSpec spec : Schema.TABLES) {
            changed.put(spec.table(), merge(c, spec, data.table(spec.table()), at));
          }
          for (TableSpec spec : reversed(Schema.TABLES)) {
            int deleted = deleteVanished(c, spec);
            if (deleted > 0) {
              changed.merge(spec.table(), deleted, Integer::sum);
            }
          }
          when[1] = System.nanoTime();
          // the layers built from outside data (Voeten's history, the veto list): copied in on
          // a first load, updated in place when their files changed, else left as they are
          Layers.load(c, files).forEach((t, n) -> changed.merge(t, n, Integer::sum));
          when[2] = System.nanoTime();
          Publisher.publish(
              c, new ReleaseDraft.OfSeedFiles(data.version(), data.checksum(), same, atStart));
        }
      }
      when[3] = System.nanoTime();
      c.commit();
      analyze(c, changed);
      when[4] = System.nanoTime();
      fireLoaded(data.checksum());
      if (changed.values().stream().allMatch(n -> n == 0)) {
        LOG.infof("Dataset %s already loaded (checksum %.12s)", data.version(), data.checksum());
      } else {
        LOG.infof(
            "Dataset %s loaded in %.1f s (files read %.1f s, tables %.1f s, layers %.1f s,"
                + " publication %.1f s, commit and analyze %.1f s); rows inserted, changed or"
                + " deleted: %s",
            data.version(),
            (when[4] - t0) / 1e9,
            (when[0] - t0) / 1e9,
            (when[1] - when[0]) / 1e9,
            (when[2] - when[1]) / 1e9,
            (when[3] - when[2]) / 1e9,
            (when[4] - when[3]) / 1e9,
            changed.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")));
      }
      return changed;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not load the dataset: " + e.getMessage(), e);
    }
  }

  /**
   * Gives the planner the statistics of the tables a load changed at once, as an import does
   * (autovacuum would, later or never before the first requests): without them a group's cohesion
   * series over Voeten's history was planned for an empty vote table, 750 ms instead of 210 ms.
   */
  static void analyze(Connection c, Map<String, Integer> changed) throws SQLException {
    List<String> tables =
        changed.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
    if (tables.isEmpty()) {
      return;
    }
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      s.execute("analyze " + String.join(", ", tables)); // the table model's own names
    }
  }

  /** The tables whose content differs from the recorded checksums; empty if none recorded. */
  private Optional<List<String>> verifyContent() {
    try (Connection c = dataSource.getConnection()) {
      // a first start's checksums may be being recorded after ready: verified once they are
      Publisher.awaitWriters(c);
      return ContentChecksum.verify(c);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not verify the dataset content: " + e.getMessage(), e);
    }
  }

  /**
   * A release published through curation or an import is never overwritten by files that are not
   * newer (seed-data is the bootstrap release; curated work stays): when the database holds one,
   * the dumps archived when it was published (release_file), else empty.
   */
  private Optional<SeedFiles> curatedRelease(SeedFiles files) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      var rs =
          s.executeQuery(
              "select d.version, r.origin from dataset_state d"
                  + " join release r on r.version = d.version");
      if (!rs.next() || !List.of("curation", "import").contains(rs.getString(2))) {
        return Optional.empty();
      }
      String version = rs.getString(1);
      String origin = rs.getString(2);
      String filesVersion = dataOf(files).version();
      if (SeedReader.compareVersions(filesVersion, version) > 0) {
        return Optional.empty();
      }
      Map<String, byte[]> archived = new LinkedHashMap<>();
      try (var ps =
          c.prepareStatement("select name, content from release_file where version = ?")) {
        ps.setString(1, version);
        var files2 = ps.executeQuery();
        while (files2.next()) {
          archived.put(files2.getString(1), files2.getBytes(2));
        }
      }
      if (archived.isEmpty()) {
        throw new IllegalStateException(
            "The database holds release "
                + version
                + " (published by "
                + origin
                + ") but not its dumps; restore the database from a backup");
      }
      LOG.infof(
          "The database holds release %s (published by %s); the files' release %s is not newer,"
              + " so they are not loaded",
          version, origin, filesVersion);
      return Optional.of(SeedFiles.bytes(archived, "release " + version));
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the dataset state: " + e.getMessage(), e);
    }
  }

  private String loadedChecksum() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        var rs = s.executeQuery("select checksum from dataset_state")) {
      return rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the dataset state: " + e.getMessage(), e);
    }
  }

  private static java.time.OffsetDateTime releaseTime(SeedData data) {
    for (Row r : data.table("release")) {
      if (r.text("version").equals(data.version())) {
        return ((java.time.LocalDate) r.get("date"))
            .atStartOfDay()
            .atOffset(java.time.ZoneOffset.UTC);
      }
    }
    throw new IllegalStateException("no release row for " + data.version());
  }

  private static int merge(
      Connection c, TableSpec spec, List<Row> rows, java.time.OffsetDateTime at)
      throws SQLException {
    List<String> cols = spec.databaseColumns();
    String table = spec.table();
    String tmp = "load_" + table;
    String colList = String.join(", ", cols);
    try (Statement s = c.createStatement()) {
      s.execute(
          "create temp table "
              + tmp
              + " on commit drop as select "
              + colList
              + " from "
              + table
              + " with no data");
    }
    copy(c, "copy " + tmp + " (" + colList + ") from stdin (format csv)", spec, rows);
    List<String> pk = spec.primaryKey();
    List<String> rest = cols.stream().filter(col -> !pk.contains(col)).toList();
    boolean imported = Schema.IMPORTED.contains(table);
    String sql =
        "insert into "
            + table
            + " ("
            + colList
            + ", created_at, updated_at) select "
            + colList
            + ", ?, ? from "
            + tmp
            + " on conflict ("
            + String.join(", ", pk)
            + ") do update set "
            + rest.stream().map(col -> col + " = excluded." + col).collect(Collectors.joining(", "))
            + ", updated_at = excluded.updated_at"
            // a row an import wrote that the seed files now hold becomes theirs
            + (imported ? ", origin = 'seed'" : "")
            + " where ("
            + rest.stream().map(col -> table + "." + col).collect(Collectors.joining(", "))
            + ") is distinct from ("
            + rest.stream().map(col -> "excluded." + col).collect(Collectors.joining(", "))
            + ")"
            + (imported ? " or " + table + ".origin <> 'seed'" : "");
    try (var ps = c.prepareStatement(sql)) {
      ps.setObject(1, at);
      ps.setObject(2, at);
      return ps.executeUpdate();
    }
  }

  private static int deleteVanished(Connection c, TableSpec spec) throws SQLException {
    String table = spec.table();
    String match =
        spec.primaryKey().stream()
            .map(col -> "l." + col + " = " + table + "." + col)
            .collect(Collectors.joining(" and "));
    try (Statement s = c.createStatement()) {
      return s.executeUpdate(
          "delete from "
              + table
              + " where not exists (select 1 from load_"
              + table
              + " l where "
              + match
              + ")"
              // rows an import wrote, and releases published through curation or imports, are not
              // the seed files' to delete
              + (Schema.IMPORTED.contains(table) ? " and origin = 'seed'" : ""));
    }
  }

  private static List<TableSpec> reversed(List<TableSpec> tables) {
    List<TableSpec> out = new ArrayList<>(tables);
    java.util.Collections.reverse(out);
    return out;
  }

  /**
   * Sends the rows to COPY as CSV, a chunk at a time: every value quoted, nulls as unquoted empty
   * fields, partial dates as their first day and precision.
   */
  private static void copy(Connection c, String sql, TableSpec spec, List<Row> rows)
      throws SQLException {
    var in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    try {
      StringBuilder sb = new StringBuilder(1 << 16);
      for (Row r : rows) {
        boolean first = true;
        for (Column col : spec.columns()) {
          Object v = r.get(col.name());
          if (col.type() == Column.Type.PARTIAL_DATE) {
            PartialDate d = (PartialDate) v;
            first = field(sb, first, d == null ? null : d.first().toString());
            first = field(sb, first, d == null ? null : d.precision());
          } else {
            first = field(sb, first, v == null ? null : v.toString());
          }
        }
        sb.append('\n');
        if (sb.length() > 1 << 16) {
          byte[] chunk = sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
          in.writeToCopy(chunk, 0, chunk.length);
          sb.setLength(0);
        }
      }
      byte[] chunk = sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      in.writeToCopy(chunk, 0, chunk.length);
      in.endCopy();
    } finally {
      if (in.isActive()) {
        in.cancelCopy();
      }
    }
  }

  private static boolean field(StringBuilder sb, boolean first, String value) {
    if (!first) {
      sb.append(',');
    }
    if (value != null) {
      sb.append('"').append(value.replace("\"", "\"\"")).append('"');
    }
    return false;
  }
}
