package org.plenary.ingest.undl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A recognized header: which of the Library's layouts the file is in, where each of its columns
 * stands, and the warnings (columns this layout does not know, which are not read).
 *
 * <p>Recognition, in order: a column {@code member_state} or {@code name_status} makes it the
 * Member States' names; a column {@code ms_vote} or {@code ms_code} (one row per member) makes it a
 * voting file: the Security Council's when it has more of the Council file's own columns ({@code
 * permanent_member}, {@code description}, {@code agenda}) than of the General Assembly file's own
 * ({@code session}, {@code committee_report}, {@code title}, {@code agenda_title}), else the
 * General Assembly's, in its 2024 layout when it has {@code modality}, its 2026 layout when it has
 * {@code vote_note}, else its 2025 layout; a column {@code resolution} without these makes it the
 * General Assembly's resolutions. Anything else is refused, naming the layouts expected.
 */
public record Header(
    Layout layout, Map<String, Integer> columns, int width, List<String> warnings) {
  private static final Set<String> SC_OWN = Set.of("permanent_member", "description", "agenda");
  private static final Set<String> GA_OWN =
      Set.of("session", "committee_report", "title", "agenda_title");

  public Header {
    columns = Map.copyOf(columns);
    warnings = List.copyOf(warnings);
  }

  /** Recognizes the header line of {@code file}; throws {@link Refused} (line 1). */
  public static Header recognize(Path file, List<String> fields) {
    Map<String, Integer> columns = new HashMap<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      String h = fields.get(i).trim();
      if (i == 0 && h.startsWith("\uFEFF")) {
        h = h.substring(1);
      }
      if (h.chars().anyMatch(ch -> Character.isISOControl(ch))) {
        // a binary file's first line, or a NUL in a name: refused, the name shown escaped and cut
        throw new Refused(
            file,
            1,
            "column "
                + (i + 1)
                + " of the header, "
                + CsvInput.printable(h, 40)
                + ", holds a control character: not a UN Digital Library file's header");
      }
      h = h.toLowerCase(Locale.ROOT);
      if (h.isEmpty()) {
        h = "(an empty name, column " + (i + 1) + ")";
      }
      if (columns.putIfAbsent(h, i) != null) {
        throw new Refused(file, 1, "the header names column " + h + " twice");
      }
      names.add(h);
    }
    Layout layout = layoutOf(file, columns.keySet());
    List<String> missing = layout.required().stream().filter(c -> !columns.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      throw new Refused(
          file,
          1,
          "the header is the "
              + layout.title()
              + " layout but lacks the required column(s) "
              + String.join(", ", missing)
              + " (required: "
              + String.join(",", layout.required())
              + ")");
    }
    Set<String> known = layout.known();
    List<String> extra = names.stream().filter(n -> !known.contains(n)).toList();
    List<String> warnings = new ArrayList<>();
    if (!extra.isEmpty()) {
      warnings.add(
          "column(s) "
              + String.join(", ", extra)
              + " are not in the "
              + layout.title()
              + " layout: not read");
    }
    return new Header(layout, columns, fields.size(), warnings);
  }

  /**
   * Which of the Library's files {@code file} is, from its first line alone (the command that
   * imports several files picks each one's reader by it); throws {@link Refused}.
   */
  public static Header of(Path file) {
    return recognize(file, CsvInput.firstRecord(file));
  }

  /** Recognizes a header given as its column names (tests, and readers of one line). */
  public static Header recognize(Path file, String... names) {
    return recognize(file, Arrays.asList(names));
  }

  private static Layout layoutOf(Path file, Set<String> c) {
    if (c.contains("member_state") || c.contains("name_status")) {
      return Layout.MEMBER_STATES;
    }
    if (c.contains("ms_vote") || c.contains("ms_code")) {
      if (count(c, SC_OWN) > count(c, GA_OWN)) {
        return Layout.SC_VOTING;
      }
      if (c.contains("modality")) {
        return Layout.GA_VOTING_2024;
      }
      return c.contains("vote_note") ? Layout.GA_VOTING_2026 : Layout.GA_VOTING_2025;
    }
    if (c.contains("resolution")) {
      return Layout.GA_RESOLUTIONS;
    }
    StringBuilder expected = new StringBuilder();
    for (Layout l : Layout.values()) {
      expected.append("; ").append(l.title()).append(": ").append(String.join(",", l.required()));
    }
    throw new Refused(
        file,
        1,
        "the header is none of the UN Digital Library's files (General Assembly voting,"
            + " General Assembly resolutions, Security Council voting, Member States' names)."
            + " Expected the columns of one of these layouts"
            + expected);
  }

  private static int count(Set<String> columns, Collection<String> of) {
    return (int) of.stream().filter(columns::contains).count();
  }

  /** The index of a column, or -1 when the file does not have it. */
  public int index(String column) {
    Integer i = columns.get(column);
    return i == null ? -1 : i;
  }

  public boolean has(String column) {
    return columns.containsKey(column);
  }
}
