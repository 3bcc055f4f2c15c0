package org.plenary.seed;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes one file of a layer: CSV with a header of database column names, every value quoted, a
 * null as an unquoted empty field (what COPY ... (format csv, header) reads), gzip-compressed when
 * the name ends in .gz. Deterministic: the same rows give the same bytes (gzip's header carries no
 * time).
 */
final class LayerCsv implements AutoCloseable {
  private final Writer out;
  private final int columns;
  private long rows;

  LayerCsv(Path file, List<String> header) {
    try {
      OutputStream os = Files.newOutputStream(file);
      if (file.getFileName().toString().endsWith(".gz")) {
        os = new GZIPOutputStream(os, 1 << 16);
      }
      this.out = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
      this.columns = header.size();
      out.write(String.join(",", header));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One row: values in header order, null for unknown. */
  void row(Object... values) {
    if (values.length != columns) {
      throw new IllegalArgumentException("expected " + columns + " values, got " + values.length);
    }
    try {
      for (int i = 0; i < values.length; i++) {
        if (i > 0) {
          out.write(',');
        }
        if (values[i] != null) {
          out.write('"');
          out.write(values[i].toString().replace("\"", "\"\""));
          out.write('"');
        }
      }
      out.write('\n');
      rows++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long rows() {
    return rows;
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
