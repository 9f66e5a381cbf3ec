package dev.vb365.operator.veeam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Concurrent lookups of one key share one request; hits and misses are then served from the cache. */
class LookupCacheTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final LookupCache cache = new LookupCache(clock, Duration.ofMinutes(5), Duration.ofMinutes(1));

  @Test
  void concurrentCallersOfOneKeyShareOneLoad() throws Exception {
    AtomicInteger loads = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    List<Future<String>> answers = runConcurrently(8, () -> cache.get("user|org|alice", () -> {
      loads.incrementAndGet();
      await(release);
      return "id-alice";
    }), release);

    for (Future<String> answer : answers) {
      assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo("id-alice");
    }
    assertThat(loads).hasValue(1);
    assertThat(cache.<String>get("user|org|alice", () -> "reloaded")).isEqualTo("id-alice");
  }

  @Test
  void aMissIsSharedAndCachedAFailureIsNot() throws Exception {
    AtomicInteger loads = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    List<Future<String>> answers = runConcurrently(4, () -> cache.get("user|org|ghost", () -> {
      loads.incrementAndGet();
      await(release);
      throw new NotFoundException(null, 0, null, null, "user 'ghost' not found");
    }), release);
    for (Future<String> answer : answers) {
      assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(NotFoundException.class);
    }
    assertThat(loads).hasValue(1);
    assertThatThrownBy(() -> cache.get("user|org|ghost", () -> "found")).isInstanceOf(NotFoundException.class);

    assertThatThrownBy(() -> cache.get("user|org|flaky", () -> {
      throw new IllegalStateException("server trouble");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(cache.<String>get("user|org|flaky", () -> "id-flaky")).isEqualTo("id-flaky");
  }

  /** Starts n callers, waits until they all are inside get(), then lets the one load finish. */
  private static List<Future<String>> runConcurrently(int n, java.util.concurrent.Callable<String> call,
      CountDownLatch release) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch started = new CountDownLatch(n);
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(pool.submit(() -> {
          started.countDown();
          return call.call();
        }));
      }
      started.await(5, TimeUnit.SECONDS);
      Thread.sleep(100); // let the callers reach the cache: the loader holds the flight until released
      release.countDown();
      return futures;
    } finally {
      pool.shutdown();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
