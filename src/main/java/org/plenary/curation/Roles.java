package org.plenary.curation;

import java.util.Set;

/** The roles a token can have; each includes the ones below it (admin > reviewer > editor). */
public final class Roles {
  private Roles() {}

  public static final String EDITOR = "editor";
  public static final String REVIEWER = "reviewer";
  public static final String ADMIN = "admin";

  /** The security roles a token of {@code role} holds. */
  public static Set<String> granted(String role) {
    return switch (role) {
      case ADMIN -> Set.of(ADMIN, REVIEWER, EDITOR);
      case REVIEWER -> Set.of(REVIEWER, EDITOR);
      default -> Set.of(EDITOR);
    };
  }
}
