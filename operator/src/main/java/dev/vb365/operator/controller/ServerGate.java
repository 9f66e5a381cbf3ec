package dev.vb365.operator.controller;

import dev.vb365.operator.veeam.VeeamConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Keeps each VB365 server's trouble to itself, so that one throttled, failing or slow server never holds the
 * reconcile threads that BackupJobs of healthy servers need:
 * <ul>
 *   <li>at most {@code maxRequestsPerServer} reconciles talk to one server at a time (a reconcile makes its calls one
 *   after the other, so this bounds the requests in flight, the change feed's long poll aside);</li>
 *   <li>a reconcile waits at most {@link #SLOT_WAIT} for a slot, then is rescheduled ({@code ServerBusy});</li>
 *   <li>a server that asked to wait (429 or 503 with Retry-After), or could not be reached, rests: until then its
 *   reconciles end at once, without a request, with the reason it gave, and are rescheduled for when it is due.</li>
 * </ul>
 * No reconcile thread sleeps on a server's backoff: the VB365 client retries only within a short budget, and anything
 * longer becomes a rescheduled reconcile.
 */
final class ServerGate {

  /** The longest a reconcile waits for one of a server's request slots. */
  static final Duration SLOT_WAIT = Duration.ofSeconds(10);
  /** How long a server that could not be reached rests before the next reconcile tries it. */
  static final Duration UNREACHABLE_REST = Duration.ofSeconds(10);
  private static final Set<String> RESTING_REASONS = Set.of(Reasons.THROTTLED, Reasons.SERVER_ERROR,
      Reasons.SERVER_UNREACHABLE);

  private record Rest(Instant until, String reason, String message) {
  }

  private final int permits;
  private final Clock clock;
  private final ConcurrentHashMap<String, Semaphore> servers = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Rest> resting = new ConcurrentHashMap<>();

  ServerGate(int permits) {
    this(permits, Clock.systemUTC());
  }

  ServerGate(int permits, Clock clock) {
    this.permits = permits;
    this.clock = clock;
  }

  <T> T call(VeeamConnection connection, Supplier<T> work) {
    Semaphore gate = servers.computeIfAbsent(key(connection), k -> new Semaphore(permits, true));
    try {
      if (!gate.tryAcquire(SLOT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new ReconcileFailure(Reasons.SERVER_BUSY, "all " + permits + " request slots to VB365 at "
            + connection.baseUrl() + " stayed busy for " + SLOT_WAIT.toSeconds() + " s (slow answers); trying again "
            + "shortly", ReconcileFailure.Retry.TRANSIENT, Duration.ofSeconds(5), null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a VB365 server slot", e);
    }
    try {
      return work.get();
    } finally {
      gate.release();
    }
  }

  /** Ends a reconcile at once, with the server's own reason, while the server rests. */
  void requireAvailable(VeeamConnection connection) {
    Rest rest = resting.get(key(connection));
    if (rest == null) {
      return;
    }
    Duration left = Duration.between(clock.instant(), rest.until());
    if (left.isNegative() || left.isZero()) {
      resting.remove(key(connection), rest);
      return;
    }
    throw new ReconcileFailure(rest.reason(), rest.message() + " (VB365 at " + connection.baseUrl() + " rests until "
        + rest.until() + ")", ReconcileFailure.Retry.TRANSIENT, left, null);
  }

  /**
   * Lets the server rest after {@code failure}: for as long as it asked (Retry-After), or {@link #UNREACHABLE_REST}
   * when it could not be reached. Other failures are the BackupJob's own.
   */
  void noteFailure(VeeamConnection connection, ReconcileFailure failure) {
    if (!RESTING_REASONS.contains(failure.reason())) {
      return;
    }
    Duration rest = failure.retryAfter() != null ? failure.retryAfter()
        : Reasons.SERVER_UNREACHABLE.equals(failure.reason()) ? UNREACHABLE_REST : null;
    if (rest == null || rest.isZero() || rest.isNegative()) {
      return;
    }
    Instant until = clock.instant().plus(rest);
    resting.merge(key(connection), new Rest(until, failure.reason(), failure.getMessage()),
        (a, b) -> a.until().isAfter(b.until()) ? a : b);
  }

  /** A server answered: whatever rest it had is over. */
  void noteSuccess(VeeamConnection connection) {
    resting.remove(key(connection));
  }

  private static String key(VeeamConnection connection) {
    return connection.baseUrl().toLowerCase(Locale.ROOT);
  }
}
