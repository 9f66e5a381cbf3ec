package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.ConditionTypes;
import dev.vb365.operator.api.DriftPolicy;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Someone changes the VB365 job behind Kubernetes' back: the operator notices, and corrects or reports. */
class DriftTest {

  private static final String SPEC = """
      jobName: Drift %s
      driftPolicy: %s
      selectedItems:
      - type: User
        user: {name: alice@contoso.onmicrosoft.com}
      schedulePolicy: {type: Daily, dailyTime: "22:00"}
      """;

  private static OperatorTestHarness harness;

  @BeforeAll
  static void start() {
    harness = SharedHarness.get();
  }

  private static String create(String ns, String policy) {
    harness.connectionSecret(ns);
    harness.createBackupJob(ns, "job", SPEC.formatted(ns, policy));
    String jobId = harness.awaitReady(ns, "job").getStatus().getJobId();
    harness.settle(Duration.ofMillis(700));
    harness.resetCounts();
    return jobId;
  }

  private static double counter(String name) {
    return harness.registry.counter(name).count();
  }

  @Test
  void aChangedSettingIsDetectedAndPutBackWithOnePut() {
    String jobId = create("drift-correct", "Correct");
    double detections = counter("vb365.drift.detections");
    double corrections = counter("vb365.drift.corrections");

    harness.admin.editJob(jobId, body -> ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("schedulePolicy"))
        .put("dailyTime", "03:00:00"));

    BackupJob job = harness.awaitCondition("drift-correct", "job", ConditionTypes.DRIFTED, "False",
        Reasons.DRIFT_CORRECTED);
    harness.settle(Duration.ofMillis(700));
    assertThat(harness.operatorWrites()).isEqualTo(Map.of("PUT /v8/Jobs/{jobId}", 1L));
    assertThat(harness.admin.job(jobId).path("schedulePolicy").path("dailyTime").asText()).isEqualTo("22:00:00");
    Condition drifted = OperatorTestHarness.condition(job, ConditionTypes.DRIFTED).orElseThrow();
    assertThat(drifted.getMessage())
        .isEqualTo("corrected: schedulePolicy.dailyTime: changed to 03:00 outside Kubernetes, spec wants 22:00");
    assertThat(OperatorTestHarness.condition(job, ConditionTypes.READY).orElseThrow().getStatus()).isEqualTo("True");
    assertThat(harness.eventReasons("drift-correct", "job")).contains("DriftDetected", "DriftCorrected");
    assertThat(counter("vb365.drift.detections") - detections).isEqualTo(1);
    assertThat(counter("vb365.drift.corrections") - corrections).isEqualTo(1);
    BackupJob now = harness.get("drift-correct", "job");
    assertThat(now.getStatus().getLastAppliedETag()).isEqualTo(now.getStatus().getETag());
  }

  @Test
  void anItemAddedOutsideKubernetesIsRemovedAgain() {
    String jobId = create("drift-item", "Correct");

    harness.admin.addUser(jobId, harness.admin.userId(harness.get("drift-item", "job").getStatus().getOrganizationId(),
        "bob@contoso.onmicrosoft.com"));

    BackupJob job = harness.awaitCondition("drift-item", "job", ConditionTypes.DRIFTED, "False",
        Reasons.DRIFT_CORRECTED);
    harness.settle(Duration.ofMillis(700));
    assertThat(harness.operatorWrites()).isEqualTo(Map.of("DELETE /v8/Jobs/{jobId}/SelectedItems", 1L));
    assertThat(harness.admin.items(jobId, "SelectedItems")).hasSize(1);
    // The item by the name people know, not by VB365's ids.
    assertThat(OperatorTestHarness.condition(job, ConditionTypes.DRIFTED).orElseThrow().getMessage())
        .isEqualTo("corrected: 1 selected item added outside Kubernetes: bob@contoso.onmicrosoft.com");
    assertThat(harness.events("drift-item", "job")).extracting(e -> e.getReason() + " " + e.getMessage())
        .contains("ItemsRemoved remove 1 item(s) from selectedItems: bob@contoso.onmicrosoft.com",
            "DriftDetected VB365 job " + jobId + " differs from the spec: 1 selected item added outside Kubernetes: "
                + "bob@contoso.onmicrosoft.com");
  }

  @Test
  void aJobDeletedOutsideKubernetesIsCreatedAgain() {
    String jobId = create("drift-deleted", "Correct");

    harness.admin.deleteJob(jobId);

    BackupJob job = harness.awaitBackupJob("drift-deleted", "job", j -> j.getStatus() != null
        && !jobId.equals(j.getStatus().getJobId()) && OperatorTestHarness.condition(j, ConditionTypes.READY)
        .filter(c -> "True".equals(c.getStatus())).isPresent());
    harness.settle(Duration.ofMillis(700));
    assertThat(harness.operatorWrites()).isEqualTo(Map.of("POST /v8/Jobs", 1L));
    assertThat(harness.admin.jobsNamed("Drift drift-deleted")).hasSize(1);
    assertThat(OperatorTestHarness.condition(job, ConditionTypes.DRIFTED).orElseThrow().getReason())
        .isEqualTo(Reasons.DRIFT_CORRECTED);
  }

  @Test
  void reportOnlyTellsAndWritesNothingUntilTheSpecChanges() {
    String jobId = create("drift-report", "Report");

    harness.admin.editJob(jobId, body -> body.put("description", "changed in the console"));

    BackupJob job = harness.awaitCondition("drift-report", "job", ConditionTypes.DRIFTED, "True",
        Reasons.DRIFT_DETECTED);
    assertThat(OperatorTestHarness.condition(job, ConditionTypes.READY).orElseThrow())
        .satisfies(c -> {
          assertThat(c.getStatus()).isEqualTo("False");
          assertThat(c.getReason()).isEqualTo(Reasons.DRIFT_DETECTED);
          assertThat(c.getMessage()).contains("description");
        });
    // Two resyncs later: still no write, and the drift was announced once.
    CreateAndResyncTest.sleep(Duration.ofSeconds(6));
    harness.settle(Duration.ofMillis(500));
    assertThat(harness.operatorWrites()).isEmpty();
    assertThat(harness.admin.job(jobId).path("description").asText()).isEqualTo("changed in the console");
    assertThat(harness.eventReasons("drift-report", "job").stream().filter(Reasons.DRIFT_DETECTED::equals))
        .hasSize(1);

    // A spec change (a new generation) is applied as usual.
    harness.editSpec("drift-report", "job", s -> s.setDriftPolicy(DriftPolicy.Correct));
    harness.awaitReady("drift-report", "job");
    harness.settle(Duration.ofMillis(700));
    assertThat(harness.operatorWrites()).isEqualTo(Map.of("PUT /v8/Jobs/{jobId}", 1L));
    assertThat(harness.admin.job(jobId).path("description").asText())
        .isEqualTo("[managed by vb365-operator: drift-report/job in cluster suite]");
  }

  @Test
  void aDeletedJobUnderReportIsReportedOnceAndNotRecreated() {
    String jobId = create("drift-report-deleted", "Report");

    harness.admin.deleteJob(jobId);

    BackupJob job = harness.awaitCondition("drift-report-deleted", "job", ConditionTypes.DRIFTED, "True",
        Reasons.DRIFT_DETECTED);
    assertThat(OperatorTestHarness.condition(job, ConditionTypes.DRIFTED).orElseThrow().getMessage())
        .isEqualTo("the VB365 job was deleted outside Kubernetes");
    CreateAndResyncTest.sleep(Duration.ofSeconds(6));
    harness.settle(Duration.ofMillis(500));
    assertThat(harness.operatorWrites()).isEmpty();
    assertThat(harness.admin.jobsNamed("Drift drift-report-deleted")).isEmpty();
    assertThat(harness.eventReasons("drift-report-deleted", "job").stream().filter(Reasons.DRIFT_DETECTED::equals))
        .hasSize(1);
  }

  @Test
  void aRunMovesTheETagButIsNoDrift() {
    String jobId = create("drift-run", "Correct");
    String eTagBefore = harness.get("drift-run", "job").getStatus().getETag();

    harness.admin.startJob(jobId);

    BackupJob job = harness.awaitBackupJob("drift-run", "job", j -> "Success".equals(j.getStatus().getLastStatus()));
    harness.settle(Duration.ofMillis(700));
    assertThat(harness.operatorWrites()).isEmpty();
    assertThat(job.getStatus().getETag()).isNotEqualTo(eTagBefore);
    assertThat(job.getStatus().getLastRun()).isNotNull();
    assertThat(OperatorTestHarness.condition(job, ConditionTypes.DRIFTED).orElseThrow().getReason())
        .isEqualTo(Reasons.NO_DRIFT);
    assertThat(harness.eventReasons("drift-run", "job")).doesNotContain(Reasons.DRIFT_DETECTED);
  }
}
