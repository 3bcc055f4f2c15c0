package org.plenary.http;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.plenary.query.CollectionSpec;
import org.plenary.query.CsvValues;
import org.plenary.query.Field;
import org.plenary.query.QueryEngine;

/**
 * Writes streamed rows as CSV or NDJSON. CSV is RFC 4180, printed by commons-csv: CRLF line ends, a
 * field quoted when it holds a comma, a quote, CR or LF or starts or ends with a space (so that no
 * reader trims it), quotes doubled, null an empty field. A list of embedded records (sources,
 * documents, members) is flattened to their ids joined by ';' — or, for records without an id,
 * their key fields joined by '/'. A text cell a spreadsheet would run as a formula (= + - @, tab,
 * CR) gets a leading quote ({@link CsvValues}); numbers stay numbers. NDJSON is one JSON record per
 * line, exact.
 */
final class TableWriter {
  private TableWriter() {}

  /** RFC 4180 with minimal quoting. */
  static final CSVFormat CSV =
      CSVFormat.RFC4180
          .builder()
          .setRecordSeparator("\r\n")
          .setQuoteMode(QuoteMode.MINIMAL)
          .build();

  /** Writes every row of {@code rows} to {@code out}, a batch at a time, flushing after each. */
  static void write(
      CollectionSpec c, Format format, boolean bom, QueryEngine.Stream rows, OutputStream out)
      throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    if (format == Format.CSV) {
      List<Field> fields = rows.query().fields();
      List<String> columns = new ArrayList<>();
      fields.forEach(f -> columns.add(f.name()));
      Map<String, List<String>> embedKeys = new LinkedHashMap<>();
      for (CollectionSpec.Embed e : c.embeds()) {
        columns.add(e.name());
        embedKeys.put(
            e.name(),
            e.child().key().stream()
                .filter(k -> !e.omit().contains(k) && !k.equals(e.childField()))
                .toList());
      }
      if (rows.query().select() != null) { // fields=: those columns, in its order
        columns.retainAll(rows.query().select());
        columns.sort(java.util.Comparator.comparingInt(rows.query().select()::indexOf));
      }
      if (bom) {
        w.write('\uFEFF');
      }
      CSVPrinter csv = new CSVPrinter(w, CSV);
      csv.printRecord(columns);
      rows.writeTo(
          batch -> {
            for (Map<String, Object> r : batch) {
              row(csv, columns, r, embedKeys);
            }
            w.flush();
          });
    } else {
      rows.writeTo(
          batch -> {
            for (Map<String, Object> r : batch) {
              w.write(Json.MAPPER.writeValueAsString(rows.query().project(r)));
              w.write('\n');
            }
            w.flush();
          });
    }
    w.flush();
  }

  /** One row as a CSV record: the columns' values, embedded lists flattened. */
  static void row(
      CSVPrinter csv,
      List<String> columns,
      Map<String, Object> row,
      Map<String, List<String>> embedKeys)
      throws IOException {
    for (String name : columns) {
      Object v = row.get(name);
      csv.print(CsvValues.cell(v instanceof List<?> list ? flatten(list, embedKeys.get(name)) : v));
    }
    csv.println();
  }

  /**
   * The rows of an aggregate's table ({@link Responder.Table}) as CSV or NDJSON: its columns in
   * order, a list of records in a cell flattened as a collection's embeds are (their ids joined by
   * ';').
   */
  static byte[] write(Responder.Table table, Format format, boolean bom) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      if (format == Format.CSV) {
        if (bom) {
          w.write('\uFEFF');
        }
        CSVPrinter csv = new CSVPrinter(w, CSV);
        csv.printRecord(table.columns());
        for (Map<String, Object> r : table.rows()) {
          row(csv, table.columns(), r, Map.of());
        }
        csv.flush();
      } else {
        for (Map<String, Object> r : table.rows()) {
          w.write(Json.MAPPER.writeValueAsString(r));
          w.write('\n');
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Embedded records as one field: ids joined by ';', or key fields joined by '/'. */
  static String flatten(List<?> records, List<String> keys) {
    StringBuilder sb = new StringBuilder();
    for (Object o : records) {
      if (sb.length() > 0) {
        sb.append(';');
      }
      if (!(o instanceof Map<?, ?>)) {
        sb.append(o);
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> r = (Map<String, Object>) o;
      if (r.containsKey("id")) {
        sb.append(r.get("id"));
      } else if (keys == null) {
        sb.append(Json.MAPPER.valueToTree(r));
      } else {
        for (int k = 0; k < keys.size(); k++) {
          sb.append(k > 0 ? "/" : "").append(r.get(keys.get(k)));
        }
      }
    }
    return sb.toString();
  }
}
