package dev.vb365.operator.controller;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Growing waits between retries of one BackupJob after transient failures: {@code first}, doubling
 * up to {@code max}, with jitter so that many BackupJobs of a failed server do not retry in step.
 * A success resets it.
 */
final class Backoffs {

  private final Duration first;
  private final Duration max;
  private final ConcurrentHashMap<ResourceID, Integer> failures = new ConcurrentHashMap<>();

  Backoffs(Duration first, Duration max) {
    this.first = first;
    this.max = max;
  }

  /** The wait before the next try, at least {@code atLeast} (a server's Retry-After) when given. */
  Duration next(ResourceID id, Duration atLeast) {
    int n = failures.merge(id, 1, Integer::sum);
    long step = Math.min(max.toMillis(), first.toMillis() << Math.min(n - 1, 20));
    long wait = step / 2 + ThreadLocalRandom.current().nextLong(step / 2 + 1);
    if (atLeast != null && atLeast.toMillis() > wait) {
      wait = atLeast.toMillis();
    }
    return Duration.ofMillis(wait);
  }

  void reset(ResourceID id) {
    failures.remove(id);
  }
}
