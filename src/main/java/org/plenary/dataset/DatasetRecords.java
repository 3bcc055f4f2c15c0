package org.plenary.dataset;

import java.util.List;
import java.util.Map;

/** The typed bodies of the dataset package's resources. */
public final class DatasetRecords {
  private DatasetRecords() {}

  /** /v1/dataset: what is loaded, under which licence, how to cite it, and its releases. */
  public record Description(
      String name,
      String title,
      String version,
      License license,
      String citation,
      String checksum,
      String loadedAt,
      Map<String, Long> rowCounts,
      List<Release> releases,
      Link sources) {}

  /** The data's and the code's licences. */
  public record License(String data, String dataUrl, String code, String quotes) {}

  /** A published release of the data, newest first. */
  public record Release(
      String version,
      String date,
      String changes,
      String dataSha256,
      String origin,
      List<ChangelogEntry> changelog,
      String href) {}

  /** A change set a release published, with its reason. */
  public record ChangelogEntry(Long changeSet, String reason) {}

  /** A link to a collection, with how many records it holds. */
  public record Link(String href, Long count) {}

  /** /v1: the API's entry point. */
  public record Index(
      String name,
      String datasetVersion,
      String documentation,
      String openapi,
      Map<String, String> collections) {}

  /** One bulk file of the current release, as listed at /v1/dumps. */
  public record DumpEntry(
      String name,
      String url,
      String table,
      String description,
      String mediaType,
      long bytes,
      String sha256,
      Long rows) {}
}
