package org.plenary.curation;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One dump file of a published release, kept byte for byte. */
@Entity
@Table(name = "release_file")
@IdClass(ReleaseFile.Key.class)
public class ReleaseFile {
  @Id public String version;

  @Id public String name;

  @Column(name = "table_name")
  public String tableName;

  @Column(nullable = false)
  public String description;

  @Column(name = "media_type", nullable = false)
  public String mediaType;

  @Column(nullable = false)
  public long bytes;

  @Column(nullable = false)
  public String sha256;

  @Column(name = "row_count")
  public Long rowCount;

  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false)
  public byte[] content;

  /** The primary key: release version and file name. */
  public static class Key implements Serializable {
    public String version;
    public String name;

    public Key() {}

    public Key(String version, String name) {
      this.version = version;
      this.name = name;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(version, k.version)
          && Objects.equals(name, k.name);
    }

    @Override
    public int hashCode() {
      return Objects.hash(version, name);
    }
  }
}
