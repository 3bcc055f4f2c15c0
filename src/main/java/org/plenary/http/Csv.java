package org.plenary.http;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * RFC 4180 CSV: CRLF line ends; a field is quoted when it holds a comma, a quote, CR or LF (or
 * starts or ends with a space, so that no reader trims it), and quotes are doubled. Null is an
 * empty field. A list of embedded records (sources, documents, members) is flattened to their ids
 * joined by ';' — or, for records without an id, their key fields joined by '/'.
 */
public final class Csv {
  private Csv() {}

  public static void header(Writer w, List<String> columns) throws IOException {
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        w.write(',');
      }
      field(w, columns.get(i));
    }
    w.write("\r\n");
  }

  public static void row(
      Writer w, List<String> columns, Map<String, Object> row, Map<String, List<String>> embedKeys)
      throws IOException {
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        w.write(',');
      }
      String name = columns.get(i);
      Object v = row.get(name);
      if (v instanceof List<?> list) {
        field(w, flatten(list, embedKeys.get(name)));
      } else if (v != null) {
        field(w, v.toString());
      }
    }
    w.write("\r\n");
  }

  static String flatten(List<?> records, List<String> keys) {
    StringBuilder sb = new StringBuilder();
    for (Object o : records) {
      @SuppressWarnings("unchecked")
      Map<String, Object> r = (Map<String, Object>) o;
      if (sb.length() > 0) {
        sb.append(';');
      }
      if (r.containsKey("id")) {
        sb.append(r.get("id"));
      } else {
        for (int k = 0; k < keys.size(); k++) {
          sb.append(k > 0 ? "/" : "").append(r.get(keys.get(k)));
        }
      }
    }
    return sb.toString();
  }

  static void field(Writer w, String s) throws IOException {
    boolean quote = !s.isEmpty() && (s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ');
    for (int i = 0; i < s.length() && !quote; i++) {
      char c = s.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      w.write(s);
      return;
    }
    w.write('"');
    w.write(s.replace("\"", "\"\""));
    w.write('"');
  }
}
