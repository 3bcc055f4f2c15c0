package org.plenary.dataset;

/**
 * One byte range of a Range header (RFC 9110 §14): {@code bytes=a-b}, {@code bytes=a-} or {@code
 * bytes=-n}. Anything else (several ranges, other units, a malformed header, an If-Range that is
 * not the file's ETag) is ignored: the whole file, 200.
 *
 * @param first the first byte, inclusive
 * @param last the last byte, inclusive; last < first when the range is not satisfiable
 */
record ByteRange(long first, long last) {

  /** The range asked for, or null to send the whole file. */
  static ByteRange of(String header, String ifRange, String etag, long size) {
    if (header == null) {
      return null;
    }
    if (ifRange != null && !ifRange.trim().equals("\"" + etag + "\"")) {
      return null; // the client's copy is another file: send all of this one
    }
    String h = header.trim();
    if (!h.regionMatches(true, 0, "bytes=", 0, 6) || h.contains(",")) {
      return null;
    }
    String spec = h.substring(6).trim();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return null;
    }
    try {
      String a = spec.substring(0, dash).trim();
      String b = spec.substring(dash + 1).trim();
      if (a.isEmpty()) {
        long n = Long.parseLong(b); // the last n bytes
        if (n <= 0) {
          return new ByteRange(0, -1);
        }
        return new ByteRange(Math.max(0, size - n), size - 1);
      }
      long first = Long.parseLong(a);
      long last = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
      if (first < 0 || (!b.isEmpty() && Long.parseLong(b) < first)) {
        return null; // invalid: ignored, as RFC 9110 allows
      }
      return first >= size ? new ByteRange(0, -1) : new ByteRange(first, last);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  boolean satisfiable() {
    return last >= first;
  }

  long length() {
    return last - first + 1;
  }

  String contentRange(long size) {
    return "bytes " + first + "-" + last + "/" + size;
  }
}
