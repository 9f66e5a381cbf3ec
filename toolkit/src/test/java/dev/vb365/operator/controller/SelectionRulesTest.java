package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.ConditionTypes;
import dev.vb365.operator.api.JobItem;
import dev.vb365.operator.api.RuleStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Selection rules on a real change feed: a rule's objects reach the VB365 job in the create call, a directory change
 * (v8 event) costs the one item write it implies, and bad rules are refused with the field named.
 */
class SelectionRulesTest {

  private static final String NEW_MAILBOX = "0c0c0c0c-0000-4000-8000-0000000000c1";
  private static OperatorTestHarness harness;

  @BeforeAll
  static void start() {
    harness = OperatorTestHarness.start();
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void aSharedMailboxRuleSelectsThemAllAndFollowsTheDirectory() {
    harness.connectionSecret("shared");
    harness.resetCounts();
    harness.createBackupJob("shared", "job", """
        jobName: Shared mailboxes
        selectedItems:
        - type: User
          match: {userTypes: [Shared]}
          mailbox: true
        """);
    BackupJob ready = harness.awaitReady("shared", "job");
    String jobId = ready.getStatus().getJobId();
    List<String> shared = harness.directoryUserIds("Shared");
    assertThat(shared).hasSizeGreaterThanOrEqualTo(3);
    assertThat(harness.userIdsInJob(jobId, "SelectedItems")).isEqualTo(shared);
    assertThat(ready.getStatus().getRules()).containsExactly(new RuleStatus("spec.selectedItems[0]", "User",
        shared.size(), shared.size()));
    harness.settle(Duration.ofMillis(700));
    assertThat(harness.operatorWrites()).as("every shared mailbox in the create call").isEqualTo(
        Map.of("POST /v8/Jobs", 1L));

    // A new shared mailbox appears in the tenant: the v8 directory event wakes the BackupJob, one add.
    harness.resetCounts();
    String org = harness.organizationId();
    harness.admin.put("/_sim/directory/" + org + "/users", OperatorTestHarness.json("""
        {"id": "%s", "name": "sales-desk@contoso.onmicrosoft.com", "displayName": "Sales desk", "type": "Shared"}
        """.formatted(NEW_MAILBOX)));
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
        .until(() -> harness.userIdsInJob(jobId, "SelectedItems").contains(NEW_MAILBOX));
    harness.settle(Duration.ofMillis(700));
    assertThat(harness.operatorWrites()).isEqualTo(Map.of("POST /v8/Jobs/{jobId}/SelectedItems", 1L));
    Map<String, Long> calls = harness.vb365Calls();
    // One listing per connection cache: each namespace's Secret is a connection of its own, and the other tests'
    // BackupJobs of this class that follow the organization (rules, named users) may look too.
    assertThat(calls.get("GET /v8/Organizations/{organizationId}/Users")).as("listings of the users")
        .isBetween(1L, 3L);
    assertThat(harness.awaitBackupJob("shared", "job", j -> j.getStatus().getRules().get(0).getSelected()
        == shared.size() + 1).getStatus().getRules().get(0).getMatched()).isEqualTo(shared.size() + 1);

    // It is deleted: one remove.
    harness.resetCounts();
    harness.admin.delete("/_sim/directory/" + org + "/users/" + NEW_MAILBOX);
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
        .until(() -> !harness.userIdsInJob(jobId, "SelectedItems").contains(NEW_MAILBOX));
    harness.settle(Duration.ofMillis(700));
    assertThat(harness.operatorWrites()).isEqualTo(Map.of("DELETE /v8/Jobs/{jobId}/SelectedItems", 1L));
    assertThat(harness.userIdsInJob(jobId, "SelectedItems")).isEqualTo(shared);
  }

  @Test
  void aRuleThatSelectsNothingOrTooMuchSaysSoOnce() {
    harness.connectionSecret("rules-warn");
    harness.createBackupJob("rules-warn", "job", """
        jobName: Rule warnings
        selectedItems:
        - type: User
          user: {name: alice@contoso.onmicrosoft.com}
        - type: User
          match: {namePattern: "nobody-*@contoso.onmicrosoft.com"}
        - type: User
          match: {userTypes: [Shared], maxItems: 1}
        """);
    BackupJob ready = harness.awaitReady("rules-warn", "job");
    assertThat(ready.getStatus().getRules()).extracting(RuleStatus::getSource, RuleStatus::getSelected)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("spec.selectedItems[1]", 0),
            org.assertj.core.groups.Tuple.tuple("spec.selectedItems[2]", 1));
    assertThat(ready.getStatus().getRules().get(1).getMatched()).isGreaterThan(1);
    assertThat(harness.userIdsInJob(ready.getStatus().getJobId(), "SelectedItems")).hasSize(2);
    // A resync later, still one Warning each.
    harness.editSpec("rules-warn", "job", s -> s.setDescription("again"));
    harness.awaitReady("rules-warn", "job");
    harness.settle(Duration.ofMillis(700));
    assertThat(harness.eventReasons("rules-warn", "job").stream().filter("RuleSelectsNothing"::equals)).hasSize(1);
    assertThat(harness.eventReasons("rules-warn", "job").stream().filter("RuleCapped"::equals)).hasSize(1);
  }

  @Test
  void aJobItemSelectsByRuleIntoAnotherTeamsJob() {
    harness.connectionSecret("rules-item");
    harness.createBackupJob("rules-item", "everything", """
        jobName: Everything but shared mailboxes
        backupType: EntireOrganization
        """);
    String jobId = harness.awaitReady("rules-item", "everything").getStatus().getJobId();
    harness.settle(Duration.ofMillis(700));
    harness.resetCounts();

    harness.createJobItem("rules-item", "no-shared", """
        jobRef: {name: everything}
        scope: Excluded
        type: User
        match: {userTypes: [Shared]}
        mailbox: true
        """);
    JobItem item = harness.awaitJobItem("rules-item", "no-shared", "True", Reasons.IN_JOB);
    List<String> shared = harness.directoryUserIds("Shared");
    assertThat(item.getStatus().getConditions().get(0).getMessage())
        .startsWith("all " + shared.size() + " objects the rule selects are in the excludedItems of VB365 job");
    assertThat(harness.userIdsInJob(jobId, "ExcludedItems")).isEqualTo(shared);
    harness.settle(Duration.ofMillis(700));
    assertThat(harness.operatorWrites()).as("one add of every shared mailbox")
        .isEqualTo(Map.of("POST /v8/Jobs/{jobId}/ExcludedItems", 1L));
    assertThat(harness.get("rules-item", "everything").getStatus().getRules())
        .containsExactly(new RuleStatus("JobItem no-shared", "User", shared.size(), shared.size()));
    // Gone again, so that the other tests' directory changes do not reach this job's rule (order independence).
    harness.kubernetes.resources(BackupJob.class).inNamespace("rules-item").withName("everything").delete();
    await().atMost(Duration.ofSeconds(30)).until(() -> harness.get("rules-item", "everything") == null);
  }

  @Test
  void badRulesAreRefusedWithTheFieldNamedAndNothingReachesVb365() {
    harness.connectionSecret("rules-bad");
    harness.resetCounts();
    harness.createBackupJob("rules-bad", "job", """
        jobName: Bad rule
        selectedItems:
        - type: Site
          match: {namePattern: "hr *"}
        """);
    BackupJob refused = harness.awaitCondition("rules-bad", "job", ConditionTypes.READY, "False", Reasons.INVALID_SPEC);
    assertThat(OperatorTestHarness.condition(refused, ConditionTypes.READY).orElseThrow().getMessage())
        .contains("spec.selectedItems[0].match.namePattern: a Site rule matches by urlPattern, not namePattern")
        .contains("contains whitespace");

    assertThat(harness.operatorWrites()).isEmpty();
  }
}
