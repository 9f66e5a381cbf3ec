package dev.vb365.operator.controller;

import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.BackupJobStatus;
import dev.vb365.operator.api.ConditionTypes;
import dev.vb365.operator.api.ManagementPolicy;
import dev.vb365.operator.veeam.VeeamClient;
import dev.vb365.operator.veeam.VeeamException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import java.util.Map;
import java.util.Objects;

/**
 * "Run now": each new value of the annotation backup.vb365.dev/run-requested-at starts the VB365
 * job once.
 *
 * <p>Why once: the value is first recorded in status.lastRunRequest, and only when that write has
 * succeeded is the job started. The write replaces the status with optimistic locking on the
 * resourceVersion the reconcile read; should the BackupJob have changed meanwhile, the write is
 * retried on the fresh object and abandoned if that object already records the value (another
 * reconcile, or another operator instance after a leader change, claimed it). The written object
 * goes into JOSDK's cache, so the next reconcile sees the value as handled even before the watch
 * delivers it, and an operator that restarts reads it from the API server. A failure after the
 * claim never leads to a second start; a start that fails is reported as an Event (set a new value
 * to try again). The one gap is a crash between the claim and the start: that run request is lost,
 * never doubled (at most once, and exactly once whenever the operator lives through the call).
 */
final class RunRequests {

  private RunRequests() {
  }

  /** The annotation's value if it asks for a run not yet handled, else null. */
  static String pending(BackupJob job) {
    Map<String, String> annotations = job.getMetadata().getAnnotations();
    String value = annotations == null ? null : annotations.get(ConditionTypes.RUN_REQUESTED_AT_ANNOTATION);
    if (value == null || value.isBlank()) {
      return null;
    }
    String handled = job.getStatus() == null ? null : job.getStatus().getLastRunRequest();
    return value.trim().equals(handled) ? null : value.trim();
  }

  /** Writes {@code status} (which records the run request); false if the request was claimed already. */
  static boolean claim(BackupJob job, BackupJobStatus status, Context<BackupJob> context) {
    try {
      PrimaryUpdateAndCacheUtils.updateStatusAndCacheResource(job, context, current -> {
        BackupJobStatuses.requireSameObject(job, current);
        if (current.getStatus() != null
            && Objects.equals(current.getStatus().getLastRunRequest(), status.getLastRunRequest())) {
          throw new AlreadyClaimed();
        }
        current.setStatus(status);
        return current;
      });
      return true;
    } catch (AlreadyClaimed | BackupJobStatuses.Replaced claimed) {
      return false;
    }
  }

  static void start(VeeamClient client, BackupJob job, String jobId, String request, ManagementPolicy policy,
      EventRecorder events) {
    if (policy == ManagementPolicy.ObserveOnly) {
      events.warning(job, "RunNotStarted", "run request " + request + " ignored: the BackupJob is ObserveOnly and "
          + "never acts on VB365");
      return;
    }
    try {
      client.startJob(jobId);
      events.normal(job, "RunStarted", "started VB365 job " + jobId + " (run request " + request + ")");
    } catch (VeeamException e) {
      events.warning(job, "RunNotStarted", "run request " + request + " did not start VB365 job " + jobId + ": "
          + e.getMessage() + "; set a new value of " + ConditionTypes.RUN_REQUESTED_AT_ANNOTATION + " to try again");
    }
  }

  /** The run request is already recorded in the stored status. */
  private static final class AlreadyClaimed extends RuntimeException {
    AlreadyClaimed() {
      super("run request already claimed", null, false, false);
    }
  }
}
