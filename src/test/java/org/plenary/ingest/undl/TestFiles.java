package org.plenary.ingest.undl;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Small Library files written by the tests, in the Library's layouts. */
public final class TestFiles {
  public static final String GA_2026 =
      "undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,committee_report,meeting,"
          + "title,agenda_title,subjects,vote_note,total_yes,total_no,total_abstentions,"
          + "total_non_voting,total_ms,undl_link";
  static final String GA_2025 = GA_2026.replace("vote_note,", "");
  public static final String GA_OUTCOMES =
      "undl_id,resolution,session,date,title,modality,draft,committee_report,meeting,"
          + "agenda_title,subjects,vote_note,total_yes,total_no,total_abstentions,"
          + "total_non_voting,total_ms,undl_link";
  public static final String SC =
      "undl_id,ms_code,ms_name,permanent_member,ms_vote,date,resolution,draft,meeting,"
          + "description,agenda,subjects,vote_note,total_yes,total_no,total_abstentions,"
          + "total_non_voting,total_ms,modality,undl_link";
  public static final String NAMES =
      "undl_id,member_state,name_status,m49,iso,coverage_periods,other_names,earlier_names,"
          + "later_names,geographic_term,founding_member,membership_resolution,scope_note,"
          + "french,spanish,arabic,chinese,russian,undl_link,unms_ontology_link";

  private TestFiles() {}

  static Path csv(Path dir, String name, String... lines) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return file;
  }

  static Path gzip(Path dir, String name, String... lines) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  /** Every row of {@code file}, as {@code reader} reads it. */
  static <T> List<T> rows(RowReader<T> reader, Path file) {
    List<T> out = new ArrayList<>();
    reader.read(file, out::add);
    return out;
  }
}
