package dev.vb365.operator.controller;

import dev.vb365.operator.api.DriftPolicy;
import java.util.Objects;

/**
 * What a reconcile does with what it found: the policy of the operator as one pure function of the facts (the
 * plan, the BackupJob's conditions and policies, whether VB365 moved), table-tested in {@code DecisionTest}.
 *
 * @param action what to do
 * @param drift VB365 differs from the spec because someone changed the job (not because the spec changed)
 * @param driftSummary what drifted, for the Drifted condition and the Events
 * @param announceDrift the drift is new (not already told by the Drifted condition): a Warning Event and a metric
 */
record Decision(Action action, boolean drift, String driftSummary, boolean announceDrift) {

  enum Action {
    /** ObserveOnly: report how VB365 differs, never write. */
    OBSERVE_ONLY,
    /** The plan has a blocker VB365 cannot do (another organization): report it, write nothing. */
    BLOCKED,
    /** Drift with driftPolicy Report: report it, write nothing. */
    REPORT_DRIFT,
    /** Close the difference with the plan's calls (a create when there is no job). */
    APPLY,
    /** VB365 matches the spec. */
    IN_SYNC
  }

  /**
   * @param observeOnly managementPolicy ObserveOnly
   * @param blocked the plan has blockers
   * @param differs the plan has operations
   * @param vanished the job the status named is gone from VB365
   * @param wasReady Ready was True for this generation
   * @param wasDrifted Drifted was True for this generation
   * @param vb365Moved the job's version (eTag or fingerprint) is not the one the status recorded
   * @param driftPolicy the spec's driftPolicy
   * @param planSummary the plan's differences in words, as they stand (what ObserveOnly reports: its spec may simply
   *     not match the job)
   * @param planDriftSummary the plan's differences in words, as changes made outside Kubernetes
   * @param driftShown the message of the Drifted condition as it stands, or null
   */
  record Facts(boolean observeOnly, boolean blocked, boolean differs, boolean vanished, boolean wasReady,
      boolean wasDrifted, boolean vb365Moved, DriftPolicy driftPolicy, String planSummary, String planDriftSummary,
      String driftShown) {
  }

  static Decision of(Facts f) {
    // A difference is drift only when the BackupJob had converged on this generation and VB365 moved since
    // (or it was drifted already): a new spec that differs from VB365 is work, not drift.
    boolean drift = f.differs() && (f.wasDrifted() || f.wasReady() && f.vb365Moved());
    // The words the Drifted condition shows (BackupJobStatusMapper), so that a drift already shown is not news.
    String summary = f.vanished() ? "the VB365 job was deleted outside Kubernetes"
        : f.observeOnly() ? f.planSummary() : f.planDriftSummary();
    boolean announce = drift && !(f.wasDrifted() && Objects.equals(f.driftShown(), Conditions.shorten(summary)));
    Action action = f.observeOnly() ? Action.OBSERVE_ONLY
        : f.blocked() ? Action.BLOCKED
        : drift && f.driftPolicy() == DriftPolicy.Report ? Action.REPORT_DRIFT
        : f.differs() ? Action.APPLY
        : Action.IN_SYNC;
    return new Decision(action, drift, summary, announce);
  }
}
