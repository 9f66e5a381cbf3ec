package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.ConditionTypes;
import dev.vb365.operator.veeam.Timeouts;
import dev.vb365.simulator.Faults;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A create whose answer is lost never leads to a second job: the operator looks for its job (by the
 * ownership marker, in a fresh listing) before it creates again.
 */
class LostCreateTest {

  private static OperatorTestHarness harness;

  @BeforeAll
  static void start() {
    harness = OperatorTestHarness.start(OperatorTestHarness.simulatorOptions(), OperatorTestHarness.settings(),
        new Timeouts(Duration.ofSeconds(2), Duration.ofMillis(1500), Duration.ofSeconds(2), Duration.ofSeconds(2)));
    // A first BackupJob, so the change feed has listed the jobs before the faults begin.
    harness.connectionSecret("lost");
    harness.createBackupJob("lost", "warm-up", "jobName: Warm up");
    harness.awaitReady("lost", "warm-up");
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void theServerCreatedTheJobButTheAnswerTimedOut() {
    harness.resetCounts();
    // The server takes 3 s to create; the client gives up after 2 s.
    harness.simulator.setFaults(Faults.NONE.withLatencyMs(3000L).withPathPattern("^/v8/Jobs$"));
    harness.createBackupJob("lost", "slow", "jobName: Slow answer");

    harness.awaitCondition("lost", "slow", ConditionTypes.SYNCED, "False", Reasons.CREATE_OUTCOME_UNKNOWN);
    harness.simulator.setFaults(Faults.NONE);
    BackupJob job = harness.awaitReady("lost", "slow");
    harness.settle(Duration.ofMillis(700));

    List<JsonNode> jobs = harness.admin.jobsNamed("Slow answer");
    assertThat(jobs).hasSize(1);
    assertThat(job.getStatus().getJobId()).isEqualTo(jobs.get(0).path("id").asText());
    assertThat(harness.vb365Writes().get("POST /v8/Jobs")).isBetween(1L, 2L);
  }

  @Test
  void theConnectionDroppedBeforeTheServerCreatedAnything() {
    harness.resetCounts();
    harness.simulator.setFaults(Faults.NONE.withResetRate(1.0).withPathPattern("^/v8/Jobs$"));
    harness.createBackupJob("lost", "dropped", "jobName: Dropped");

    harness.awaitCondition("lost", "dropped", ConditionTypes.SYNCED, "False", Reasons.CREATE_OUTCOME_UNKNOWN);
    harness.simulator.setFaults(Faults.NONE);
    harness.awaitReady("lost", "dropped");
    harness.settle(Duration.ofMillis(700));

    // The dropped POST, a look (a fresh listing) that finds nothing, then the one real create.
    assertThat(harness.admin.jobsNamed("Dropped")).hasSize(1);
    assertThat(harness.vb365Writes().get("POST /v8/Jobs")).isGreaterThanOrEqualTo(2L);
  }
}
