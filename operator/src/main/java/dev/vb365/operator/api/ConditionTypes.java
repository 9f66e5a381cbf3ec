package dev.vb365.operator.api;

/**
 * Names users, kubectl, Argo CD and Flux depend on: condition types in status.conditions and the
 * run-now annotation. Kept here, next to the CRD classes, so they cannot drift apart.
 */
public final class ConditionTypes {
  /** VB365 matches the spec (for a JobItem: its item is in the job). */
  public static final String READY = "Ready";
  /** The last reconcile succeeded, or why not. */
  public static final String SYNCED = "Synced";
  /** The VB365 job was changed outside Kubernetes (its eTag moved without a write of ours). */
  public static final String DRIFTED = "Drifted";

  /** Each new value of this annotation on a BackupJob starts its VB365 job once (an incremental run). */
  public static final String RUN_REQUESTED_AT_ANNOTATION = "backup.vb365.dev/run-requested-at";

  /** Each new value of this annotation on a BackupJob starts its VB365 job once as an active full backup. */
  public static final String FULL_RUN_REQUESTED_AT_ANNOTATION = "backup.vb365.dev/full-run-requested-at";

  /** Each new value of this annotation on a BackupJob stops its running VB365 job once. */
  public static final String STOP_REQUESTED_AT_ANNOTATION = "backup.vb365.dev/stop-requested-at";

  /**
   * "true" on a BackupJob: the operator leaves it and its JobItems alone (no VB365 call, no status but the pause
   * itself) until the annotation is removed; its deletion waits too.
   */
  public static final String PAUSED_ANNOTATION = "backup.vb365.dev/paused";

  /**
   * "true" on a BackupJob that adopts a job (spec.jobId) whose ownership marker names another BackupJob or another
   * cluster: the user says, explicitly, that this BackupJob takes the job over.
   */
  public static final String TAKE_OVER_ANNOTATION = "backup.vb365.dev/take-over";

  private ConditionTypes() {
  }
}
