package org.plenary.web;

import io.quarkus.qute.RawString;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** HTML text helpers for the explorer: escaping, search highlights, query strings. */
public final class Html {
  private Html() {}

  /** Text as HTML: &amp; &lt; &gt; &quot; and &#39; escaped (safe in elements and attributes). */
  public static String escape(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * A search snippet as HTML. The API's snippet is plain text with matches between {@code <mark>}
   * and {@code </mark>}: everything is escaped, then only those two exact tags are put back, and
   * only as balanced pairs, so a quote that itself contains markup shows as text.
   */
  public static RawString highlight(String snippet) {
    if (snippet == null) {
      return new RawString("");
    }
    StringBuilder b = new StringBuilder(snippet.length() + 32);
    int i = 0;
    boolean open = false;
    while (i < snippet.length()) {
      if (!open && snippet.startsWith("<mark>", i)) {
        int close = snippet.indexOf("</mark>", i + 6);
        if (close > 0 && snippet.substring(i + 6, close).indexOf("<mark>") < 0) {
          b.append("<mark>").append(escape(snippet.substring(i + 6, close))).append("</mark>");
          i = close + 7;
          continue;
        }
      }
      int next = snippet.indexOf("<mark>", i + 1);
      int end = next < 0 ? snippet.length() : next;
      b.append(escape(snippet.substring(i, end)));
      i = end;
    }
    return new RawString(b.toString());
  }

  /**
   * A URL to link to, only when it is http or https: a source's address is data, and a link must
   * never run script ({@code javascript:}) or reach anything else. Null otherwise.
   */
  public static String safeUrl(Object url) {
    if (url == null) {
      return null;
    }
    String u = url.toString().trim();
    String lower = u.toLowerCase(java.util.Locale.ROOT);
    return lower.startsWith("https://") || lower.startsWith("http://") ? u : null;
  }

  /** A query string (without '?') from parameters, values URL-encoded; empty values dropped. */
  public static String query(Map<String, List<String>> params) {
    StringJoiner j = new StringJoiner("&");
    params.forEach(
        (k, vs) -> {
          for (String v : vs) {
            if (v != null && !v.isEmpty()) {
              j.add(encode(k) + "=" + encode(v));
            }
          }
        });
    return j.toString();
  }

  public static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
