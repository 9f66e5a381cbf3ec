package dev.vb365.operator.controller;

import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.BackupJobStatus;
import dev.vb365.operator.api.ConditionTypes;
import dev.vb365.operator.api.ManagementPolicy;
import dev.vb365.operator.veeam.VeeamClient;
import dev.vb365.operator.veeam.VeeamException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Run controls, one annotation each: every new value of backup.vb365.dev/run-requested-at starts the VB365 job once
 * (incremental), of backup.vb365.dev/full-run-requested-at starts it once as an active full backup, of
 * backup.vb365.dev/stop-requested-at stops it once.
 *
 * <p>Why once: a value is first recorded in the status (lastRunRequest, lastFullRunRequest, lastStopRequest), and
 * only when that write has succeeded is the call made. The write replaces the status with optimistic locking on the
 * resourceVersion the reconcile read; should the BackupJob have changed meanwhile, the write is retried on the fresh
 * object and abandoned if that object already records one of the values (another reconcile, or another operator
 * instance after a leader change, claimed it; the next reconcile looks again). The written object goes into JOSDK's
 * cache, so the next reconcile sees the values as handled even before the watch delivers them, and an operator that
 * restarts reads them from the API server. A failure after the claim never leads to a second call; a call that fails
 * is reported as an Event (set a new value to try again). The one gap is a crash between the claim and the call: that
 * request is lost, never doubled (at most once, and exactly once whenever the operator lives through the call).
 *
 * <p>Several new values at once are handled in the order stop, full, incremental; a full run and an incremental run
 * requested together start one run, the full one (both values are recorded).
 */
final class RunControls {

  /** The three requests, in the order they are carried out. */
  enum Kind {
    STOP(ConditionTypes.STOP_REQUESTED_AT_ANNOTATION, BackupJobStatus::getLastStopRequest,
        BackupJobStatus::setLastStopRequest),
    FULL(ConditionTypes.FULL_RUN_REQUESTED_AT_ANNOTATION, BackupJobStatus::getLastFullRunRequest,
        BackupJobStatus::setLastFullRunRequest),
    RUN(ConditionTypes.RUN_REQUESTED_AT_ANNOTATION, BackupJobStatus::getLastRunRequest,
        BackupJobStatus::setLastRunRequest);

    final String annotation;
    private final Function<BackupJobStatus, String> handled;
    private final BiConsumer<BackupJobStatus, String> record;

    Kind(String annotation, Function<BackupJobStatus, String> handled, BiConsumer<BackupJobStatus, String> record) {
      this.annotation = annotation;
      this.handled = handled;
      this.record = record;
    }
  }

  /** One new value of one control annotation. */
  record Request(Kind kind, String value) {
  }

  private RunControls() {
  }

  /** The new values of the control annotations, in the order they are carried out; empty when none. */
  static List<Request> pending(BackupJob job) {
    Map<String, String> annotations = job.getMetadata().getAnnotations();
    List<Request> out = new ArrayList<>();
    if (annotations == null) {
      return out;
    }
    for (Kind kind : Kind.values()) {
      String value = annotations.get(kind.annotation);
      if (value == null || value.isBlank()) {
        continue;
      }
      String handled = job.getStatus() == null ? null : kind.handled.apply(job.getStatus());
      if (!value.trim().equals(handled)) {
        out.add(new Request(kind, value.trim()));
      }
    }
    return out;
  }

  static boolean anyPending(BackupJob job) {
    return !pending(job).isEmpty();
  }

  /** The values of the annotations that wake the reconciler when they change (these and the pause). */
  static List<String> annotationValues(BackupJob job) {
    Map<String, String> annotations = job.getMetadata().getAnnotations();
    List<String> values = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      values.add(annotations == null ? null : annotations.get(kind.annotation));
    }
    values.add(annotations == null ? null : annotations.get(ConditionTypes.PAUSED_ANNOTATION));
    return values;
  }

  /** Records {@code requests} in {@code status}, the status this reconcile writes with them. */
  static void record(BackupJobStatus status, List<Request> requests) {
    requests.forEach(r -> r.kind().record.accept(status, r.value()));
  }

  /** Writes {@code status} (which records the requests); false if one of them was claimed already. */
  static boolean claim(BackupJob job, BackupJobStatus status, List<Request> requests, Context<BackupJob> context) {
    try {
      PrimaryUpdateAndCacheUtils.updateStatusAndCacheResource(job, context, current -> {
        BackupJobStatuses.requireSameObject(job, current);
        if (current.getStatus() != null && requests.stream()
            .anyMatch(r -> Objects.equals(r.kind().handled.apply(current.getStatus()), r.value()))) {
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

  /** Carries out claimed requests: at most one call each, a full run standing in for an incremental one. */
  static void carryOut(VeeamClient client, BackupJob job, String jobId, List<Request> requests,
      ManagementPolicy policy, EventRecorder events) {
    boolean fullRequested = requests.stream().anyMatch(r -> r.kind() == Kind.FULL);
    for (Request request : requests) {
      String what = describe(request);
      if (policy == ManagementPolicy.ObserveOnly) {
        events.warning(job, request.kind() == Kind.STOP ? "StopNotSent" : "RunNotStarted", what + " ignored: the "
            + "BackupJob is ObserveOnly and never acts on VB365");
        continue;
      }
      if (request.kind() == Kind.RUN && fullRequested) {
        events.normal(job, "RunStarted", what + " is served by the active full backup requested with it");
        continue;
      }
      try {
        switch (request.kind()) {
          case STOP -> {
            client.stopJob(jobId);
            events.normal(job, "RunStopped", "stopped VB365 job " + jobId + " (" + what + ")");
          }
          case FULL -> {
            client.startJob(jobId, true);
            events.normal(job, "RunStarted", "started an active full backup of VB365 job " + jobId + " (" + what
                + ")");
          }
          case RUN -> {
            client.startJob(jobId);
            events.normal(job, "RunStarted", "started VB365 job " + jobId + " (" + what + ")");
          }
        }
      } catch (VeeamException e) {
        events.warning(job, request.kind() == Kind.STOP ? "StopNotSent" : "RunNotStarted", what + " did not "
            + (request.kind() == Kind.STOP ? "stop" : "start") + " VB365 job " + jobId + ": " + e.getMessage()
            + "; set a new value of " + request.kind().annotation + " to try again");
      }
    }
  }

  private static String describe(Request request) {
    return switch (request.kind()) {
      case STOP -> "stop request " + request.value();
      case FULL -> "full run request " + request.value();
      case RUN -> "run request " + request.value();
    };
  }

  /** One of the requests is already recorded in the stored status. */
  private static final class AlreadyClaimed extends RuntimeException {
    AlreadyClaimed() {
      super("run control already claimed", null, false, false);
    }
  }
}
