package dev.vb365.operator.embedded;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many requests the embedded Kubernetes API served, and how long it took to serve them, by method and kind
 * ("PUT backupjobs/status", "POST events", "WATCH backupjobs"): the benchmark reports it so that a reader sees
 * which share of a run the stand-in API server took.
 */
final class RequestTally {

  /** /api/v1/[namespaces/{ns}/]{plural}[/{name}[/{sub}]] or /apis/{g}/{v}/[namespaces/{ns}/]{plural}[/{name}[/{sub}]]. */
  private static final Pattern RESOURCE = Pattern.compile(
      "^/(?:api/[^/]+|apis/[^/]+/[^/]+)(?:/namespaces/[^/]+)?/([^/]+)(?:/[^/]+(?:/([^/]+))?)?/?$");

  /** Requests and their service time (nanoseconds) for one key. */
  record Figure(long count, long nanos) {}

  private final ConcurrentHashMap<String, LongAdder[]> figures = new ConcurrentHashMap<>();
  // Wall time with at least one request being served (guarded by this): the stand-in's writes share one lock,
  // so this is how long it was busy, against the summed service times, which count waits for the lock too.
  private int inFlight;
  private long busySince;
  private long busyNanos;

  synchronized void begin() {
    if (inFlight++ == 0) {
      busySince = System.nanoTime();
    }
  }

  synchronized void end() {
    if (--inFlight == 0) {
      busyNanos += System.nanoTime() - busySince;
    }
  }

  /** Wall time (ns) with at least one request in service since the last reset, including the current stretch. */
  synchronized long busyNanos() {
    return busyNanos + (inFlight > 0 ? System.nanoTime() - busySince : 0);
  }

  void record(String method, String path, String query, long nanos) {
    LongAdder[] figure = figures.computeIfAbsent(key(method, path, query),
        k -> new LongAdder[] {new LongAdder(), new LongAdder()});
    figure[0].increment();
    figure[1].add(nanos);
  }

  static String key(String method, String path, String query) {
    String verb = query.contains("watch=true") || query.contains("watch=1") ? "WATCH" : method;
    Matcher m = RESOURCE.matcher(path);
    if (!m.matches()) {
      return verb + " (other)";
    }
    return verb + " " + m.group(1) + (m.group(2) == null ? "" : "/" + m.group(2));
  }

  Map<String, Figure> snapshot() {
    Map<String, Figure> out = new TreeMap<>();
    figures.forEach((k, v) -> out.put(k, new Figure(v[0].sum(), v[1].sum())));
    return out;
  }

  synchronized void reset() {
    figures.clear();
    busyNanos = 0;
    busySince = System.nanoTime();
  }
}
