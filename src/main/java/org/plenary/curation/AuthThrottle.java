package org.plenary.curation;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows repeated failed authentication: after {@link #MAX_FAILURES} failures from one client
 * address within a window, that client is refused (429 with Retry-After) until the window ends.
 */
@ApplicationScoped
public class AuthThrottle {
  static final int MAX_FAILURES = 5;
  static final long WINDOW_MILLIS = 60_000;
  private static final int MAX_CLIENTS = 100_000;

  private record Window(long start, int failures) {}

  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  /** Seconds until the client may try again, or 0 when it may now. */
  public long retryAfterSeconds(String client) {
    Window w = windows.get(client);
    long now = System.currentTimeMillis();
    if (w == null || now - w.start() >= WINDOW_MILLIS || w.failures() < MAX_FAILURES) {
      return 0;
    }
    return Math.max(1, (w.start() + WINDOW_MILLIS - now + 999) / 1000);
  }

  public void failed(String client) {
    long now = System.currentTimeMillis();
    if (windows.size() > MAX_CLIENTS) {
      windows.values().removeIf(w -> now - w.start() >= WINDOW_MILLIS);
    }
    windows.compute(
        client,
        (k, w) ->
            w == null || now - w.start() >= WINDOW_MILLIS
                ? new Window(now, 1)
                : new Window(w.start(), w.failures() + 1));
  }

  /** Forgets every client (tests). */
  public void reset() {
    windows.clear();
  }
}
