package org.plenary.curation;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows repeated failed authentication. Each client address may have at most {@link #MAX_FAILURES}
 * unknown credentials checked within a window: a check takes a slot before it runs and gives it
 * back only when the credential was good, so concurrent attempts are counted exactly (a burst on
 * many threads gets no more checks than a slow sequence). Past the limit the client is refused (429
 * with Retry-After) until the window ends, but only for credentials that are not known to be good:
 * a token that authenticated before is checked as always, so a lockout caused by someone else's
 * guesses from the same address (a shared proxy) never locks out the innocent.
 */
@ApplicationScoped
public class AuthThrottle {
  static final int MAX_FAILURES = 5;
  static final long WINDOW_MILLIS = 60_000;
  private static final int MAX_CLIENTS = 100_000;
  private static final int MAX_KNOWN = 10_000;

  /** A client's window: when it started, its failures, and the checks running now. */
  private record Window(long start, int failures, int running) {
    boolean expired(long now) {
      return now - start >= WINDOW_MILLIS;
    }
  }

  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  /** SHA-256 hashes of credentials that authenticated (least recently used dropped first). */
  private final Map<String, Boolean> known =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
              return size() > MAX_KNOWN;
            }
          });

  /**
   * Takes a slot for checking an unknown credential: 0 when taken (then {@link #succeeded} or
   * {@link #failed} must follow), else the seconds until the client may try again.
   */
  public long tryBegin(String client) {
    long now = System.currentTimeMillis();
    if (windows.size() > MAX_CLIENTS) {
      windows.values().removeIf(w -> w.expired(now) && w.running() == 0);
    }
    long[] wait = {0};
    windows.compute(
        client,
        (k, w) -> {
          if (w == null) {
            return new Window(now, 0, 1);
          }
          if (w.expired(now)) {
            return new Window(now, 0, w.running() + 1); // failures expire; running checks count
          }
          if (w.failures() + w.running() >= MAX_FAILURES) {
            wait[0] = Math.max(1, (w.start() + WINDOW_MILLIS - now + 999) / 1000);
            return w;
          }
          return new Window(w.start(), w.failures(), w.running() + 1);
        });
    return wait[0];
  }

  /** The credential was good: its slot is given back, and it is known from now on. */
  public void succeeded(String client, String credentialHash) {
    known.put(credentialHash, Boolean.TRUE);
    windows.computeIfPresent(
        client, (k, w) -> new Window(w.start(), w.failures(), Math.max(0, w.running() - 1)));
  }

  /** The credential was bad: its slot becomes a failure. */
  public void failed(String client) {
    windows.compute(
        client,
        (k, w) ->
            w == null
                ? new Window(System.currentTimeMillis(), 1, 0)
                : new Window(w.start(), w.failures() + 1, Math.max(0, w.running() - 1)));
  }

  /** A failure that took no slot (a malformed header): counted all the same. */
  public void refused(String client) {
    long now = System.currentTimeMillis();
    windows.compute(
        client,
        (k, w) ->
            w == null || (w.expired(now) && w.running() == 0)
                ? new Window(now, 1, 0)
                : new Window(w.start(), w.failures() + 1, w.running()));
  }

  /** Whether this credential authenticated before (it is checked even during a lockout). */
  public boolean known(String credentialHash) {
    return known.containsKey(credentialHash);
  }

  /** A known credential that no longer authenticates (a deleted token) is forgotten. */
  public void forget(String credentialHash) {
    known.remove(credentialHash);
  }

  /** Forgets every client and credential (tests). */
  public void reset() {
    windows.clear();
    known.clear();
  }
}
