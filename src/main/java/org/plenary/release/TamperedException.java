package org.plenary.release;

/** The database content differs from what was recorded for the published release. */
public final class TamperedException extends IllegalStateException {
  public TamperedException(String message) {
    super(message);
  }
}
