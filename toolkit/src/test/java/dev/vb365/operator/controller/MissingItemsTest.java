package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.ConditionTypes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A user the spec names leaves the directory while the VB365 job has it: reported as ItemsMissing, and kept or
 * removed as missingItemPolicy says; never the last item of a SelectedItems job. Each test adds its own users.
 */
class MissingItemsTest {

  private static OperatorTestHarness harness;

  @BeforeAll
  static void start() {
    harness = OperatorTestHarness.start();
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  private static String addUser(String id, String upn) {
    harness.admin.put("/_sim/directory/" + harness.organizationId() + "/users", OperatorTestHarness.json("""
        {"id": "%s", "name": "%s"}""".formatted(id, upn)));
    return id;
  }

  /** A BackupJob naming {@code upns} (and the policy line, if any), Ready, with the counters reset. */
  private static String readyJob(String ns, String policy, String... upns) {
    StringBuilder spec = new StringBuilder("jobName: Missing " + ns + "\n" + policy + "selectedItems:\n");
    for (String upn : upns) {
      spec.append("- type: User\n  user: {name: ").append(upn).append("}\n");
    }
    harness.connectionSecret(ns);
    harness.createBackupJob(ns, "job", spec.toString());
    String jobId = harness.awaitReady(ns, "job").getStatus().getJobId();
    harness.settle(Duration.ofMillis(700));
    harness.resetCounts();
    return jobId;
  }

  private static String readyMessage(BackupJob job) {
    return OperatorTestHarness.condition(job, ConditionTypes.READY).orElseThrow().getMessage();
  }

  @Test
  void keptByDefaultAndReported() {
    addUser("0e0e0e0e-0000-4000-8000-000000000001", "keep-a@contoso.onmicrosoft.com");
    String gone = addUser("0e0e0e0e-0000-4000-8000-000000000002", "keep-b@contoso.onmicrosoft.com");
    String jobId = readyJob("missing-keep", "", "keep-a@contoso.onmicrosoft.com", "keep-b@contoso.onmicrosoft.com");

    harness.admin.delete("/_sim/directory/" + harness.organizationId() + "/users/" + gone);
    BackupJob reported = harness.awaitCondition("missing-keep", "job", ConditionTypes.READY, "False",
        Reasons.ITEMS_MISSING);
    assertThat(readyMessage(reported)).contains("user keep-b@contoso.onmicrosoft.com (spec.selectedItems[1]) is no "
        + "longer in the directory: the VB365 job keeps it (missingItemPolicy Keep)");
    harness.settle(Duration.ofSeconds(1));
    assertThat(harness.operatorWrites()).isEmpty();
    assertThat(harness.userIdsInJob(jobId, "SelectedItems")).contains(gone).hasSize(2);
    assertThat(harness.eventReasons("missing-keep", "job").stream().filter(Reasons.ITEMS_MISSING::equals))
        .hasSize(1);
  }

  @Test
  void removedWhenThePolicySaysSoWithOneCall() {
    String stays = addUser("0e0e0e0e-0000-4000-8000-000000000011", "remove-a@contoso.onmicrosoft.com");
    String gone = addUser("0e0e0e0e-0000-4000-8000-000000000012", "remove-b@contoso.onmicrosoft.com");
    String jobId = readyJob("missing-remove", "missingItemPolicy: Remove\n", "remove-a@contoso.onmicrosoft.com",
        "remove-b@contoso.onmicrosoft.com");

    harness.admin.delete("/_sim/directory/" + harness.organizationId() + "/users/" + gone);
    BackupJob reported = harness.awaitCondition("missing-remove", "job", ConditionTypes.READY, "False",
        Reasons.ITEMS_MISSING);
    assertThat(readyMessage(reported)).contains("remove-b@contoso.onmicrosoft.com (spec.selectedItems[1]) is no "
        + "longer in the directory: removed from the VB365 job (missingItemPolicy Remove)");
    harness.settle(Duration.ofSeconds(1));
    assertThat(harness.operatorWrites()).isEqualTo(Map.of("DELETE /v8/Jobs/{jobId}/SelectedItems", 1L));
    assertThat(harness.userIdsInJob(jobId, "SelectedItems")).containsExactly(stays);
  }

  @Test
  void neverTheLastItemOfASelectedItemsJob() {
    String gone = addUser("0e0e0e0e-0000-4000-8000-000000000021", "last@contoso.onmicrosoft.com");
    String jobId = readyJob("missing-last", "missingItemPolicy: Remove\n", "last@contoso.onmicrosoft.com");

    harness.admin.delete("/_sim/directory/" + harness.organizationId() + "/users/" + gone);
    BackupJob reported = harness.awaitCondition("missing-last", "job", ConditionTypes.READY, "False",
        Reasons.ITEMS_MISSING);
    assertThat(readyMessage(reported)).contains("the VB365 job keeps it (removing it would leave the job without "
        + "selected items)");
    harness.settle(Duration.ofSeconds(1));
    assertThat(harness.operatorWrites()).isEmpty();
    assertThat(harness.userIdsInJob(jobId, "SelectedItems")).containsExactly(gone);
  }

  @Test
  void aNameThatWasNeverThereIsStillNotFound() {
    harness.connectionSecret("missing-typo");
    harness.resetCounts();
    harness.createBackupJob("missing-typo", "job", """
        jobName: Typo
        selectedItems:
        - type: User
          user: {name: nobody-by-that-name@contoso.onmicrosoft.com}
        """);
    harness.awaitCondition("missing-typo", "job", ConditionTypes.READY, "False", Reasons.USER_NOT_FOUND);
    assertThat(harness.operatorWrites()).isEmpty();
  }
}
