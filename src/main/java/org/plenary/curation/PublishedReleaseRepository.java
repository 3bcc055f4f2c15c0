package org.plenary.curation;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class PublishedReleaseRepository implements PanacheRepositoryBase<PublishedRelease, String> {
  public List<PublishedRelease> newestFirst() {
    return listAll(Sort.descending("date").and("version", Sort.Direction.Descending));
  }
}
