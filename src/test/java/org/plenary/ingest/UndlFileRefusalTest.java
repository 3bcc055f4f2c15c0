package org.plenary.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader's refusals of hostile files (issue 22): each a one-line "file line N: why", with the
 * file's own bytes shown only briefly and printably, never a stack trace from the database.
 */
class UndlFileRefusalTest {
  private static final Path SAMPLE = Path.of("src/test/resources/undl/ga-2025.csv");

  @TempDir Path dir;

  private static String refusal(Path file) {
    UndlFile.Refused r =
        assertThrows(
            UndlFile.Refused.class, () -> UndlFile.read(file, (rc, code, b) -> {}, n -> {}));
    String m = r.getMessage();
    assertTrue(m.startsWith(file.toString()), m);
    assertTrue(m.lines().count() == 1, "one line: " + m);
    return m;
  }

  @Test
  void aNulByteInAFieldIsRefusedWithItsLine() throws IOException {
    String csv = Files.readString(SAMPLE, StandardCharsets.UTF_8);
    String[] lines = csv.split("\n", -1);
    lines[2] =
        lines[2].replace("UNITED STATES", "UNITED\u0000STATES").replace("ISRAEL", "ISR\u0000AEL");
    Path file = dir.resolve("nul.csv");
    Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
    String m = refusal(file);
    assertEquals(file + " line 3: ms_name contains a NUL byte (U+0000)", m);
  }

  @Test
  void aControlCharacterOfTwoBytesLateInTheFileIsRefusedWithItsLine() throws IOException {
    // the fields are checked from the first byte that may encode one on: a no-break space (C2 A0)
    // early on is text, a NEL (U+0085, C2 85) on the last line is a control character
    String csv = Files.readString(SAMPLE, StandardCharsets.UTF_8);
    String[] lines = csv.strip().split("\n", -1);
    lines[2] = lines[2].replace("UNITED STATES", "UNITED\u00a0STATES");
    int last = lines.length - 1;
    String name = lines[last].split(",", -1)[2];
    lines[last] = lines[last].replaceFirst(",\\Q" + name + "\\E,", "," + name + "\u0085,");
    Path file = dir.resolve("nel.csv");
    Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
    String m = refusal(file);
    assertEquals(
        file + " line " + (last + 1) + ": ms_name contains a control character (U+0085)", m);
    lines[last] = lines[last].replace("\u0085", "");
    Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
    assertEquals(last, UndlFile.read(file, (rc, code, b) -> {}, n -> {}).rows());
  }

  @Test
  void aControlCharacterInTheHeaderIsRefused() throws IOException {
    Path file = dir.resolve("header-nul.csv");
    Files.writeString(
        file,
        Files.readString(SAMPLE, StandardCharsets.UTF_8).replaceFirst("undl_id", "undl\u0000id"),
        StandardCharsets.UTF_8);
    String m = refusal(file);
    assertTrue(m.contains("line 1"), m);
    assertTrue(m.contains("\\u0000"), m);
    assertTrue(!m.contains("\u0000"), m);
  }

  @Test
  void aDirectoryNamedLikeACsvFileIsSaidToBeADirectory() throws IOException {
    Path d = Files.createDirectory(dir.resolve("x.csv"));
    assertEquals(d + ": is a directory, not a file", refusal(d));
    assertEquals(dir.resolve("none.csv") + ": no such file", refusal(dir.resolve("none.csv")));
  }

  @Test
  void aTruncatedGzipIsSaidToBeTruncated() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(Files.readAllBytes(SAMPLE));
    }
    byte[] all = bytes.toByteArray();
    Path file = dir.resolve("cut.csv.gz");
    Files.write(file, Arrays.copyOf(all, all.length / 2));
    String m = refusal(file);
    assertTrue(m.contains("truncated"), m);
    assertTrue(!m.contains("not valid CSV"), m);
  }

  @Test
  void aBinaryHeaderIsShownBrieflyAndPrintably() throws IOException {
    // valid UTF-8 of ASCII and control characters, no line break: one huge header line
    byte[] ascii = new byte[200_000];
    new java.util.Random(22).nextBytes(ascii);
    for (int i = 0; i < ascii.length; i++) {
      ascii[i] = (byte) (ascii[i] & 0x7f);
      if (ascii[i] == '\n' || ascii[i] == '\r' || ascii[i] == '"') {
        ascii[i] = 'x';
      }
    }
    Path file = dir.resolve("binary.csv");
    Files.write(file, ascii);
    String m = refusal(file);
    assertTrue(m.length() < 1500, "at most a few hundred characters: " + m.length());
    assertTrue(m.chars().noneMatch(c -> c < 0x20 || c == 0x7f), "printable: " + m);
  }
}
