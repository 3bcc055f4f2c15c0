package org.plenary.delegation;

/** Test access to the per-vote agreement score (1, 0.5, 0 or null). */
public final class AgreementTestAccess {
  private AgreementTestAccess() {}

  public static Double score(String a, String b) {
    return AgreementService.score(a, b);
  }
}
