package org.plenary.ingest;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.plenary.ingest.undl.CsvInput;

/**
 * Reads and checks the UN Digital Library's General Assembly voting file (.csv or .csv.gz), in the
 * layout of 31 March 2025 (without {@code vote_note}) or of 6 February 2026 (with it). Columns are
 * read by name; an unknown or missing column refuses the file. Rows are checked one by one and
 * handed to a {@link Sink} as they are read (nothing but one small record per roll call is kept),
 * so a file of every General Assembly roll call is read in a small heap. Any problem refuses the
 * whole file with its name, line and what is wrong.
 */
public final class UndlFile {
  /** The columns every layout has. */
  static final List<String> COLUMNS = org.plenary.ingest.undl.Layout.gaVoting2025Header();

  /** Columns of the newer layouts only. */
  static final Set<String> OPTIONAL = Set.of("vote_note");

  private static final Pattern CODE = Pattern.compile("[A-Z]{3}");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /** A record of the UN Digital Library: the undl_link of the Library's own file. */
  static final Pattern LIBRARY_RECORD =
      Pattern.compile("https?://digitallibrary\\.un\\.org/record/\\d+");

  /**
   * A refused file: its message names the file, the line (none for the whole file), the problem.
   */
  public static final class Refused extends RuntimeException {
    Refused(Path file, long line, String problem) {
      super(file + (line > 0 ? " line " + line : "") + ": " + problem);
    }
  }

  /**
   * One roll call (an undl_id): what every one of its rows must agree on, and the counts of its
   * rows by ballot.
   */
  public static final class RollCall {
    final int undlId;
    final long firstLine;
    final String date;
    final String session;
    final String resolution;
    final String title;
    final String meeting;
    final String note;
    final String link;
    final String drafts;
    final String reports;
    final String resolutionTitle;
    final String[] totalsRaw;
    final Integer[] totals;
    final int[] counts = new int[4];
    final BitSet delegations = new BitSet();

    RollCall(int undlId, long firstLine, String[] f, Integer[] totals, String[] totalsRaw) {
      this.undlId = undlId;
      this.firstLine = firstLine;
      this.date = f[0];
      this.session = f[1];
      this.resolution = f[2];
      this.title = f[3];
      this.meeting = f[4];
      this.note = f[5];
      this.link = f[6];
      this.drafts = f[7];
      this.reports = f[8];
      this.resolutionTitle = f[9];
      this.totals = totals;
      this.totalsRaw = totalsRaw;
    }

    public int undlId() {
      return undlId;
    }

    /** The totals the first row gives (yes, no, abstain, non-voting, members); null where none. */
    public Integer[] totals() {
      return totals.clone();
    }

    public String date() {
      return date;
    }

    public String session() {
      return session;
    }

    /** How many of the file's rows are this roll call's. */
    public long rows() {
      return counts[0] + counts[1] + counts[2] + counts[3];
    }

    /** The resolution's symbol, A/RES/... (R/73/187 means A/RES/73/187); null when none. */
    public String symbol() {
      if (resolution == null) {
        return null;
      }
      String s = resolution.trim().toUpperCase(Locale.ROOT);
      return s.startsWith("R/") ? "A/RES/" + s.substring(2) : s;
    }

    public String title() {
      return title;
    }

    public String meeting() {
      return meeting;
    }

    /** The drafts the row names ({@code draft}, {@code |}-separated); empty when none. */
    public List<String> drafts() {
      return LibraryDocuments.split(drafts);
    }

    /** The committee reports the row names ({@code committee_report}); empty when none. */
    public List<String> committeeReports() {
      return LibraryDocuments.split(reports);
    }

    /** The meeting records the row names ({@code meeting}, {@code |}-separated). */
    public List<String> meetings() {
      return LibraryDocuments.split(meeting);
    }

    /** The resolution's title as the row gives it, without the catalogue's suffix; or null. */
    public String resolutionTitle() {
      org.plenary.ingest.undl.Title t = org.plenary.ingest.undl.Title.of(resolutionTitle);
      return t == null ? null : t.text();
    }

    /** The record's link in the UN Digital Library ({@code undl_link}); null when none. */
    public String link() {
      return link;
    }

    public String note() {
      return note;
    }

    /**
     * {@code adopted} when the row links the roll call's record in the UN Digital Library: the
     * Library's voting file lists only resolutions adopted by a recorded vote (its data
     * dictionary), never paragraph or amendment votes. Null otherwise (a file reshaped from another
     * source, such as Voeten's, also holds paragraph and amendment votes, and does not say which
     * roll call adopted what).
     */
    public String outcome() {
      return link != null && LIBRARY_RECORD.matcher(link).lookingAt() ? "adopted" : null;
    }

    /**
     * Tallies: the file's totals where it gives them, else the count of its rows (null for
     * non-voting when the file lists only those who voted).
     */
    public Integer[] tallies() {
      Integer[] t = new Integer[4];
      for (int i = 0; i < 3; i++) {
        t[i] = totals[i] != null ? totals[i] : Integer.valueOf(counts[i]);
      }
      t[3] = totals[3] != null ? totals[3] : listsNonVoting() ? Integer.valueOf(counts[3]) : null;
      return t;
    }

    /** Whether the file lists the members that did not vote (X or empty rows). */
    public boolean listsNonVoting() {
      return counts[3] > 0
          || totals[4] != null && totals[4] == counts[0] + counts[1] + counts[2] + counts[3];
    }

    /** complete when every member is listed and the rows add up to the tallies. */
    public String status() {
      Integer[] t = tallies();
      boolean adds = true;
      for (int i = 0; i < 4; i++) {
        adds &= t[i] != null && t[i] == counts[i];
      }
      return listsNonVoting() && adds ? "complete" : "partial";
    }

    /** Whether the file's totals differ from the count of its rows. */
    public boolean rowsDisagreeWithTotals() {
      for (int i = 0; i < 3; i++) {
        if (totals[i] != null && totals[i] != counts[i]) {
          return true;
        }
      }
      return listsNonVoting() && totals[3] != null && totals[3] != counts[3];
    }
  }

  /** Receives each checked row: the roll call, the delegation and its ballot. */
  public interface Sink {
    void row(RollCall rollCall, String code, String ballot) throws IOException;
  }

  /** What was read: the roll calls in file order, the delegations' names, the file's checksum. */
  public record Contents(
      String sha256,
      long rows,
      List<RollCall> rollCalls,
      Map<String, String> names,
      long lastLine,
      List<String> warnings) {
    Contents withSha256(String sha256) {
      return new Contents(sha256, rows, rollCalls, names, lastLine, warnings);
    }
  }

  private UndlFile() {}

  /**
   * A NUL byte (which PostgreSQL cannot store in text) or another control character but tab in a
   * field: refused here, with its line and column, before the database ever sees it.
   */
  private static void refuseControl(Path file, long line, CsvRecord header, CsvRecord r) {
    for (int i = 0; i < r.getFieldCount(); i++) {
      String v = r.getField(i);
      for (int k = 0; k < v.length(); k++) {
        char c = v.charAt(k);
        if (c == 0 || (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
          throw new Refused(
              file,
              line,
              printable(header.getField(i).trim(), 40)
                  + " contains "
                  + (c == 0 ? "a NUL byte" : "a control character")
                  + String.format(" (U+%04X)", (int) c));
        }
      }
    }
  }

  static String printable(String s, int max) {
    return CsvInput.printable(s, max);
  }

  /** Reads the whole file, handing each row to {@code sink}; throws {@link Refused}. */
  public static Contents read(Path file, Sink sink, java.util.function.LongConsumer progress) {
    try {
      CsvInput.Read<Contents> r = CsvInput.read(file, rows -> read(file, rows, sink, progress));
      return r.value().withSha256(r.sha256());
    } catch (org.plenary.ingest.undl.Refused e) {
      throw new Refused(file, e.line(), e.problem());
    }
  }

  private static Contents read(
      Path file, CsvInput.Records it, Sink sink, java.util.function.LongConsumer progress)
      throws IOException {
    if (!it.hasNext()) {
      throw new Refused(file, 1, "the file is empty (expected a header)");
    }
    CsvRecord header = it.next();
    List<String> warnings = new ArrayList<>();
    // the columns are recognized by name (org.plenary.ingest.undl.Header): a required column
    // missing refuses the file naming it, a column the layout does not know is a warning
    org.plenary.ingest.undl.Header h;
    try {
      h = org.plenary.ingest.undl.Header.recognize(file, header.getFields());
    } catch (org.plenary.ingest.undl.Refused e) {
      throw new Refused(file, e.line(), e.problem());
    }
    if (h.layout().file() != org.plenary.ingest.undl.Layout.File.GA_VOTING) {
      throw new Refused(
          file,
          1,
          "the header is the "
              + h.layout().file().title()
              + " file's, not the General Assembly voting file's");
    }
    warnings.addAll(h.warnings());
    it.separatorWarning().ifPresent(warnings::add);
    int cId = h.index("undl_id");
    int cCode = h.index("ms_code");
    int cName = h.index("ms_name");
    int cVote = h.index("ms_vote");
    int cDate = h.index("date");
    int cSession = h.index("session");
    int cRes = h.index("resolution");
    int cTitle = h.index("title");
    int cAgenda = h.index("agenda_title");
    int cMeeting = h.index("meeting");
    int cNote = h.index("vote_note");
    int cLink = h.index("undl_link");
    int cDraft = h.index("draft");
    int cReport = h.index("committee_report");
    int[] cTotals = {
      h.index("total_yes"),
      h.index("total_no"),
      h.index("total_abstentions"),
      h.index("total_non_voting"),
      h.index("total_ms")
    };
    String[] totalNames = {
      "total_yes", "total_no", "total_abstentions", "total_non_voting", "total_ms"
    };

    Map<Integer, RollCall> rollCalls = new LinkedHashMap<>();
    Map<String, Integer> codeIndex = new HashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    long rows = 0;
    long lastLine = 1;
    while (it.hasNext()) {
      CsvRecord r = it.next();
      long line = r.getStartingLineNumber();
      lastLine = line;
      if (r.getFieldCount() != header.getFieldCount()) {
        throw new Refused(
            file,
            line,
            "has " + r.getFieldCount() + " fields, the header has " + header.getFieldCount());
      }
      rows++;
      if (it.mayHoldControl()) {
        refuseControl(file, line, header, r);
      }
      String idText = r.getField(cId).trim();
      if (idText.isEmpty()) {
        throw new Refused(file, line, "undl_id is missing");
      }
      int undlId;
      try {
        undlId = Integer.parseInt(idText);
      } catch (NumberFormatException e) {
        throw new Refused(file, line, "undl_id '" + idText + "' is not a whole number");
      }
      String code = r.getField(cCode).trim().toUpperCase(Locale.ROOT);
      if (!CODE.matcher(code).matches()) {
        throw new Refused(
            file,
            line,
            code.isEmpty()
                ? "ms_code is missing"
                : "ms_code '" + r.getField(cCode) + "' is not an ISO alpha-3 code");
      }
      String ballot = ballot(file, line, r.getField(cVote));
      String date = r.getField(cDate).trim();
      RollCall rc = rollCalls.get(undlId);
      if (rc == null) {
        checkDate(file, line, date);
        String[] raw = new String[5];
        Integer[] totals = new Integer[5];
        for (int i = 0; i < 5; i++) {
          raw[i] = field(r, cTotals[i]).trim();
          totals[i] = total(file, line, totalNames[i], raw[i]);
        }
        String title = blankToNull(r.getField(cTitle));
        if (title == null) {
          title = blankToNull(field(r, cAgenda));
        }
        rc =
            new RollCall(
                undlId,
                line,
                new String[] {
                  date,
                  blankToNull(field(r, cSession)),
                  blankToNull(r.getField(cRes)),
                  title == null ? "Roll call " + undlId : title,
                  blankToNull(field(r, cMeeting)),
                  blankToNull(field(r, cNote)),
                  blankToNull(field(r, cLink)),
                  blankToNull(field(r, cDraft)),
                  blankToNull(field(r, cReport)),
                  blankToNull(r.getField(cTitle))
                },
                totals,
                raw);
        rollCalls.put(undlId, rc);
      } else {
        if (!date.equals(rc.date)) {
          checkDate(file, line, date);
          throw new Refused(
              file,
              line,
              "roll call "
                  + undlId
                  + " has the date '"
                  + date
                  + "' here but '"
                  + rc.date
                  + "' on line "
                  + rc.firstLine
                  + ": the rows of one roll call must agree on its date");
        }
        for (int i = 0; i < 5; i++) {
          String raw = field(r, cTotals[i]).trim();
          if (!raw.equals(rc.totalsRaw[i])
              && !java.util.Objects.equals(total(file, line, totalNames[i], raw), rc.totals[i])) {
            throw new Refused(
                file,
                line,
                "roll call "
                    + undlId
                    + " has "
                    + totalNames[i]
                    + " '"
                    + raw
                    + "' here but '"
                    + rc.totalsRaw[i]
                    + "' on line "
                    + rc.firstLine
                    + ": the rows of one roll call must agree on its totals");
          }
        }
      }
      Integer idx = codeIndex.get(code);
      if (idx == null) {
        idx = codeIndex.size();
        codeIndex.put(code, idx);
        String n = blankToNull(r.getField(cName));
        names.put(code, n == null ? code : n);
      }
      if (rc.delegations.get(idx)) {
        throw new Refused(
            file, line, "roll call " + undlId + " lists " + code + " twice (a second row for it)");
      }
      rc.delegations.set(idx);
      rc.counts[index(ballot)]++;
      sink.row(rc, code, ballot);
      if (rows % 100_000 == 0) {
        progress.accept(rows);
      }
    }
    if (rows == 0) {
      throw new Refused(file, 2, "the file has a header but no rows");
    }
    return new Contents(
        null, rows, new ArrayList<>(rollCalls.values()), names, lastLine, List.copyOf(warnings));
  }

  private static String ballot(Path file, long line, String raw) {
    return switch (raw.trim()) {
      case "Y" -> "yes";
      case "N" -> "no";
      case "A" -> "abstain";
      case "X", "NV", "" -> "non_voting";
      default ->
          throw new Refused(
              file,
              line,
              "ms_vote '" + raw + "' is not a vote: expected Y, N, A, X, NV or empty (not voting)");
    };
  }

  private static int index(String ballot) {
    return switch (ballot) {
      case "yes" -> 0;
      case "no" -> 1;
      case "abstain" -> 2;
      default -> 3;
    };
  }

  private static void checkDate(Path file, long line, String date) {
    if (date.isEmpty()) {
      throw new Refused(file, line, "date is missing");
    }
    try {
      if (!DATE.matcher(date).matches()) {
        throw new DateTimeParseException("not YYYY-MM-DD", date, 0);
      }
      LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw new Refused(file, line, "date '" + date + "' is not a date (YYYY-MM-DD)");
    }
  }

  /** A total: empty (unknown), an integer, or a float with nothing after the point (79.0). */
  private static Integer total(Path file, long line, String column, String raw) {
    if (raw.isEmpty()) {
      return null;
    }
    try {
      double d = Double.parseDouble(raw);
      if (d < 0 || d != Math.rint(d) || d > 10_000 || Double.isNaN(d)) {
        throw new NumberFormatException();
      }
      return (int) d;
    } catch (NumberFormatException e) {
      throw new Refused(
          file, line, column + " '" + raw + "' is not a count (a whole number, or empty)");
    }
  }

  /** A field of the row; empty when the file has no such column (-1). */
  private static String field(CsvRecord r, int column) {
    return column < 0 ? "" : r.getField(column);
  }

  private static String blankToNull(String s) {
    String t = s.trim();
    return t.isEmpty() ? null : t;
  }
}
