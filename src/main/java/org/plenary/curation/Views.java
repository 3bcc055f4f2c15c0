package org.plenary.curation;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.plenary.http.Api;
import org.plenary.http.Json;

/** The response shapes of curation (never the entities themselves). */
public final class Views {
  private Views() {}

  /** A change set, for its author, its reviewers and the audit. */
  public record ChangeSetView(
      long id,
      @Schema(enumeration = {"proposed", "approved", "rejected", "released", "withdrawn"})
          String status,
      String reason,
      String author,
      String authorRole,
      OffsetDateTime proposedAt,
      @Schema(nullable = true, description = "Who approved, rejected or withdrew it")
          String reviewer,
      @Schema(nullable = true) OffsetDateTime reviewedAt,
      List<ReviewView> reviews,
      @Schema(nullable = true, description = "The release that published it") String release,
      @Schema(nullable = true) OffsetDateTime releasedAt,
      @Schema(description = "Every source its operations cite") List<String> sources,
      List<OperationView> operations) {}

  /** A review decision. */
  public record ReviewView(
      @Schema(enumeration = {"approved", "rejected", "withdrawn"}) String decision,
      String reviewer,
      String reviewerRole,
      @Schema(nullable = true) String note,
      OffsetDateTime reviewedAt) {}

  /** One operation, with the record before and after once published. */
  public record OperationView(
      int seq,
      @Schema(enumeration = {"create", "update", "delete"}) String op,
      String collection,
      String id,
      @Schema(nullable = true) String base,
      @Schema(nullable = true, description = "update: the fields changed") Map<String, Object> set,
      @Schema(nullable = true, description = "create: the record") Map<String, Object> record,
      List<ChangeRequest.SourceRef> sources,
      @Schema(
              nullable = true,
              description =
                  "The record (as the dumps write it, with its sources) before it was published")
          Map<String, Object> before,
      @Schema(nullable = true, description = "The record after it was published")
          Map<String, Object> after) {}

  /** A published release. */
  public record ReleaseView(
      String version,
      String date,
      @Schema(enumeration = {"seed", "curation", "undl", "import", "ungdc"}) String origin,
      @Schema(nullable = true) String notes,
      String changes,
      String dataSha256,
      @Schema(nullable = true) String checksum,
      @Schema(nullable = true) OffsetDateTime publishedAt,
      @Schema(nullable = true) String publishedBy,
      @Schema(description = "The change sets it published, with their reasons")
          List<ChangelogEntry> changelog,
      List<ReleaseFileView> files) {}

  /** One line of a release's changelog: a change set and its reason. */
  public record ChangelogEntry(long changeSet, String reason) {}

  /** A file of a published release. */
  public record ReleaseFileView(
      String name,
      String url,
      @Schema(nullable = true) String table,
      String description,
      String mediaType,
      long bytes,
      String sha256,
      @Schema(nullable = true) Long rows) {}

  /** A record's current tag (the base a change to it must give) and its fields. */
  public record RecordBase(String collection, String id, String base, Map<String, Object> record) {}

  /** A request for a token. */
  public record TokenRequest(
      @jakarta.validation.constraints.NotBlank
          @jakarta.validation.constraints.Size(max = 100)
          @jakarta.validation.constraints.Pattern(
              regexp = "[A-Za-z0-9][A-Za-z0-9 ._@-]*",
              message = "letters, digits, spaces and . _ @ - only")
          String name,
      @jakarta.validation.constraints.NotNull
          @jakarta.validation.constraints.Pattern(
              regexp = "editor|reviewer|admin",
              message = "must be editor, reviewer or admin")
          String role) {}

  /** A request to publish a release. */
  public record ReleaseRequest(
      @jakarta.validation.constraints.NotBlank
          @jakarta.validation.constraints.Pattern(
              regexp = "\\d{1,4}\\.\\d{1,4}\\.\\d{1,4}",
              message = "must be a version such as 1.1.0")
          String version,
      @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 4000)
          String notes) {}

  /** A reviewer's note on a decision. */
  public record ReviewRequest(@jakarta.validation.constraints.Size(max = 4000) String note) {}

  static ChangeSetView of(ChangeSet cs) {
    Review last = cs.reviews.isEmpty() ? null : cs.reviews.get(cs.reviews.size() - 1);
    LinkedHashSet<String> sources = new LinkedHashSet<>();
    List<ChangeRequest.Operation> requested = ChangeService.operations(cs);
    List<OperationView> ops = new java.util.ArrayList<>();
    for (int i = 0; i < requested.size(); i++) {
      ChangeRequest.Operation r = requested.get(i);
      ChangeOperation o = cs.operations.get(i);
      r.sources().forEach(ref -> sources.add(ref.sourceId()));
      ops.add(
          new OperationView(
              o.seq,
              r.op(),
              r.collection(),
              r.id(),
              r.base(),
              r.set(),
              r.record(),
              r.sources(),
              o.before == null ? null : parse(o.before, MAP),
              o.after == null ? null : parse(o.after, MAP)));
    }
    return new ChangeSetView(
        cs.id,
        cs.status,
        cs.reason,
        cs.author,
        cs.authorRole,
        cs.proposedAt,
        last == null ? null : last.reviewer,
        last == null ? null : last.reviewedAt,
        cs.reviews.stream()
            .map(r -> new ReviewView(r.decision, r.reviewer, r.reviewerRole, r.note, r.reviewedAt))
            .toList(),
        cs.releaseVersion,
        cs.releasedAt,
        List.copyOf(sources),
        ops);
  }

  static ReleaseFileView of(ReleaseFile f) {
    return new ReleaseFileView(
        f.name,
        Api.V1 + "/releases/" + f.version + "/dumps/" + f.name,
        f.tableName,
        f.description,
        f.mediaType,
        f.bytes,
        f.sha256,
        f.rowCount);
  }

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  static <T> T parse(String json, TypeReference<T> type) {
    try {
      return Json.MAPPER.readValue(json, type);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Stored JSON could not be read", e);
    }
  }
}
