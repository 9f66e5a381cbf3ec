package dev.vb365.operator.controller;

import dev.vb365.operator.api.BackupJobStatus;
import dev.vb365.operator.api.ConditionTypes;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.List;

/**
 * The one place that turns what a reconcile came to into a BackupJob's status and its conditions (Strimzi's single
 * status writer; {@link BackupJobStatuses} writes it, only when it differs). Pure: table-tested in
 * {@code BackupJobStatusMapperTest}.
 */
final class BackupJobStatusMapper {

  /** The three conditions a reconcile sets; {@code drifted} null keeps the Drifted condition as it was. */
  record Verdicts(Conditions.Verdict ready, Conditions.Verdict synced, Conditions.Verdict drifted) {
  }

  private BackupJobStatusMapper() {
  }

  /** The conditions of a reconcile that got through to VB365. */
  static Verdicts verdicts(SyncOutcome o, List<Condition> previous) {
    Decision d = o.decision();
    Conditions.Verdict success = Conditions.Verdict.isTrue(Reasons.RECONCILE_SUCCESS, "the last reconcile succeeded");
    return switch (d.action()) {
      case OBSERVE_ONLY -> {
        Conditions.Verdict observed = Conditions.Verdict.isTrue(Reasons.OBSERVED, "ObserveOnly: the operator reads "
            + "VB365 job " + o.result().id() + " and never changes it");
        yield o.planInSync() ? new Verdicts(matches(o), observed, keptOrNoDrift(previous))
            : new Verdicts(Conditions.Verdict.isFalse(Reasons.DIFFERS, o.planSummary()), observed,
                Conditions.Verdict.isTrue(Reasons.DRIFT_DETECTED, o.planSummary()));
      }
      case REPORT_DRIFT -> new Verdicts(Conditions.Verdict.isFalse(Reasons.DRIFT_DETECTED, "VB365 differs from the "
          + "spec and driftPolicy is Report, so the operator leaves it: " + d.driftSummary()), success,
          Conditions.Verdict.isTrue(Reasons.DRIFT_DETECTED, d.driftSummary()));
      case APPLY -> new Verdicts(matches(o), success, d.drift() ? Conditions.Verdict.isFalse(Reasons.DRIFT_CORRECTED,
          "corrected: " + (o.vanished() ? "the job was deleted in VB365 and created again" : d.driftSummary()))
          : keptOrNoDrift(previous));
      case IN_SYNC -> new Verdicts(matches(o), success, keptOrNoDrift(previous));
      case BLOCKED -> throw new IllegalArgumentException("a blocked plan is a failure, not an outcome");
    };
  }

  /** The status after a reconcile that got through to VB365. */
  static BackupJobStatus forOutcome(BackupJobStatus old, long generation, Instant now, SyncOutcome o,
      String apiVersion, boolean insecure) {
    BackupJobStatus status = BackupJobStatuses.copy(old);
    status.setObservedGeneration(generation);
    status.setOrganizationId(o.resolution().organizationId());
    status.setRepositoryId(o.resolution().repositoryId());
    status.setVb365ApiVersion(apiVersion);
    if (o.result() != null) {
      status.setJobId(o.result().id());
      status.setCreatePendingSince(null); // the job is known: no create is pending any more
      status.setJobName(o.result().name());
      status.setETag(o.result().versionStamp());
      if (o.lastApplied() != null) {
        status.setLastAppliedETag(o.lastApplied());
      }
      status.setLastStatus(LastRunStatus.of(o.result().lastStatus(), o.result().lastRun()));
      status.setLastRun(BackupJobStatuses.time(o.result().lastRun()));
      status.setNextRun(BackupJobStatuses.time(o.result().nextRun()));
      status.setSelectedItemCount(o.result().selectedItems().size());
      status.setExcludedItemCount(o.result().excludedItems().size());
    }
    status.setTlsVerificationDisabled(insecure ? Boolean.TRUE : null);
    List<Condition> previous = old == null ? null : old.getConditions();
    Verdicts v = verdicts(o, previous);
    status.setConditions(Conditions.backupJob(previous, generation, now, v.ready(), v.synced(), v.drifted()));
    return status;
  }

  /**
   * The status after a failure: Ready and Synced False with its reason and message, Drifted as it was.
   *
   * @param insecure whether the connection skips TLS verification, or null when no connection was made
   */
  static BackupJobStatus forFailure(BackupJobStatus base, long generation, Instant now, String reason, String message,
      Boolean insecure) {
    BackupJobStatus status = BackupJobStatuses.copy(base);
    status.setObservedGeneration(generation);
    if (insecure != null) {
      status.setTlsVerificationDisabled(insecure ? Boolean.TRUE : null);
    }
    Conditions.Verdict verdict = Conditions.Verdict.isFalse(reason, message);
    status.setConditions(Conditions.backupJob(status.getConditions(), generation, now, verdict, verdict, null));
    return status;
  }

  /** Whether a failure with this reason is news (a Warning Event), given the Synced condition as it stands. */
  static boolean newFailure(List<Condition> previous, String reason) {
    return Conditions.find(previous, ConditionTypes.SYNCED).map(c -> !reason.equals(c.getReason())).orElse(true);
  }

  private static Conditions.Verdict matches(SyncOutcome o) {
    return Conditions.Verdict.isTrue(Reasons.UP_TO_DATE, "VB365 job \"" + o.result().name() + "\" matches the spec");
  }

  /** A False Drifted condition stays as it is (DriftCorrected keeps saying so); none yet is NoDrift. */
  private static Conditions.Verdict keptOrNoDrift(List<Condition> previous) {
    return Conditions.find(previous, ConditionTypes.DRIFTED)
        .filter(c -> "False".equals(c.getStatus()))
        .map(c -> Conditions.Verdict.isFalse(c.getReason(), c.getMessage()))
        .orElse(Conditions.Verdict.isFalse(Reasons.NO_DRIFT, "VB365 has not been changed outside Kubernetes"));
  }
}
