package org.plenary.newcomer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's examples as a newcomer meets them: every {@code curl} command of the {@code sh}
 * blocks of the README and of the docs pages it sends a newcomer to for the API, the import and
 * curation ({@link #PAGES}), in order, with the shell assignments and output comments around it.
 * They are run as pasted, by bash and the real curl, against the test service: only {@code
 * localhost:8080} becomes the test's port.
 */
final class ReadmeExamples {
  private ReadmeExamples() {}

  static final Path README = Path.of("README.md");

  /** The README, then the pages whose examples a newcomer runs next, in the order walked. */
  static final List<Path> PAGES =
      List.of(
          README,
          Path.of("docs", "api.md"),
          Path.of("docs", "voting-record.md"),
          Path.of("docs", "importing.md"),
          Path.of("docs", "curation.md"));

  /** One fenced block: its language, the text just before it, its lines. */
  record Block(String language, String before, List<String> lines) {}

  /**
   * One curl command (continuation lines joined), the shell assignments of its block before it, and
   * the output comments after it ({@code # 201 {"data": ...}}).
   */
  record Example(String command, List<String> assignments, List<String> shownOutput) {
    /** Whether the command needs a token (a shell variable). */
    boolean needsToken() {
      return command.contains("$");
    }
  }

  /** What running a command gave. */
  record Run(int exit, int status, String body, String stderr) {}

  static String readme() {
    return read(README);
  }

  /** The README and the pages of {@link #PAGES}, one after the other. */
  static String walked() {
    StringBuilder sb = new StringBuilder();
    for (Path page : PAGES) {
      sb.append(read(page)).append('\n');
    }
    return sb.toString();
  }

  private static String read(Path page) {
    try {
      return Files.readString(page, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The fenced blocks, in order. */
  static List<Block> blocks(String readme) {
    List<Block> out = new ArrayList<>();
    String[] lines = readme.split("\n", -1);
    StringBuilder before = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("```")) {
        String language = lines[i].substring(3).trim();
        List<String> body = new ArrayList<>();
        for (i++; i < lines.length && !lines[i].startsWith("```"); i++) {
          body.add(lines[i]);
        }
        out.add(new Block(language, before.toString(), body));
        before.setLength(0);
      } else {
        before.append(lines[i]).append('\n');
      }
    }
    return out;
  }

  /** The curl commands of a sh block. */
  static List<Example> examples(Block block) {
    List<Example> out = new ArrayList<>();
    List<String> assignments = new ArrayList<>();
    List<String> lines = block.lines();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.matches("[A-Z_]+=.*") && !line.contains("$(")) {
        assignments.add(line);
      } else if (line.startsWith("curl ")) {
        StringBuilder cmd = new StringBuilder(line);
        // continuation lines stay as written: bash reads the backslash-newline
        while (cmd.toString().endsWith("\\") && i + 1 < lines.size()) {
          cmd.append('\n').append(lines.get(++i));
        }
        // a multi-line quoted body: the command goes on until its quotes close
        while (!quotesClosed(cmd) && i + 1 < lines.size()) {
          cmd.append('\n').append(lines.get(++i));
        }
        List<String> shown = new ArrayList<>();
        while (i + 1 < lines.size() && lines.get(i + 1).strip().matches("# (\\d{3} )?\\{.*")) {
          shown.add(lines.get(++i).strip().substring(2));
        }
        out.add(new Example(cmd.toString(), List.copyOf(assignments), shown));
      }
    }
    return out;
  }

  private static boolean quotesClosed(CharSequence s) {
    boolean single = false;
    boolean dbl = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(s.charAt(i - 1)))) {
        break; // a comment: its apostrophes quote nothing
      } else if (c == '\'' && !dbl) {
        single = !single;
      } else if (c == '"' && !single) {
        dbl = !dbl;
      }
    }
    return !single && !dbl;
  }

  /**
   * Runs the command with bash and curl, in {@code dir}, against {@code port}; the shell variables
   * come from {@code env}. curl prints the status last ({@code -w}).
   */
  static Run run(Example e, int port, Path dir, Map<String, String> env) {
    String command = e.command().replace("localhost:8080", "localhost:" + port);
    String script =
        String.join("\n", e.assignments())
            + "\n"
            + command.replaceFirst("^curl ", "curl -sS -w '\\\\n%{http_code}' ");
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).directory(dir.toFile());
    pb.environment().putAll(env);
    try {
      Process p = pb.start();
      byte[] out = p.getInputStream().readAllBytes();
      byte[] err = p.getErrorStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("curl did not finish: " + e.command());
      }
      String text = new String(out, StandardCharsets.UTF_8);
      int cut = text.lastIndexOf('\n');
      String last = text.substring(cut + 1).strip();
      int status = last.matches("\\d{3}") ? Integer.parseInt(last) : 0;
      return new Run(
          p.exitValue(),
          status,
          cut < 0 ? "" : text.substring(0, cut),
          new String(err, StandardCharsets.UTF_8));
    } catch (IOException ex) {
      throw new java.io.UncheckedIOException(ex);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(ex);
    }
  }

  private static final Pattern PAIR =
      Pattern.compile("\"([a-z_]+)\": (\"[^\"]*\"|-?\\d+(?:\\.\\d+)?|true|false|null)");

  /**
   * What a shown output claims: its status ({@code # 201 {...}}, 0 when none) and each {@code
   * "key": value} pair with a literal value (values with "..." are placeholders).
   */
  static List<String> claims(String shown) {
    List<String> out = new ArrayList<>();
    Matcher m = PAIR.matcher(shown);
    while (m.find()) {
      if (!m.group(2).contains("...")) {
        out.add("\"" + m.group(1) + "\":" + m.group(2));
      }
    }
    return out;
  }

  static int shownStatus(String shown) {
    Matcher m = Pattern.compile("^(\\d{3}) ").matcher(shown);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }
}
