package dev.vb365.operator.controller;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A JobItem whose status write meets a conflict (another writer changed its labels or annotations meanwhile)
 * gets its status soon after, not at the next resync: such changes do not wake its BackupJob.
 */
class JobItemConflictTest {

  private static OperatorTestHarness harness;

  @BeforeAll
  static void start() {
    // A resync far away, so that only the operator's own retry can write the status in time.
    harness = OperatorTestHarness.start(OperatorTestHarness.simulatorOptions(),
        OperatorTestHarness.settings().withResyncInterval(Duration.ofMinutes(10)), null);
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void aStatusWriteThatMeetsAConflictIsRetried() {
    harness.connectionSecret("item-conflict");
    harness.createBackupJob("item-conflict", "team", "jobName: Item conflict");
    harness.awaitReady("item-conflict", "team");

    // Every JobItem write now meets a concurrent change of the JobItem (409 Conflict).
    long before = harness.api.conflictsInjected();
    harness.api.injectConflicts(1.0, Set.of("jobitems"));
    try {
      harness.createJobItem("item-conflict", "bob", """
          jobRef: {name: team}
          type: User
          user: {name: bob@contoso.onmicrosoft.com}
          mailbox: true
          """);
      await().atMost(Duration.ofSeconds(30)).until(() -> harness.api.conflictsInjected() > before);
      // Long enough for every reconcile the item's addition causes (the change feed reports it too) to meet
      // the conflict; after that nothing wakes the BackupJob but its own retry.
      harness.settle(Duration.ofSeconds(3));
    } finally {
      harness.api.injectConflicts(0);
    }
    harness.awaitJobItem("item-conflict", "bob", "True", Reasons.IN_JOB);
  }
}
