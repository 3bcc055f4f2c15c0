package org.plenary.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The checksum of a relation of text columns computed from its streamed rows is PostgreSQL's own
 * ({@code md5(string_agg(md5(row(...)::text)))}), whatever the values hold; a value beyond ASCII
 * leaves it to PostgreSQL.
 */
@QuarkusTest
class RowTextDigestTest {
  @Inject AgroalDataSource dataSource;

  private static String bySql(Connection c, ContentChecksum.Checked t) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(ContentChecksum.sql(t))) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void valuesThatRecordTextQuotesAreHashedAsPostgresqlDoes() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("create temp table digest_probe (k text primary key, a text, b text)");
        ContentChecksum.Checked t =
            new ContentChecksum.Checked(
                "digest_probe", List.of("k", "a", "b"), List.of("k"), "digest_probe");
        assertEquals(Optional.of(bySql(c, t)), RowTextDigest.of(c, t), "no rows");
        s.execute(
            "insert into digest_probe values ('1', 'plain', null), ('2', '', 'x'), ('3', 'a\"b',"
                + " 'c\\d'), ('4', '(x)', 'a,b'), ('5', 'a b', E'tab\\there'), ('6', E'l\\nf',"
                + " E'v\\u000bt'), ('7', E'f\\fc', E'c\\rr'), ('8', null, null), ('9', '\"\"',"
                + " '\\\\'), ('10', 'A/RES/74/247', 'non_voting')");
        assertEquals(Optional.of(bySql(c, t)), RowTextDigest.of(c, t));
        s.execute("insert into digest_probe values ('11', 'Türkiye', 'no\u00a0break')");
        assertEquals(Optional.empty(), RowTextDigest.of(c, t), "beyond ASCII: left to the SQL");
        // the connection is usable after a digest given up half-way
        assertEquals(11, count(s));
      } finally {
        c.rollback();
      }
    }
  }

  @Test
  void everyTextOnlyRelationOfTheDatasetIsHashedAsPostgresqlDoes() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      java.util.Set<String> textOnly = ContentChecksum.textOnly(c, ContentChecksum.CHECKED);
      assertTrue(textOnly.contains("roll_call"), textOnly.toString());
      assertTrue(!textOnly.contains("vote") && !textOnly.contains("release"), textOnly.toString());
      for (ContentChecksum.Checked t : ContentChecksum.CHECKED) {
        Optional<String> digest =
            textOnly.contains(t.name()) ? RowTextDigest.of(c, t) : Optional.empty();
        if (digest.isPresent()) { // empty: a value beyond ASCII (a name), hashed by the SQL
          assertEquals(bySql(c, t), digest.get(), t.name());
        } else {
          assertTrue(!t.name().equals("roll_call"), "roll_call is streamed");
        }
      }
    }
  }

  /**
   * The COPY's fields are read whatever the stream hands at a time (here a byte per read, and a
   * value longer than the reader's buffer): the same checksum as the rows' text hashed directly.
   */
  @Test
  void fieldsAreReadAcrossEveryBoundaryOfTheStream() throws Exception {
    String longValue = "x".repeat(70_000);
    List<String[]> rows =
        List.of(new String[] {"1", "a", null}, new String[] {"2", longValue, "b c"});
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
    out.write(new byte[] {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0});
    out.writeInt(0); // flags
    out.writeInt(0); // no header extension
    for (String[] row : rows) {
      out.writeShort(row.length);
      for (String v : row) {
        if (v == null) {
          out.writeInt(-1);
        } else {
          out.writeInt(v.length());
          out.writeBytes(v);
        }
      }
    }
    out.writeShort(-1);
    java.security.MessageDigest all = java.security.MessageDigest.getInstance("MD5");
    for (String text : List.of("(1,a,)", "(2," + longValue + ",\"b c\")")) {
      byte[] md5 = java.security.MessageDigest.getInstance("MD5").digest(text.getBytes());
      all.update(java.util.HexFormat.of().formatHex(md5).getBytes());
    }
    String expected = java.util.HexFormat.of().formatHex(all.digest());
    byte[] copy = bytes.toByteArray();
    java.io.InputStream aByteAtATime =
        new java.io.ByteArrayInputStream(copy) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 1));
          }
        };
    assertEquals(
        Optional.of(expected),
        RowTextDigest.digest(new RowTextDigest.Fields(new java.io.ByteArrayInputStream(copy)), 3));
    assertEquals(
        Optional.of(expected), RowTextDigest.digest(new RowTextDigest.Fields(aByteAtATime), 3));
  }

  private static long count(Statement s) throws Exception {
    try (ResultSet rs = s.executeQuery("select count(*) from digest_probe")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
