package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vb365.operator.api.ConditionTypes;
import dev.vb365.operator.ship.ArgoCdHealthCheck;
import dev.vb365.operator.ship.ArgoCdHealthCheck.HealthStatus;
import dev.vb365.operator.ship.RepositoryLayout;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Argo CD health checks read statuses the operator really writes: each scenario runs through the
 * operator, and the resource as the API server holds it goes through health.lua (the testdata files
 * of the health checks are hand-written; this keeps them honest).
 */
class ArgoCdHealthOfRealStatusTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static OperatorTestHarness harness;

  @BeforeAll
  static void start() {
    harness = SharedHarness.get();
  }

  private static HealthStatus health(HasMetadata resource) throws IOException {
    String script = Files.readString(RepositoryLayout.healthChecks().resolve(resource.getKind()).resolve("health.lua"));
    return ArgoCdHealthCheck.run(script, JSON.convertValue(resource, new TypeReference<Map<String, Object>>() { }));
  }

  private static void create(String ns, String spec) {
    harness.connectionSecret(ns);
    harness.createBackupJob(ns, "job", spec);
  }

  @Test
  void aJobInLineWithItsSpecIsHealthy() throws IOException {
    create("argo-healthy", """
        jobName: Argo healthy
        selectedItems:
        - type: User
          user: {name: alice@contoso.onmicrosoft.com}
        """);

    assertThat(health(harness.awaitReady("argo-healthy", "job")))
        .isEqualTo(new HealthStatus("Healthy", "UpToDate: VB365 job \"Argo healthy\" matches the spec"));
  }

  @Test
  void driftLeftAloneUnderReportIsDegradedAndSaysWhatDiffers() throws IOException {
    create("argo-drift", """
        jobName: Argo drift
        driftPolicy: Report
        selectedItems:
        - type: User
          user: {name: alice@contoso.onmicrosoft.com}
        schedulePolicy: {type: Daily, dailyTime: "22:00"}
        """);
    String jobId = harness.awaitReady("argo-drift", "job").getStatus().getJobId();

    harness.admin.editJob(jobId, body -> ((ObjectNode) body.get("schedulePolicy")).put("dailyTime", "03:00:00"));

    HealthStatus health = health(harness.awaitCondition("argo-drift", "job", ConditionTypes.DRIFTED, "True",
        Reasons.DRIFT_DETECTED));
    assertThat(health.status()).isEqualTo("Degraded");
    assertThat(health.message()).startsWith("Drifted: ").contains("schedulePolicy.dailyTime: changed to 03:00 outside Kubernetes, spec wants 22:00");
  }

  @Test
  void driftPutBackIsHealthy() throws IOException {
    create("argo-corrected", """
        jobName: Argo corrected
        selectedItems:
        - type: User
          user: {name: alice@contoso.onmicrosoft.com}
        schedulePolicy: {type: Daily, dailyTime: "22:00"}
        """);
    String jobId = harness.awaitReady("argo-corrected", "job").getStatus().getJobId();

    harness.admin.editJob(jobId, body -> ((ObjectNode) body.get("schedulePolicy")).put("dailyTime", "03:00:00"));

    assertThat(health(harness.awaitCondition("argo-corrected", "job", ConditionTypes.DRIFTED, "False",
        Reasons.DRIFT_CORRECTED)).status()).isEqualTo("Healthy");
  }

  @Test
  void aSpecNamingAMissingRepositoryIsDegradedWithTheReason() throws IOException {
    create("argo-terminal", """
        jobName: Argo terminal
        repository: {name: No such repository}
        selectedItems:
        - type: User
          user: {name: alice@contoso.onmicrosoft.com}
        """);

    HealthStatus health = health(harness.awaitCondition("argo-terminal", "job", ConditionTypes.SYNCED, "False",
        Reasons.REPOSITORY_NOT_FOUND));
    assertThat(health.status()).isEqualTo("Degraded");
    assertThat(health.message()).startsWith("RepositoryNotFound: ").contains("No such repository");
  }

  @Test
  void jobItemsAreHealthyInTheirJobAndDegradedWithoutIt() throws IOException {
    create("argo-items", """
        jobName: Argo items
        selectedItems:
        - type: User
          user: {name: alice@contoso.onmicrosoft.com}
        """);
    harness.awaitReady("argo-items", "job");
    harness.createJobItem("argo-items", "bob", """
        jobRef: {name: job}
        type: User
        user: {name: bob@contoso.onmicrosoft.com}
        mailbox: true
        """);
    harness.createJobItem("argo-items", "orphan", """
        jobRef: {name: no-such-job}
        type: User
        user: {name: bob@contoso.onmicrosoft.com}
        mailbox: true
        """);

    assertThat(health(harness.awaitJobItem("argo-items", "bob", "True", Reasons.IN_JOB)).status())
        .isEqualTo("Healthy");
    HealthStatus orphan = health(harness.awaitJobItem("argo-items", "orphan", "False", Reasons.BACKUP_JOB_NOT_FOUND));
    assertThat(orphan.status()).isEqualTo("Degraded");
    assertThat(orphan.message()).startsWith("BackupJobNotFound: ").contains("no-such-job");
  }

  @Test
  void aCopyJobIsHealthyInLineProgressingWhileItWaitsForItsBackupJobAndDegradedOnANonArchiveRepository()
      throws IOException {
    create("argo-copy", """
        jobName: Argo copy
        selectedItems:
        - type: User
          user: {name: alice@contoso.onmicrosoft.com}
        """);
    harness.awaitReady("argo-copy", "job");
    harness.createCopyJob("argo-copy", "archive", """
        backupJobRef: {name: job}
        repository: {name: Archive Repository}
        schedulePolicy: {type: Daily, dailyTime: "23:30"}
        """);
    harness.createCopyJob("argo-copy", "waiting", """
        backupJobRef: {name: no-such-job}
        repository: {name: Archive Repository}
        """);
    // Not an archive repository: VB365 copies only to object storage with an archive tier. (A BackupJob of its own:
    // a second BackupCopyJob of one BackupJob is a Duplicate.)
    create("argo-copy-bad", """
        jobName: Argo copy bad
        selectedItems:
        - type: User
          user: {name: alice@contoso.onmicrosoft.com}
        """);
    harness.createCopyJob("argo-copy-bad", "not-archive", """
        backupJobRef: {name: job}
        repository: {name: Default Backup Repository}
        """);

    // Its BackupJob exists but is not Ready (a repository VB365 does not have): the copy job waits.
    create("argo-copy-wait", """
        jobName: Argo copy wait
        repository: {name: No such repository}
        selectedItems:
        - type: User
          user: {name: alice@contoso.onmicrosoft.com}
        """);
    harness.createCopyJob("argo-copy-wait", "archive", """
        backupJobRef: {name: job}
        repository: {name: Archive Repository}
        """);

    HealthStatus healthy = health(harness.awaitCopyReady("argo-copy", "archive"));
    assertThat(healthy.status()).isEqualTo("Healthy");
    assertThat(healthy.message()).startsWith("UpToDate: VB365 copy job \"").endsWith("\" matches the spec");
    HealthStatus waiting = health(harness.awaitCopyCondition("argo-copy", "waiting", ConditionTypes.READY, "False",
        Reasons.BACKUP_JOB_NOT_FOUND));
    assertThat(waiting.status()).isEqualTo("Progressing");
    assertThat(waiting.message()).startsWith("BackupJobNotFound: ").contains("no-such-job");
    HealthStatus notReady = health(harness.awaitCopyCondition("argo-copy-wait", "archive", ConditionTypes.READY,
        "False", Reasons.BACKUP_JOB_NOT_READY));
    assertThat(notReady.status()).isEqualTo("Progressing");
    assertThat(notReady.message()).startsWith("BackupJobNotReady: waiting for BackupJob job");
    HealthStatus notArchive = health(harness.awaitCopyCondition("argo-copy-bad", "not-archive", ConditionTypes.SYNCED,
        "False", Reasons.REPOSITORY_NOT_ARCHIVE));
    assertThat(notArchive.status()).isEqualTo("Degraded");
    assertThat(notArchive.message()).startsWith("RepositoryNotArchive: ").contains("Default Backup Repository");
  }
}
