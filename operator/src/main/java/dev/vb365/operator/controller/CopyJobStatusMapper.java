package dev.vb365.operator.controller;

import dev.vb365.operator.api.BackupCopyJobStatus;
import dev.vb365.operator.sync.ObservedCopyJob;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.List;

/**
 * A BackupCopyJob's status from what its reconcile found: the copy job's fields and the conditions Ready, Synced and
 * Drifted, worded as BackupJob's are. Pure.
 */
final class CopyJobStatusMapper {

  private CopyJobStatusMapper() {
  }

  /**
   * What a reconcile that reached VB365 found and did.
   *
   * @param job the copy job as VB365 has it after this reconcile
   * @param wrote this reconcile created, adopted or edited it (its version is then the one "our own write produced")
   * @param summary the differences as they stand, in words (empty: none)
   */
  record Outcome(Decision decision, ObservedCopyJob job, String backupJobId, String repositoryId, boolean wrote,
      boolean vanished, String summary, String apiVersion) {
  }

  static BackupCopyJobStatus forOutcome(BackupCopyJobStatus old, long generation, Instant now, Outcome o) {
    BackupCopyJobStatus status = old == null ? new BackupCopyJobStatus() : old.copy();
    ObservedCopyJob job = o.job();
    status.setObservedGeneration(generation);
    status.setCopyJobId(job.id());
    status.setCreatePendingSince(null);
    status.setCopyJobName(job.name());
    status.setBackupJobId(o.backupJobId());
    status.setRepositoryId(o.repositoryId());
    status.setETag(job.version());
    if (o.wrote() || status.getLastAppliedETag() == null && o.decision().action() == Decision.Action.IN_SYNC) {
      // What the operator's own write produced (or, adopting a job that matches, the version it took it at): a
      // later move of the version is someone else's.
      status.setLastAppliedETag(job.version());
    }
    status.setLastStatus(LastRunStatus.of(job.lastStatus(), job.lastRun()));
    status.setLastRun(BackupJobStatuses.time(job.lastRun()));
    status.setNextRun(BackupJobStatuses.time(job.nextRun()));
    status.setLastBackup(job.lastBackup() != null ? BackupJobStatuses.time(job.lastBackup()) : status.getLastBackup());
    status.setVb365ApiVersion(o.apiVersion());
    List<Condition> previous = old == null ? null : old.getConditions();
    Verdicts v = verdicts(o, previous);
    status.setConditions(Conditions.backupJob(previous, generation, now, v.ready(), v.synced(), v.drifted()));
    return status;
  }

  private record Verdicts(Conditions.Verdict ready, Conditions.Verdict synced, Conditions.Verdict drifted) {
  }

  private static Verdicts verdicts(Outcome o, List<Condition> previous) {
    Decision d = o.decision();
    Conditions.Verdict success = Conditions.Verdict.isTrue(Reasons.RECONCILE_SUCCESS, "the last reconcile succeeded");
    Conditions.Verdict matches = Conditions.Verdict.isTrue(Reasons.UP_TO_DATE, "VB365 copy job \"" + o.job().name()
        + "\" matches the spec");
    return switch (d.action()) {
      case OBSERVE_ONLY -> {
        Conditions.Verdict observed = Conditions.Verdict.isTrue(Reasons.OBSERVED, "ObserveOnly: the operator reads "
            + "VB365 copy job " + o.job().id() + " and never changes it");
        yield o.summary().isEmpty() ? new Verdicts(matches, observed, BackupJobStatusMapper.keptOrNoDrift(previous))
            : new Verdicts(Conditions.Verdict.isFalse(Reasons.DIFFERS, o.summary()), observed,
                Conditions.Verdict.isTrue(Reasons.DRIFT_DETECTED, o.summary()));
      }
      case REPORT_DRIFT -> new Verdicts(Conditions.Verdict.isFalse(Reasons.DRIFT_DETECTED, "VB365 differs from the "
          + "spec and driftPolicy is Report, so the operator leaves it: " + d.driftSummary()), success,
          Conditions.Verdict.isTrue(Reasons.DRIFT_DETECTED, d.driftSummary()));
      case APPLY -> new Verdicts(matches, success, d.drift() ? Conditions.Verdict.isFalse(Reasons.DRIFT_CORRECTED,
          "corrected: " + (o.vanished() ? "the copy job was deleted in VB365 and created again" : d.driftSummary()))
          : BackupJobStatusMapper.keptOrNoDrift(previous));
      case IN_SYNC -> new Verdicts(matches, success, BackupJobStatusMapper.keptOrNoDrift(previous));
      case BLOCKED -> throw new IllegalArgumentException("a copy job has no blocked plans");
    };
  }

  /** A reconcile that could not reach or change VB365, or waits: Ready and Synced False with the reason. */
  static BackupCopyJobStatus forFailure(BackupCopyJobStatus old, long generation, Instant now, String reason,
      String message) {
    BackupCopyJobStatus status = old == null ? new BackupCopyJobStatus() : old.copy();
    status.setObservedGeneration(generation);
    Conditions.Verdict verdict = Conditions.Verdict.isFalse(reason, message);
    status.setConditions(Conditions.backupJob(status.getConditions(), generation, now, verdict, verdict, null));
    return status;
  }

  /** Whether a failure with this reason is news (a Warning Event), given the Synced condition as it stands. */
  static boolean newFailure(BackupCopyJobStatus old, String reason) {
    return BackupJobStatusMapper.newFailure(old == null ? null : old.getConditions(), reason);
  }

}
