package org.plenary.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void hardTextRoundTripsThroughAnRfc4180Reader() throws IOException {
    List<String> values =
        List.of(
            "plain",
            "comma, inside",
            "a \"quoted\" word",
            "line\nbreak",
            "crlf\r\nbreak",
            " leading space",
            "trailing space ",
            "Côte d'Ivoire",
            "Türkiye",
            "Россия",
            "中国",
            "",
            "\"",
            ",",
            "emoji 🇺🇳");
    List<String> columns = values.stream().map(v -> "c" + values.indexOf(v)).toList();
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < values.size(); i++) {
      row.put(columns.get(i), values.get(i));
    }
    StringWriter w = new StringWriter();
    CSVPrinter csv = new CSVPrinter(w, TableWriter.CSV);
    csv.printRecord(columns);
    TableWriter.row(csv, columns, row, Map.of());
    try (CSVParser p = CSVParser.parse(new StringReader(w.toString()), CSVFormat.RFC4180)) {
      List<CSVRecord> records = p.getRecords();
      assertEquals(2, records.size());
      assertEquals(values, records.get(1).toList());
    }
    assertEquals("plain", w.toString().split("\r\n")[1].split(",")[0], "unquoted when plain");
  }

  @Test
  void nullIsEmptyAndListsFlattenToIds() throws IOException {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("a", null);
    row.put("sources", List.of(Map.of("id", "x"), Map.of("id", "y")));
    row.put("cited_by", List.of(Map.of("record_type", "vote", "record_id", "a-res-74-247")));
    StringWriter w = new StringWriter();
    TableWriter.row(
        new CSVPrinter(w, TableWriter.CSV),
        List.of("a", "sources", "cited_by"),
        row,
        Map.of("cited_by", List.of("record_type", "record_id")));
    assertEquals(",x;y,vote/a-res-74-247\r\n", w.toString());
  }
}
