package org.plenary.release;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

/**
 * {@link ContentChecksum}'s checksum of a relation whose hashed columns are all text, computed here
 * from its rows streamed in key order (binary COPY) rather than by PostgreSQL's {@code md5()} per
 * row, which costs seconds at a million rows: the same MD5 of the MD5s of each row's text as {@code
 * row(...)::text} writes it (record_out: a value in double quotes when it is empty or holds a
 * quote, backslash, parenthesis, comma or white space, its quotes and backslashes doubled; a null
 * as nothing). Only for rows of ASCII text (white space beyond ASCII is the server's locale's
 * business): a relation with any other byte gives empty, and is hashed by the SQL instead.
 */
final class RowTextDigest {
  private RowTextDigest() {}

  private static final byte[] SIGNATURE = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0
  };
  private static final byte[] HEX =
      "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /** The checksum of {@code t}, or empty when a value is not ASCII. */
  static Optional<String> of(Connection c, ContentChecksum.Checked t) throws SQLException {
    String sql =
        "copy (select "
            + String.join(", ", t.columns())
            + " from "
            + t.name()
            + " order by "
            + String.join(", ", t.key())
            + ") to stdout (format binary)";
    try (PGCopyInputStream copy = new PGCopyInputStream(c.unwrap(PGConnection.class), sql)) {
      Optional<String> out = digest(new Fields(copy), t.columns().size());
      copy.transferTo(java.io.OutputStream.nullOutputStream()); // the rest: the COPY ends as usual
      return out;
    } catch (IOException e) {
      throw new SQLException("Could not read " + t.name() + " for its checksum: " + e, e);
    }
  }

  /** The checksum of the rows of a binary COPY of {@code columns} text columns. */
  static Optional<String> digest(Fields in, int columns) throws IOException {
    byte[] signature = new byte[SIGNATURE.length];
    in.readFully(signature);
    if (!java.util.Arrays.equals(signature, SIGNATURE)) {
      throw new IOException("not a binary COPY");
    }
    in.readInt(); // flags
    in.skipNBytes(in.readInt()); // header extension
    MessageDigest all = md5();
    MessageDigest row = md5();
    byte[] value = new byte[256];
    byte[] text = new byte[512];
    byte[] hex = new byte[32];
    byte[] d = new byte[16];
    while (true) {
      short fields = in.readShort();
      if (fields == -1) {
        break;
      }
      if (fields != columns) {
        throw new IOException("a row of " + fields + " fields, expected " + columns);
      }
      int n = 0;
      text = room(text, n, 1);
      text[n++] = '(';
      for (int f = 0; f < fields; f++) {
        if (f > 0) {
          text = room(text, n, 1);
          text[n++] = ',';
        }
        int length = in.readInt();
        if (length < 0) {
          continue; // null: nothing between the commas
        }
        if (value.length < length) {
          value = new byte[Math.max(length, value.length * 2)];
        }
        in.readFully(value, 0, length);
        boolean quote = length == 0;
        for (int i = 0; i < length; i++) {
          byte b = value[i];
          if (b < 0) {
            return Optional.empty(); // not ASCII
          }
          quote |= b == '"' || b == '\\' || b == '(' || b == ')' || b == ',' || space(b);
        }
        text = room(text, n, 2 * length + 2);
        if (quote) {
          text[n++] = '"';
        }
        for (int i = 0; i < length; i++) {
          byte b = value[i];
          if (b == '"' || b == '\\') {
            text[n++] = b;
          }
          text[n++] = b;
        }
        if (quote) {
          text[n++] = '"';
        }
      }
      text = room(text, n, 1);
      text[n++] = ')';
      row.update(text, 0, n);
      try {
        row.digest(d, 0, d.length);
      } catch (java.security.DigestException e) {
        throw new IllegalStateException(e);
      }
      for (int i = 0; i < d.length; i++) {
        hex[2 * i] = HEX[(d[i] >> 4) & 0xf];
        hex[2 * i + 1] = HEX[d[i] & 0xf];
      }
      all.update(hex);
    }
    return Optional.of(java.util.HexFormat.of().formatHex(all.digest()));
  }

  /**
   * The binary COPY's fields, read from its stream through a buffer of its own: a {@code
   * DataInputStream} over a {@code BufferedInputStream} takes a synchronized call per byte of every
   * length (about 17 per row), which cost more than the hashing (0.35 s of 0.57 s for 1.77 million
   * rows).
   */
  static final class Fields {
    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;

    Fields(InputStream in) {
      this.in = in;
    }

    private void need(int n) throws IOException {
      if (lim - pos >= n) {
        return;
      }
      System.arraycopy(buf, pos, buf, 0, lim - pos);
      lim -= pos;
      pos = 0;
      while (lim < n) {
        int r = in.read(buf, lim, buf.length - lim);
        if (r < 0) {
          throw new EOFException();
        }
        lim += r;
      }
    }

    short readShort() throws IOException {
      need(2);
      short v = (short) (((buf[pos] & 0xff) << 8) | (buf[pos + 1] & 0xff));
      pos += 2;
      return v;
    }

    int readInt() throws IOException {
      need(4);
      int v =
          ((buf[pos] & 0xff) << 24)
              | ((buf[pos + 1] & 0xff) << 16)
              | ((buf[pos + 2] & 0xff) << 8)
              | (buf[pos + 3] & 0xff);
      pos += 4;
      return v;
    }

    void readFully(byte[] into, int off, int length) throws IOException {
      int done = 0;
      while (done < length) {
        if (pos == lim) {
          need(1);
        }
        int n = Math.min(length - done, lim - pos);
        System.arraycopy(buf, pos, into, off + done, n);
        pos += n;
        done += n;
      }
    }

    void readFully(byte[] into) throws IOException {
      readFully(into, 0, into.length);
    }

    void skipNBytes(int n) throws IOException {
      int done = 0;
      while (done < n) {
        if (pos == lim) {
          need(1);
        }
        int k = Math.min(n - done, lim - pos);
        pos += k;
        done += k;
      }
    }
  }

  /** C's isspace in ASCII: space, tab, line feed, vertical tab, form feed, carriage return. */
  private static boolean space(byte b) {
    return b == ' ' || (b >= '\t' && b <= '\r');
  }

  private static byte[] room(byte[] a, int used, int more) {
    return used + more <= a.length
        ? a
        : java.util.Arrays.copyOf(a, Math.max(used + more, a.length * 2));
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
