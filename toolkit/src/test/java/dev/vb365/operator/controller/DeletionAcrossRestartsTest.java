package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.ConditionTypes;
import dev.vb365.operator.api.DeletionPolicy;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deleting a BackupJob whose connection Secret is gone does the same whether or not the operator restarted since it
 * last reconciled: with deletionPolicy Delete the finalizer stays and the BackupJob says what to do (restore the
 * Secret, or switch to Orphan); no connection is remembered in memory.
 */
class DeletionAcrossRestartsTest {

  private static OperatorTestHarness harness;

  @BeforeAll
  static void start() {
    harness = OperatorTestHarness.start();
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  private String readyJob(String ns) {
    harness.connectionSecret(ns);
    harness.createBackupJob(ns, "job", """
        organization: {name: contoso.onmicrosoft.com}
        repository: {name: Default Backup Repository}
        jobName: Deleted without a Secret %s
        deletionPolicy: Delete
        selectedItems:
        - {type: User, user: {name: alice@contoso.onmicrosoft.com}, mailbox: true}
        """.formatted(ns));
    return harness.awaitReady(ns, "job").getStatus().getJobId();
  }

  private void deleteSecretAndBackupJob(String ns, boolean restartBetween) {
    if (restartBetween) {
      harness.stopOperator();
    }
    harness.kubernetes.secrets().inNamespace(ns).withName(OperatorTestHarness.SECRET).delete();
    if (restartBetween) {
      harness.startOperator();
    }
    harness.kubernetes.resources(BackupJob.class).inNamespace(ns).withName("job").delete();
  }

  private void assertBlockedThenRestoredDeletes(String ns, String jobId) {
    // The restarted operator may first reconcile the BackupJob (not yet deleted) and report SecretNotFound for
    // that; wait for the deletion's own report.
    BackupJob blocked = harness.awaitBackupJob(ns, "job", j -> OperatorTestHarness.condition(j, ConditionTypes.SYNCED)
        .filter(c -> Reasons.SECRET_NOT_FOUND.equals(c.getReason()) && c.getMessage().startsWith("cannot delete"))
        .isPresent());
    assertThat(blocked.getMetadata().getFinalizers()).isNotEmpty();
    assertThat(OperatorTestHarness.condition(blocked, ConditionTypes.SYNCED).orElseThrow().getMessage())
        .contains("cannot delete the VB365 job " + jobId, "restore the Secret",
            "set spec.deletionPolicy: Orphan");
    assertThat(harness.eventReasons(ns, "job")).contains(Reasons.SECRET_NOT_FOUND);
    assertThat(harness.admin.job(jobId).path("id").asText()).isEqualTo(jobId);

    harness.connectionSecret(ns);
    await().atMost(Duration.ofSeconds(60)).until(() -> harness.get(ns, "job") == null);
    assertThat(harness.admin.jobsNamed("Deleted without a Secret " + ns)).isEmpty();
  }

  @Test
  void withoutARestartTheFinalizerStaysUntilTheSecretIsBack() {
    String jobId = readyJob("del-norestart");
    deleteSecretAndBackupJob("del-norestart", false);
    assertBlockedThenRestoredDeletes("del-norestart", jobId);
  }

  @Test
  void afterARestartTheSame() {
    String jobId = readyJob("del-restart");
    deleteSecretAndBackupJob("del-restart", true);
    assertBlockedThenRestoredDeletes("del-restart", jobId);
  }

  @Test
  void switchingToOrphanLetsTheBackupJobGoAndKeepsTheJob() {
    String jobId = readyJob("del-orphan");
    deleteSecretAndBackupJob("del-orphan", true);
    harness.awaitBackupJob("del-orphan", "job", j -> OperatorTestHarness.condition(j, ConditionTypes.SYNCED)
        .filter(c -> Reasons.SECRET_NOT_FOUND.equals(c.getReason())).isPresent());
    harness.editSpec("del-orphan", "job", spec -> spec.setDeletionPolicy(DeletionPolicy.Orphan));
    await().atMost(Duration.ofSeconds(60)).until(() -> harness.get("del-orphan", "job") == null);
    assertThat(harness.admin.job(jobId).path("id").asText()).isEqualTo(jobId);
  }
}
