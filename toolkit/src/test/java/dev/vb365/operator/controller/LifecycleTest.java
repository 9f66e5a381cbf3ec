package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.ConditionTypes;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Deletion (Delete and Orphan), adoption of an existing job, ObserveOnly, and run now. */
class LifecycleTest {

  private static OperatorTestHarness harness;

  @BeforeAll
  static void start() {
    harness = SharedHarness.get();
  }

  private static String createReady(String ns, String spec) {
    harness.connectionSecret(ns);
    harness.createBackupJob(ns, "job", spec);
    String jobId = harness.awaitReady(ns, "job").getStatus().getJobId();
    harness.settle(Duration.ofMillis(700));
    harness.resetCounts();
    return jobId;
  }

  private static void deleteAndAwaitGone(String ns) {
    harness.kubernetes.resources(BackupJob.class).inNamespace(ns).withName("job").delete();
    await().atMost(Duration.ofSeconds(30)).until(() -> harness.get(ns, "job") == null);
    harness.settle(Duration.ofMillis(500));
  }

  @Test
  void deletingTheBackupJobDeletesTheVb365Job() {
    String jobId = createReady("delete", "jobName: Delete me");

    deleteAndAwaitGone("delete");

    assertThat(harness.operatorWrites()).isEqualTo(Map.of("DELETE /v8/Jobs/{jobId}", 1L));
    assertThat(harness.admin.jobsNamed("Delete me")).isEmpty();
    assertThat(harness.eventReasons("delete", "job")).contains("JobDeleted");
    assertThat(jobId).isNotBlank();
  }

  @Test
  void orphanLeavesTheVb365JobAlone() {
    String jobId = createReady("orphan", "jobName: Orphan me\ndeletionPolicy: Orphan");

    deleteAndAwaitGone("orphan");

    // The job is handed back: the one write removes this BackupJob's marker, so nothing takes it over by it later.
    assertThat(harness.operatorWrites()).isEqualTo(Map.of("PUT /v8/Jobs/{jobId}", 1L));
    assertThat(harness.admin.job(jobId).path("name").asText()).isEqualTo("Orphan me");
    assertThat(harness.admin.job(jobId).path("description").asText()).doesNotContain("managed by");
    assertThat(harness.eventReasons("orphan", "job")).contains("JobOrphaned");
  }

  @Test
  void adoptionBySpecJobIdChangesOnlyWhatDiffersAndNeverCreates() {
    String org = harness.organizationId();
    String jobId = harness.admin.createJob(org, harness.repositoryId(), "Console job",
        harness.admin.userId(org, "alice@contoso.onmicrosoft.com"));
    harness.connectionSecret("adopt");
    harness.resetCounts();

    harness.createBackupJob("adopt", "job", """
        jobId: %s
        selectedItems:
        - type: User
          user: {name: alice@contoso.onmicrosoft.com}
        schedulePolicy: {type: Daily, dailyTime: "22:00"}
        """.formatted(jobId));
    BackupJob job = harness.awaitReady("adopt", "job");
    harness.settle(Duration.ofMillis(700));

    // The name and description are kept (the spec omits them); VB365 already matches the spec, so the one write is
    // the ownership marker appended to the description (one owner per VB365 job).
    assertThat(harness.operatorWrites()).isEqualTo(Map.of("PUT /v8/Jobs/{jobId}", 1L));
    assertThat(job.getStatus().getJobId()).isEqualTo(jobId);
    assertThat(harness.admin.job(jobId).path("name").asText()).isEqualTo("Console job");
    assertThat(harness.admin.job(jobId).path("description").asText())
        .isEqualTo("made in the console [managed by vb365-operator: adopt/job in cluster suite]");

    // A spec change after adoption is one PUT.
    harness.resetCounts();
    harness.editSpec("adopt", "job", spec -> spec.setDescription("Adopted from the console"));
    harness.awaitReady("adopt", "job");
    harness.settle(Duration.ofMillis(700));
    assertThat(harness.operatorWrites()).isEqualTo(Map.of("PUT /v8/Jobs/{jobId}", 1L));
    assertThat(harness.admin.job(jobId).path("description").asText())
        .isEqualTo("Adopted from the console [managed by vb365-operator: adopt/job in cluster suite]");
  }

  @Test
  void adoptingAJobThatDoesNotExistSaysSo() {
    harness.connectionSecret("adopt-missing");
    harness.createBackupJob("adopt-missing", "job", "jobId: 00000000-0000-0000-0000-000000000001");

    BackupJob job = harness.awaitCondition("adopt-missing", "job", ConditionTypes.READY, "False",
        Reasons.JOB_NOT_FOUND);
    assertThat(OperatorTestHarness.condition(job, ConditionTypes.READY).orElseThrow().getMessage())
        .contains("00000000-0000-0000-0000-000000000001");
  }

  @Test
  void observeOnlyReadsAndReportsButNeverWrites() {
    String org = harness.organizationId();
    String jobId = harness.admin.createJob(org, harness.repositoryId(), "Observed job",
        harness.admin.userId(org, "alice@contoso.onmicrosoft.com"));
    harness.connectionSecret("observe");
    harness.resetCounts();

    harness.createBackupJob("observe", "job", """
        managementPolicy: ObserveOnly
        jobName: Observed job
        description: made in the console
        selectedItems:
        - type: User
          user: {name: alice@contoso.onmicrosoft.com}
        schedulePolicy: {type: Daily, dailyTime: "22:00"}
        """, Map.of("backup.vb365.dev/run-requested-at", "now"));
    BackupJob job = harness.awaitReady("observe", "job");
    assertThat(job.getStatus().getJobId()).isEqualTo(jobId);
    assertThat(OperatorTestHarness.condition(job, ConditionTypes.SYNCED).orElseThrow().getReason())
        .isEqualTo(Reasons.OBSERVED);

    harness.editSpec("observe", "job", s -> s.getSchedulePolicy().setDailyTime("23:00"));
    job = harness.awaitCondition("observe", "job", ConditionTypes.READY, "False", Reasons.DIFFERS);
    Condition drifted = OperatorTestHarness.condition(job, ConditionTypes.DRIFTED).orElseThrow();
    assertThat(drifted.getStatus()).isEqualTo("True");
    assertThat(drifted.getMessage()).isEqualTo("schedulePolicy.dailyTime: VB365 has 22:00, spec wants 23:00");

    deleteAndAwaitGone("observe");
    assertThat(harness.operatorWrites()).isEmpty();
    assertThat(harness.admin.job(jobId).path("description").asText()).isEqualTo("made in the console");
    assertThat(harness.eventReasons("observe", "job")).contains("RunNotStarted").doesNotContain("JobDeleted");
  }

  @Test
  void eachNewRunRequestStartsTheJobExactlyOnce() {
    String jobId = createReady("run", "jobName: Run me");

    harness.annotate("run", "job", "backup.vb365.dev/run-requested-at", "2026-03-01T10:00:00Z");
    harness.awaitBackupJob("run", "job", j -> "2026-03-01T10:00:00Z".equals(j.getStatus().getLastRunRequest()));
    harness.awaitBackupJob("run", "job", j -> "Success".equals(j.getStatus().getLastStatus()));
    // A spec change and resyncs later, the same value does not start it again.
    harness.editSpec("run", "job", s -> s.setDescription("after the run"));
    harness.awaitReady("run", "job");
    CreateAndResyncTest.sleep(Duration.ofSeconds(6));
    harness.settle(Duration.ofMillis(500));
    assertThat(harness.operatorWrites()).isEqualTo(Map.of("POST /v8/Jobs/{jobId}/start", 1L,
        "PUT /v8/Jobs/{jobId}", 1L));

    harness.annotate("run", "job", "backup.vb365.dev/run-requested-at", "2026-03-01T11:00:00Z");
    harness.awaitBackupJob("run", "job", j -> "2026-03-01T11:00:00Z".equals(j.getStatus().getLastRunRequest()));
    harness.settle(Duration.ofMillis(700));
    assertThat(harness.operatorWrites()).containsEntry("POST /v8/Jobs/{jobId}/start", 2L);
    assertThat(harness.eventReasons("run", "job").stream().filter("RunStarted"::equals)).hasSize(2);
    assertThat(jobId).isNotBlank();
  }

  @Test
  void aRunRequestedAtCreationStartsTheNewJobOnce() {
    harness.connectionSecret("run-new");
    harness.resetCounts();

    harness.createBackupJob("run-new", "job", "jobName: Run at once",
        Map.of("backup.vb365.dev/run-requested-at", "first"));
    harness.awaitBackupJob("run-new", "job", j -> j.getStatus() != null && "first".equals(j.getStatus()
        .getLastRunRequest()));
    harness.settle(Duration.ofMillis(700));

    assertThat(harness.operatorWrites()).isEqualTo(Map.of("POST /v8/Jobs", 1L, "POST /v8/Jobs/{jobId}/start", 1L));
  }
}
