package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vb365.operator.api.ConditionTypes;
import dev.vb365.operator.veeam.VeeamClientOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tenant's directory changes under a converged BackupJob: a user deleted and created again with a new id (same
 * UPN) reaches the VB365 job, a renamed site is reported; both within the lookup cache's lifetime (2 s here) and a
 * resync (5 s here), although nothing changed in Kubernetes or in the VB365 job.
 */
class DirectoryChangesTest {

  private static final String BOB = "bob@contoso.onmicrosoft.com";
  private static OperatorTestHarness harness;

  @BeforeAll
  static void start() {
    harness = OperatorTestHarness.start(OperatorTestHarness.simulatorOptions(), OperatorTestHarness.settings(), null,
        VeeamClientOptions.defaults().withLookupTtl(Duration.ofSeconds(2), Duration.ofSeconds(1)));
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  private static List<String> selectedUserIds(String jobId) {
    return harness.admin.items(jobId, "SelectedItems").stream().map(i -> i.path("user").path("id").asText())
        .filter(s -> !s.isEmpty()).toList();
  }

  @Test
  void aUserCreatedAgainWithANewIdReachesTheJob() {
    String org = harness.organizationId();
    String oldId = harness.admin.userId(org, BOB);
    harness.connectionSecret("recreated");
    harness.createBackupJob("recreated", "job", """
        jobName: Bob's mailbox
        selectedItems:
        - {type: User, user: {name: %s}, mailbox: true}
        """.formatted(BOB));
    String jobId = harness.awaitReady("recreated", "job").getStatus().getJobId();
    assertThat(selectedUserIds(jobId)).containsExactly(oldId);
    harness.settle(Duration.ofMillis(700));
    harness.resetCounts();

    // Bob leaves and comes back: a new account with the same UPN.
    String newId = "0b0b0b0b-0000-4000-8000-00000000b0b2";
    harness.admin.delete("/_sim/directory/" + org + "/users/" + oldId);
    harness.admin.put("/_sim/directory/" + org + "/users", OperatorTestHarness.json("""
        {"id": "%s", "name": "%s", "displayName": "Bob Brown"}""".formatted(newId, BOB)));

    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
        .until(() -> selectedUserIds(jobId).equals(List.of(newId)));
    harness.settle(Duration.ofMillis(700));
    assertThat(harness.operatorWrites()).isEqualTo(Map.of("POST /v8/Jobs/{jobId}/SelectedItems", 1L,
        "DELETE /v8/Jobs/{jobId}/SelectedItems", 1L));
    harness.awaitReady("recreated", "job");
  }

  @Test
  void aRenamedSiteIsReported() {
    String org = harness.organizationId();
    harness.connectionSecret("renamed");
    harness.createBackupJob("renamed", "job", """
        jobName: HR site
        selectedItems:
        - {type: Site, site: {url: https://contoso.sharepoint.com/sites/hr}}
        """);
    harness.awaitReady("renamed", "job");

    harness.admin.put("/_sim/directory/" + org + "/sites", OperatorTestHarness.json("""
        {"id": "3d7198f1-bc6c-5df9-86ef-a81a8e08a6e921fd00d6-85a1-5bb3-a7e1-b97626b6d9a5",
         "url": "https://contoso.sharepoint.com/sites/people", "title": "People", "name": "People",
         "isPersonal": false}"""));

    var reported = harness.awaitCondition("renamed", "job", ConditionTypes.READY, "False", Reasons.SITE_NOT_FOUND);
    assertThat(OperatorTestHarness.condition(reported, ConditionTypes.READY).orElseThrow().getMessage())
        .contains("https://contoso.sharepoint.com/sites/hr");
  }
}
