package org.plenary.curation;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * An editor's proposal: a reason and operations on records. It is proposed, then approved or
 * rejected by someone else, then published by a release; until then its author, a reviewer or an
 * admin may withdraw it.
 */
@Entity
@Table(name = "change_set")
public class ChangeSet {
  public static final String PROPOSED = "proposed";
  public static final String APPROVED = "approved";
  public static final String REJECTED = "rejected";
  public static final String RELEASED = "released";
  public static final String WITHDRAWN = "withdrawn";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false)
  public String status;

  @Column(nullable = false)
  public String reason;

  @Column(nullable = false)
  public String author;

  @Column(name = "author_role", nullable = false)
  public String authorRole;

  @Column(name = "proposed_at", nullable = false)
  public OffsetDateTime proposedAt;

  @Column(name = "release_version")
  public String releaseVersion;

  @Column(name = "released_at")
  public OffsetDateTime releasedAt;

  @OneToMany(mappedBy = "changeSet", cascade = CascadeType.ALL)
  @OrderBy("seq")
  public List<ChangeOperation> operations = new ArrayList<>();

  @OneToMany(mappedBy = "changeSet", cascade = CascadeType.ALL)
  @OrderBy("id")
  public List<Review> reviews = new ArrayList<>();
}
