package org.plenary.web;

import static org.plenary.web.Html.escape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.plenary.delegation.AgreementRecords;

/**
 * The explorer's charts as standalone SVG: role="img" with a title and a description that gives
 * every number, readable in black and white and by colour-blind readers (Okabe–Ito colours, and
 * each ballot also has its own shape or hatching and a text label). Presentation attributes only
 * (no style attributes, no scripts, no outside fonts), so a chart is the same inline, in an {@code
 * <img>} and in an {@code <iframe>}, under a strict Content-Security-Policy.
 */
public final class Charts {
  private Charts() {}

  /** The ballots in display order, with their labels and colours. */
  public static final List<String> BALLOTS = List.of("yes", "no", "abstain", "non_voting");

  static final Map<String, String> LABEL =
      Map.of("yes", "Yes", "no", "No", "abstain", "Abstain", "non_voting", "Not voting");
  private static final Map<String, String> COLOUR =
      Map.of("yes", "#0072B2", "no", "#D55E00", "abstain", "#E69F00", "non_voting", "#FFFFFF");
  private static final String FONT =
      "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
  private static final String INK = "#1a1a1a";

  /** The UN regional groups, in the order the charts list them, with their names. */
  public static final Map<String, String> GROUPS = groups();

  private static Map<String, String> groups() {
    Map<String, String> g = new LinkedHashMap<>();
    g.put("african", "African Group");
    g.put("asia_pacific", "Asia-Pacific Group");
    g.put("eastern_european", "Eastern European Group");
    g.put("grulac", "Latin American and Caribbean Group");
    g.put("weog", "Western European and Others Group");
    g.put("none", "No regional group");
    return g;
  }

  public static String groupName(Object group) {
    return GROUPS.getOrDefault(group == null ? "none" : group.toString(), String.valueOf(group));
  }

  /**
   * The tallies as one stacked bar. An unknown count (null) has no segment and is written
   * "unknown", never drawn as zero.
   */
  public static String tally(String prefix, String subject, Map<String, Object> vote) {
    int width = 720;
    int barY = 40;
    int barH = 44;
    int known = 0;
    for (String b : BALLOTS) {
      known += vote.get(b) instanceof Number n ? n.intValue() : 0;
    }
    StringBuilder desc = new StringBuilder();
    for (String b : BALLOTS) {
      desc.append(desc.length() == 0 ? "" : ", ")
          .append(LABEL.get(b))
          .append(": ")
          .append(count(vote.get(b)));
    }
    desc.append(". Outcome: ")
        .append(vote.get("outcome") == null ? "unknown" : vote.get("outcome"));
    StringBuilder s = open(prefix, width, 150, "Tally: " + subject, desc + ".");
    double x = 10;
    double scale = known == 0 ? 0 : (width - 20.0) / known;
    for (String b : BALLOTS) {
      if (!(vote.get(b) instanceof Number n) || n.intValue() == 0) {
        continue;
      }
      double w = n.intValue() * scale;
      s.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" stroke=\"%s\"/>",
              x,
              barY,
              w,
              barH,
              fill(prefix, b),
              INK));
      if (w > 34) {
        s.append(
            text(
                x + w / 2,
                barY + barH / 2.0 + 6,
                "middle",
                17,
                "bold",
                b.equals("yes") ? "#FFFFFF" : INK,
                n.toString(),
                b.equals("yes") ? null : "#FFFFFF"));
      }
      x += w;
    }
    if (known == 0) {
      s.append(text(width / 2.0, barY + 28, "middle", 15, "normal", INK, "No counts known", null));
    }
    // the legend: every ballot with its swatch and count, unknown ones included
    double lx = 10;
    for (String b : BALLOTS) {
      s.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"104\" width=\"18\" height=\"18\" fill=\"%s\" stroke=\"%s\"/>",
              lx,
              fill(prefix, b),
              INK));
      String label = LABEL.get(b) + " " + count(vote.get(b));
      s.append(text(lx + 24, 118, "start", 15, "normal", INK, label, null));
      lx += 24 + label.length() * 8.4 + 26;
    }
    s.append(
        text(
            10,
            26,
            "start",
            15,
            "bold",
            INK,
            "Outcome: " + nz(vote.get("outcome"), "unknown"),
            null));
    return close(s);
  }

  /**
   * Every delegation's ballot as a mark, grouped by regional group: a circle for yes, a square for
   * no, a triangle for an abstention, a hollow circle for not voting. Each mark names its
   * delegation (hover, or the table beside the chart).
   */
  public static String rollCall(
      String prefix, String subject, String status, List<Map<String, Object>> rollCall) {
    Map<String, List<Map<String, Object>>> byGroup = new LinkedHashMap<>();
    GROUPS.keySet().forEach(g -> byGroup.put(g, new ArrayList<>()));
    for (Map<String, Object> r : rollCall) {
      Object g = r.get("regional_group");
      byGroup.computeIfAbsent(g == null ? "none" : g.toString(), k -> new ArrayList<>()).add(r);
    }
    byGroup.values().removeIf(List::isEmpty);
    int perLine = 36;
    int step = 19;
    int width = 720;
    int height = 60;
    for (var rows : byGroup.values()) {
      height += 30 + ((rows.size() + perLine - 1) / perLine) * step + 8;
    }
    StringBuilder desc = new StringBuilder();
    desc.append("Roll call (")
        .append(status)
        .append("), ")
        .append(rollCall.size())
        .append(" delegations. ");
    for (var e : byGroup.entrySet()) {
      desc.append(groupName(e.getKey())).append(": ").append(counts(e.getValue())).append(". ");
    }
    StringBuilder s =
        open(
            prefix,
            width,
            height,
            "Roll call by regional group: " + subject,
            desc.toString().trim());
    // the legend
    double lx = 10;
    for (String b : BALLOTS) {
      s.append(mark(prefix, b, lx + 8, 22, null));
      s.append(text(lx + 22, 27, "start", 14, "normal", INK, LABEL.get(b), null));
      lx += 40 + LABEL.get(b).length() * 8;
    }
    int y = 60;
    for (var e : byGroup.entrySet()) {
      List<Map<String, Object>> rows = new ArrayList<>(e.getValue());
      rows.sort(
          (a, b) ->
              BALLOTS.indexOf(String.valueOf(a.get("vote")))
                  - BALLOTS.indexOf(String.valueOf(b.get("vote"))));
      s.append(
          text(
              10,
              y,
              "start",
              14,
              "bold",
              INK,
              groupName(e.getKey()) + " (" + rows.size() + "): " + counts(rows),
              null));
      int i = 0;
      for (Map<String, Object> r : rows) {
        double cx = 18 + (i % perLine) * step;
        double cy = y + 18 + (i / perLine) * step;
        s.append(
            mark(
                prefix,
                String.valueOf(r.get("vote")),
                cx,
                cy,
                r.get("delegation_name")
                    + ": "
                    + LABEL.getOrDefault(
                        String.valueOf(r.get("vote")), String.valueOf(r.get("vote")))));
        i++;
      }
      y += 30 + ((rows.size() + perLine - 1) / perLine) * step + 8;
    }
    return close(s);
  }

  /**
   * Agreement between two delegations per year (Voeten's index as bars, each labelled). With
   * recorded votes in fewer than two years, a plain "not enough data" chart says so.
   */
  public static String agreement(
      String prefix, String a, String b, List<AgreementRecords.Year> years) {
    List<AgreementRecords.Year> scored =
        years.stream().filter(y -> y.measures().voeten() != null).toList();
    String why =
        "Not enough data: agreement over time needs recorded votes in at least two years, and the"
            + " loaded dataset has "
            + (scored.isEmpty() ? "none" : "votes in " + scored.get(0).year() + " only")
            + " where both took part.";
    String line =
        scored.isEmpty()
            ? "No recorded vote where both took part."
            : "Recorded votes in one year only (" + scored.get(0).year() + ").";
    return yearBars(
        prefix,
        "Agreement over time: " + a + " and " + b,
        "Voeten agreement index per year: ",
        why,
        line,
        scored.stream()
            .map(
                y ->
                    new YearValue(
                        y.year(), y.measures().voeten(), y.measures().votesBothTookPart()))
            .toList());
  }

  /** A share (0 to 1) in one year, over {@code votes} votes. */
  public record YearValue(int year, double value, int votes) {}

  /**
   * A group's cohesion year by year (the mean Agreement Index of each year's votes); "Not enough
   * data" below two years.
   */
  public static String cohesion(String prefix, String group, List<YearValue> years) {
    String why =
        "Not enough data: cohesion over time needs recorded votes in at least two years, and the"
            + " chosen votes have "
            + (years.isEmpty() ? "none" : "votes in " + years.get(0).year() + " only")
            + " where a member voted.";
    return yearBars(
        prefix,
        "Cohesion over time: " + group,
        "Agreement Index per year: ",
        why,
        years.isEmpty()
            ? "No recorded vote where a member voted."
            : "Recorded votes in one year only (" + years.get(0).year() + ").",
        years);
  }

  /**
   * One bar per year for a share from 0 to 100%, each labelled with its value and vote count (the
   * values every other year, then every fifth, when the years are many; the description states them
   * all); "Not enough data" below two years.
   */
  private static String yearBars(
      String prefix,
      String title,
      String measure,
      String emptyWhy,
      String emptyLine,
      List<YearValue> scored) {
    int width = 720;
    int height = 300;
    if (scored.size() < 2) {
      StringBuilder s = open(prefix, width, 90, title, emptyWhy);
      s.append(
          "<rect x=\"1\" y=\"1\" width=\"718\" height=\"88\" fill=\"#f4f4f4\" stroke=\"#767676\""
              + " stroke-dasharray=\"6 4\"/>");
      s.append(text(20, 40, "start", 16, "bold", INK, "Not enough data", null));
      s.append(text(20, 66, "start", 14, "normal", INK, emptyLine, null));
      return close(s);
    }
    StringBuilder desc = new StringBuilder(measure);
    for (YearValue y : scored) {
      desc.append(y.year())
          .append(" ")
          .append(percent(y.value()))
          .append(" over ")
          .append(y.votes())
          .append(y.votes() == 1 ? " vote; " : " votes; ");
    }
    StringBuilder s = open(prefix, width, height, title, desc.toString().trim());
    int left = 50;
    int top = 20;
    int plotH = 200;
    int plotW = width - left - 10;
    for (int p = 0; p <= 100; p += 25) {
      double gy = top + plotH - plotH * p / 100.0;
      s.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#bbbbbb\" stroke-dasharray=\"%s\"/>",
              left,
              gy,
              left + plotW,
              gy,
              p == 0 ? "0" : "3 3"));
      s.append(text(left - 6, gy + 5, "end", 13, "normal", INK, p + "%", null));
    }
    double slot = (double) plotW / scored.size();
    double barW = Math.min(60, slot * 0.6);
    // every label when they fit, then every other year, then every fifth
    int every = scored.size() <= 20 ? 1 : scored.size() <= 40 ? 2 : 5;
    int i = 0;
    for (YearValue y : scored) {
      double h = plotH * y.value();
      double x = left + slot * i + (slot - barW) / 2;
      s.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"url(#%s-yes)\" stroke=\"%s\"/>",
              x,
              top + plotH - h,
              barW,
              Math.max(h, 0.5),
              prefix,
              INK));
      if (every == 1) {
        s.append(
            text(
                x + barW / 2,
                top + plotH - h - 6,
                "middle",
                13,
                "bold",
                INK,
                percent(y.value()),
                null));
      }
      if (i % every == 0) {
        s.append(
            text(
                x + barW / 2,
                top + plotH + 18,
                "middle",
                13,
                "normal",
                INK,
                Integer.toString(y.year()),
                null));
        if (every <= 2) {
          s.append(
              text(
                  x + barW / 2,
                  top + plotH + 34,
                  "middle",
                  12,
                  "normal",
                  "#444444",
                  y.votes() + (y.votes() == 1 ? " vote" : " votes"),
                  null));
        }
      }
      i++;
    }
    return close(s);
  }

  /**
   * Ratifications against the number needed for entry into force: one square per instrument needed,
   * filled for each known one; when no source gives the ratifications, every square is hollow and
   * the chart says "unknown" (never zero).
   */
  public static String ratifications(String prefix, Integer known, Integer required) {
    int need = required == null ? 0 : required;
    String count = known == null ? "unknown" : known.toString();
    String desc =
        "Ratifications: "
            + count
            + " of the "
            + (required == null ? "unknown number" : required)
            + " needed for entry into force"
            + (known == null ? " (no source gives the ratifications)." : ".");
    int perLine = 20;
    int height = 56 + ((need + perLine - 1) / perLine) * 30;
    StringBuilder s =
        open(prefix, 720, height, "Ratifications against the " + need + " needed", desc);
    s.append(
        text(
            10,
            24,
            "start",
            15,
            "bold",
            INK,
            "Ratifications: " + count + " of " + need + " needed",
            null));
    for (int i = 0; i < need; i++) {
      boolean filled = known != null && i < known;
      s.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"22\" height=\"22\" fill=\"%s\" stroke=\"%s\" stroke-width=\"1.5\"%s/>",
              10 + (i % perLine) * 30,
              40 + (i / perLine) * 30,
              filled ? fill(prefix, "yes") : "#FFFFFF",
              INK,
              known == null ? " stroke-dasharray=\"4 3\"" : ""));
    }
    return close(s);
  }

  /**
   * A chart to be seen alone (embedded in a story): the same chart under a heading that says what
   * it shows, with a credit line naming the dataset, its version and licence at the foot.
   */
  /** How much taller a chart is alone than inline (its heading and credit line). */
  public static final int STANDALONE_EXTRA = 56;

  public static String standalone(String svg, String heading, String credit) {
    int height = height(svg);
    int extra = STANDALONE_EXTRA;
    String background = "<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>";
    int at = svg.indexOf(background) + background.length();
    String head =
        text(10, 22, "start", 16, "bold", INK, shorten(heading, 80), null)
            + "<g transform=\"translate(0,30)\">";
    String foot =
        "</g>" + text(10, height + extra - 10, "start", 12, "normal", "#444444", credit, null);
    String sized =
        svg.substring(0, at)
            .replaceFirst(
                "viewBox=\"0 0 (\\d+) " + height + "\" width=\"(\\d+)\" height=\"" + height + "\"",
                "viewBox=\"0 0 $1 "
                    + (height + extra)
                    + "\" width=\"$2\" height=\""
                    + (height + extra)
                    + "\"");
    return sized + head + svg.substring(at, svg.length() - "</svg>".length()) + foot + "</svg>";
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1).trim() + "…";
  }

  /** The height a chart declares (for the embedding snippet's iframe). */
  public static int height(String svg) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(" height=\"(\\d+)\"").matcher(svg);
    return m.find() ? Integer.parseInt(m.group(1)) : 400;
  }

  private static String percent(double v) {
    return Math.round(v * 100) + "%";
  }

  private static String counts(List<Map<String, Object>> rows) {
    Map<String, Integer> n = new LinkedHashMap<>();
    BALLOTS.forEach(b -> n.put(b, 0));
    rows.forEach(r -> n.merge(String.valueOf(r.get("vote")), 1, Integer::sum));
    StringBuilder b = new StringBuilder();
    n.forEach(
        (k, v) ->
            b.append(b.length() == 0 ? "" : ", ")
                .append(LABEL.getOrDefault(k, k))
                .append(' ')
                .append(v));
    return b.toString();
  }

  private static String count(Object n) {
    return n == null ? "unknown" : n.toString();
  }

  private static String nz(Object v, String otherwise) {
    return v == null ? otherwise : v.toString();
  }

  /** A ballot's fill: solid for yes, hatched for no, dotted for abstain, hollow for not voting. */
  private static String fill(String prefix, String ballot) {
    return "url(#" + prefix + "-" + ballot + ")";
  }

  private static String mark(String prefix, String ballot, double cx, double cy, String title) {
    String t = title == null ? "" : "<title>" + escape(title) + "</title>";
    String colour = COLOUR.getOrDefault(ballot, "#FFFFFF");
    return switch (ballot) {
      case "yes" ->
          String.format(
              Locale.ROOT,
              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"7\" fill=\"%s\" stroke=\"%s\">%s</circle>",
              cx,
              cy,
              colour,
              INK,
              t);
      case "no" ->
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%.1f\" width=\"13\" height=\"13\" fill=\"%s\" stroke=\"%s\">%s</rect>",
              cx - 6.5,
              cy - 6.5,
              colour,
              INK,
              t);
      case "abstain" ->
          String.format(
              Locale.ROOT,
              "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"%s\" stroke=\"%s\">%s</polygon>",
              cx,
              cy - 7.5,
              cx + 7.5,
              cy + 6.5,
              cx - 7.5,
              cy + 6.5,
              colour,
              INK,
              t);
      default ->
          String.format(
              Locale.ROOT,
              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"6\" fill=\"#FFFFFF\" stroke=\"%s\" stroke-width=\"2\">%s</circle>",
              cx,
              cy,
              INK,
              t);
    };
  }

  private static StringBuilder open(
      String prefix, int width, int height, String title, String desc) {
    StringBuilder s = new StringBuilder(4096);
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" aria-labelledby=\"")
        .append(prefix)
        .append("-title ")
        .append(prefix)
        .append("-desc\" font-family=\"")
        .append(escape(FONT))
        .append("\"><title id=\"")
        .append(prefix)
        .append("-title\">")
        .append(escape(title))
        .append("</title><desc id=\"")
        .append(prefix)
        .append("-desc\">")
        .append(escape(desc))
        .append("</desc><defs>")
        .append("<pattern id=\"")
        .append(prefix)
        .append(
            "-yes\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\"><rect width=\"8\" height=\"8\" fill=\"#0072B2\"/></pattern>")
        .append("<pattern id=\"")
        .append(prefix)
        .append(
            "-no\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"#D55E00\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#1a1a1a\" stroke-width=\"3\"/></pattern>")
        .append("<pattern id=\"")
        .append(prefix)
        .append(
            "-abstain\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\"><rect width=\"8\" height=\"8\" fill=\"#E69F00\"/><circle cx=\"4\" cy=\"4\" r=\"1.6\" fill=\"#1a1a1a\"/></pattern>")
        .append("<pattern id=\"")
        .append(prefix)
        .append(
            "-non_voting\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\"><rect width=\"8\" height=\"8\" fill=\"#FFFFFF\"/><line x1=\"0\" y1=\"4\" x2=\"8\" y2=\"4\" stroke=\"#767676\" stroke-width=\"1.5\"/></pattern>")
        .append("</defs><rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>");
    return s;
  }

  private static String close(StringBuilder s) {
    return s.append("</svg>").toString();
  }

  private static String text(
      double x,
      double y,
      String anchor,
      int size,
      String weight,
      String fill,
      String value,
      String halo) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" font-weight=\"%s\" fill=\"%s\"%s>%s</text>",
        x,
        y,
        anchor,
        size,
        weight,
        fill,
        halo == null ? "" : " stroke=\"" + halo + "\" stroke-width=\"4\" paint-order=\"stroke\"",
        escape(value));
  }
}
