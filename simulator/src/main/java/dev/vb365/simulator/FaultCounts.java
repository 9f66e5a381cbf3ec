package dev.vb365.simulator;

import java.util.Map;

/**
 * What the simulator has injected since it started (or since the counts were reset), by kind, as GET
 * /_sim/faults/counts returns it. Lets a chaos run report the faults it really caused, not the ones it asked for.
 *
 * @param delayed API requests that were held back by latency or jitter
 * @param delayedByTenthsOfSecond delayed requests by their delay in whole tenths of a second (0 = under 100 ms)
 * @param resets connections dropped before the request was processed
 * @param errors requests answered with the injected error status instead of being processed
 * @param lostResponses requests processed whose answer was then dropped
 * @param lostResponsesByRoute the same, by route ("POST /v8/Jobs")
 * @param tokenThrottled token requests refused with 429 Quota Exceeded
 * @param tokenRevocations times every token was revoked
 */
public record FaultCounts(long delayed, Map<Integer, Long> delayedByTenthsOfSecond, long resets, long errors,
    long lostResponses, Map<String, Long> lostResponsesByRoute, long tokenThrottled, long tokenRevocations) {

  public FaultCounts {
    delayedByTenthsOfSecond = Map.copyOf(delayedByTenthsOfSecond);
    lostResponsesByRoute = Map.copyOf(lostResponsesByRoute);
  }

  /** Requests delayed by at least {@code millis} (to 100 ms): e.g. those beyond a client's read timeout. */
  public long delayedAtLeast(long millis) {
    long tenths = millis / 100;
    return delayedByTenthsOfSecond.entrySet().stream().filter(e -> e.getKey() >= tenths)
        .mapToLong(Map.Entry::getValue).sum();
  }
}
