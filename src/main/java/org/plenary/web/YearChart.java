package org.plenary.web;

import java.util.List;
import java.util.Locale;
import org.plenary.statement.StatementRecords;

/**
 * A bar per year (how many statements match a search), as accessible SVG: role="img" with a title
 * and a description that gives the figures in words; every bar has its own title. Server-side, no
 * script.
 */
final class YearChart {
  static final int WIDTH = 720;
  static final int HEIGHT = 220;
  private static final String INK = "#1a1a1a";
  private static final String BAR = "#0072B2";

  private YearChart() {}

  static String svg(String prefix, String title, List<StatementRecords.Count> counts) {
    int first = counts.isEmpty() ? 1946 : Math.min(1946, counts.get(0).value());
    int last = counts.isEmpty() ? 2024 : Math.max(2024, counts.get(counts.size() - 1).value());
    long max = counts.stream().mapToLong(StatementRecords.Count::statements).max().orElse(0);
    long total = counts.stream().mapToLong(StatementRecords.Count::statements).sum();
    StatementRecords.Count peak =
        counts.stream()
            .max(java.util.Comparator.comparingLong(StatementRecords.Count::statements))
            .orElse(null);
    String desc =
        peak == null
            ? "No statement matches."
            : String.format(
                Locale.ROOT,
                "%d statements in %d years from %d to %d; most in %d (%d).",
                total,
                counts.size(),
                counts.get(0).value(),
                counts.get(counts.size() - 1).value(),
                peak.value(),
                peak.statements());
    double left = 40;
    double right = WIDTH - 10;
    double top = 16;
    double bottom = HEIGHT - 28;
    double step = (right - left) / (last - first + 1);
    StringBuilder s = new StringBuilder(8192);
    s.append(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 %d %d\""
                    + " width=\"100%%\" aria-labelledby=\"%s-title %s-desc\""
                    + " font-family=\"system-ui, sans-serif\">",
                WIDTH,
                HEIGHT,
                prefix,
                prefix))
        .append("<title id=\"")
        .append(prefix)
        .append("-title\">")
        .append(Html.escape(title))
        .append("</title><desc id=\"")
        .append(prefix)
        .append("-desc\">")
        .append(Html.escape(desc))
        .append("</desc><rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>");
    s.append(line(left, bottom, right, bottom));
    s.append(text(left - 4, top + 4, "end", Long.toString(max)));
    s.append(text(left - 4, bottom, "end", "0"));
    for (int y = (first + 9) / 10 * 10; y <= last; y += 10) {
      double x = left + (y - first) * step;
      s.append(text(x, HEIGHT - 10, "middle", Integer.toString(y)));
    }
    for (StatementRecords.Count c : counts) {
      double h = max == 0 ? 0 : (bottom - top) * c.statements() / (double) max;
      s.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%d:"
                  + " %d statements</title></rect>",
              left + (c.value() - first) * step + 0.5,
              bottom - h,
              Math.max(1, step - 1),
              h,
              BAR,
              c.value(),
              c.statements()));
    }
    return s.append("</svg>").toString();
  }

  private static String line(double x1, double y1, double x2, double y2) {
    return String.format(
        Locale.ROOT,
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>",
        x1,
        y1,
        x2,
        y2,
        INK);
  }

  private static String text(double x, double y, String anchor, String value) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"12\" fill=\"%s\">%s</text>",
        x,
        y,
        anchor,
        INK,
        Html.escape(value));
  }
}
