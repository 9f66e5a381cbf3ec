package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.api.BackupCopyJob;
import dev.vb365.operator.api.ConditionTypes;
import dev.vb365.simulator.ApiVersion;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * BackupCopyJobs on v7 and v6, which serve copy jobs under the same paths with RESTCopyJob bodies and no eTag: the
 * fingerprint stands in for it, the create and an edit cost one write each, a resync reads the copy job (no change
 * feed to say it did not change) and writes nothing, and a console edit is found by that read and put back.
 */
class CopyJobOlderVersionsTest {

  @ParameterizedTest
  @EnumSource(value = ApiVersion.class, names = {"V7", "V6"})
  void createResyncDriftAndEdit(ApiVersion version) {
    String v = version.name().toLowerCase(java.util.Locale.ROOT);
    try (OperatorTestHarness harness = OperatorTestHarness.start(
        OperatorTestHarness.simulatorOptions().withApiVersion(version),
        OperatorTestHarness.settings().withFeed(OperatorSettings.FeedMode.POLL, Duration.ofSeconds(1)), null)) {
      harness.connectionSecret("older");
      harness.createBackupJob("older", "job", """
          jobName: Older source
          selectedItems:
          - type: User
            user: {name: alice@contoso.onmicrosoft.com}
          """);
      String jobId = harness.awaitReady("older", "job").getStatus().getJobId();
      harness.settle(Duration.ofMillis(1500));
      harness.resetCounts();

      harness.createCopyJob("older", "archive", """
          backupJobRef: {name: job}
          repository: {name: Archive Repository}
          schedulePolicy: {type: Daily, dailyType: Workdays, dailyTime: "23:30"}
          """);
      BackupCopyJob ready = harness.awaitCopyReady("older", "archive");
      harness.settle(Duration.ofMillis(1500));
      assertThat(harness.operatorWrites()).isEqualTo(Map.of("POST /" + v + "/CopyJobs", 1L));
      String copyId = ready.getStatus().getCopyJobId();
      assertThat(ready.getStatus().getETag()).startsWith("fp-");
      assertThat(ready.getStatus().getLastAppliedETag()).isEqualTo(ready.getStatus().getETag());
      assertThat(ready.getStatus().getVb365ApiVersion()).isEqualTo(v);
      assertThat(harness.admin.copyJob(copyId).path("backupJobId").asText()).isEqualTo(jobId);
      assertThat(harness.admin.copyJob(copyId).path("schedulePolicy").path("dailyType").asText())
          .isEqualTo("Workdays");

      // Resyncs (every 5 s) read the copy job and write nothing.
      harness.resetCounts();
      CreateAndResyncTest.sleep(Duration.ofSeconds(6));
      assertThat(harness.operatorWrites()).isEmpty();
      assertThat(harness.statusWrites("backupcopyjobs")).isZero();
      assertThat(harness.vb365Calls()).containsKey("GET /" + v + "/CopyJobs/{id}");

      // A console edit changes the fingerprint; the next resync finds it and puts it back with one PUT.
      harness.resetCounts();
      harness.admin.editCopyJob(copyId, body -> body.put("isEnabled", false));
      BackupCopyJob corrected = harness.awaitCopyCondition("older", "archive", ConditionTypes.DRIFTED, "False",
          Reasons.DRIFT_CORRECTED);
      harness.settle(Duration.ofMillis(1500));
      assertThat(harness.operatorWrites()).isEqualTo(Map.of("PUT /" + v + "/CopyJobs/{id}", 1L));
      assertThat(harness.admin.copyJob(copyId).path("isEnabled").asBoolean()).isTrue();
      assertThat(corrected.getStatus().getETag()).isEqualTo(ready.getStatus().getETag());

      // A spec edit: one PUT.
      harness.resetCounts();
      harness.editCopySpec("older", "archive", spec -> spec.getSchedulePolicy().setDailyTime("01:00"));
      harness.awaitCopyJob("older", "archive", c -> c.getStatus().getObservedGeneration() == 2
          && "True".equals(HarnessConditions.of(c, ConditionTypes.READY).getStatus()));
      harness.settle(Duration.ofMillis(1500));
      assertThat(harness.operatorWrites()).isEqualTo(Map.of("PUT /" + v + "/CopyJobs/{id}", 1L));
      assertThat(harness.admin.copyJob(copyId).path("schedulePolicy").path("dailyTime").asText()).startsWith("01:00");
    }
  }
}
