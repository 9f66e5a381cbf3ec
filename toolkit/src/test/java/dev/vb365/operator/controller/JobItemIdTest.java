package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.api.JobItem;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A JobItem's status names the VB365 id of its item (status.itemId, the ITEM ID column) as soon as the item is in the
 * job, also when the reconcile that put it there was the last one for a while: VB365 answers item writes without ids,
 * and the next resync may be ten minutes away.
 */
class JobItemIdTest {

  private static OperatorTestHarness harness;

  @BeforeAll
  static void start() {
    // The production resync interval: only the reconcile that writes the item may fill in its id.
    harness = OperatorTestHarness.start(OperatorTestHarness.simulatorOptions(),
        OperatorTestHarness.settings().withResyncInterval(Duration.ofMinutes(10)), null);
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void aJobItemCreatedWithItsBackupJobShowsItsItemId() {
    harness.connectionSecret("item-id-create");
    harness.createJobItem("item-id-create", "bob", """
        jobRef: {name: team}
        type: User
        user: {name: bob@contoso.onmicrosoft.com}
        mailbox: true
        """);
    // Seen by the operator before its BackupJob exists: the job is then created with the item inline.
    harness.awaitJobItem("item-id-create", "bob", "False", Reasons.BACKUP_JOB_NOT_FOUND);
    harness.createBackupJob("item-id-create", "team", "jobName: Item id at create");
    String jobId = harness.awaitReady("item-id-create", "team").getStatus().getJobId();

    String itemId = awaitItemId("item-id-create", "bob");
    assertThat(harness.admin.items(jobId, "SelectedItems")).extracting(i -> i.path("id").asText())
        .containsExactly(itemId);
  }

  @Test
  void aJobItemAddedToAReadyJobShowsItsItemId() {
    harness.connectionSecret("item-id-add");
    harness.createBackupJob("item-id-add", "team", """
        jobName: Item id at add
        selectedItems:
        - type: User
          user: {name: alice@contoso.onmicrosoft.com}
        """);
    String jobId = harness.awaitReady("item-id-add", "team").getStatus().getJobId();
    harness.createJobItem("item-id-add", "no-archive", """
        jobRef: {name: team}
        scope: Excluded
        type: User
        user: {name: alice@contoso.onmicrosoft.com}
        archiveMailbox: true
        """);

    String itemId = awaitItemId("item-id-add", "no-archive");
    assertThat(harness.admin.items(jobId, "ExcludedItems")).extracting(i -> i.path("id").asText())
        .containsExactly(itemId);
  }

  private static String awaitItemId(String namespace, String name) {
    JobItem item = harness.awaitJobItem(namespace, name, "True", Reasons.IN_JOB);
    // With the InJob verdict itself, not a reconcile later (the change feed may cause one, a resync surely would).
    assertThat(item.getStatus().getItemId()).as("status.itemId of JobItem " + name).isNotNull();
    return item.getStatus().getItemId();
  }
}
