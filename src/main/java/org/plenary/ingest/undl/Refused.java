package org.plenary.ingest.undl;

import java.nio.file.Path;

/**
 * A refused file: its message names the file, the line (none for the whole file) and what is wrong.
 * Nothing of a refused file is used.
 */
public final class Refused extends RuntimeException {
  private final transient Path file;
  private final long line;
  private final String problem;

  public Refused(Path file, long line, String problem) {
    super(file + (line > 0 ? " line " + line : "") + ": " + problem);
    this.file = file;
    this.line = line;
    this.problem = problem;
  }

  public Path file() {
    return file;
  }

  /** The line the problem is on; 0 when it is the whole file's. */
  public long line() {
    return line;
  }

  /** What is wrong, without the file and line. */
  public String problem() {
    return problem;
  }
}
