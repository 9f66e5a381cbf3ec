package dev.vb365.operator.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.secretscan.SuiteRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The chaos run at suite size (see {@link ChaosScenario}): 200 BackupJobs with JobItems and BackupCopyJobs, every
 * kind of VB365 fault, Kubernetes conflicts, three operator restarts, edits and deletions, copy jobs changed and
 * deleted in VB365 behind the operator's back, then every invariant against VB365's own state. No timing assertion
 * but the generous convergence timeout.
 */
class ChaosTest {

  @Test
  void convergesUnderFaultsRestartsAndConflicts() throws Exception {
    ChaosReport report = new ChaosScenario(ChaosOptions.suite(), line -> System.out.println("chaos: " + line))
        .inspectingSimulatorAtTheEnd(simulator -> {
          // The suite's secret scan covers the chaos run's password and tokens too.
          SuiteRecord.secret(simulator.password());
          SuiteRecord.secrets(simulator.issuedTokens());
        })
        .run();
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    report.print(new PrintStream(text, true, StandardCharsets.UTF_8));
    System.out.println(text.toString(StandardCharsets.UTF_8));

    assertThat(report.unexpectedLogLines()).as("unhandled exceptions in the logs").isEmpty();
    assertThat(report.violations()).as("invariants").isEmpty();
    assertThat(report.converged()).isTrue();

    // Every kind of fault was really injected, and the run did what it claims.
    assertThat(report.faults().errors()).isPositive();
    assertThat(report.faults().resets()).isPositive();
    assertThat(report.faults().lostResponses()).isPositive();
    assertThat(report.faults().lostResponsesByRoute()).containsKey("POST /v8/Jobs");
    assertThat(report.timeouts()).isPositive();
    assertThat(report.faults().tokenRevocations()).isPositive();
    assertThat(report.faults().tokenThrottled()).isPositive();
    assertThat(report.restarts()).isGreaterThanOrEqualTo(3);
    assertThat(report.conflictsInjected()).isPositive();
    assertThat(report.deletedWithDelete()).isPositive();
    assertThat(report.deletedWithOrphan()).isPositive();

    // Copy jobs: made, changed and deleted behind the operator's back, put back and made again.
    ChaosReport.CopyFigures copies = report.copies();
    assertThat(copies.created()).isPositive();
    assertThat(copies.backupCopyJobs()).isPositive();
    assertThat(copies.deletedWithDelete()).isPositive();
    assertThat(copies.deletedWithOrphan()).isPositive();
    assertThat(copies.deletedWithBackupJob()).isPositive();
    assertThat(copies.consoleEdits()).isPositive();
    assertThat(copies.consoleDeletes()).isPositive();
    assertThat(copies.driftsCorrected()).isPositive();
    assertThat(copies.recreated()).isPositive();
  }
}
