package org.plenary.curation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A published version of the dataset (the table seed-data/releases.csv fills): from seed-data, from
 * curation or from an import.
 */
@Entity
@Table(name = "release")
public class PublishedRelease {
  public static final String CURATION = "curation";

  @Id public String version;

  @Column(nullable = false)
  public LocalDate date;

  @Column(nullable = false)
  public String changes;

  @Column(name = "data_sha256", nullable = false)
  public String dataSha256;

  @Column(nullable = false)
  public String origin;

  public String notes;

  /** The dataset checksum of this release (what /v1/dataset and the response cache key on). */
  public String checksum;

  @Column(name = "published_at")
  public OffsetDateTime publishedAt;

  @Column(name = "published_by")
  public String publishedBy;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;
}
