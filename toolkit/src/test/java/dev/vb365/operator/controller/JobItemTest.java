package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.JobItem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** JobItems add to, change and leave a BackupJob's items; each says in its own status what became of it. */
class JobItemTest {

  private static OperatorTestHarness harness;

  @BeforeAll
  static void start() {
    harness = SharedHarness.get();
  }

  private static String createReady(String ns) {
    harness.connectionSecret(ns);
    harness.createBackupJob(ns, "team", """
        jobName: Team %s
        selectedItems:
        - type: User
          user: {name: alice@contoso.onmicrosoft.com}
        """.formatted(ns));
    String jobId = harness.awaitReady(ns, "team").getStatus().getJobId();
    harness.settle(Duration.ofMillis(700));
    harness.resetCounts();
    return jobId;
  }

  private static Map<String, Long> settledWrites() {
    harness.settle(Duration.ofMillis(800));
    Map<String, Long> writes = harness.operatorWrites();
    harness.resetCounts();
    return writes;
  }

  @Test
  void aJobItemIsAddedChangedAndRemovedWithOneCallEach() {
    String jobId = createReady("items-add");

    harness.createJobItem("items-add", "bob", """
        jobRef: {name: team}
        type: User
        user: {name: bob@contoso.onmicrosoft.com}
        mailbox: true
        oneDrive: true
        """);
    JobItem bob = harness.awaitJobItem("items-add", "bob", "True", Reasons.IN_JOB);
    assertThat(settledWrites()).isEqualTo(Map.of("POST /v8/Jobs/{jobId}/SelectedItems", 1L));
    assertThat(bob.getStatus().getJobId()).isEqualTo(jobId);
    assertThat(harness.events("items-add", "team")).extracting(e -> e.getReason() + " " + e.getMessage())
        .contains("ItemsAdded add 1 item(s) to selectedItems: bob@contoso.onmicrosoft.com");
    // The item id comes with the InJob verdict (the operator lists the items after adding them).
    String itemId = bob.getStatus().getItemId();
    assertThat(itemId).isNotNull();
    assertThat(harness.admin.items(jobId, "SelectedItems")).extracting(i -> i.path("id").asText()).contains(itemId);
    assertThat(harness.get("items-add", "team").getStatus().getSelectedItemCount()).isEqualTo(2);

    harness.kubernetes.resources(JobItem.class).inNamespace("items-add").withName("bob").edit(item -> {
      item.getSpec().setOneDrive(null);
      return item;
    });
    await().atMost(Duration.ofSeconds(20)).until(() -> userItem(jobId, "bob").path("oneDrive").asBoolean() == false);
    assertThat(settledWrites()).isEqualTo(Map.of("PUT /v8/Jobs/{jobId}/SelectedItems/{itemId}", 1L));
    assertThat(harness.events("items-add", "team")).extracting(e -> e.getReason() + " " + e.getMessage())
        .contains("ItemEdited edit the options of bob@contoso.onmicrosoft.com in selectedItems");

    harness.kubernetes.resources(JobItem.class).inNamespace("items-add").withName("bob").delete();
    await().atMost(Duration.ofSeconds(20)).until(() -> harness.admin.items(jobId, "SelectedItems").size() == 1);
    assertThat(settledWrites()).isEqualTo(Map.of("DELETE /v8/Jobs/{jobId}/SelectedItems", 1L));
    // No longer declared anywhere: named as VB365 lists it.
    assertThat(harness.events("items-add", "team")).extracting(e -> e.getReason() + " " + e.getMessage())
        .contains("ItemsRemoved remove 1 item(s) from selectedItems: bob@contoso.onmicrosoft.com");
    assertThat(harness.get("items-add", "team").getStatus().getSelectedItemCount()).isEqualTo(1);
  }

  @Test
  void anExcludedJobItemGoesToTheExcludedList() {
    String jobId = createReady("items-exclude");

    harness.createJobItem("items-exclude", "no-archive", """
        jobRef: {name: team}
        scope: Excluded
        type: User
        user: {name: alice@contoso.onmicrosoft.com}
        archiveMailbox: true
        """);

    harness.awaitJobItem("items-exclude", "no-archive", "True", Reasons.IN_JOB);
    assertThat(settledWrites()).isEqualTo(Map.of("POST /v8/Jobs/{jobId}/ExcludedItems", 1L));
    assertThat(harness.admin.items(jobId, "ExcludedItems")).hasSize(1);
  }

  @Test
  void conflictsUnknownUsersAndMissingBackupJobsAreTheJobItemsOwnProblem() {
    String jobId = createReady("items-bad");

    harness.createJobItem("items-bad", "alice-again", """
        jobRef: {name: team}
        type: User
        user: {name: alice@contoso.onmicrosoft.com}
        mailbox: true
        """);
    harness.createJobItem("items-bad", "nobody", """
        jobRef: {name: team}
        type: User
        user: {name: nobody@contoso.onmicrosoft.com}
        """);
    harness.createJobItem("items-bad", "lost", """
        jobRef: {name: no-such-job}
        type: User
        user: {name: bob@contoso.onmicrosoft.com}
        """);
    harness.createJobItem("items-bad", "twice-a", """
        jobRef: {name: team}
        type: Site
        site: {url: https://contoso.sharepoint.com/sites/hr}
        """);
    harness.createJobItem("items-bad", "twice-b", """
        jobRef: {name: team}
        type: Site
        site: {url: https://contoso.sharepoint.com/sites/hr/}
        """);

    JobItem conflict = harness.awaitJobItem("items-bad", "alice-again", "False", Reasons.CONFLICT);
    assertThat(conflict.getStatus().getConditions().get(0).getMessage())
        .contains("spec.selectedItems[0]").contains("oneDrive: true there, false here");
    harness.awaitJobItem("items-bad", "nobody", "False", Reasons.USER_NOT_FOUND);
    JobItem lost = harness.awaitJobItem("items-bad", "lost", "False", Reasons.BACKUP_JOB_NOT_FOUND);
    assertThat(lost.getStatus().getConditions().get(0).getMessage()).contains("no-such-job");
    harness.awaitJobItem("items-bad", "twice-a", "True", Reasons.IN_JOB);
    JobItem duplicate = harness.awaitJobItem("items-bad", "twice-b", "True", Reasons.DUPLICATE);
    assertThat(duplicate.getStatus().getConditions().get(0).getMessage()).contains("JobItem twice-a");

    // The BackupJob stays Ready: only the site was added, once.
    harness.awaitReady("items-bad", "team");
    assertThat(settledWrites()).isEqualTo(Map.of("POST /v8/Jobs/{jobId}/SelectedItems", 1L));
    List<JsonNode> items = harness.admin.items(jobId, "SelectedItems");
    assertThat(items).extracting(i -> i.path("type").asText()).containsExactlyInAnyOrder("User", "Site");

    // Deleting the BackupJob leaves its JobItems saying so.
    harness.kubernetes.resources(BackupJob.class).inNamespace("items-bad").withName("team").delete();
    harness.awaitJobItem("items-bad", "twice-a", "False", Reasons.BACKUP_JOB_NOT_FOUND);
  }

  private static JsonNode userItem(String jobId, String prefix) {
    return harness.admin.items(jobId, "SelectedItems").stream()
        .filter(i -> i.path("user").path("name").asText().startsWith(prefix)).findFirst().orElseThrow();
  }
}
