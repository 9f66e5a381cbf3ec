package dev.vb365.simulator.http;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts API requests by "METHOD template", e.g. "GET /v8/Jobs/{jobId}"; requests matching no route count as "METHOD (unmatched)". */
public final class RequestCounter {
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  public void count(String key) {
    counts.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  /** A sorted snapshot. */
  public Map<String, Long> snapshot() {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> {
      long n = v.sum();
      if (n > 0) {
        out.put(k, n);
      }
    });
    return out;
  }

  public void reset() {
    counts.clear();
  }
}
