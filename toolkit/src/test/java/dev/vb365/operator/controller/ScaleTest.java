package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.veeam.MutableClock;
import dev.vb365.operator.veeam.VeeamClientOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Many BackupJobs created at once cost one POST each and nothing else: the lookups they share are
 * made once (single-flight), the change feed does not read back the jobs the operator just created,
 * and once converged a resync costs nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleTest {

  private static final int JOBS = 40;
  private static final int ITEMS = 5;
  private static OperatorTestHarness harness;
  /** The operator's VB365 clients' clock: moved past the lookup TTL to show resyncs do not look up again. */
  private static final MutableClock clock = new MutableClock(Instant.now());

  // A harness of its own: every VB365 request in the window is this test's.
  @BeforeAll
  static void start() {
    harness = OperatorTestHarness.start(OperatorTestHarness.simulatorOptions(), OperatorTestHarness.settings(), null,
        VeeamClientOptions.defaults().withClock(clock));
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  @Order(1) // first: it counts the shared lookups and the feed's start
  void manyBackupJobsCreatedAtOnceCostOneCreateEachAndSharedLookupsOnce() {
    String ns = "scale";
    harness.connectionSecret(ns);
    harness.resetCounts();

    StringBuilder items = new StringBuilder("selectedItems:\n");
    for (int i = 1; i <= ITEMS; i++) {
      items.append("- type: User\n  user: {name: user00").append(i).append("@contoso.onmicrosoft.com}\n")
          .append("  mailbox: true\n");
    }
    IntStream.range(0, JOBS).parallel().forEach(i -> harness.createBackupJob(ns, "job-" + i,
        "jobName: Scale " + i + "\n" + items));
    for (int i = 0; i < JOBS; i++) {
      assertThat(harness.awaitReady(ns, "job-" + i).getStatus().getSelectedItemCount()).isEqualTo(ITEMS);
    }
    harness.settle(Duration.ofSeconds(1));

    // Everything but the change feed's long polls (their number depends on how events batch up).
    Map<String, Long> calls = new TreeMap<>(harness.vb365Calls());
    assertThat(calls).isEqualTo(Map.of(
        "POST /v8/Jobs", (long) JOBS,
        // the shared lookups, once each however many BackupJobs asked at the same time
        "GET /v8/Organizations", 1L,
        "GET /v8/BackupRepositories", 1L,
        "GET /v8/Organizations/{organizationId}/Users", (long) ITEMS,
        // the change feed's one listing at start
        "GET /v8/Jobs", 1L));
    // Two status writes per new BackupJob: the create intent before the create is sent, then the result.
    assertThat(harness.statusWrites("backupjobs")).isEqualTo(2L * JOBS);
    // Kubernetes writes per new BackupJob: its finalizer, two status writes, one Event.
    for (int i = 0; i < JOBS; i++) {
      assertThat(harness.eventReasons(ns, "job-" + i)).containsExactly("JobCreated");
    }

    // Converged: a resync (every 5 s here) costs no VB365 call and writes no status, also once the
    // cached lookups have expired: a BackupJob whose spec, JobItems and VB365 job did not change
    // since it converged resolves nothing again.
    clock.advance(Duration.ofMinutes(6)); // past the 5-minute lookup TTL
    harness.resetCounts();
    CreateAndResyncTest.sleep(Duration.ofSeconds(6));
    assertThat(harness.vb365Calls()).isEmpty();
    assertThat(harness.statusWrites("backupjobs")).isZero();
    // Steady state is the change feed's long poll (one per 30 s) and nothing else; the clock moved
    // past the token's renewal too, which costs one token request per token lifetime.
    assertThat(harness.simulator.requestCounts().getOrDefault("GET /v8/Events", 0L)).isLessThanOrEqualTo(1L);
  }

  @Test
  @Order(2)
  void aRunNowCostsTheStartAndTheFeedsReadsButNoItemListing() {
    String ns = "run-cost";
    harness.connectionSecret(ns);
    harness.createBackupJob(ns, "job", """
        jobName: Run cost
        selectedItems:
        - type: User
          user: {name: alice@contoso.onmicrosoft.com}
        excludedItems:
        - type: User
          user: {name: intern@contoso.onmicrosoft.com}
          mailbox: true
        """);
    harness.awaitReady(ns, "job");
    harness.settle(Duration.ofSeconds(1));
    harness.resetCounts();

    harness.annotate(ns, "job", "backup.vb365.dev/run-requested-at", "now");
    harness.awaitBackupJob(ns, "job", j -> "Success".equals(j.getStatus().getLastStatus()));
    harness.settle(Duration.ofSeconds(1));

    // The start, the change feed's read of the job after each session event (the run starting
    // and ending move the eTag and lastRun/lastStatus), and status.lastSession's read of the newest
    // session each time a reconcile saw lastStatus move (Running, then Success: one or two, as the
    // feed's events coalesce); the item lists did not change, so no listing.
    Map<String, Long> calls = new java.util.TreeMap<>(harness.vb365Calls());
    assertThat(calls.remove("GET /v8/JobSessions")).isBetween(1L, 2L);
    assertThat(calls).isEqualTo(Map.of(
        "POST /v8/Jobs/{jobId}/start", 1L,
        "GET /v8/Jobs/{jobId}", 2L));
  }

  @Test
  @Order(3)
  void aSettingsEditCostsOnePutAndOneReadBackAndNoListing() {
    String ns = "edit-cost";
    harness.connectionSecret(ns);
    harness.createBackupJob(ns, "job", """
        jobName: Edit cost
        description: before
        selectedItems:
        - type: User
          user: {name: alice@contoso.onmicrosoft.com}
        """);
    harness.awaitReady(ns, "job");
    harness.settle(Duration.ofSeconds(1));
    harness.resetCounts();

    harness.editSpec(ns, "job", s -> s.setDescription("after"));
    harness.awaitBackupJob(ns, "job", j -> j.getMetadata().getGeneration().equals(j.getStatus().getObservedGeneration())
        && "2".equals(j.getStatus().getETag()));
    // Past a resync (every 5 s): the item lists are still known (a PUT without items leaves them), the
    // change feed took the read-back instead of reading the job itself.
    CreateAndResyncTest.sleep(Duration.ofSeconds(6));
    assertThat(harness.vb365Calls()).isEqualTo(Map.of(
        "PUT /v8/Jobs/{jobId}", 1L,
        "GET /v8/Jobs/{jobId}", 1L));
    assertThat(harness.statusWrites("backupjobs")).isEqualTo(1);
  }
}
