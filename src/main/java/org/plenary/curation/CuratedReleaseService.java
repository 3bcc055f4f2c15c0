package org.plenary.curation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.plenary.dataset.DatasetState;
import org.plenary.dataset.Dumps;
import org.plenary.refusal.Refusal;
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

  /** Publishes every approved, unreleased change set as release {@code version}. */
  public Views.ReleaseView publish(String version, String notes, TokenService.Caller publisher) {
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
      List<Dumps.DumpFile> written = dumps.writeFiles(c, version, date.toString(), dir);
      for (Dumps.DumpFile f : written) {
        ReleaseFile rf = new ReleaseFile();
        rf.version = version;
        rf.name = f.name();
        rf.tableName = f.table();
        rf.description = f.description();
        rf.mediaType = f.mediaType();
        rf.bytes = f.bytes();
        rf.sha256 = f.sha256();
        rf.rowCount = f.rows();
        rf.content = Files.readAllBytes(dir.resolve(f.name()));
        files.persist(rf);
      }
      return SeedReader.checksum(SeedFiles.directory(dir));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the release's dumps", e);
    } finally {
      deleteQuietly(dir);
    }
  }

  /**
   * Keeps the dumps of the loaded release when it was published without them (the bootstrap release
   * from seed-data), so that every release stays downloadable after the next one.
   */
  void archiveLoaded(@Observes @Priority(3000) StartupEvent event) {
    if (state.loaded() == null) {
      return;
    }
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Session session = em.unwrap(Session.class);
              session.doWork(Publisher::lock);
              String version = state.version();
              PublishedRelease r = releases.findById(version);
              if (r == null || files.archived(version)) {
                return;
              }
              String checksum = session.doReturningWork(c -> archive(c, version, r.date));
              session.doWork(c -> Publisher.filesArchived(c, version, checksum));
              LOG.infof("Kept the dumps of release %s", version);
            });
  }

  public List<Views.ReleaseView> list() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                releases.newestFirst().stream()
                    .map(r -> view(r, changeSets.ofRelease(r.version), files.of(r.version)))
                    .toList());
  }

  public Views.ReleaseView get(String version) {
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
