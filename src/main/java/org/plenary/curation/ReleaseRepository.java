package org.plenary.curation;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ReleaseRepository implements PanacheRepositoryBase<Release, String> {
  public List<Release> newestFirst() {
    return listAll(Sort.descending("date").and("version", Sort.Direction.Descending));
  }
}
