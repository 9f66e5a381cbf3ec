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
  void aBackupCopyJobDeletedAfterItsCreatesAnswerWasLostLeavesNoCopyJob() {
    harness.createBackupJob("lost", "copied", "jobName: Copied");
    harness.awaitReady("lost", "copied");
    java.util.Set<java.util.UUID> before = java.util.Set.copyOf(harness.simulator.copyJobIds());
    // VB365 creates the copy job, and the connection closes before the answer.
    harness.simulator.setFaults(Faults.NONE.withLostResponseRate(1.0).withPathPattern("^/v8/CopyJobs$"));
    harness.createCopyJob("lost", "copy", "backupJobRef: {name: copied}\nrepository: {name: Archive Repository}\n");
    harness.awaitCopyJob("lost", "copy", c -> c.getStatus() != null && c.getStatus().getCreatePendingSince() != null
        && c.getStatus().getCopyJobId() == null && c.getStatus().getConditions() != null
        && "False".equals(HarnessConditions.of(c, ConditionTypes.SYNCED).getStatus()));
    assertThat(harness.simulator.copyJobIds()).as("VB365 made it").hasSize(before.size() + 1);

    harness.kubernetes.resources(dev.vb365.operator.api.BackupCopyJob.class).inNamespace("lost").withName("copy")
        .delete();
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> harness.getCopyJob("lost", "copy") == null);
    harness.simulator.setFaults(Faults.NONE);
    assertThat(harness.simulator.copyJobIds()).as("the copy job its lost create made is deleted with it")
        .containsExactlyInAnyOrderElementsOf(before);
    assertThat(harness.eventReasons("lost", "copy")).contains("CopyJobDeleted");
  }

  @Test
  void aBackupCopyJobWhoseCreatesAnswerWasLostFindsTheCopyJobInsteadOfCreatingAgain() {
    harness.createBackupJob("lost", "copied-again", "jobName: Copied again");
    harness.awaitReady("lost", "copied-again");
    java.util.Set<java.util.UUID> before = java.util.Set.copyOf(harness.simulator.copyJobIds());
    harness.resetCounts();
    harness.simulator.setFaults(Faults.NONE.withLostResponseRate(1.0).withPathPattern("^/v8/CopyJobs$"));
    harness.createCopyJob("lost", "again", "backupJobRef: {name: copied-again}\n"
        + "repository: {name: Archive Repository}\n");
    harness.awaitCopyJob("lost", "again", c -> c.getStatus() != null && c.getStatus().getCreatePendingSince() != null
        && c.getStatus().getConditions() != null
        && "False".equals(HarnessConditions.of(c, ConditionTypes.SYNCED).getStatus()));
    harness.simulator.setFaults(Faults.NONE);

    dev.vb365.operator.api.BackupCopyJob ready = harness.awaitCopyReady("lost", "again");
    harness.settle(Duration.ofMillis(700));
    assertThat(harness.vb365Writes()).as("the lost create only; the retry looked first").containsEntry(
        "POST /v8/CopyJobs", 1L);
    assertThat(harness.simulator.copyJobIds()).hasSize(before.size() + 1)
        .contains(java.util.UUID.fromString(ready.getStatus().getCopyJobId()));
    assertThat(ready.getStatus().getCreatePendingSince()).isNull();
    assertThat(harness.eventReasons("lost", "again")).contains("CopyJobAdopted");
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

  /**
   * A create sent by an operator that then stops (a restart, a rolling update) while the server is still working
   * on it, and the BackupJob renamed meanwhile: the next operator lists the jobs, finds none and creates the job
   * under its new name. The first create lands later with the old name (VB365 refuses a second job of the same
   * name, but not this one) and the same ownership marker: that copy must not stay.
   */
  @Test
  void aCreateStillInFlightWhenTheOperatorRestartsAndTheJobIsRenamed() {
    harness.resetCounts();
    // Every call waits 5 s in the server before it is processed; the client gives up after 2 s.
    harness.simulator.setFaults(Faults.NONE.withLatencyMs(5000L));
    harness.createBackupJob("lost", "in-flight", "jobName: In flight");
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
        .until(() -> harness.simulator.requestCounts().getOrDefault("POST /v8/Jobs", 0L) >= 1);
    harness.stopOperator();
    harness.simulator.setFaults(Faults.NONE);
    harness.editSpec("lost", "in-flight", spec -> spec.setJobName("In flight, renamed"));
    harness.startOperator();

    // The new operator creates "In flight, renamed"; the first create lands a few seconds later as "In flight",
    // and goes again.
    harness.awaitReady("lost", "in-flight");
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> harness.eventReasons("lost", "in-flight").contains("DuplicateJobDeleted"));
    BackupJob job = harness.awaitReady("lost", "in-flight");
    assertThat(harness.admin.jobsNamed("In flight")).isEmpty();
    List<JsonNode> jobs = harness.admin.jobsNamed("In flight, renamed");
    assertThat(jobs).hasSize(1);
    assertThat(job.getStatus().getJobId()).isEqualTo(jobs.get(0).path("id").asText());
  }
}
