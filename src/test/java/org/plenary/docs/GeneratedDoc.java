package org.plenary.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A block of a docs page generated from the code, between {@code <!-- generated: NAME -->} and
 * {@code <!-- end generated: NAME -->}. A test checks that the page holds what the code generates;
 * run it with {@code -Dplenary.docs.write=true} to write the block instead (then review the diff).
 */
final class GeneratedDoc {
  private GeneratedDoc() {}

  static void check(Path page, String name, String generated) throws IOException {
    String text = Files.readString(page, StandardCharsets.UTF_8);
    String begin = "<!-- generated: " + name + " -->\n";
    String end = "<!-- end generated: " + name + " -->";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    assertTrue(from >= 0 && to > from, page + " has the block '" + name + "'");
    String current = text.substring(from + begin.length(), to);
    if (Boolean.getBoolean("plenary.docs.write") && !current.equals(generated)) {
      Files.writeString(
          page,
          text.substring(0, from + begin.length()) + generated + text.substring(to),
          StandardCharsets.UTF_8);
      return;
    }
    assertEquals(
        generated,
        current,
        page
            + ": the block '"
            + name
            + "' differs from the code; regenerate it with ./mvnw -o test"
            + " -Dtest=DocsTest -Dplenary.docs.write=true");
  }

  /** {@code s} in a Markdown table cell (pipes escaped). */
  static String cell(String s) {
    return s.replace("|", "\\|");
  }
}
