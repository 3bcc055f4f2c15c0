package org.plenary.http;

/**
 * Whether a request target is a URI (RFC 3986): every {@code %} starts two hex digits, and no
 * character appears that must be percent-encoded (controls, space, {@code "<>\^`{|}}, and {@code #}
 * or {@code [ ]} in a path or query). Non-ASCII characters sent raw are tolerated (they are UTF-8
 * to every reader), as Quarkus's own check did.
 */
public final class UriCheck {
  private UriCheck() {}

  /** Why {@code target} is not a URI, in a few words; null when it is one. */
  public static String why(String target) {
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c == '%') {
        if (i + 2 >= target.length() || !hex(target.charAt(i + 1)) || !hex(target.charAt(i + 2))) {
          String seq = target.substring(i, Math.min(target.length(), i + 3));
          return "'"
              + Problems.printable(seq)
              + "' at character "
              + (i + 1)
              + " of the target is not percent-encoding ('%' and two hex digits)";
        }
      } else if (Character.isISOControl(c)
          || Character.isSpaceChar(c)
          || "\"<>\\^`{|}#[]".indexOf(c) >= 0) {
        return (Character.isISOControl(c) || Character.isSpaceChar(c)
                ? String.format("U+%04X", (int) c)
                : "'" + c + "'")
            + " at character "
            + (i + 1)
            + " of the target must be percent-encoded";
      }
    }
    return null;
  }

  private static boolean hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
