package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.ConditionTypes;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CreateAndResyncTest {

  private static OperatorTestHarness harness;

  // A harness of its own: BackupJobs of other tests that wait for something (a missing user, a
  // job that does not exist) look again every few seconds, and would be counted here.
  @BeforeAll
  static void start() {
    harness = OperatorTestHarness.start();
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void aNewBackupJobIsOneCreateWithItemsInlineAndAResyncWritesNothing() {
    String ns = "create";
    harness.connectionSecret(ns);
    harness.resetCounts();

    harness.createBackupJob(ns, "finance", """
        jobName: Finance
        description: Finance mailboxes and sites
        selectedItems:
        - type: Group
          group: {name: finance@contoso.onmicrosoft.com}
        - type: Site
          site: {url: https://contoso.sharepoint.com/sites/finance}
        excludedItems:
        - type: User
          user: {name: intern@contoso.onmicrosoft.com}
          mailbox: true
        schedulePolicy:
          type: Daily
          dailyType: Workdays
          dailyTime: "22:00"
          backupWindow: {allow: ["Mon-Fri 20:00-06:00"]}
        """);
    BackupJob job = harness.awaitReady(ns, "finance");
    harness.settle(Duration.ofSeconds(1));

    assertThat(harness.vb365Writes()).isEqualTo(Map.of("POST /v8/Jobs", 1L));
    assertThat(job.getStatus().getJobId()).isNotBlank();
    assertThat(job.getStatus().getETag()).isEqualTo("1");
    assertThat(job.getStatus().getLastAppliedETag()).isEqualTo("1");
    assertThat(job.getStatus().getSelectedItemCount()).isEqualTo(2);
    assertThat(job.getStatus().getExcludedItemCount()).isEqualTo(1);
    assertThat(job.getStatus().getVb365ApiVersion()).isEqualTo("v8");
    assertThat(job.getStatus().getTlsVerificationDisabled()).isNull();
    assertThat(OperatorTestHarness.condition(job, ConditionTypes.SYNCED).orElseThrow().getStatus()).isEqualTo("True");
    assertThat(OperatorTestHarness.condition(job, ConditionTypes.DRIFTED).orElseThrow().getReason())
        .isEqualTo(Reasons.NO_DRIFT);
    assertThat(harness.eventReasons(ns, "finance")).contains("JobCreated");

    JsonNode created = harness.admin.job(job.getStatus().getJobId());
    assertThat(created.path("name").asText()).isEqualTo("Finance");
    assertThat(created.path("description").asText())
        .isEqualTo("Finance mailboxes and sites [managed by vb365-operator: create/finance in cluster suite]");
    assertThat(created.path("schedulePolicy").path("dailyType").asText()).isEqualTo("Workdays");
    assertThat(harness.admin.items(job.getStatus().getJobId(), "SelectedItems")).hasSize(2);

    // Resyncs every 5 s: with nothing changed they cost no VB365 call and no status write.
    harness.resetCounts();
    sleep(Duration.ofSeconds(11));
    assertThat(harness.vb365Calls()).isEmpty();
    assertThat(harness.statusWrites("backupjobs")).isZero();
    assertThat(harness.get(ns, "finance").getStatus()).isEqualTo(job.getStatus());
    assertThat(harness.operator().isReady()).isTrue();
    assertThat(harness.operator().isAlive()).isTrue();
    assertThat(harness.operator().watchedServers()).isEqualTo(1);
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
