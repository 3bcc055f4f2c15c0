package org.plenary.curation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One operation of a change set. {@code payload} (the fields set, or the record created) and {@code
 * sources} are JSON as the editor sent them; {@code before} and {@code after} are the record as the
 * dumps show it (JSON), filled in when the change set is published.
 */
@Entity
@Table(name = "change_operation")
public class ChangeOperation {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "change_set_id")
  public ChangeSet changeSet;

  @Column(nullable = false)
  public int seq;

  @Column(nullable = false)
  public String op;

  @Column(name = "table_name", nullable = false)
  public String tableName;

  @Column(name = "record_id", nullable = false)
  public String recordId;

  public String base;

  @Column(nullable = false)
  public String payload;

  @Column(nullable = false)
  public String sources;

  public String before;

  public String after;
}
