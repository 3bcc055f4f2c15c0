package org.plenary.curation;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class ApiTokenRepository implements PanacheRepository<ApiToken> {
  public Optional<ApiToken> findByHash(String hash) {
    return find("tokenHash", hash).firstResultOptional();
  }

  public boolean nameTaken(String name) {
    return count("name", name) > 0;
  }
}
