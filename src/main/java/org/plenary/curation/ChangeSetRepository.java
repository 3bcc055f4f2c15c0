package org.plenary.curation;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ChangeSetRepository implements PanacheRepository<ChangeSet> {
  /** Approved change sets not yet released, in the order they were approved. */
  public List<ChangeSet> approvedUnreleased() {
    return list("status", Sort.by("id"), ChangeSet.APPROVED);
  }

  /** Change sets visible to the caller: released ones, or every one for editors and above. */
  public List<ChangeSet> visible(boolean pendingToo, String status) {
    if (status != null) {
      return list("status", Sort.descending("id"), status);
    }
    return pendingToo
        ? listAll(Sort.descending("id"))
        : list("status", Sort.descending("id"), ChangeSet.RELEASED);
  }

  public List<ChangeSet> ofRelease(String version) {
    return list("releaseVersion", Sort.by("id"), version);
  }
}
