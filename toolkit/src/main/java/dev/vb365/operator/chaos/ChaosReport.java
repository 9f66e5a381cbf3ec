package dev.vb365.operator.chaos;

import dev.vb365.simulator.FaultCounts;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a chaos run did and found: the faults the simulator really injected (its own counters), the restarts and
 * Kubernetes conflicts, the time to converge after the faults stopped, and every invariant that does not hold.
 *
 * @param faultTime how long the faults lasted (longer than asked when the workload's steps ran late)
 * @param timeouts requests the simulator held back longer than the operator's read timeout
 * @param converged whether every invariant held before the timeout; {@code convergence} is how long that took
 */
public record ChaosReport(
    int jobs,
    int jobItems,
    Duration faultTime,
    FaultCounts faults,
    long timeouts,
    Map<String, Integer> phases,
    int restarts,
    long conflictsInjected,
    boolean resourceVersionEnforced,
    long meddlerWrites,
    long meddlerConflicts,
    long workloadWrites,
    long deletedWithDelete,
    long deletedWithOrphan,
    boolean converged,
    Duration convergence,
    long vb365JobCreates,
    Map<String, Long> warningsByLogger,
    List<String> unexpectedLogLines,
    List<String> violations,
    CopyFigures copies) {

  /**
   * What happened to backup copy jobs.
   *
   * @param backupCopyJobs BackupCopyJobs at the end
   * @param vb365CopyJobs copy jobs VB365 has at the end (those the console made on purpose and those orphaned
   *     included)
   * @param created BackupCopyJobs the workload created
   * @param deletedWithDelete BackupCopyJobs deleted on their own with deletionPolicy Delete
   * @param deletedWithOrphan BackupCopyJobs deleted on their own with deletionPolicy Orphan
   * @param deletedWithBackupJob BackupCopyJobs deleted along with their BackupJob
   * @param consoleEdits copy job edits made in VB365 behind the operator's back (sent; a fault may have stopped some)
   * @param consoleDeletes copy jobs deleted in VB365 behind the operator's back (sent)
   * @param consoleCreates copy jobs made in VB365 on purpose for BackupJobs without a BackupCopyJob (sent)
   * @param consoleFailed the console's calls that failed under the faults
   * @param operatorCreates POST /CopyJobs by the operator (lost answers and refused second creates included)
   * @param driftsCorrected console changes the operator put back (its DriftCorrected Events)
   * @param recreated copy jobs the operator made again after a console delete (its CopyJobCreated Events saying so)
   * @param adopted copy jobs the operator found made already and took over (by a create whose answer was lost, or
   *     before a restart)
   * @param eventReasons every reason of the operator's Events about BackupCopyJobs, with their counts
   */
  public record CopyFigures(int backupCopyJobs, int vb365CopyJobs, long created, long deletedWithDelete,
      long deletedWithOrphan, long deletedWithBackupJob, long consoleEdits, long consoleDeletes, long consoleCreates,
      long consoleFailed, long operatorCreates, long driftsCorrected, long recreated, long adopted,
      Map<String, Long> eventReasons) {
  }

  /** Every invariant held and the logs have no unhandled exception. */
  public boolean passed() {
    return converged && violations.isEmpty() && unexpectedLogLines.isEmpty();
  }

  public void print(PrintStream out) {
    out.printf("Chaos run: %d BackupJobs, %d JobItems (at the end), %d s of faults%n", jobs, jobItems,
        faultTime.toSeconds());
    out.printf("Faults injected by the simulator: %d 5xx errors, %d connection resets, %d lost responses "
            + "(%d of them creates: POST /Jobs), %d requests delayed (%d beyond the read timeout), "
            + "%d token requests refused with 429, %d token revocations%n",
        faults.errors(), faults.resets(), faults.lostResponses(),
        faults.lostResponsesByRoute().entrySet().stream().filter(e -> e.getKey().matches("POST /v\\d/Jobs"))
            .mapToLong(Map.Entry::getValue).sum(),
        faults.delayed(), timeouts, faults.tokenThrottled(), faults.tokenRevocations());
    out.printf("Fault phases run: %s%n", phases);
    out.printf("Operator restarts: %d%n", restarts);
    out.printf("Kubernetes conflicts: %d injected 409s on BackupJob/JobItem/BackupCopyJob writes; a concurrent writer "
        + "made %d label/annotation patches and was refused %d times with 409 (injected or stale resourceVersion); "
        + "the embedded API %s the resourceVersion of patches%n", conflictsInjected, meddlerWrites, meddlerConflicts,
        resourceVersionEnforced ? "enforces" : "does NOT enforce");
    out.printf("Workload: %d writes; %d BackupJobs deleted with deletionPolicy Delete, %d with Orphan%n",
        workloadWrites, deletedWithDelete, deletedWithOrphan);
    out.printf("VB365 job creates (POST /Jobs, lost answers included): %d%n", vb365JobCreates);
    out.printf("Backup copy jobs: %d BackupCopyJobs created, %d at the end, %d copy jobs in VB365 at the end; "
            + "deleted on their own %d with deletionPolicy Delete and %d with Orphan, %d along with their BackupJob%n",
        copies.created(), copies.backupCopyJobs(), copies.vb365CopyJobs(), copies.deletedWithDelete(),
        copies.deletedWithOrphan(), copies.deletedWithBackupJob());
    out.printf("VB365 console behind the operator's back: %d copy job edits, %d deletes, %d copy jobs made on "
            + "purpose for BackupJobs without a BackupCopyJob (%d of its calls failed under the faults)%n",
        copies.consoleEdits(), copies.consoleDeletes(), copies.consoleCreates(), copies.consoleFailed());
    out.printf("Operator on copy jobs: %d creates (POST /CopyJobs), %d drifts corrected, %d copy jobs made again "
            + "after a console delete, %d adopted (made by a create whose answer was lost, or before a restart); "
            + "Events: %s%n", copies.operatorCreates(), copies.driftsCorrected(), copies.recreated(), copies.adopted(), copies.eventReasons());
    out.printf("WARN lines (expected under faults), by logger: %s%n", warningsByLogger);
    if (converged) {
      out.printf("Converged %.1f s after the faults stopped%n", convergence.toMillis() / 1000.0);
    } else {
      out.printf("NOT converged within %.0f s after the faults stopped%n", convergence.toMillis() / 1000.0);
    }
    if (!unexpectedLogLines.isEmpty()) {
      out.println("Unhandled exceptions in the logs:");
      unexpectedLogLines.forEach(l -> out.println("  " + l));
    }
    if (!violations.isEmpty()) {
      out.println("Invariants violated (" + violations.size() + "):");
      violations.stream().limit(40).forEach(v -> out.println("  " + v));
      if (violations.size() > 40) {
        out.println("  ... and " + (violations.size() - 40) + " more");
      }
    }
    out.println(passed() ? "PASSED: every invariant holds" : "FAILED");
  }
}
