package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.ConditionTypes;
import dev.vb365.operator.embedded.Sandbox;
import dev.vb365.simulator.Faults;
import dev.vb365.simulator.Simulator;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Server A answers every call with 503 and Retry-After 30 s; server B is healthy. With 2 reconcile threads and 2
 * request slots per server, B's BackupJobs converge while A's 20 keep failing: no thread sleeps on A's backoff (an
 * operator that did would need minutes for B). A's BackupJobs say why, make no request while A rests, and converge
 * once A recovers.
 */
class ThrottledServerTest {

  private static OperatorTestHarness harness;
  private static Simulator serverB;

  @BeforeAll
  static void start() {
    harness = OperatorTestHarness.start(OperatorTestHarness.simulatorOptions(),
        OperatorTestHarness.settings().withConcurrency(2, 2), null);
    serverB = Simulator.start(OperatorTestHarness.simulatorOptions());
  }

  @AfterAll
  static void stop() {
    serverB.close();
    harness.close();
  }

  private static void createOnB(String ns, int count) {
    Sandbox.connectionSecret(harness.kubernetes, serverB, ns, OperatorTestHarness.SECRET);
    IntStream.range(0, count).forEach(i -> harness.createBackupJob(ns, "job-" + i, """
        jobName: %s %d
        selectedItems:
        - {type: User, user: {name: alice@contoso.onmicrosoft.com}, mailbox: true}
        """.formatted(ns, i)));
  }

  private static long ready(String ns) {
    return harness.kubernetes.resources(BackupJob.class).inNamespace(ns).list().getItems().stream()
        .filter(j -> OperatorTestHarness.condition(j, ConditionTypes.READY).filter(c -> "True".equals(c.getStatus()))
            .isPresent()).count();
  }

  private static long callsWithoutFeed() {
    return harness.simulator.requestCounts().entrySet().stream().filter(e -> !e.getKey().contains("Events"))
        .mapToLong(e -> e.getValue()).sum();
  }

  private static Duration converge(String ns, int count) {
    long start = System.nanoTime();
    createOnB(ns, count);
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> ready(ns) == count);
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Test
  void aThrottledServerDoesNotStallTheOthersAndRecovers() {
    Duration alone = converge("b-alone", 50);

    harness.simulator.setFaults(Faults.NONE.withErrorRate(1.0).withErrorStatus(503).withRetryAfterSeconds(30));
    harness.connectionSecret("a");
    IntStream.range(0, 20).forEach(i -> harness.createBackupJob("a", "job-" + i, """
        jobName: A %d
        selectedItems:
        - {type: User, user: {name: alice@contoso.onmicrosoft.com}, mailbox: true}
        """.formatted(i)));
    await().atMost(Duration.ofSeconds(30)).until(() -> harness.kubernetes.resources(BackupJob.class).inNamespace("a")
        .list().getItems().stream().filter(j -> OperatorTestHarness.condition(j, ConditionTypes.SYNCED)
            .filter(c -> Reasons.SERVER_ERROR.equals(c.getReason())).isPresent()).count() == 20);
    long callsToA = callsWithoutFeed();

    Duration withA = converge("b-with-a", 50);
    System.out.printf("B's 50 BackupJobs Ready after %d ms alone, %d ms while A answers 503 (Retry-After 30 s)%n",
        alone.toMillis(), withA.toMillis());

    BackupJob failing = harness.get("a", "job-0");
    assertThat(OperatorTestHarness.condition(failing, ConditionTypes.SYNCED).orElseThrow().getMessage())
        .contains("503", "Retry-After");
    // While A rests, its BackupJobs cost it nothing (the change feed's retries aside).
    assertThat(callsWithoutFeed() - callsToA).as("requests to A while it rests").isLessThanOrEqualTo(5);

    harness.simulator.setFaults(Faults.NONE);
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> ready("a") == 20);
  }
}
