package org.plenary.ingest.undl;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the Member States' names file (record 4082085): {@code name_status} {@code ms} (current) or
 * {@code fs} (former); {@code coverage_periods} like {@code 1945-10-24:1991-12-24|1992-01-01:} (an
 * empty end: the period lasts).
 */
public final class MemberStateNamesReader extends LayoutReader<MemberStateName> {
  /** The official languages' columns, by ISO 639-1 code (English is {@code member_state}). */
  static final Map<String, String> LANGUAGES =
      Map.of(
          "fr", "french",
          "es", "spanish",
          "ar", "arabic",
          "zh", "chinese",
          "ru", "russian");

  public MemberStateNamesReader() {
    super(Layout.File.MEMBER_STATES);
  }

  @Override
  MemberStateName row(Layout layout, Row r) {
    String name = r.required("member_state");
    Map<String, String> names = new LinkedHashMap<>();
    names.put("en", name);
    for (String lang : List.of("fr", "es", "ar", "zh", "ru")) {
      String n = r.text(LANGUAGES.get(lang));
      if (n != null) {
        names.put(lang, n);
      }
    }
    return new MemberStateName(
        r.id("undl_id"),
        name,
        status(r),
        r.text("m49"),
        r.alpha3("iso", false),
        periods(r),
        r.list("other_names"),
        r.list("earlier_names"),
        r.list("later_names"),
        r.text("geographic_term"),
        yesNo(r, "founding_member"),
        r.text("membership_resolution"),
        r.text("scope_note"),
        Map.copyOf(names),
        r.text("undl_link"),
        r.text("unms_ontology_link"),
        r.line());
  }

  private static MemberStateName.Status status(Row r) {
    String s = r.required("name_status");
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "ms" -> MemberStateName.Status.CURRENT;
      case "fs" -> MemberStateName.Status.FORMER;
      default -> throw r.refuse("name_status '" + s + "' is not ms (current) or fs (former)");
    };
  }

  private static List<MemberStateName.Period> periods(Row r) {
    List<MemberStateName.Period> out = new ArrayList<>();
    for (String p : r.list("coverage_periods")) {
      int colon = p.indexOf(':');
      String from = (colon < 0 ? p : p.substring(0, colon)).strip();
      String to = colon < 0 ? "" : p.substring(colon + 1).strip();
      if (from.isEmpty()) {
        throw r.refuse("coverage_periods '" + p + "' has no start (expected FROM:TO)");
      }
      LocalDate start = r.date("coverage_periods", from);
      LocalDate end = to.isEmpty() ? null : r.date("coverage_periods", to);
      if (end != null && end.isBefore(start)) {
        throw r.refuse("coverage_periods '" + p + "' ends before it starts");
      }
      out.add(new MemberStateName.Period(start, end));
    }
    return List.copyOf(out);
  }

  private static Boolean yesNo(Row r, String column) {
    String v = r.text(column);
    if (v == null) {
      return null;
    }
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "1" -> true;
      case "false", "no", "n", "0" -> false;
      default -> throw r.refuse(column + " '" + v + "' is not True or False");
    };
  }
}
