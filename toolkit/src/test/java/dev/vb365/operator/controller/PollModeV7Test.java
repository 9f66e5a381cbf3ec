package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.ConditionTypes;
import dev.vb365.simulator.ApiVersion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A v7 server (no eTags, no change feed) watched in poll mode, by an operator that owns one
 * namespace and one label only: the fingerprint stands in for the eTag, drift is still found, and
 * resources outside its scope are never touched.
 */
class PollModeV7Test {

  private static OperatorTestHarness harness;

  @BeforeAll
  static void start() {
    harness = OperatorTestHarness.start(OperatorTestHarness.simulatorOptions().withApiVersion(ApiVersion.V7),
        OperatorTestHarness.settings().withFeed(OperatorSettings.FeedMode.POLL, Duration.ofSeconds(1))
            .withWatchNamespaces(List.of("v7")).withLabelSelector("shard=a"), null);
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void createDriftAndDeleteOnV7WithAFingerprintForAnETag() {
    harness.connectionSecret("v7");
    harness.connectionSecret("elsewhere");
    harness.resetCounts();

    BackupJob job = new BackupJob();
    job.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("job").withNamespace("v7")
        .withLabels(Map.of("shard", "a")).build());
    job.setSpec(OperatorTestHarness.spec("""
        jobName: Polled
        selectedItems:
        - type: User
          user: {name: alice@contoso.onmicrosoft.com}
        """));
    harness.kubernetes.resource(job).create();
    harness.createBackupJob("v7", "other-shard", "jobName: Other shard");
    BackupJob elsewhere = new BackupJob();
    elsewhere.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("job")
        .withNamespace("elsewhere").withLabels(Map.of("shard", "a")).build());
    elsewhere.setSpec(OperatorTestHarness.spec("jobName: Elsewhere"));
    harness.kubernetes.resource(elsewhere).create();

    BackupJob ready = harness.awaitReady("v7", "job");
    harness.settle(Duration.ofMillis(1500));
    assertThat(harness.operatorWrites()).isEqualTo(Map.of("POST /v7/Organizations/{organizationId}/Jobs", 1L));
    assertThat(ready.getStatus().getETag()).startsWith("fp-");
    assertThat(ready.getStatus().getLastAppliedETag()).isEqualTo(ready.getStatus().getETag());
    assertThat(ready.getStatus().getVb365ApiVersion()).isEqualTo("v7");
    // Outside the operator's namespace or label selector: not even a status.
    assertThat(harness.get("v7", "other-shard").getStatus()).isNull();
    assertThat(harness.get("elsewhere", "job").getStatus()).isNull();

    // Resyncs (every 5 s) read the job, and write nothing.
    harness.resetCounts();
    CreateAndResyncTest.sleep(Duration.ofSeconds(6));
    assertThat(harness.operatorWrites()).isEmpty();
    assertThat(harness.statusWrites("backupjobs")).isZero();

    // A change in the console is found by polling and put back.
    String jobId = ready.getStatus().getJobId();
    harness.admin.editJob(jobId, body -> body.put("isEnabled", false).put("description", "paused by hand"));
    BackupJob corrected = harness.awaitCondition("v7", "job", ConditionTypes.DRIFTED, "False",
        Reasons.DRIFT_CORRECTED);
    harness.settle(Duration.ofMillis(1500));
    assertThat(harness.operatorWrites()).isEqualTo(Map.of("PUT /v7/Jobs/{jobId}", 1L));
    assertThat(harness.admin.job(jobId).path("isEnabled").asBoolean()).isTrue();
    assertThat(corrected.getStatus().getETag()).isEqualTo(ready.getStatus().getETag());

    // The last BackupJob of a connection gone, its poller stops.
    assertThat(harness.operator().watchedServers()).isEqualTo(1);
    harness.kubernetes.resources(BackupJob.class).inNamespace("v7").withName("job").delete();
    await().atMost(Duration.ofSeconds(20)).until(() -> harness.get("v7", "job") == null);
    assertThat(harness.operator().watchedServers()).isZero();
    assertThat(harness.admin.jobs()).extracting(j -> j.path("name").asText()).doesNotContain("Polled");
  }
}
