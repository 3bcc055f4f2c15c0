package org.plenary.curation;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ReleaseFileRepository implements PanacheRepositoryBase<ReleaseFile, ReleaseFile.Key> {
  public boolean archived(String version) {
    return count("version", version) > 0;
  }

  /** The files of a release (their content is loaded only when read). */
  public List<ReleaseFile> of(String version) {
    return list("version", Sort.by("name"), version);
  }
}
