package org.plenary.ingest.undl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The layouts of the UN Digital Library's four files, each with the columns a reader needs
 * (required: a file without one is refused, naming it) and the other columns the Library documents
 * for it (optional: read when present). Any other column is reported as a warning and not read.
 */
public enum Layout {
  GA_VOTING_2024(
      File.GA_VOTING,
      "General Assembly voting, September 2024 (with modality; NV for non-voting)",
      List.of(
          "undl_id",
          "ms_code",
          "ms_name",
          "ms_vote",
          "date",
          "modality",
          "resolution",
          "title",
          "subjects"),
      Columns.GA_VOTING),
  GA_VOTING_2025(
      File.GA_VOTING,
      "General Assembly voting, March 2025 (without vote_note)",
      Columns.GA_VOTING_REQUIRED,
      Columns.GA_VOTING_2025),
  GA_VOTING_2026(
      File.GA_VOTING,
      "General Assembly voting, July 2025 on (with vote_note)",
      Columns.with(Columns.GA_VOTING_REQUIRED, "vote_note"),
      Columns.GA_VOTING),
  GA_RESOLUTIONS(
      File.GA_RESOLUTIONS,
      "General Assembly resolutions (outcomes)",
      List.of("undl_id", "resolution", "date", "title", "modality"),
      Columns.withTotals(
          "session",
          "draft",
          "amended_draft",
          "committee_report",
          "meeting",
          "agenda_title",
          "subjects")),
  SC_VOTING(
      File.SC_VOTING,
      "Security Council voting",
      List.of(
          "undl_id",
          "ms_code",
          "ms_name",
          "permanent_member",
          "ms_vote",
          "date",
          "resolution",
          "modality"),
      Columns.withTotals("draft", "meeting", "description", "agenda", "subjects")),
  MEMBER_STATES(
      File.MEMBER_STATES,
      "Member States' names",
      List.of("undl_id", "member_state", "name_status", "iso", "coverage_periods"),
      List.of(
          "m49",
          "other_names",
          "earlier_names",
          "later_names",
          "geographic_term",
          "founding_member",
          "membership_resolution",
          "scope_note",
          "french",
          "spanish",
          "arabic",
          "chinese",
          "russian",
          "undl_link",
          "unms_ontology_link"));

  /** The Library's four files, each with its record number in the Digital Library. */
  public enum File {
    GA_VOTING("General Assembly voting", "https://digitallibrary.un.org/record/4060887"),
    GA_RESOLUTIONS("General Assembly resolutions", "https://digitallibrary.un.org/record/4060945"),
    SC_VOTING("Security Council voting", "https://digitallibrary.un.org/record/4055387"),
    MEMBER_STATES("Member States' names", "https://digitallibrary.un.org/record/4082085");

    private final String title;
    private final String record;

    File(String title, String record) {
      this.title = title;
      this.record = record;
    }

    public String title() {
      return title;
    }

    /** The Digital Library's record the file is downloaded from (by hand). */
    public String record() {
      return record;
    }
  }

  private final File file;
  private final String title;
  private final List<String> required;
  private final List<String> optional;

  Layout(File file, String title, List<String> required, List<String> optional) {
    this.file = file;
    this.title = title;
    this.required = required;
    this.optional = optional.stream().filter(c -> !required.contains(c)).toList();
  }

  public File file() {
    return file;
  }

  public String title() {
    return title;
  }

  /** The columns without which the file is refused. */
  public List<String> required() {
    return required;
  }

  /** The other columns the Library documents for this layout: read when present. */
  public List<String> optional() {
    return optional;
  }

  /** Every column this layout knows, required first. */
  public Set<String> known() {
    Set<String> all = new LinkedHashSet<>(required);
    all.addAll(optional);
    return all;
  }

  /** The header of the General Assembly voting file of March 2025, in its order. */
  public static List<String> gaVoting2025Header() {
    return Columns.GA_VOTING_2025;
  }

  /** The column lists, named once. */
  private static final class Columns {
    /** The header of the General Assembly voting file of March 2025, in its order. */
    static final List<String> GA_VOTING_2025 =
        List.of(
            "undl_id",
            "ms_code",
            "ms_name",
            "ms_vote",
            "date",
            "session",
            "resolution",
            "draft",
            "committee_report",
            "meeting",
            "title",
            "agenda_title",
            "subjects",
            "total_yes",
            "total_no",
            "total_abstentions",
            "total_non_voting",
            "total_ms",
            "undl_link");

    static final List<String> GA_VOTING = with(GA_VOTING_2025, "vote_note");

    static List<String> withTotals(String... columns) {
      List<String> out = new ArrayList<>(List.of(columns));
      out.addAll(
          List.of(
              "vote_note",
              "total_yes",
              "total_no",
              "total_abstentions",
              "total_non_voting",
              "total_ms",
              "undl_link"));
      return List.copyOf(out);
    }

    /** What the reader cannot do without; the other columns may be absent. */
    static final List<String> GA_VOTING_REQUIRED =
        List.of(
            "undl_id", "ms_code", "ms_name", "ms_vote", "date", "session", "resolution", "title");

    static List<String> with(List<String> columns, String more) {
      List<String> out = new ArrayList<>(columns);
      out.add(more);
      return List.copyOf(out);
    }
  }
}
