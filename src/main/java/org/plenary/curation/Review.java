package org.plenary.curation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A reviewer's decision on a change set. */
@Entity
@Table(name = "review")
public class Review {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "change_set_id")
  public ChangeSet changeSet;

  @Column(nullable = false)
  public String decision;

  @Column(nullable = false)
  public String reviewer;

  @Column(name = "reviewer_role", nullable = false)
  public String reviewerRole;

  public String note;

  @Column(name = "reviewed_at", nullable = false)
  public OffsetDateTime reviewedAt;
}
