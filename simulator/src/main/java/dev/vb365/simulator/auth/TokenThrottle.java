package dev.vb365.simulator.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * The token endpoint's quotas as reported for real servers since v6: 1 request per second, 5 per minute,
 * 1500 per hour (sliding windows, server-wide). Only accepted requests count.
 */
public final class TokenThrottle {
  private static final Duration[] WINDOWS = {Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofHours(1)};
  private static final int[] LIMITS = {1, 5, 1500};

  private final Clock clock;
  private final ArrayDeque<Instant> accepted = new ArrayDeque<>();

  public TokenThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Empty when the request may proceed (and it is counted); else how long to wait. */
  public synchronized Optional<Duration> acquire() {
    Instant now = clock.instant();
    while (!accepted.isEmpty() && !accepted.peekFirst().isAfter(now.minus(WINDOWS[WINDOWS.length - 1]))) {
      accepted.removeFirst();
    }
    Duration wait = Duration.ZERO;
    for (int w = 0; w < WINDOWS.length; w++) {
      Instant windowStart = now.minus(WINDOWS[w]);
      int inWindow = 0;
      Instant oldestInWindow = null;
      for (var it = accepted.descendingIterator(); it.hasNext(); ) {
        Instant t = it.next();
        if (!t.isAfter(windowStart)) {
          break;
        }
        inWindow++;
        oldestInWindow = t;
      }
      if (inWindow >= LIMITS[w]) {
        // The window frees a slot when its oldest counted request leaves it.
        Duration until = Duration.between(now, oldestInWindow.plus(WINDOWS[w]));
        if (until.compareTo(wait) > 0) {
          wait = until;
        }
      }
    }
    if (!wait.isZero()) {
      return Optional.of(wait);
    }
    accepted.addLast(now);
    return Optional.empty();
  }
}
