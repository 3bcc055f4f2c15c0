package org.plenary.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.plenary.http.ProblemException;

/**
 * An opaque keyset cursor: the sort values of the last row of a page, bound to the collection and
 * the order it was made for, and signed so that a tampered cursor is refused (400) rather than
 * answered with a wrong page. The key comes from plenary.cursor-key or is generated once per
 * deployment and kept in the database ({@link CursorKey}), so that every replica accepts every
 * replica's cursors; the signature guards against edits, not against reading (the values are public
 * data).
 */
public final class Cursor {
  private static final ObjectMapper JSON = new ObjectMapper();
  // until the service sets the deployment's key: a random one (cursors valid in this process only)
  private static volatile byte[] key = random();

  /** Signs and checks cursors with {@code secret} from now on. */
  static void useKey(String secret) {
    key = secret.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] random() {
    byte[] b = new byte[32];
    new java.security.SecureRandom().nextBytes(b);
    return b;
  }

  private Cursor() {}

  /**
   * A cursor after {@code values} (strings or null) in {@code collection} ordered by {@code sort}.
   */
  public static String encode(String collection, String sort, List<String> values) {
    try {
      List<Object> body = new ArrayList<>();
      body.add(collection);
      body.add(sort);
      body.add(values);
      byte[] payload = JSON.writeValueAsBytes(body);
      Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
      return b64.encodeToString(payload) + "." + b64.encodeToString(sign(payload));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The values of a cursor made for this collection and order; a 400 problem otherwise. */
  public static List<String> decode(String cursor, String collection, String sort, int size) {
    try {
      int dot = cursor.indexOf('.');
      if (dot < 0) {
        throw invalid("it is not a cursor this API issued");
      }
      Base64.Decoder b64 = Base64.getUrlDecoder();
      byte[] payload = b64.decode(cursor.substring(0, dot));
      byte[] mac = b64.decode(cursor.substring(dot + 1));
      if (!MessageDigest.isEqual(mac, sign(payload))) {
        throw invalid("it was altered or is not a cursor this API issued");
      }
      List<?> body = JSON.readValue(payload, List.class);
      if (!collection.equals(body.get(0)) || !sort.equals(body.get(1))) {
        throw invalid(
            "it was made for another query (collection or sort changed); start again without cursor");
      }
      List<?> values = (List<?>) body.get(2);
      if (values.size() != size) {
        throw invalid("it does not match this query's order");
      }
      List<String> out = new ArrayList<>();
      for (Object v : values) {
        out.add(v == null ? null : v.toString());
      }
      return out;
    } catch (ProblemException e) {
      throw e;
    } catch (Exception e) {
      throw invalid("it is not a cursor this API issued");
    }
  }

  private static ProblemException invalid(String why) {
    return ProblemException.invalidParam("cursor", "Invalid cursor: " + why + ".");
  }

  private static byte[] sign(byte[] payload) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    byte[] full = mac.doFinal(payload);
    return java.util.Arrays.copyOf(full, 16);
  }
}
