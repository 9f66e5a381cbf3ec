package dev.vb365.operator.controller;

/**
 * The condition reasons users read in `kubectl get bj -o wide` and act on. One place, so that the
 * documentation, the Argo CD health check and the tests can rely on the spelling.
 */
public final class Reasons {

  // Ready / Synced when all is well. Ready's reason differs from the Synced condition's name: "Synced" beside a
  // Synced column read as if it were that condition's reason.
  /** Ready: VB365 matches the spec. */
  public static final String UP_TO_DATE = "UpToDate";
  public static final String RECONCILE_SUCCESS = "ReconcileSuccess";
  /** An exception the operator did not expect (a bug or an answer nobody foresaw): retried with backoff. */
  public static final String RECONCILE_ERROR = "ReconcileError";
  /** Ready False: objects the spec names left the directory while the VB365 job still has them. */
  public static final String ITEMS_MISSING = "ItemsMissing";
  /** Warning Event: a selection rule selects no object of the organization. */
  public static final String RULE_SELECTS_NOTHING = "RuleSelectsNothing";
  /** Warning Event: a selection rule matches more objects than its maxItems. */
  public static final String RULE_CAPPED = "RuleCapped";
  /** Synced False: the annotation backup.vb365.dev/paused=true makes the operator leave the BackupJob alone. */
  public static final String RECONCILE_PAUSED = "ReconcilePaused";
  public static final String OBSERVED = "Observed";
  /** ObserveOnly: VB365 differs from the spec and the operator does not write. */
  public static final String DIFFERS = "Differs";

  // Drifted
  public static final String NO_DRIFT = "NoDrift";
  public static final String DRIFT_DETECTED = "DriftDetected";
  public static final String DRIFT_CORRECTED = "DriftCorrected";

  // spec and connection
  public static final String INVALID_SPEC = "InvalidSpec";
  public static final String SECRET_NOT_FOUND = "SecretNotFound";
  public static final String SECRET_INVALID = "SecretInvalid";
  /** The operator's ServiceAccount may not read the connection Secret (RBAC). */
  public static final String SECRET_FORBIDDEN = "SecretForbidden";

  // talking to VB365
  public static final String UNAUTHORIZED = "Unauthorized";
  public static final String FORBIDDEN = "Forbidden";
  public static final String SERVER_UNREACHABLE = "ServerUnreachable";
  public static final String TLS_UNTRUSTED = "TlsUntrusted";
  public static final String SERVER_ERROR = "ServerError";
  public static final String THROTTLED = "Throttled";
  /** All request slots to the server stayed busy (slow answers): rescheduled instead of waiting longer. */
  public static final String SERVER_BUSY = "ServerBusy";
  /** VB365 refused a request as invalid (HTTP 400): the spec asks for something VB365 does not accept. */
  public static final String REJECTED = "Rejected";
  /** The job VB365 returned cannot be understood (an unknown backup type, for instance). */
  public static final String UNREADABLE_JOB = "UnreadableJob";

  // names to ids
  public static final String ORGANIZATION_NOT_FOUND = "OrganizationNotFound";
  public static final String REPOSITORY_NOT_FOUND = "RepositoryNotFound";
  public static final String USER_NOT_FOUND = "UserNotFound";
  public static final String GROUP_NOT_FOUND = "GroupNotFound";
  public static final String SITE_NOT_FOUND = "SiteNotFound";
  public static final String TEAM_NOT_FOUND = "TeamNotFound";
  public static final String AMBIGUOUS_NAME = "AmbiguousName";

  // the job itself
  public static final String NAME_CONFLICT = "NameConflict";
  /** The job's ownership marker names another cluster: never adopted, corrected or deleted. */
  public static final String OWNED_BY_ANOTHER_CLUSTER = "OwnedByAnotherCluster";
  /** The job's ownership marker names another BackupJob: adoption needs the take-over annotation. */
  public static final String ALREADY_MANAGED = "AlreadyManaged";
  /** The job carries this BackupJob's marker from a version before cluster names, and the status does not name it. */
  public static final String LEGACY_MARKER = "LegacyMarker";
  public static final String JOB_NOT_FOUND = "JobNotFound";
  /** The job is in another organization than spec.organization: VB365 cannot move it. */
  public static final String ORGANIZATION_MISMATCH = "OrganizationMismatch";
  /** A create whose answer was lost: the operator looks before it ever creates again. */
  public static final String CREATE_OUTCOME_UNKNOWN = "CreateOutcomeUnknown";

  // JobItem
  public static final String IN_JOB = "InJob";
  public static final String DUPLICATE = "Duplicate";
  public static final String CONFLICT = "Conflict";
  public static final String NOT_APPLICABLE = "NotApplicable";
  public static final String NOT_IN_JOB = "NotInJob";
  public static final String BACKUP_JOB_NOT_FOUND = "BackupJobNotFound";
  public static final String BACKUP_JOB_NOT_READY = "BackupJobNotReady";

  // BackupCopyJob
  /** spec.repository is not an archive object storage repository, the only kind VB365 copies to. */
  public static final String REPOSITORY_NOT_ARCHIVE = "RepositoryNotArchive";
  /** The copy job to adopt (spec.copyJobId), or to observe, does not exist. */
  public static final String COPY_JOB_NOT_FOUND = "CopyJobNotFound";
  /** The copy job of spec.copyJobId copies another backup job than the BackupJob's. */
  public static final String COPY_JOB_MISMATCH = "CopyJobMismatch";

  private Reasons() {
  }
}
