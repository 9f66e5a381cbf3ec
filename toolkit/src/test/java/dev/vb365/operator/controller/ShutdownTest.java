package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.vb365.operator.api.BackupJob;
import dev.vb365.simulator.Faults;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A stop (a rollout, a restart, a lost Lease) while reconciles run: they finish before the stop returns, so that the
 * Kubernetes client can be closed after it (no "Client already closed" errors), nothing they did is lost (a job they
 * created is in its BackupJob's status), and the next instance creates no second job.
 */
class ShutdownTest {

  private static final int JOBS = 6;

  @Test
  void runningReconcilesFinishBeforeTheStopReturns() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    root.addAppender(log);
    try (OperatorTestHarness harness = OperatorTestHarness.start()) {
      harness.stopOperator();
      // An operator of its own, with its own Kubernetes client, closed right after the stop as a process does.
      KubernetesClient client = new KubernetesClientBuilder().withConfig(harness.kubernetes.getConfiguration()).build();
      Vb365Operator operator = Vb365Operator.builder(client, OperatorTestHarness.settings(), new SimpleMeterRegistry())
          .start();
      harness.connectionSecret("stop");
      // Every VB365 call takes 300 ms: a reconcile that creates a job spends a few seconds in VB365.
      harness.simulator.setFaults(Faults.NONE.withLatencyMs(300L));
      for (int i = 0; i < JOBS; i++) {
        harness.createBackupJob("stop", "job-" + i, "jobName: Stop " + i);
      }
      // Stop while creates are in flight.
      await().atMost(Duration.ofSeconds(60)).until(() -> harness.simulator.requestCounts()
          .getOrDefault("POST /v8/Jobs", 0L) > 0);

      long started = System.nanoTime();
      operator.close();
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      client.close();

      // Every create sent before the stop was answered and recorded in its BackupJob's status before it returned.
      long creates = harness.simulator.requestCounts().getOrDefault("POST /v8/Jobs", 0L);
      List<String> recorded = harness.kubernetes.resources(BackupJob.class).inNamespace("stop").list().getItems()
          .stream().map(j -> j.getStatus() == null ? null : j.getStatus().getJobId()).filter(Objects::nonNull).toList();
      assertThat(recorded).hasSize((int) creates);
      assertThat(harness.simulator.jobIds()).extracting(UUID::toString).containsAll(recorded);
      assertThat(took).isLessThan(Duration.ofSeconds(20));

      harness.simulator.setFaults(Faults.NONE);
      harness.startOperator();
      for (int i = 0; i < JOBS; i++) {
        harness.awaitReady("stop", "job-" + i);
      }
      assertThat(harness.simulator.jobIds()).hasSize(JOBS);
      assertThat(harness.simulator.requestCounts().get("POST /v8/Jobs")).isEqualTo(JOBS);
    } finally {
      root.detachAppender(log);
    }
    assertThat(log.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
        .extracting(ILoggingEvent::getFormattedMessage)
        .noneMatch(m -> m.contains("unexpected error") || m.contains("Client already closed"));
    assertThat(log.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)).isEmpty();
  }
}
