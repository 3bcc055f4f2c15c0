package org.plenary.release;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What a writer hands the {@link Publisher}: a release not yet published. One kind per writer: the
 * seed files (whose release record comes with them, in releases.csv), a curated release (reviewed
 * change sets) and an import of outside data.
 */
public sealed interface ReleaseDraft {

  /**
   * The release of the seed files (or of a release's archived dumps), loaded by {@code
   * dataset/SeedLoader}: its record is one of the files' rows, so the publisher writes only the
   * state. {@code restoring}: the same files loaded again because the content differed from what
   * was recorded; the content they give must then be what was recorded. {@code checksumsLater}: a
   * start's load into a database with no content checksums recorded (a first start) leaves them to
   * be recorded after ready, by the thread that keeps the release's files ({@code
   * curation/CuratedReleaseService}); until then none is recorded, and a start that finds none
   * loads the files again to record them.
   */
  record OfSeedFiles(
      String version, String filesChecksum, boolean restoring, boolean checksumsLater)
      implements ReleaseDraft {}

  /**
   * A curated release: its record, and its files ({@code archive}: writes and keeps the release's
   * dumps once its record is written, and returns the dataset checksum of those files).
   */
  record Curated(
      String version,
      LocalDate date,
      String changes,
      String notes,
      String dataSha256,
      OffsetDateTime publishedAt,
      String publishedBy,
      Archive archive)
      implements ReleaseDraft {}

  /**
   * An import of outside data that changed the dataset: the importer {@code origin} (a release
   * origin, also the version's tag: {@code 1.0.0+undl.2}), the data's source ({@code from}), the
   * file, its SHA-256, what changed, and the day.
   */
  record Imported(
      String origin,
      String from,
      String fileName,
      String fileSha256,
      String changes,
      LocalDate date)
      implements ReleaseDraft {}

  /** Writes a release's files, in the publication's transaction; returns their checksum. */
  @FunctionalInterface
  interface Archive {
    String files(Connection c, String version, LocalDate date) throws SQLException;
  }
}
