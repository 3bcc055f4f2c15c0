package org.plenary.curation;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.plenary.dataset.DatasetState;
import org.plenary.dataset.Dumps;
import org.plenary.refusal.Refusal;
import org.plenary.release.ContentChecksum;
import org.plenary.release.Publisher;
import org.plenary.release.ReleaseDraft;
import org.plenary.seed.Schema;
import org.plenary.seed.SeedFiles;
import org.plenary.seed.SeedReader;
import org.plenary.seed.TableSpec;

/**
 * Curated releases: every approved, unreleased change set applied in one transaction, handed to the
 * {@link Publisher} as a {@link ReleaseDraft.Curated} with its files (the dumps, kept byte for
 * byte); readers see the old release until the commit and the new one after it, never part of it.
 * Also reads the published releases (of every origin) and their files for {@code ReleaseResource}.
 */
@ApplicationScoped
public class CuratedReleaseService {
  private static final Logger LOG = Logger.getLogger(CuratedReleaseService.class);

  @Inject ChangeSetRepository changeSets;
  @Inject PublishedReleaseRepository releases;
  @Inject ReleaseFileRepository files;
  @Inject EntityManager em;
  @Inject Dumps dumps;
  @Inject DatasetState state;
  @Inject AgroalDataSource dataSource;

  /** Publishes every approved, unreleased change set as release {@code version}. */
  public Views.ReleaseView publish(String version, String notes, TokenService.Caller publisher) {
    awaitArchive(); // the loaded release's files first: its data is about to be replaced
    String origin = PublishedRelease.CURATION;
    Views.ReleaseView view =
        QuarkusTransaction.requiringNew()
            .timeout(600)
            .call(
                () -> {
                  Session session = em.unwrap(Session.class);
                  session.doWork(Publisher::lock);
                  String current =
                      (String)
                          em.createNativeQuery("select version from dataset_state")
                              .getResultStream()
                              .findFirst()
                              .orElse(null);
                  if (releases.findById(version) != null) {
                    throw ChangeService.conflict("Release " + version + " exists already.");
                  }
                  if (current != null && SeedReader.compareVersions(version, current) <= 0) {
                    throw ChangeService.conflict(
                        "Release "
                            + version
                            + " is not newer than the current release "
                            + current
                            + ".");
                  }
                  List<ChangeSet> sets = changeSets.approvedUnreleased();
                  if (sets.isEmpty()) {
                    throw ChangeService.conflict(
                        "Nothing to publish: no approved change set waits for a release.");
                  }
                  LocalDate date = LocalDate.now(ZoneOffset.UTC);
                  OffsetDateTime at = date.atStartOfDay().atOffset(ZoneOffset.UTC);
                  OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                  PublishedRelease r = new PublishedRelease();
                  r.version = version;
                  r.date = date;
                  r.origin = origin;
                  r.notes = notes;
                  r.publishedAt = now;
                  r.publishedBy = publisher.name();
                  r.createdAt = at;
                  r.updatedAt = at;
                  r.changes = changes(notes, sets);
                  Map<String, byte[]> tables = session.doReturningWork(c -> applyAll(c, sets, at));
                  r.dataSha256 = SeedReader.dataChecksum(SeedFiles.bytes(tables, "release"));
                  ReleaseDraft.Curated draft =
                      new ReleaseDraft.Curated(
                          version,
                          date,
                          r.changes,
                          notes,
                          r.dataSha256,
                          now,
                          r.publishedBy,
                          (c, v, d) -> r.checksum = archive(c, v, d));
                  session.doWork(c -> Publisher.publish(c, draft));
                  for (ChangeSet cs : sets) {
                    cs.status = ChangeSet.RELEASED;
                    cs.releaseVersion = version;
                    cs.releasedAt = now;
                  }
                  em.flush();
                  return view(r, sets, files.of(version));
                });
    state.refresh();
    LOG.infof("Published release %s (%s)", version, origin);
    return view;
  }

  /** The changelog: the notes, then each change set's reason. */
  private static String changes(String notes, List<ChangeSet> sets) {
    StringBuilder sb = new StringBuilder(notes.strip());
    for (ChangeSet cs : sets) {
      sb.append(sb.toString().endsWith(".") ? " " : ". ")
          .append("Change set ")
          .append(cs.id)
          .append(": ")
          .append(cs.reason.strip());
    }
    return sb.toString();
  }

  /** Applies every operation (checking each base again); returns the tables. */
  private Map<String, byte[]> applyAll(Connection c, List<ChangeSet> sets, OffsetDateTime at)
      throws SQLException {
    for (ChangeSet cs : sets) {
      List<ChangeRequest.Operation> ops = ChangeService.operations(cs);
      for (int i = 0; i < ops.size(); i++) {
        ChangeRequest.Operation op = ops.get(i);
        TableSpec t = RecordStore.editable(op.collection()).orElseThrow();
        Map<String, Object> before;
        try {
          before = ChangeService.checkBase(c, t, op, i);
        } catch (Refusal e) {
          throw ChangeService.conflict("Change set " + cs.id + ", " + e.getMessage());
        }
        ChangeOperation stored = cs.operations.get(i);
        stored.before = json(before);
        ChangeService.apply(c, t, op, at, i);
        stored.after = json(RecordStore.snapshot(c, t, op.id()));
      }
    }
    return ChangeService.validateDataset(c); // the tables it checked are the release's
  }

  private static String json(Map<String, Object> snapshot) {
    return snapshot == null ? null : RecordStore.json(snapshot);
  }

  /** Writes the release's dumps, keeps them, and returns the dataset checksum. */
  private String archive(Connection c, String version, LocalDate date) throws SQLException {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("plenary-release-");
      return keep(c, version, dir, dumps.writeFiles(c, version, date.toString(), dir));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the release's dumps", e);
    } finally {
      deleteQuietly(dir);
    }
  }

  /**
   * Keeps the dump files {@code written} in {@code dir} as the release's files (release_file), in
   * the transaction {@code c}; returns their dataset checksum.
   */
  private static String keep(Connection c, String version, Path dir, List<Dumps.DumpFile> written)
      throws SQLException, IOException {
    try (var ps =
        c.prepareStatement(
            "insert into release_file (version, name, table_name, description, media_type, bytes,"
                + " sha256, row_count, content) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Dumps.DumpFile f : written) {
        ps.setString(1, version);
        ps.setString(2, f.name());
        ps.setString(3, f.table());
        ps.setString(4, f.description());
        ps.setString(5, f.mediaType());
        ps.setLong(6, f.bytes());
        ps.setString(7, f.sha256());
        ps.setObject(8, f.rows(), java.sql.Types.BIGINT);
        MessageDigest sha = sha256();
        // streamed to the database, never whole in the heap (the country votes are 25 MB)
        try (var in = new DigestInputStream(Files.newInputStream(dir.resolve(f.name())), sha)) {
          ps.setBinaryStream(9, in, f.bytes());
          ps.executeUpdate();
        }
        if (!HexFormat.of().formatHex(sha.digest()).equals(f.sha256())) {
          throw new IOException(f.name() + " changed on disk after it was written");
        }
      }
    }
    return SeedReader.checksum(SeedFiles.directory(dir));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The loaded release's files being kept after start-up; done when none are pending. */
  private volatile CompletableFuture<Void> archiving = CompletableFuture.completedFuture(null);

  /** Completed when the HTTP server listens ({@link #onServing}); never for a command. */
  private final CompletableFuture<Void> serving = new CompletableFuture<>();

  @ConfigProperty(name = "quarkus.http.host-enabled", defaultValue = "true")
  boolean serves;

  void onServing(@ObservesAsync io.quarkus.vertx.http.HttpServerStart event) {
    serving.complete(null);
  }

  void onServingTls(@ObservesAsync io.quarkus.vertx.http.HttpsServerStart event) {
    serving.complete(null);
  }

  /**
   * Keeps the dumps of the loaded release when it was published without them (the bootstrap release
   * from seed-data), so that every release stays downloadable after the next one. Writing them
   * takes seconds at the default dataset's size, so readiness does not wait for it: the publishing
   * lock is taken here, before the service serves anything or a command runs, in a transaction that
   * a background thread then finishes, once the HTTP server listens ({@link #afterServing}).
   * Whoever publishes next (a curated release, an import, another replica) waits for that lock, so
   * the loaded release's data is still there to write; the reads of releases wait for the files
   * ({@link #awaitArchive}), so they never list the release without them. The files are the very
   * dumps {@code /v1/dumps} serves ({@link Dumps#current}), written once for both. A start that is
   * stopped before the files are kept rolls back, and the next start keeps them.
   *
   * <p>The same thread first records the content checksums a first start's load left for after
   * ready ({@code ReleaseDraft.OfSeedFiles#checksumsLater}), in the same transaction: the content
   * it hashes is the loaded release's, as nobody writes before the lock is given up.
   */
  void archiveLoaded(@Observes @Priority(3000) StartupEvent event) {
    DatasetState.Loaded loaded = state.loaded();
    if (loaded == null) {
      return;
    }
    Connection c = null;
    try {
      c = dataSource.getConnection();
      c.setAutoCommit(false);
      Publisher.lock(c);
      LocalDate date = unarchived(c, loaded.version());
      boolean checksums = ContentChecksum.recorded(c).isEmpty();
      if (date == null && !checksums) {
        c.rollback();
        c.close();
        return;
      }
      Connection held = c;
      c = null;
      CompletableFuture<Void> kept = new CompletableFuture<>();
      archiving = kept;
      Thread t =
          new Thread(
              () -> {
                try {
                  afterServing();
                  keepLoaded(held, loaded, date, checksums, System.nanoTime());
                  kept.complete(null);
                } catch (RuntimeException | Error e) {
                  kept.completeExceptionally(e); // awaitArchive says it
                  return;
                }
                if (checksums) {
                  vacuumLoaded();
                }
              },
              "plenary-release-archive");
      t.setDaemon(true);
      t.start();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the loaded release: " + e.getMessage(), e);
    } finally {
      closeQuietly(c);
    }
  }

  /**
   * Waits, at most 5 s, until the HTTP server listens (at once for a command, which serves no
   * HTTP): the framework's last step, opening it, comes after the start's observers, and the work
   * kept for after ready (seconds of PostgreSQL and of the JVM, on a machine of two cores) would
   * otherwise run beside it.
   */
  void afterServing() {
    if (serves) {
      serving.completeOnTimeout(null, 5, TimeUnit.SECONDS).join();
    }
  }

  /**
   * After a first start's load, once its files are kept (the reads of releases do not wait for it):
   * vacuums the schema's tables, so that the pages the load wrote are marked all-visible and a
   * delegation's country votes are read from roll_call's index alone (V26), as autovacuum would do
   * a minute or more later. A stop meanwhile cancels it, harmlessly.
   */
  private void vacuumLoaded() {
    long t0 = System.nanoTime();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(true); // VACUUM cannot run in a transaction
      String tables;
      // the schema's tables this role may vacuum (a database-wide VACUUM warns of every catalog)
      try (ResultSet rs =
          s.executeQuery(
              "select string_agg(format('%I.%I', n.nspname, c.relname), ', ') from pg_class c"
                  + " join pg_namespace n on n.oid = c.relnamespace where n.nspname ="
                  + " current_schema() and c.relkind in ('r', 'm') and pg_has_role(c.relowner,"
                  + " 'USAGE')")) {
        tables = rs.next() ? rs.getString(1) : null;
      }
      if (tables == null) {
        return;
      }
      s.execute("vacuum " + tables);
      LOG.infof(
          "Vacuumed the loaded tables in %.1f s (after ready)", (System.nanoTime() - t0) / 1e9);
    } catch (SQLException | RuntimeException e) {
      LOG.infof("The loaded tables were not vacuumed (autovacuum will): %s", e.getMessage());
    }
  }

  /**
   * The loaded release's date when it exists and has no files kept; null otherwise (under the lock:
   * another replica may have kept them already).
   */
  private static LocalDate unarchived(Connection c, String version) throws SQLException {
    try (var ps =
        c.prepareStatement(
            "select r.date from release r where r.version = ? and not exists"
                + " (select 1 from release_file f where f.version = r.version)")) {
      ps.setString(1, version);
      try (var rs = ps.executeQuery()) {
        return rs.next() ? rs.getObject(1, LocalDate.class) : null;
      }
    }
  }

  /**
   * In the transaction {@code c} (holding the lock): records the content checksums when {@code
   * checksums}, keeps the loaded release's files when {@code date} is not null; commits.
   */
  private void keepLoaded(
      Connection c, DatasetState.Loaded loaded, LocalDate date, boolean checksums, long t0) {
    String version = loaded.version();
    try (c) {
      try {
        if (checksums) {
          ContentChecksum.record(c); // none recorded: every table hashed
        }
        long recorded = System.nanoTime();
        if (date != null) {
          Dumps.Release served = dumps.current();
          String checksum =
              served.checksum().equals(loaded.checksum()) && served.version().equals(version)
                  ? keep(c, version, served.dir(), served.files())
                  : archive(c, version, date);
          Publisher.filesArchived(c, version, checksum);
        }
        c.commit();
        if (date == null) {
          LOG.infof(
              "Recorded the content checksums of release %s in %.1f s (after ready)",
              version, (recorded - t0) / 1e9);
        } else {
          LOG.infof(
              "Kept the dumps of release %s in %.1f s (after ready%s)",
              version,
              (System.nanoTime() - t0) / 1e9,
              checksums
                  ? String.format(
                      ", its content checksums recorded in %.1f s", (recorded - t0) / 1e9)
                  : "");
        }
      } catch (SQLException | IOException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException | IOException | RuntimeException e) {
      LOG.warnf(
          "The dumps of release %s were not kept (the next start keeps them): %s",
          version, e.getMessage());
    }
  }

  /**
   * Waits until the loaded release's files are kept (at most a minute), so that a release read
   * during start-up never lacks them.
   */
  void awaitArchive() {
    try {
      archiving.get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warnf("The loaded release's dumps are not kept yet: %s", e.getMessage());
    }
  }

  /** A stop waits for the files being kept (a stop mid-way would leave them to the next start). */
  void onStop(@Observes ShutdownEvent event) {
    awaitArchive();
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.rollback();
        c.close();
      } catch (SQLException ignored) {
        // the connection is given up
      }
    }
  }

  public List<Views.ReleaseView> list() {
    awaitArchive();
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                releases.newestFirst().stream()
                    .map(r -> view(r, changeSets.ofRelease(r.version), files.of(r.version)))
                    .toList());
  }

  public Views.ReleaseView get(String version) {
    awaitArchive();
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              PublishedRelease r = releases.findById(version);
              if (r == null) {
                throw Refusal.notFound(
                    "No release '" + version + "'. The releases are listed at /v1/releases.");
              }
              return view(r, changeSets.ofRelease(version), files.of(version));
            });
  }

  /**
   * A file of a release, or a 404 problem; its bytes are read only when {@code send} says, from its
   * SHA-256, that they will be sent (not for a 304).
   */
  public ReleaseFile file(String version, String name, java.util.function.Predicate<String> send) {
    awaitArchive();
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              if (releases.findById(version) == null) {
                throw Refusal.notFound(
                    "No release '" + version + "'. The releases are listed at /v1/releases.");
              }
              ReleaseFile f = files.findById(new ReleaseFile.Key(version, name));
              if (f == null) {
                throw Refusal.notFound(
                    "Release "
                        + version
                        + " has no file '"
                        + name
                        + "'. Its files are listed at /v1/releases/"
                        + version
                        + (files.archived(version)
                            ? "."
                            : " (none were kept: it was replaced before dumps were archived)."));
              }
              if (send.test(f.sha256)) {
                f.content.getClass(); // load the content inside the transaction
              }
              return f;
            });
  }

  private static Views.ReleaseView view(
      PublishedRelease r, List<ChangeSet> sets, List<ReleaseFile> fs) {
    List<ReleaseFile> ordered = new ArrayList<>(fs);
    ordered.sort(
        Comparator.comparingInt(CuratedReleaseService::fileOrder).thenComparing(f -> f.name));
    return new Views.ReleaseView(
        r.version,
        r.date.toString(),
        r.origin,
        r.notes,
        r.changes,
        r.dataSha256,
        r.checksum,
        r.publishedAt,
        r.publishedBy,
        sets.stream().map(cs -> new Views.ChangelogEntry(cs.id, cs.reason)).toList(),
        ordered.stream().map(Views::of).toList());
  }

  /** Files in the order /v1/dumps lists them: the zip, datapackage.json, README.md, the tables. */
  private static int fileOrder(ReleaseFile f) {
    if (f.name.endsWith(".zip")) {
      return -3;
    }
    if (f.name.equals("datapackage.json")) {
      return -2;
    }
    if (f.name.equals("README.md")) {
      return -1;
    }
    for (int i = 0; i < Schema.TABLES.size(); i++) {
      if (Schema.TABLES.get(i).file().equals(f.name)) {
        return i;
      }
    }
    return Schema.TABLES.size();
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // a temporary directory
    }
  }
}
