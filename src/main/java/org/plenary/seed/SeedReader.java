package org.plenary.seed;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the dataset's CSV files and checks them against {@link Schema}: headers, types,
 * vocabularies, unique keys, references, citations and tallies. Every problem found is reported at
 * once, each with its file and line; nothing is loaded unless there are none.
 */
public final class SeedReader {
  private static final int MAX_PROBLEMS = 100;
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).build();

  /**
   * A parsed row: its line in the file and its values in column order (null when empty). Rows are
   * kept compact (an array, repeated short strings shared) so that a dataset of every General
   * Assembly roll call fits in a modest heap while it is validated.
   */
  public static final class Row {
    private final long line;
    private final TableSpec spec;
    private final Object[] values;

    Row(long line, TableSpec spec, Object[] values) {
      this.line = line;
      this.spec = spec;
      this.values = values;
    }

    public long line() {
      return line;
    }

    public Object get(String column) {
      return values[spec.index(column)];
    }

    public String text(String column) {
      return (String) get(column);
    }

    /** The primary key, joined with '/' for composite keys. */
    String key(List<String> pk) {
      if (pk.size() == 1) {
        return String.valueOf(get(pk.get(0)));
      }
      StringBuilder sb = new StringBuilder();
      for (String c : pk) {
        if (sb.length() > 0) {
          sb.append('/');
        }
        sb.append(get(c));
      }
      return sb.toString();
    }
  }

  /** The whole dataset, validated. */
  public record SeedData(Map<String, List<Row>> rows, String checksum, String version) {
    public List<Row> table(String name) {
      return rows.get(name);
    }
  }

  private final SeedFiles files;
  private final List<String> problems = new ArrayList<>();
  private final Map<String, String> shared = new HashMap<>();

  private SeedReader(SeedFiles files) {
    this.files = files;
  }

  /**
   * The checksum {@link #read} gives for these files, computed from their bytes alone (no parsing):
   * a loader compares it with what is loaded and skips files it has already loaded.
   */
  public static String checksum(SeedFiles files) {
    MessageDigest sha = sha256();
    for (TableSpec spec : Schema.TABLES) {
      byte[] bytes = files.read(spec.file()).orElse(null);
      if (bytes == null) {
        continue;
      }
      digest(sha, spec, bytes);
    }
    Layers.digest(sha, files); // the layers built from outside data are part of the dataset
    return HexFormat.of().formatHex(sha.digest());
  }

  /** Reads and validates; throws {@link SeedException} listing every problem found. */
  public static SeedData read(SeedFiles files) {
    return new SeedReader(files).readAll();
  }

  private SeedData readAll() {
    MessageDigest sha = sha256();
    Map<String, List<Row>> rows = new LinkedHashMap<>();
    Map<String, Map<String, Long>> keys = new HashMap<>();
    for (TableSpec spec : Schema.TABLES) {
      byte[] bytes = files.read(spec.file()).orElse(null);
      if (bytes == null && Schema.ADDED_LATER.contains(spec.table())) {
        rows.put(spec.table(), List.of());
        keys.put(spec.table(), Map.of());
        continue;
      }
      if (bytes == null) {
        problem(spec.file(), 0, "file is missing");
        rows.put(spec.table(), List.of());
        continue;
      }
      digest(sha, spec, bytes);
      List<Row> parsed = parse(spec, bytes);
      rows.put(spec.table(), parsed);
      keys.put(spec.table(), uniqueKeys(spec, parsed));
    }
    Layers.digest(sha, files);
    if (problems.isEmpty()) {
      checkReferences(rows, keys);
      checkCitations(rows, keys);
      checkVotes(rows);
      checkRecords(rows);
    }
    if (!problems.isEmpty()) {
      throw new SeedException(problems);
    }
    String version =
        rows.get("release").stream()
            .map(r -> r.text("version"))
            .max(SeedReader::compareVersions)
            .orElse(null);
    if (version == null) {
      throw new SeedException(List.of(files.describe("releases.csv") + ": no release row"));
    }
    return new SeedData(rows, HexFormat.of().formatHex(sha.digest()), version);
  }

  /**
   * The SHA-256 of every dataset file but releases.csv (names and bytes, in load order): what a
   * release row's data_sha256 records, so that a change to the data without a new release shows.
   */
  public static String dataChecksum(SeedFiles files) {
    MessageDigest sha = sha256();
    for (TableSpec spec : Schema.TABLES) {
      if (spec.table().equals("release")) {
        continue;
      }
      byte[] bytes = files.read(spec.file()).orElse(null);
      if (bytes == null && Schema.ADDED_LATER.contains(spec.table())) {
        continue; // files from before the table existed
      }
      digest(sha, spec, bytes == null ? new byte[0] : bytes);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private List<Row> parse(TableSpec spec, byte[] bytes) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      problem(spec.file(), firstInvalidUtf8Line(bytes), "is not valid UTF-8 (save it as UTF-8)");
      return List.of();
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1); // a byte-order mark, as Excel writes
    }
    List<Row> out = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
      Iterator<CSVRecord> it = parser.iterator();
      if (!it.hasNext()) {
        problem(
            spec.file(),
            1,
            "is empty (expected the header " + String.join(",", spec.header()) + ")");
        return out;
      }
      List<String> header = it.next().toList();
      Map<String, String> defaults =
          Schema.COLUMNS_ADDED_LATER.getOrDefault(spec.table(), Map.of());
      List<String> before = spec.header().stream().filter(c -> !defaults.containsKey(c)).toList();
      // a file from before some columns were added: they read as their defaults
      Map<String, String> addedLater =
          !defaults.isEmpty() && header.equals(before) ? defaults : Map.of();
      if (!addedLater.isEmpty()) {
        header = spec.header();
      }
      if (!header.equals(spec.header())) {
        List<String> missing = new ArrayList<>(spec.header());
        missing.removeAll(header);
        List<String> extra = new ArrayList<>(header);
        extra.removeAll(spec.header());
        problem(
            spec.file(),
            1,
            "header must be "
                + String.join(",", spec.header())
                + (missing.isEmpty() ? "" : "; missing " + missing)
                + (extra.isEmpty() ? "" : "; unknown " + extra)
                + (missing.isEmpty() && extra.isEmpty() ? "; columns out of order" : ""));
        return out;
      }
      while (true) {
        long line = parser.getCurrentLineNumber() + 1;
        if (!it.hasNext()) {
          break;
        }
        List<String> fields = it.next().toList();
        List<String> record = withDefaults(fields, spec, addedLater);
        if (record.size() != header.size()) {
          problem(
              spec.file(),
              line,
              "has "
                  + fields.size()
                  + " fields, the header has "
                  + (header.size() - addedLater.size()));
          continue;
        }
        Object[] values = new Object[header.size()];
        for (int i = 0; i < header.size(); i++) {
          Column column = spec.columns().get(i);
          String cell = record.get(i);
          Object v =
              convert(
                  spec,
                  line,
                  column,
                  column.type() == Column.Type.TEXT ? CsvCells.unescape(cell) : cell);
          if (v instanceof String str && str.length() <= 64) {
            v = shared.computeIfAbsent(str, x -> x); // ids and codes repeat across rows
          }
          values[i] = v;
        }
        out.add(new Row(line, spec, values));
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
      var m =
          java.util.regex.Pattern.compile("line:? (\\d+)").matcher(String.valueOf(e.getMessage()));
      long line = m.find() ? Long.parseLong(m.group(1)) : 0;
      problem(spec.file(), line, "is not valid CSV (an unbalanced quote?)");
    }
    return out;
  }

  /**
   * A record of a file from before some columns were added, with those columns inserted in their
   * place, each holding its default ({@link Schema#COLUMNS_ADDED_LATER}).
   */
  private static List<String> withDefaults(
      List<String> fields, TableSpec spec, Map<String, String> defaults) {
    if (defaults.isEmpty() || fields.size() != spec.columns().size() - defaults.size()) {
      return fields;
    }
    List<String> out = new ArrayList<>(fields);
    for (int i = 0; i < spec.columns().size(); i++) {
      String name = spec.columns().get(i).name();
      if (defaults.containsKey(name)) {
        out.add(i, defaults.get(name));
      }
    }
    return out;
  }

  /** The line of the first byte sequence that is not UTF-8. */
  private static long firstInvalidUtf8Line(byte[] bytes) {
    var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
    long line = 1;
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == '\n') {
        try {
          decoder.reset().decode(java.nio.ByteBuffer.wrap(bytes, start, i - start));
        } catch (CharacterCodingException e) {
          return line;
        }
        line++;
        start = i + 1;
      }
    }
    return 0;
  }

  private Object convert(TableSpec spec, long line, Column column, String raw) {
    try {
      return column.parse(raw);
    } catch (IllegalArgumentException e) {
      problem(
          spec.file(),
          line,
          "column "
              + column.name()
              + (e.getMessage().equals("is required") ? " " : ": ")
              + e.getMessage());
      return null;
    }
  }

  private Map<String, Long> uniqueKeys(TableSpec spec, List<Row> rows) {
    Map<String, Long> seen = new HashMap<>();
    for (Row r : rows) {
      String key = r.key(spec.primaryKey());
      Long first = seen.putIfAbsent(key, r.line());
      if (first != null) {
        problem(
            spec.file(),
            r.line(),
            "duplicate "
                + String.join("/", spec.primaryKey())
                + " '"
                + key
                + "' (first on line "
                + first
                + ")");
      }
    }
    return seen;
  }

  private void checkReferences(Map<String, List<Row>> rows, Map<String, Map<String, Long>> keys) {
    for (TableSpec spec : Schema.TABLES) {
      for (Column c : spec.columns()) {
        if (c.ref() == null) {
          continue;
        }
        TableSpec target = Schema.table(c.ref()).orElseThrow();
        for (Row r : rows.get(spec.table())) {
          Object v = r.get(c.name());
          if (v != null && !keys.get(c.ref()).containsKey(v.toString())) {
            problem(
                spec.file(),
                r.line(),
                "unknown "
                    + (c.ref().equals("delegation") ? "delegation code" : c.ref())
                    + " '"
                    + v
                    + "' in "
                    + c.name()
                    + " (no such id in "
                    + target.file()
                    + ")");
          }
        }
      }
    }
  }

  private void checkCitations(Map<String, List<Row>> rows, Map<String, Map<String, Long>> keys) {
    Map<String, Set<String>> cited = new HashMap<>();
    Set<String> votesWithRollCall = new java.util.HashSet<>();
    rows.get("roll_call").forEach(r -> votesWithRollCall.add(r.text("vote_id")));
    for (Row r : rows.get("citation")) {
      String type = r.text("record_type");
      String id = r.text("record_id");
      boolean exists =
          type.equals("roll_call")
              ? votesWithRollCall.contains(id)
              : keys.get(type).containsKey(id);
      if (!exists) {
        problem(
            "citations.csv",
            r.line(),
            "cites a "
                + type
                + " '"
                + id
                + "' that does not exist"
                + (type.equals("roll_call") ? " (no roll_calls.csv rows for that vote)" : ""));
      }
      cited.computeIfAbsent(type, t -> new java.util.HashSet<>()).add(id);
    }
    for (String type : Schema.MUST_CITE) {
      Set<String> citedIds = cited.getOrDefault(type, Set.of());
      if (type.equals("roll_call")) {
        for (Row v : rows.get("vote")) {
          String id = v.text("id");
          if (votesWithRollCall.contains(id) && !citedIds.contains(id)) {
            problem("votes.csv", v.line(), "the roll call of vote '" + id + "' cites no source");
          }
        }
        continue;
      }
      TableSpec spec = Schema.table(type).orElseThrow();
      for (Row r : rows.get(type)) {
        String id = r.key(spec.primaryKey());
        if (!citedIds.contains(id)) {
          problem(
              spec.file(),
              r.line(),
              type + " '" + id + "' cites no source (add a row to citations.csv)");
        }
      }
    }
  }

  private void checkVotes(Map<String, List<Row>> rows) {
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    for (Row r : rows.get("roll_call")) {
      counts
          .computeIfAbsent(r.text("vote_id"), v -> new LinkedHashMap<>())
          .merge(r.text("vote"), 1, Integer::sum);
    }
    for (Row v : rows.get("vote")) {
      String id = v.text("id");
      Map<String, Integer> c = counts.getOrDefault(id, Map.of());
      String rollCall = v.text("roll_call_status");
      if ("without_vote".equals(v.text("method"))) {
        for (String b : Vocabulary.BALLOT.terms()) {
          if (v.get(b) != null) {
            problem(
                "votes.csv",
                v.line(),
                "vote '" + id + "' was taken without a vote but has a tally for " + b);
          }
        }
        if (!"absent".equals(rollCall)) {
          problem(
              "votes.csv",
              v.line(),
              "vote '" + id + "' was taken without a vote: its roll_call_status must be absent");
        }
      }
      switch (rollCall) {
        case "complete" -> {
          List<String> tallies = new ArrayList<>();
          List<String> found = new ArrayList<>();
          boolean differ = false;
          for (String b : List.of("yes", "no", "abstain", "non_voting")) {
            Integer tally = (Integer) v.get(b);
            int n = c.getOrDefault(b, 0);
            tallies.add(b + " " + (tally == null ? "unknown" : tally));
            found.add(b + " " + n);
            differ |= !Objects.equals(tally, n);
          }
          if (differ) {
            problem(
                "votes.csv",
                v.line(),
                "vote '"
                    + id
                    + "' has a complete roll call whose counts ("
                    + String.join(", ", found)
                    + ") differ from its tallies ("
                    + String.join(", ", tallies)
                    + ")");
          }
        }
        case "partial" -> {
          if (c.isEmpty()) {
            problem(
                "votes.csv", v.line(), "vote '" + id + "' has a partial roll call with no entries");
          }
          for (var e : c.entrySet()) {
            Integer tally = (Integer) v.get(e.getKey());
            if (tally != null && e.getValue() > tally) {
              problem(
                  "votes.csv",
                  v.line(),
                  "vote '"
                      + id
                      + "' has "
                      + e.getValue()
                      + " "
                      + e.getKey()
                      + " entries in its roll call but a tally of "
                      + tally);
            }
          }
        }
        default -> {
          if (!c.isEmpty()) {
            problem(
                "votes.csv",
                v.line(),
                "vote '"
                    + id
                    + "' says its roll call is absent but roll_calls.csv has entries for it");
          }
        }
      }
    }
  }

  private void checkRecords(Map<String, List<Row>> rows) {
    for (Row p : rows.get("position")) {
      String kind = p.text("actor_kind");
      boolean org = p.get("organization_id") != null;
      boolean del = p.get("delegation_id") != null;
      if ((kind.equals("organization") && (!org || del))
          || (kind.equals("delegation") && (!del || org))) {
        problem(
            "positions.csv",
            p.line(),
            "actor_kind " + kind + " needs exactly " + kind + "_id set (and not the other)");
      }
      boolean noQuote = p.get("quote") == null;
      if (noQuote != "none".equals(p.text("quote_status"))) {
        problem(
            "positions.csv",
            p.line(),
            "quote_status 'none' goes with an empty quote, and only with one");
      }
    }
    for (Row p : rows.get("person")) {
      if (p.get("organization_id") != null && p.get("delegation_id") != null) {
        problem(
            "people.csv",
            p.line(),
            "a person belongs to an organization or a delegation, not both");
      }
    }
    Map<String, Long> reported = new HashMap<>();
    for (Row c : rows.get("claim")) {
      if (Boolean.TRUE.equals(c.get("reported"))) {
        if (c.get("reason") == null) {
          problem("claims.csv", c.line(), "the reported claim needs a reason");
        }
        String figure =
            c.text("subject_type") + "/" + c.text("subject_id") + "/" + c.text("property");
        Long first = reported.putIfAbsent(figure, c.line());
        if (first != null) {
          problem(
              "claims.csv",
              c.line(),
              "a second reported claim for " + figure + " (first on line " + first + ")");
        }
      }
    }
    for (Row m : rows.get("membership")) {
      if (Objects.equals(m.get("organization_id"), m.get("member_id"))) {
        problem("memberships.csv", m.line(), "an organization cannot be its own member");
      }
      if ((m.get("member_id") == null) == (m.get("delegation_id") == null)) {
        problem(
            "memberships.csv",
            m.line(),
            "a membership has one member: member_id (an organization) or delegation_id (a"
                + " delegation), not both");
      }
      if (m.get("start_date") != null
          && m.get("end_date") != null
          && String.valueOf(m.get("start_date")).compareTo(String.valueOf(m.get("end_date"))) > 0) {
        problem("memberships.csv", m.line(), "start_date is after end_date");
      }
      // an organization with delegations as members is a group (/v1/groups/{id}): its id must
      // not be a regional group's, which are groups too
      if (m.get("delegation_id") != null
          && Vocabulary.REGIONAL_GROUP.terms().contains(m.text("organization_id"))) {
        problem(
            "memberships.csv",
            m.line(),
            "an organization with delegations as members cannot have a regional group's id ("
                + m.text("organization_id")
                + ")");
      }
    }
  }

  private void problem(String file, long line, String message) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(files.describe(file) + (line > 0 ? " line " + line : "") + ": " + message);
    } else if (problems.size() == MAX_PROBLEMS) {
      problems.add("... and more (only the first " + MAX_PROBLEMS + " are listed)");
    }
  }

  /** Orders versions numerically, part by part (1.10.0 after 1.9.0). */
  public static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int xi = i < x.length && x[i].matches("\\d+") ? Integer.parseInt(x[i]) : 0;
      int yi = i < y.length && y[i].matches("\\d+") ? Integer.parseInt(y[i]) : 0;
      if (xi != yi) {
        return Integer.compare(xi, yi);
      }
    }
    return a.compareTo(b);
  }

  /** Adds a file to a dataset checksum: its name and its bytes, each closed by a zero byte. */
  private static void digest(MessageDigest sha, TableSpec spec, byte[] bytes) {
    sha.update(spec.file().getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
    sha.update(bytes);
    sha.update((byte) 0);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
