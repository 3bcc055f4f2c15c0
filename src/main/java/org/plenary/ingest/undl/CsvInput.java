package org.plenary.ingest.undl;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
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
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Streams the records of a UN Digital Library CSV file (.csv or .csv.gz) to a reader, with the
 * file-level checks every one of the Library's files needs: the name's extension, gzip, strict
 * UTF-8 (a Latin-1 file is refused, never misread), a quote never closed (the parser would read the
 * rest of the file as one field: caught by counting the quotes), the parser's errors with their
 * line, and the SHA-256 of the bytes as they are on disk. Nothing is held but the record being
 * read, so files of a million rows are read in a small heap.
 */
public final class CsvInput {
  private CsvInput() {}

  /** Reads the records of a file (the header first); may throw {@link Refused}. */
  @FunctionalInterface
  public interface Body<T> {
    T read(Records records) throws IOException;
  }

  /** What the body returned, with the file's SHA-256. */
  public record Read<T>(T value, String sha256) {}

  /** The file's records in order, remembering the line the last one started on. */
  public static final class Records implements Iterator<CsvRecord> {
    private final Iterator<CsvRecord> it;
    private final QuoteCount bytes;
    private final char separator;
    private long lastLine = 1;

    Records(Iterator<CsvRecord> it, QuoteCount bytes, char separator) {
      this.it = it;
      this.bytes = bytes;
      this.separator = separator;
    }

    /**
     * What a reader says of the file's field separator: nothing for commas, the Library's; a
     * warning when the header line separates its fields with semicolons or tabs, as a spreadsheet
     * saves a CSV file in some languages (the file is read with it).
     */
    public Optional<String> separatorWarning() {
      return separator == ','
          ? Optional.empty()
          : Optional.of(
              "the fields are separated by "
                  + (separator == ';' ? "semicolons" : "tabs")
                  + ", not commas (as a spreadsheet saves CSV in some languages): read so");
    }

    @Override
    public boolean hasNext() {
      return it.hasNext();
    }

    @Override
    public CsvRecord next() {
      CsvRecord r = it.next();
      lastLine = r.getStartingLineNumber();
      return r;
    }

    /** The line the last record read started on (1 before any). */
    public long lastLine() {
      return lastLine;
    }

    /**
     * Whether a record read so far may hold a control character other than tab, line feed and
     * carriage return (U+0000–U+001F, U+007F–U+009F): false when none of the bytes read yet encodes
     * one (a record is only handed out once its bytes are read), so a reader that refuses them
     * checks its fields only from the first such byte on.
     */
    public boolean mayHoldControl() {
      return bytes.control;
    }
  }

  /**
   * Counts the quote characters that pass (a well-formed CSV file has an even number of them), and
   * notes the first byte that encodes a control character but tab, line feed and carriage return in
   * UTF-8 (0x00–0x1F, 0x7F, and 0xC2 followed by 0x80–0x9F).
   */
  private static final class QuoteCount extends FilterInputStream {
    private long quotes;
    private boolean control;
    private boolean afterC2;

    QuoteCount(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        see((byte) b);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      for (int i = off; i < off + n; i++) {
        see(b[i]);
      }
      return n;
    }

    private void see(byte b) {
      if (b == '"') {
        quotes++;
      } else if ((b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r')
          || b == 0x7f
          || (afterC2 && b >= (byte) 0x80 && b <= (byte) 0x9f)) {
        control = true;
      }
      afterC2 = b == (byte) 0xc2;
    }

    boolean odd() {
      return (quotes & 1) != 0;
    }
  }

  /**
   * The records of a file read and parsed ahead, on a thread of their own (the bytes, their
   * checksum, the UTF-8 and the CSV), while the reader checks and writes the records before them:
   * handed over in order, in small batches, with whatever the parser threw where it threw it.
   */
  private static final class Ahead implements Iterator<CsvRecord>, AutoCloseable {
    private static final int BATCH = 256;

    /** A batch of records; the last one ends the file, or carries what the parser threw. */
    private record Batch(List<CsvRecord> records, Throwable failure, boolean last) {}

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(8);
    private final Thread thread;
    private volatile boolean stopped;
    private List<CsvRecord> batch = List.of();
    private int next;
    private boolean last;

    Ahead(Iterator<CsvRecord> source) {
      thread =
          new Thread(
              () -> {
                try {
                  List<CsvRecord> records = new ArrayList<>(BATCH);
                  while (source.hasNext()) {
                    records.add(source.next());
                    if (records.size() == BATCH) {
                      if (!put(new Batch(records, null, false))) {
                        return;
                      }
                      records = new ArrayList<>(BATCH);
                    }
                  }
                  put(new Batch(records, null, true));
                } catch (RuntimeException | Error e) {
                  put(new Batch(List.of(), e, true));
                }
              },
              "plenary-csv-reader");
      thread.setDaemon(true);
      thread.start();
    }

    private boolean put(Batch b) {
      try {
        while (!stopped) {
          if (queue.offer(b, 100, TimeUnit.MILLISECONDS)) {
            return true;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return false;
    }

    @Override
    public boolean hasNext() {
      while (next == batch.size()) {
        if (last) {
          return false;
        }
        Batch b;
        try {
          b = queue.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while reading", e);
        }
        batch = b.records();
        next = 0;
        last = b.last();
        if (b.failure() instanceof RuntimeException e) {
          throw e;
        } else if (b.failure() instanceof Error e) {
          throw e;
        }
      }
      return true;
    }

    @Override
    public CsvRecord next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return batch.get(next++);
    }

    /** Stops the reading thread (a reader that refused the file reads no further) and waits. */
    @Override
    public void close() {
      stopped = true;
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Reads {@code file} with {@code body}; throws {@link Refused} on a file that is not CSV. */
  public static <T> Read<T> read(Path file, Body<T> body) {
    return read(file, body, true);
  }

  /**
   * The first record of {@code file} (its header), without reading the rest: no checksum, and no
   * check of what follows.
   */
  public static List<String> firstRecord(Path file) {
    return read(
            file,
            records -> {
              if (!records.hasNext()) {
                throw new Refused(file, 1, "the file is empty (expected a header)");
              }
              return records.next().getFields();
            },
            false)
        .value();
  }

  private static <T> Read<T> read(Path file, Body<T> body, boolean whole) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".csv") && !name.endsWith(".csv.gz")) {
      throw new Refused(file, 0, "not a .csv or .csv.gz file");
    }
    if (Files.isDirectory(file)) {
      throw new Refused(file, 0, "is a directory, not a file");
    }
    if (!Files.isRegularFile(file)) {
      throw new Refused(file, 0, Files.exists(file) ? "is not a regular file" : "no such file");
    }
    MessageDigest sha = sha256();
    try (InputStream raw = Files.newInputStream(file);
        DigestInputStream digest =
            new DigestInputStream(new BufferedInputStream(raw, 1 << 16), sha);
        BufferedInputStream text =
            new BufferedInputStream(
                name.endsWith(".gz") ? new GZIPInputStream(digest, 1 << 16) : digest, 1 << 16);
        QuoteCount in = new QuoteCount(text);
        Reader reader =
            new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));
        Parser parser = Parser.of(text, reader)) {
      T value;
      Records records;
      if (whole) {
        try (Ahead ahead = new Ahead(parser.csv().iterator())) {
          records = new Records(ahead, in, parser.separator());
          value = body.read(records);
        }
      } else {
        records = new Records(parser.csv().iterator(), in, parser.separator());
        value = body.read(records);
      }
      if (!whole) {
        return new Read<>(value, null);
      }
      if (in.odd()) {
        // the parser reads a quoted field that is never closed as running to the end of the file
        throw new Refused(
            file,
            records.lastLine(),
            "is not valid CSV (a quoted field is not closed, or a quote stands unescaped in a field)");
      }
      digest.transferTo(OutputStream.nullOutputStream()); // the rest (gzip trailer)
      return new Read<>(value, HexFormat.of().formatHex(sha.digest()));
    } catch (CharacterCodingException e) {
      throw new Refused(file, 0, NOT_UTF8);
    } catch (ZipException e) {
      throw new Refused(file, 0, "is not a valid gzip file (" + e.getMessage() + ")");
    } catch (CsvParseException e) {
      // "Exception when reading record that started in line N", the reason in its cause
      String where = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\D+", " ").trim();
      long line = where.matches("\\d+") ? Long.parseLong(where) : 0;
      Throwable reason = e.getCause() != null ? e.getCause() : e;
      if (reason instanceof java.io.EOFException && name.endsWith(".gz")) {
        throw new Refused(file, 0, TRUNCATED);
      }
      throw new Refused(
          file, line, "is not valid CSV (" + printable(reason.getMessage(), 200) + ")");
    } catch (IllegalStateException | UncheckedIOException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw new Refused(file, 0, NOT_UTF8);
      }
      if (e.getCause() instanceof java.io.EOFException && name.endsWith(".gz")) {
        throw new Refused(file, 0, TRUNCATED);
      }
      throw new Refused(file, 0, "is not valid CSV (" + printable(e.getMessage(), 200) + ")");
    } catch (java.io.EOFException e) {
      throw new Refused(file, 0, name.endsWith(".gz") ? TRUNCATED : "ends unexpectedly");
    } catch (IOException e) {
      throw new Refused(file, 0, "could not be read (" + printable(e.getMessage(), 200) + ")");
    }
  }

  /** The CSV parser of a file's text, with the field separator its header line uses. */
  private record Parser(CsvReader<CsvRecord> csv, char separator) implements AutoCloseable {
    static Parser of(BufferedInputStream text, Reader reader) throws IOException {
      char separator = CsvInput.separator(text);
      return new Parser(
          CsvReader.builder()
              .fieldSeparator(separator)
              .allowExtraFields(true)
              .allowMissingFields(true)
              .skipEmptyLines(true)
              .ofCsvRecord(reader),
          separator);
    }

    @Override
    public void close() throws IOException {
      csv.close();
    }
  }

  /** The longest header line whose separator is looked for (the Library's are under 400 bytes). */
  private static final int HEADER_BYTES = 1 << 16;

  /**
   * The field separator of the file's first line, read ahead without being consumed: a comma when
   * the line has one outside quotes (the Library's files), else a semicolon or a tab when it has
   * one (the most frequent), else a comma. Only the header decides: a value never does.
   */
  static char separator(BufferedInputStream text) throws IOException {
    text.mark(HEADER_BYTES);
    byte[] head = text.readNBytes(HEADER_BYTES);
    text.reset();
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    boolean quoted = false;
    for (byte b : head) {
      if (b == '"') {
        quoted = !quoted;
      } else if (!quoted && (b == '\n' || b == '\r')) {
        break;
      } else if (!quoted) {
        commas += b == ',' ? 1 : 0;
        semicolons += b == ';' ? 1 : 0;
        tabs += b == '\t' ? 1 : 0;
      }
    }
    if (commas > 0 || semicolons == 0 && tabs == 0) {
      return ',';
    }
    return semicolons >= tabs ? ';' : '\t';
  }

  private static final String NOT_UTF8 = "is not UTF-8 text (save it as UTF-8: CSV UTF-8)";

  private static final String TRUNCATED =
      "is a truncated gzip file (it ends before its last block)";

  /**
   * {@code s} for a one-line message: control characters escaped (backslash, u, four hex digits),
   * at most {@code max} characters.
   */
  public static String printable(String s, int max) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length() && sb.length() < max; i++) {
      char c = s.charAt(i);
      sb.append(Character.isISOControl(c) ? String.format("\\u%04X", (int) c) : c);
    }
    return s.length() > max || sb.length() > max ? sb + "…" : sb.toString();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
