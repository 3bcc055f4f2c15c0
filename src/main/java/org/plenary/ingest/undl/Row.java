package org.plenary.ingest.undl;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One row of a Library file, its fields read by column name, each problem refused with the file and
 * the row's line. A column the file does not have reads as empty.
 */
public final class Row {
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern BAR = Pattern.compile("\\|");
  private static final Pattern ALPHA3 = Pattern.compile("[A-Z]{3}");

  private final Path file;
  private final Header header;
  private final CsvRecord record;
  private final Map<String, Object[]> memo;

  /**
   * A row; {@code memo} is shared by the rows of one read: a field that repeats the one above it
   * (the rows of one roll call repeat its date, symbol, title, lists and totals) is parsed once.
   */
  Row(Path file, Header header, CsvRecord record, Map<String, Object[]> memo) {
    this.file = file;
    this.header = header;
    this.record = record;
    this.memo = memo;
  }

  /** {@code parse} of the field, reused while the column's text stays the same. */
  @SuppressWarnings("unchecked")
  private <T> T memo(String kind, String column, Function<String, T> parse) {
    String raw = raw(column);
    String key = kind + column;
    Object[] last = memo.get(key);
    if (last != null && last[0].equals(raw)) {
      return (T) last[1];
    }
    T value = parse.apply(raw);
    memo.put(key, new Object[] {raw, value});
    return value;
  }

  /** The line the row starts on. */
  public long line() {
    return record.getStartingLineNumber();
  }

  /** A refusal of the file at this row. */
  public Refused refuse(String problem) {
    return new Refused(file, line(), problem);
  }

  /** The field, trimmed; null when empty or when the file has no such column. */
  public String text(String column) {
    int i = header.index(column);
    if (i < 0) {
      return null;
    }
    String t = record.getField(i).strip();
    return t.isEmpty() ? null : t;
  }

  /** The field as written (untrimmed; empty when the file has no such column). */
  public String raw(String column) {
    int i = header.index(column);
    return i < 0 ? "" : record.getField(i);
  }

  /** The field, refused when empty. */
  public String required(String column) {
    String t = text(column);
    if (t == null) {
      throw refuse(column + " is missing");
    }
    return t;
  }

  /** A {@code |}-separated field as its values, trimmed, empty ones dropped. */
  public List<String> list(String column) {
    return memo("list:", column, raw -> split(column));
  }

  private List<String> split(String column) {
    String t = text(column);
    if (t == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String v : BAR.split(t)) {
      String s = v.strip();
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return List.copyOf(out);
  }

  /** A whole number, refused when empty or not one. */
  public int id(String column) {
    String t = required(column);
    try {
      return Integer.parseInt(t);
    } catch (NumberFormatException e) {
      throw refuse(column + " '" + t + "' is not a whole number");
    }
  }

  /** A count: empty (unknown: null), an integer, or a float with nothing after the point (79.0). */
  public Integer count(String column) {
    return memo("count:", column, raw -> parseCount(column));
  }

  private Integer parseCount(String column) {
    String t = text(column);
    if (t == null) {
      return null;
    }
    try {
      double d = Double.parseDouble(t);
      if (Double.isNaN(d) || d < 0 || d != Math.rint(d) || d > 10_000) {
        throw new NumberFormatException();
      }
      return (int) d;
    } catch (NumberFormatException e) {
      throw refuse(column + " '" + t + "' is not a count (a whole number, or empty)");
    }
  }

  /** A date (YYYY-MM-DD), refused when empty or not one. */
  public LocalDate date(String column) {
    return memo("date:", column, raw -> date(column, required(column)));
  }

  /** A resolution's symbol ({@link Symbol#parse}); null when the field is not one. */
  public Symbol symbol(String column) {
    return memo("symbol:", column, raw -> Symbol.parse(raw).orElse(null));
  }

  /** A title without its catalogue suffix ({@link Title#of}); null when empty. */
  public Title title(String column) {
    return memo("title:", column, Title::of);
  }

  /** A date written in a field of {@code column}, refused when it is not one. */
  LocalDate date(String column, String t) {
    try {
      if (!DATE.matcher(t).matches()) {
        throw new DateTimeParseException("not YYYY-MM-DD", t, 0);
      }
      return LocalDate.parse(t);
    } catch (DateTimeParseException e) {
      throw refuse(column + " '" + t + "' is not a date (YYYY-MM-DD)");
    }
  }

  /** The tallies of the {@code total_*} columns. */
  public Tallies tallies() {
    return new Tallies(
        count("total_yes"),
        count("total_no"),
        count("total_abstentions"),
        count("total_non_voting"));
  }

  /** An ISO alpha-3 code, upper case; refused when it is not one (empty: null if allowed). */
  public String alpha3(String column, boolean required) {
    String t = required ? required(column) : text(column);
    if (t == null) {
      return null;
    }
    String c = t.toUpperCase(java.util.Locale.ROOT);
    if (!ALPHA3.matcher(c).matches()) {
      throw refuse(column + " '" + t + "' is not an ISO alpha-3 code");
    }
    return c;
  }
}
