package org.plenary.seed;

import java.util.List;

/** The dataset files are inconsistent; each problem names the file, the line and what is wrong. */
public class SeedException extends RuntimeException {
  private final List<String> problems;

  public SeedException(List<String> problems) {
    super(
        "The dataset was refused ("
            + problems.size()
            + " problem"
            + (problems.size() == 1 ? "" : "s")
            + "):\n  "
            + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
