package org.plenary.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The stage step of an import: rows copied into a table with PostgreSQL's {@code COPY ... FROM
 * STDIN (format csv)}, in chunks of 64 KiB, as they are produced. A copy that is not ended (the
 * file refused half way) is cancelled when closed, so the transaction rolls back cleanly.
 */
final class Staging implements AutoCloseable {
  private static final int CHUNK = 1 << 16;

  private final CopyIn copy;
  private final StringBuilder sb = new StringBuilder(CHUNK + 1024);

  private Staging(CopyIn copy) {
    this.copy = copy;
  }

  /** Starts {@code copy <table> (<columns>) from stdin (format csv)}. */
  static Staging copy(Connection c, String tableAndColumns) throws SQLException {
    return new Staging(
        c.unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn("copy " + tableAndColumns + " from stdin (format csv)"));
  }

  /** The buffer of the current chunk, for callers that write rows themselves (the hot path). */
  StringBuilder buffer() {
    return sb;
  }

  /** Sends the chunk when it is full; call after each row written to {@link #buffer()}. */
  void rowWritten() throws IOException {
    if (sb.length() > CHUNK) {
      flush();
    }
  }

  /** One row of quoted values (null is SQL null). */
  void row(Object... values) throws IOException {
    csv(sb, values);
    rowWritten();
  }

  /** Appends a CSV row of quoted values (null is SQL null). */
  static void csv(StringBuilder sb, Object... values) {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      Object v = values[i];
      if (v != null) {
        sb.append('"').append(v.toString().replace("\"", "\"\"")).append('"');
      }
    }
    sb.append('\n');
  }

  /** Sends what is buffered and ends the copy. */
  long end() throws IOException {
    flush();
    try {
      return copy.endCopy();
    } catch (SQLException e) {
      throw new IOException("COPY failed: " + e.getMessage(), e);
    }
  }

  private void flush() throws IOException {
    flush(copy, sb);
  }

  /** Sends a chunk of CSV to a COPY and empties it. */
  static void flush(CopyIn copy, StringBuilder sb) throws IOException {
    try {
      byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
      copy.writeToCopy(b, 0, b.length);
      sb.setLength(0);
    } catch (SQLException e) {
      throw new IOException("COPY failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws SQLException {
    if (copy.isActive()) {
      copy.cancelCopy();
    }
  }
}
