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

/**
 * Opaque keyset cursors, signed with one key: the sort values of the last row of a page, bound to
 * the collection and the order it was made for, and signed so that a tampered cursor is refused
 * (400) rather than answered with a wrong page. The service's signer is the deployment's ({@link
 * CursorKey}: plenary.cursor-key, or a key generated once per deployment and kept in the database),
 * so that every replica accepts every replica's cursors; the signature guards against edits, not
 * against reading (the values are public data). The same key gives the same cursor bytes.
 */
public final class Cursor {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A signer with a key of its own, made once per process: what {@link
   * ListQuery#parse(CollectionSpec, java.util.Map, List)} checks cursors with when it is not given
   * the deployment's (plain unit tests); its cursors are valid in this process only.
   */
  public static final Cursor PROCESS = new Cursor(random());

  private final byte[] key;

  /** Signs and checks cursors with {@code secret}. */
  public Cursor(String secret) {
    this(secret.getBytes(StandardCharsets.UTF_8));
  }

  private Cursor(byte[] key) {
    this.key = key.clone();
  }

  private static byte[] random() {
    byte[] b = new byte[32];
    new java.security.SecureRandom().nextBytes(b);
    return b;
  }

  /**
   * A cursor after {@code values} (strings or null) in {@code collection} ordered by {@code sort}.
   */
  public String encode(String collection, String sort, List<String> values) {
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
  public List<String> decode(String cursor, String collection, String sort, int size) {
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
    } catch (InvalidQueryException e) {
      throw e;
    } catch (Exception e) {
      throw invalid("it is not a cursor this API issued");
    }
  }

  private static InvalidQueryException invalid(String why) {
    return new InvalidQueryException("cursor", "Invalid cursor: " + why + ".");
  }

  private byte[] sign(byte[] payload) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    byte[] full = mac.doFinal(payload);
    return java.util.Arrays.copyOf(full, 16);
  }
}
