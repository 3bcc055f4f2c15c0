package org.plenary.ingest;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads the UN General Debate Corpus as distributed (a .tgz, read as a stream, or the directory it
 * unpacks to): one UTF-8 text per statement, {@code TXT/Session NN - YYYY/CODE_NN_YYYY.txt}, and
 * {@code Speakers_by_session.xlsx}. Each statement is split into paragraphs ({@link #paragraphs})
 * and handed to a {@link Sink} as it is read; only the speakers (about 11,000 short rows) are kept.
 * Files that do not follow the naming convention are skipped and named; a statement whose file name
 * disagrees with its session's folder, that is not UTF-8 or that holds no text refuses the corpus.
 */
public final class UngdcCorpus {
  /** The speakers' file's name in the corpus. */
  static final String SPEAKERS = "Speakers_by_session.xlsx";

  private static final Pattern STATEMENT =
      Pattern.compile(
          "(?:^|.*/)TXT/Session (\\d{1,3}) - (\\d{4})/([A-Z]{2,4})_(\\d{1,3})_(\\d{4})\\.txt$");

  /** The corpus's own files that are not statements and not skipped: they are expected. */
  private static final Pattern KNOWN = Pattern.compile("(?:^|.*/)(README\\.txt)$");

  private UngdcCorpus() {}

  /** One statement as read: its identity, file name and paragraphs. */
  public record Statement(
      String code,
      int session,
      int year,
      String locator,
      List<String> paragraphs,
      int characters,
      String sha256) {
    /** The statement's id: {@code usa-74-2019}. */
    public String id() {
      return code.toLowerCase(Locale.ROOT) + "-" + session + "-" + year;
    }
  }

  /** A speaker of the speakers' file: name and post as recorded (either may be null). */
  public record Speaker(String name, String post) {}

  /** What a read found besides the statements. */
  public record Contents(
      String sha256,
      int statements,
      Map<String, Speaker> speakers,
      boolean speakersFile,
      List<String> skipped) {}

  /** Receives each statement as it is read. */
  public interface Sink {
    void accept(Statement s) throws IOException;
  }

  /** The key of a speaker: code and session. */
  static String key(String code, int session) {
    return code + "/" + session;
  }

  /** Reads {@code path}: a .tgz (or .tar.gz) file, or a directory. */
  public static Contents read(Path path, Sink sink) throws IOException {
    if (Files.isDirectory(path)) {
      return readDirectory(path, sink);
    }
    if (!Files.isRegularFile(path)) {
      throw new UndlFile.Refused(path, 0, "is neither a .tgz file nor a directory");
    }
    MessageDigest sha = sha256();
    try (InputStream raw = new DigestInputStream(Files.newInputStream(path), sha);
        TarArchiveInputStream tar =
            new TarArchiveInputStream(
                new GzipCompressorInputStream(new BufferedInputStream(raw, 1 << 16)))) {
      Reading r = new Reading(path, sink);
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        if (!e.isFile()) {
          continue;
        }
        r.file(e.getName(), tar);
      }
      // the digest covers the whole file, padding included
      raw.transferTo(java.io.OutputStream.nullOutputStream());
      return r.contents(HexFormat.of().formatHex(sha.digest()));
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("gzip")) {
        throw new UndlFile.Refused(
            path, 0, "is not a gzip-compressed tar (" + e.getMessage() + ")");
      }
      throw e;
    }
  }

  private static Contents readDirectory(Path dir, Sink sink) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    // a directory's checksum: of every file's name and bytes, in name order
    MessageDigest sha = sha256();
    Reading r = new Reading(dir, sink);
    for (Path f : files) {
      String name = dir.relativize(f).toString().replace('\\', '/');
      sha.update(name.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      try (InputStream in = new DigestInputStream(Files.newInputStream(f), sha)) {
        r.file(name, in);
      }
    }
    return r.contents(HexFormat.of().formatHex(sha.digest()));
  }

  /** The state of one read. */
  private static final class Reading {
    final Path path;
    final Sink sink;
    final Map<String, String> seen = new LinkedHashMap<>();
    final List<String> skipped = new ArrayList<>();
    Map<String, Speaker> speakers = Map.of();
    boolean speakersFile;
    int statements;

    Reading(Path path, Sink sink) {
      this.path = path;
      this.sink = sink;
    }

    void file(String name, InputStream in) throws IOException {
      if (name.equals(SPEAKERS) || name.endsWith("/" + SPEAKERS)) {
        speakers = speakers(path, new ByteArrayInputStream(in.readAllBytes()));
        speakersFile = true;
        return;
      }
      if (KNOWN.matcher(name).matches()) {
        return;
      }
      Matcher m = STATEMENT.matcher(name);
      if (!m.matches()) {
        skipped.add(name);
        return;
      }
      int session = Integer.parseInt(m.group(1));
      int year = Integer.parseInt(m.group(2));
      String code = m.group(3);
      if (Integer.parseInt(m.group(4)) != session || Integer.parseInt(m.group(5)) != year) {
        throw new UndlFile.Refused(
            path,
            0,
            name
                + ": the file name's session and year ("
                + m.group(4)
                + ", "
                + m.group(5)
                + ") are not its folder's ("
                + session
                + ", "
                + year
                + ")");
      }
      String earlier = seen.put(key(code, session), name);
      if (earlier != null) {
        throw new UndlFile.Refused(
            path, 0, name + ": a second statement of " + code + " in session " + session);
      }
      byte[] bytes = in.readAllBytes();
      String text;
      try {
        text =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
      } catch (CharacterCodingException e) {
        throw new UndlFile.Refused(path, 0, name + ": not UTF-8 text");
      }
      List<String> paragraphs = paragraphs(text);
      if (paragraphs.isEmpty()) {
        throw new UndlFile.Refused(path, 0, name + ": holds no text");
      }
      int characters = paragraphs.stream().mapToInt(String::length).sum();
      String sha = HexFormat.of().formatHex(sha256().digest(bytes));
      statements++;
      sink.accept(new Statement(code, session, year, name, paragraphs, characters, sha));
    }

    Contents contents(String sha) {
      if (statements == 0) {
        throw new UndlFile.Refused(
            path, 0, "holds no statement (TXT/Session NN - YYYY/CODE_NN_YYYY.txt)");
      }
      return new Contents(sha, statements, speakers, speakersFile, List.copyOf(skipped));
    }
  }

  /**
   * The speakers' file: a sheet whose header names Session, ISO Code, Name of Person Speaking and
   * Post (columns found by name), by code and session. A code's second row in one session is
   * ignored (the first stands).
   */
  static Map<String, Speaker> speakers(Path path, InputStream xlsx) {
    Map<String, Speaker> out = new LinkedHashMap<>();
    try (ReadableWorkbook wb = new ReadableWorkbook(xlsx)) {
      Sheet sheet = wb.getFirstSheet();
      int session = -1;
      int code = -1;
      int name = -1;
      int post = -1;
      boolean header = true;
      try (Stream<Row> rows = sheet.openStream()) {
        for (Row row : (Iterable<Row>) rows::iterator) {
          if (header) {
            for (int i = 0; i < row.getCellCount(); i++) {
              String h = cell(row, i);
              if (h == null) {
                continue;
              }
              switch (h.toLowerCase(Locale.ROOT)) {
                case "session" -> session = i;
                case "iso code" -> code = i;
                case "name of person speaking" -> name = i;
                case "post" -> post = i;
                default -> {
                  // Year, Country: not needed
                }
              }
            }
            if (session < 0 || code < 0 || name < 0) {
              throw new UndlFile.Refused(
                  path,
                  0,
                  SPEAKERS
                      + ": its header lacks Session, ISO Code or Name of Person Speaking (found "
                      + row.getCellCount()
                      + " columns)");
            }
            header = false;
            continue;
          }
          String c = cell(row, code);
          String s = cell(row, session);
          if (c == null || s == null) {
            continue;
          }
          int n;
          try {
            n = (int) Double.parseDouble(s);
          } catch (NumberFormatException e) {
            continue; // a note row, not a speaker
          }
          out.putIfAbsent(
              key(c.toUpperCase(Locale.ROOT), n),
              new Speaker(cell(row, name), post < 0 ? null : cell(row, post)));
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new UndlFile.Refused(path, 0, SPEAKERS + " could not be read: " + e.getMessage());
    }
    return out;
  }

  private static String cell(Row row, int i) {
    if (i >= row.getCellCount()) {
      return null;
    }
    String s = row.getCellText(i);
    if (s == null) {
      return null;
    }
    s = s.replace('\u00a0', ' ').strip().replaceAll("\\s+", " ");
    return s.isEmpty() ? null : s;
  }

  private static final Pattern FURNITURE =
      Pattern.compile(
          // page numbers and rules; the record's symbol and date; a document job number
          "[\\p{Punct}\\d\\s–—]*|A/\\d+/PV\\.\\d+.*|\\d{2}-\\d{5}.*");

  private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u200b]+");

  /**
   * A statement's paragraphs: line endings of any kind, a byte-order mark, {@code **} emphasis and
   * page furniture (page numbers, rules, the record's symbol and job number) removed; a blank line
   * ends a paragraph, and so does a line that ends a sentence, while a line that stops mid-sentence
   * (a break of the printed page) runs on into the next.
   */
  public static List<String> paragraphs(String text) {
    String t = text.replace("\uFEFF", "").replace("**", "");
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int start = 0;
    int len = t.length();
    while (start <= len) {
      int end = start;
      while (end < len && t.charAt(end) != '\n' && t.charAt(end) != '\r') {
        end++;
      }
      String line = SPACES.matcher(t.substring(start, end)).replaceAll(" ").strip();
      if (line.isEmpty() || FURNITURE.matcher(line).matches()) {
        if (line.isEmpty()) {
          flush(current, out);
        }
      } else {
        if (current.length() > 0) {
          current.append(' ');
        }
        current.append(line);
        if (endsSentence(line)) {
          flush(current, out);
        }
      }
      if (end < len && t.charAt(end) == '\r' && end + 1 < len && t.charAt(end + 1) == '\n') {
        end++;
      }
      start = end + 1;
    }
    flush(current, out);
    return out;
  }

  private static boolean endsSentence(String line) {
    char last = line.charAt(line.length() - 1);
    return ".!?:;\"”’')]…".indexOf(last) >= 0;
  }

  private static void flush(StringBuilder current, List<String> out) {
    if (current.length() > 0) {
      out.add(current.toString());
      current.setLength(0);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
