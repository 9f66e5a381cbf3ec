package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vb365.operator.api.BackupCopyJob;
import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.ConditionTypes;
import dev.vb365.operator.api.CopyScheduleType;
import dev.vb365.operator.api.DriftPolicy;
import dev.vb365.operator.api.PeriodicInterval;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * BackupCopyJobs on the v8 simulator: the calls each lifecycle step costs (create 1, edit 1 and its read-back, a
 * resync nothing), the wait for the BackupJob, drift through the change feed, adoption, deletion and bad input.
 */
class CopyJobTest {

  private static final String ARCHIVE = "Archive Repository";
  private static OperatorTestHarness harness;

  @BeforeAll
  static void start() {
    harness = SharedHarness.get();
  }

  /** A Ready BackupJob "job" in {@code ns}, its VB365 job id; the counters are zero afterwards. */
  private static String backupJob(String ns) {
    harness.connectionSecret(ns);
    harness.createBackupJob(ns, "job", """
        jobName: %s source
        selectedItems:
        - type: User
          user: {name: alice@contoso.onmicrosoft.com}
        """.formatted(ns));
    String jobId = harness.awaitReady(ns, "job").getStatus().getJobId();
    harness.settle(Duration.ofMillis(700));
    harness.resetCounts();
    return jobId;
  }

  /**
   * The VB365 calls about copy jobs (and the repository lookup they need) since the counters were zeroed. The
   * harness is shared: other classes' BackupJobs may still resync or run meanwhile, and their calls are not these.
   */
  private static Map<String, Long> calls() {
    Map<String, Long> calls = new java.util.TreeMap<>();
    harness.vb365Calls().forEach((call, n) -> {
      if (call.contains("/CopyJob") || call.contains("/BackupRepositories")) {
        calls.put(call, n);
      }
    });
    return calls;
  }

  private static String copySpec(String extra) {
    return "backupJobRef: {name: job}\nrepository: {name: " + ARCHIVE + "}\n" + extra;
  }

  @Test
  void createCostsOnePostAnEditOnePutAndAResyncNothing() {
    String jobId = backupJob("copy-life");

    harness.createCopyJob("copy-life", "archive", copySpec("schedulePolicy: {type: Daily, dailyTime: \"23:30\"}\n"));
    BackupCopyJob ready = harness.awaitCopyReady("copy-life", "archive");
    harness.settle(Duration.ofMillis(700));

    assertThat(harness.operatorWrites()).isEqualTo(Map.of("POST /v8/CopyJobs", 1L));
    // The archive repository's name is looked up once per connection and lookup lifetime (another test may have).
    Map<String, Long> calls = calls();
    assertThat(calls.getOrDefault("GET /v8/BackupRepositories", 0L)).isLessThanOrEqualTo(1L);
    calls.remove("GET /v8/BackupRepositories");
    assertThat(calls).isEqualTo(Map.of("POST /v8/CopyJobs", 1L));
    String copyId = ready.getStatus().getCopyJobId();
    var vb365 = harness.admin.copyJob(copyId);
    assertThat(vb365.path("backupJobId").asText()).isEqualTo(jobId);
    assertThat(vb365.path("repositoryId").asText()).isEqualTo("9b8ad165-7e4b-5b46-aa74-7cf1339b2bac");
    assertThat(vb365.path("schedulePolicy").path("type").asText()).isEqualTo("DailyAtTime");
    assertThat(vb365.path("schedulePolicy").path("dailyTime").asText()).startsWith("23:30");
    assertThat(ready.getStatus().getBackupJobId()).isEqualTo(jobId);
    assertThat(ready.getStatus().getETag()).isEqualTo(vb365.path("eTag").asText());
    assertThat(ready.getStatus().getLastAppliedETag()).isEqualTo(ready.getStatus().getETag());
    assertThat(ready.getStatus().getLastStatus()).isEqualTo("NeverRun");
    assertThat(ready.getStatus().getNextRun()).isNotBlank();
    assertThat(ready.getStatus().getVb365ApiVersion()).isEqualTo("v8");
    assertThat(harness.eventReasons("copy-life", "archive")).contains("CopyJobCreated");

    // An edit: one PUT of the settings, one GET to read the new eTag back.
    harness.resetCounts();
    harness.editCopySpec("copy-life", "archive", spec -> {
      spec.getSchedulePolicy().setType(CopyScheduleType.Periodically);
      spec.getSchedulePolicy().setDailyTime(null);
      spec.getSchedulePolicy().setPeriodicallyEvery(PeriodicInterval.Hours4);
    });
    BackupCopyJob edited = harness.awaitCopyJob("copy-life", "archive", c -> c.getStatus().getObservedGeneration() == 2
        && ConditionTypes.READY.equals(c.getStatus().getConditions().get(0).getType())
        && "True".equals(c.getStatus().getConditions().get(0).getStatus()));
    harness.settle(Duration.ofMillis(700));
    assertThat(harness.operatorWrites()).isEqualTo(Map.of("PUT /v8/CopyJobs/{id}", 1L));
    assertThat(calls()).isEqualTo(Map.of("PUT /v8/CopyJobs/{id}", 1L, "GET /v8/CopyJobs/{id}", 1L));
    assertThat(harness.admin.copyJob(copyId).path("schedulePolicy").path("periodicallyEvery").asText())
        .isEqualTo("Hours4");
    assertThat(edited.getStatus().getETag()).isNotEqualTo(ready.getStatus().getETag());

    // Resyncs (every 5 s here) of a converged copy job: no call at all.
    // (A window of time, not a wait for quiet: the shared harness's other BackupJobs keep resyncing meanwhile.)
    harness.resetCounts();
    CreateAndResyncTest.sleep(Duration.ofSeconds(11));
    assertThat(calls()).isEmpty();
    assertThat(harness.statusWrites("backupcopyjobs")).isZero();
  }

  @Test
  void waitsForItsBackupJobThenFollows() {
    harness.connectionSecret("copy-wait");
    harness.createCopyJob("copy-wait", "archive", copySpec(""));
    BackupCopyJob waiting = harness.awaitCopyCondition("copy-wait", "archive", ConditionTypes.READY, "False",
        Reasons.BACKUP_JOB_NOT_FOUND);
    assertThat(waiting.getStatus().getConditions().get(0).getMessage())
        .isEqualTo("BackupJob job does not exist in namespace copy-wait: the copy job waits for it "
            + "(spec.backupJobRef)");
    assertThat(harness.operatorWrites()).doesNotContainKey("POST /v8/CopyJobs");

    harness.createBackupJob("copy-wait", "job", """
        jobName: Copy wait source
        selectedItems:
        - type: User
          user: {name: alice@contoso.onmicrosoft.com}
        """);
    BackupCopyJob ready = harness.awaitCopyReady("copy-wait", "archive");
    String jobId = harness.get("copy-wait", "job").getStatus().getJobId();
    assertThat(harness.admin.copyJob(ready.getStatus().getCopyJobId()).path("backupJobId").asText())
        .isEqualTo(jobId);
    assertThat(harness.admin.copyJob(ready.getStatus().getCopyJobId()).path("schedulePolicy").path("type").asText())
        .as("no schedule in the spec: Immediate").isEqualTo("Immediate");
  }

  @Test
  void aConsoleEditIsPutBackOrReportedAsThePolicySays() {
    backupJob("copy-drift");
    harness.createCopyJob("copy-drift", "archive", copySpec(""));
    String copyId = harness.awaitCopyReady("copy-drift", "archive").getStatus().getCopyJobId();
    harness.settle(Duration.ofMillis(700));
    harness.resetCounts();

    harness.admin.editCopyJob(copyId, body -> body.put("isEnabled", false));
    BackupCopyJob corrected = harness.awaitCopyCondition("copy-drift", "archive", ConditionTypes.DRIFTED, "False",
        Reasons.DRIFT_CORRECTED);
    harness.settle(Duration.ofMillis(700));
    assertThat(harness.operatorWrites()).isEqualTo(Map.of("PUT /v8/CopyJobs/{id}", 1L));
    assertThat(harness.admin.copyJob(copyId).path("isEnabled").asBoolean()).isTrue();
    assertThat(HarnessConditions.message(corrected, ConditionTypes.DRIFTED))
        .isEqualTo("corrected: enabled: changed to false outside Kubernetes, spec wants true");
    assertThat(harness.eventReasons("copy-drift", "archive")).contains(Reasons.DRIFT_DETECTED,
        Reasons.DRIFT_CORRECTED);

    // Report: the operator says so and leaves VB365 as it is.
    harness.editCopySpec("copy-drift", "archive", spec -> spec.setDriftPolicy(DriftPolicy.Report));
    harness.awaitCopyReady("copy-drift", "archive");
    harness.settle(Duration.ofMillis(700));
    harness.resetCounts();
    harness.admin.editCopyJob(copyId, body -> body.put("isEnabled", false));
    BackupCopyJob reported = harness.awaitCopyCondition("copy-drift", "archive", ConditionTypes.DRIFTED, "True",
        Reasons.DRIFT_DETECTED);
    harness.settle(Duration.ofMillis(700));
    assertThat(harness.operatorWrites()).isEmpty();
    assertThat(harness.admin.copyJob(copyId).path("isEnabled").asBoolean()).isFalse();
    assertThat(HarnessConditions.reason(reported, ConditionTypes.READY)).isEqualTo(Reasons.DRIFT_DETECTED);
  }

  @Test
  void anExistingCopyJobIsAdoptedNeverDuplicated() {
    String jobId = backupJob("copy-adopt");
    String existing = harness.admin.createCopyJob(jobId, harness.organizationId(),
        "9b8ad165-7e4b-5b46-aa74-7cf1339b2bac");
    harness.resetCounts();

    harness.createCopyJob("copy-adopt", "archive", copySpec("schedulePolicy: {type: Daily, dailyTime: \"01:00\"}\n"));
    BackupCopyJob ready = harness.awaitCopyReady("copy-adopt", "archive");
    harness.settle(Duration.ofMillis(700));

    // The create is refused (one copy job per backup job), the one VB365 has is read and put to the spec.
    assertThat(ready.getStatus().getCopyJobId()).isEqualTo(existing);
    assertThat(harness.admin.copyJobs()).filteredOn(c -> c.path("backupJobId").asText().equals(jobId)).hasSize(1);
    assertThat(harness.operatorWrites()).isEqualTo(Map.of("POST /v8/CopyJobs", 1L, "PUT /v8/CopyJobs/{id}", 1L));
    assertThat(harness.vb365Calls()).containsEntry("GET /v8/Jobs/{jobId}/CopyJob", 1L);
    assertThat(harness.eventReasons("copy-adopt", "archive")).contains("CopyJobAdopted", "CopyJobUpdated");
    assertThat(harness.admin.copyJob(existing).path("schedulePolicy").path("type").asText()).isEqualTo("DailyAtTime");
  }

  @Test
  void adoptionByIdMakesNoCreateAndAWrongIdIsNamed() {
    String jobId = backupJob("copy-adopt-id");
    String existing = harness.admin.createCopyJob(jobId, harness.organizationId(),
        "9b8ad165-7e4b-5b46-aa74-7cf1339b2bac");
    harness.resetCounts();

    harness.createCopyJob("copy-adopt-id", "archive", copySpec("copyJobId: " + existing + "\n"));
    assertThat(harness.awaitCopyReady("copy-adopt-id", "archive").getStatus().getCopyJobId()).isEqualTo(existing);
    harness.settle(Duration.ofMillis(700));
    assertThat(harness.operatorWrites()).isEmpty();

    harness.createCopyJob("copy-adopt-id", "missing", "backupJobRef: {name: job}\nrepository: {name: " + ARCHIVE
        + "}\ncopyJobId: 00000000-0000-0000-0000-00000000c0de\n");
    BackupCopyJob missing = harness.awaitCopyCondition("copy-adopt-id", "missing", ConditionTypes.READY, "False",
        Reasons.DUPLICATE);
    assertThat(HarnessConditions.message(missing, ConditionTypes.READY))
        .startsWith("BackupCopyJob archive already copies BackupJob job");
  }

  @Test
  void deletionRemovesTheCopyJobOrLeavesItWhenOrphaned() {
    backupJob("copy-delete");
    harness.createCopyJob("copy-delete", "archive", copySpec(""));
    String copyId = harness.awaitCopyReady("copy-delete", "archive").getStatus().getCopyJobId();
    harness.settle(Duration.ofMillis(700));
    harness.resetCounts();

    harness.kubernetes.resources(BackupCopyJob.class).inNamespace("copy-delete").withName("archive").delete();
    await().atMost(Duration.ofSeconds(30)).until(() -> harness.getCopyJob("copy-delete", "archive") == null);
    assertThat(harness.operatorWrites()).isEqualTo(Map.of("DELETE /v8/CopyJobs/{id}", 1L));
    assertThat(harness.admin.copyJobs()).noneMatch(c -> c.path("id").asText().equals(copyId));

    harness.createCopyJob("copy-delete", "kept", copySpec("deletionPolicy: Orphan\n"));
    String keptId = harness.awaitCopyReady("copy-delete", "kept").getStatus().getCopyJobId();
    harness.settle(Duration.ofMillis(700));
    harness.resetCounts();
    harness.kubernetes.resources(BackupCopyJob.class).inNamespace("copy-delete").withName("kept").delete();
    await().atMost(Duration.ofSeconds(30)).until(() -> harness.getCopyJob("copy-delete", "kept") == null);
    assertThat(harness.operatorWrites()).isEmpty();
    assertThat(harness.admin.copyJobs()).anyMatch(c -> c.path("id").asText().equals(keptId));
  }

  @Test
  void deletingTheBackupJobTakesItsCopyJobAlongAndARecreatedOneGetsANewCopy() {
    backupJob("copy-cascade");
    harness.createCopyJob("copy-cascade", "archive", copySpec(""));
    String first = harness.awaitCopyReady("copy-cascade", "archive").getStatus().getCopyJobId();

    harness.kubernetes.resources(BackupJob.class).inNamespace("copy-cascade").withName("job").delete();
    harness.awaitCopyCondition("copy-cascade", "archive", ConditionTypes.READY, "False",
        Reasons.BACKUP_JOB_NOT_FOUND);
    await().atMost(Duration.ofSeconds(30)).until(() -> harness.get("copy-cascade", "job") == null);
    assertThat(harness.admin.copyJobs()).as("VB365 deletes a backup job's copy job with it")
        .noneMatch(c -> c.path("id").asText().equals(first));

    backupJob("copy-cascade");
    BackupCopyJob again = harness.awaitCopyCondition("copy-cascade", "archive", ConditionTypes.READY, "True",
        Reasons.UP_TO_DATE);
    assertThat(again.getStatus().getCopyJobId()).isNotEqualTo(first);
    assertThat(again.getStatus().getBackupJobId()).isEqualTo(harness.get("copy-cascade", "job").getStatus()
        .getJobId());
  }

  @Test
  void aRepositoryThatIsNoArchiveIsRefusedBeforeAnyWrite() {
    backupJob("copy-bad");
    harness.createCopyJob("copy-bad", "archive", "backupJobRef: {name: job}\n"
        + "repository: {name: Default Backup Repository}\n");
    BackupCopyJob refused = harness.awaitCopyCondition("copy-bad", "archive", ConditionTypes.READY, "False",
        Reasons.REPOSITORY_NOT_ARCHIVE);
    assertThat(HarnessConditions.message(refused, ConditionTypes.READY)).isEqualTo("repository \"Default Backup "
        + "Repository\" (spec.repository) is not an archive object storage repository: VB365 copies backups only to "
        + "Azure Blob Storage Archive access tier or Amazon S3 Glacier repositories; name one of those");

    harness.editCopySpec("copy-bad", "archive", spec -> spec.setRepository(
        dev.vb365.operator.api.NamedReference.byName("No such repository")));
    BackupCopyJob unknown = harness.awaitCopyCondition("copy-bad", "archive", ConditionTypes.READY, "False",
        Reasons.REPOSITORY_NOT_FOUND);
    assertThat(HarnessConditions.message(unknown, ConditionTypes.READY))
        .isEqualTo("spec.repository No such repository does not exist in VB365");
    assertThat(harness.operatorWrites()).isEmpty();
    assertThat(harness.eventReasons("copy-bad", "archive")).contains(Reasons.REPOSITORY_NOT_ARCHIVE,
        Reasons.REPOSITORY_NOT_FOUND);
  }
}
