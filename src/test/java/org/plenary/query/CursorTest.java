package org.plenary.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The keyset cursor: its values come back as they went in, and nothing else is accepted. */
class CursorTest {
  private static final List<String> VALUES = Arrays.asList("2024-01-02", null, "b");

  private static String refusal(String cursor, String collection, String sort, int size) {
    List<InvalidQueryException.Invalid> invalid =
        assertThrows(
                InvalidQueryException.class, () -> Cursor.decode(cursor, collection, sort, size))
            .invalid();
    assertEquals(1, invalid.size());
    assertEquals("cursor", invalid.get(0).name());
    return invalid.get(0).reason();
  }

  @Test
  void theValuesComeBackNullsIncluded() {
    String cursor = Cursor.encode("things", "-day,n,id", VALUES);
    assertEquals(VALUES, Cursor.decode(cursor, "things", "-day,n,id", 3));
  }

  @Test
  void aCursorIsUrlSafe() {
    String cursor = Cursor.encode("things", "-day,n,id", List.of("a/b+c=d?&", "é"));
    assertEquals(true, cursor.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), cursor);
  }

  @Test
  void aCursorOfAnotherQueryIsRefused() {
    String cursor = Cursor.encode("things", "-day,n,id", VALUES);
    String why =
        "Invalid cursor: it was made for another query (collection or sort changed); start again"
            + " without cursor.";
    assertEquals(why, refusal(cursor, "parts", "-day,n,id", 3));
    assertEquals(why, refusal(cursor, "things", "day,n,id", 3));
    assertEquals(
        "Invalid cursor: it does not match this query's order.",
        refusal(cursor, "things", "-day,n,id", 2));
  }

  @Test
  void anAlteredCursorIsRefused() {
    String cursor = Cursor.encode("things", "id", List.of("a"));
    int dot = cursor.indexOf('.');
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String forged =
        b64.encodeToString(
                "[\"things\",\"id\",[\"z\"]]".getBytes(java.nio.charset.StandardCharsets.UTF_8))
            + cursor.substring(dot);
    assertEquals(
        "Invalid cursor: it was altered or is not a cursor this API issued.",
        refusal(forged, "things", "id", 1));
  }

  @Test
  void somethingElseIsRefused() {
    String why = "Invalid cursor: it is not a cursor this API issued.";
    assertEquals(why, refusal("page2", "things", "id", 1));
    assertEquals(why, refusal("!!.!!", "things", "id", 1));
    assertEquals(why, refusal("", "things", "id", 1));
  }
}
