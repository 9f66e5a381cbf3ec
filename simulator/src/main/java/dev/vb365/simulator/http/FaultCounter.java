package dev.vb365.simulator.http;

import dev.vb365.simulator.FaultCounts;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts the faults injected, by kind (see {@link FaultCounts}). Thread-safe. */
public final class FaultCounter {
  private final LongAdder delayed = new LongAdder();
  private final Map<Integer, LongAdder> delays = new ConcurrentHashMap<>();
  private final LongAdder resets = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LongAdder lost = new LongAdder();
  private final Map<String, LongAdder> lostByRoute = new ConcurrentHashMap<>();
  private final LongAdder throttled = new LongAdder();
  private final LongAdder revocations = new LongAdder();

  void delayed(long millis) {
    delayed.increment();
    delays.computeIfAbsent((int) Math.min(Integer.MAX_VALUE, millis / 100), k -> new LongAdder()).increment();
  }

  void verdict(FaultInjector.Verdict verdict, String route) {
    switch (verdict) {
      case RESET -> resets.increment();
      case ERROR -> errors.increment();
      case LOSE_RESPONSE -> {
        lost.increment();
        lostByRoute.computeIfAbsent(route, k -> new LongAdder()).increment();
      }
      default -> { }
    }
  }

  public void tokenThrottled() {
    throttled.increment();
  }

  public void tokensRevoked() {
    revocations.increment();
  }

  public FaultCounts snapshot() {
    return new FaultCounts(delayed.sum(), sums(delays), resets.sum(), errors.sum(), lost.sum(), sums(lostByRoute),
        throttled.sum(), revocations.sum());
  }

  public void reset() {
    delayed.reset();
    delays.clear();
    resets.reset();
    errors.reset();
    lost.reset();
    lostByRoute.clear();
    throttled.reset();
    revocations.reset();
  }

  private static <K extends Comparable<K>> Map<K, Long> sums(Map<K, LongAdder> adders) {
    Map<K, Long> out = new TreeMap<>();
    adders.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
