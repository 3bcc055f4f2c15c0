package org.plenary.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The keyset cursor: its values come back as they went in, and nothing else is accepted. */
class CursorTest {
  private static final List<String> VALUES = Arrays.asList("2024-01-02", null, "b");
  private static final Cursor CURSOR = new Cursor("a deployment's key");

  private static String refusal(String cursor, String collection, String sort, int size) {
    List<InvalidQueryException.Invalid> invalid =
        assertThrows(
                InvalidQueryException.class, () -> CURSOR.decode(cursor, collection, sort, size))
            .invalid();
    assertEquals(1, invalid.size());
    assertEquals("cursor", invalid.get(0).name());
    return invalid.get(0).reason();
  }

  @Test
  void theValuesComeBackNullsIncluded() {
    String cursor = CURSOR.encode("things", "-day,n,id", VALUES);
    assertEquals(VALUES, CURSOR.decode(cursor, "things", "-day,n,id", 3));
  }

  @Test
  void aCursorIsItsValuesAndTheirSignatureByTheKey() throws Exception {
    // the bytes depend on the key alone: the JSON of the values, and the first 16 bytes of their
    // HMAC-SHA256 under the key, both in URL-safe base64 without padding
    String cursor = CURSOR.encode("things", "id", List.of("a"));
    byte[] payload = "[\"things\",\"id\",[\"a\"]]".getBytes(StandardCharsets.UTF_8);
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(
            "a deployment's key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    assertEquals(
        b64.encodeToString(payload)
            + "."
            + b64.encodeToString(Arrays.copyOf(mac.doFinal(payload), 16)),
        cursor);
    assertEquals(cursor, new Cursor("a deployment's key").encode("things", "id", List.of("a")));
  }

  @Test
  void anotherKeysCursorIsRefused() {
    String cursor = new Cursor("another key").encode("things", "id", List.of("a"));
    assertEquals(
        "Invalid cursor: it was altered or is not a cursor this API issued.",
        refusal(cursor, "things", "id", 1));
  }

  @Test
  void aCursorIsUrlSafe() {
    String cursor = CURSOR.encode("things", "-day,n,id", List.of("a/b+c=d?&", "é"));
    assertEquals(true, cursor.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), cursor);
  }

  @Test
  void aCursorOfAnotherQueryIsRefused() {
    String cursor = CURSOR.encode("things", "-day,n,id", VALUES);
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
    String cursor = CURSOR.encode("things", "id", List.of("a"));
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
