package org.plenary.curation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A proposed change set: why, and the operations.
 *
 * @param reason why the change is needed (it becomes the release's changelog line)
 */
public record ChangeRequest(
    @NotBlank @Size(max = 4000) String reason,
    @NotEmpty @Size(max = 500) List<@NotNull @Valid Operation> operations) {

  /**
   * One operation on one record.
   *
   * @param op create, update or delete
   * @param collection the collection (e.g. positions, sources, claims, ratifications)
   * @param id the record's id
   * @param base the record's tag as the editor saw it (GET /v1/changes/records/{collection}/{id});
   *     null to create
   * @param set for update: the fields to change and their new values
   * @param record for create: every field of the new record
   * @param sources the sources backing a created or changed record (cited by it)
   */
  @ValidOperation
  public record Operation(
      @NotNull String op,
      @NotBlank String collection,
      @NotBlank
          @jakarta.validation.constraints.Pattern(
              regexp = org.plenary.seed.Column.ID_PATTERN,
              message = "is not an id: " + org.plenary.seed.Column.ID_RULE)
          String id,
      String base,
      java.util.Map<String, Object> set,
      java.util.Map<String, Object> record,
      @Size(max = 50) List<@NotNull @Valid SourceRef> sources) {}

  /** A source a record cites, and where in it. */
  public record SourceRef(@NotBlank String sourceId, @Size(max = 1000) String locator) {}
}
