package dev.vb365.operator.controller;

import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.BackupJobStatus;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The intent to create a BackupJob's VB365 job, recorded on the BackupJob before the create is sent
 * ({@code status.createPendingSince}, as Crossplane's external-create-pending annotation): state that must survive
 * a restart or a change of leader lives on the resource, not in a process's memory. A process that finds an
 * intent without a job id looks for the job (by its marker, with a fresh listing) before it ever creates again,
 * and waits until a whole call timeout has passed since the intent, in case the first create is still in flight.
 */
final class CreateIntent {

  private CreateIntent() {
  }

  /**
   * Records {@code now} as the pending create, with optimistic locking: when another writer recorded another job id
   * or an intent of its own since {@code job} was read, it fails (the caller reconciles again and finds what they did).
   *
   * @return the BackupJob as stored now (later writes of this reconcile start from it)
   */
  static BackupJob record(BackupJob job, Context<BackupJob> context, Instant now) {
    String seen = job.getStatus() == null ? null : job.getStatus().getCreatePendingSince();
    String seenJob = job.getStatus() == null ? null : job.getStatus().getJobId(); // a vanished job is created again
    try {
      return PrimaryUpdateAndCacheUtils.updateStatusAndCacheResource(job, context, current -> {
        BackupJobStatuses.requireSameObject(job, current);
        BackupJobStatus stored = current.getStatus();
        if (stored != null && (!Objects.equals(stored.getJobId(), seenJob)
            || !Objects.equals(stored.getCreatePendingSince(), seen))) {
          throw new Overtaken();
        }
        BackupJobStatus status = BackupJobStatuses.copy(stored);
        status.setCreatePendingSince(now.toString());
        current.setStatus(status);
        return current;
      });
    } catch (Overtaken | BackupJobStatuses.Replaced | java.util.NoSuchElementException e) {
      throw new ReconcileFailure(Reasons.CREATE_OUTCOME_UNKNOWN, "another writer recorded a create of this "
          + "BackupJob's job meanwhile; the operator looks again before it creates anything",
          ReconcileFailure.Retry.TRANSIENT, Duration.ofSeconds(1), null);
    }
  }

  /** How long to wait before a new create may be sent, given the intent recorded at {@code pendingSince}. */
  static Duration remaining(String pendingSince, Instant now, Duration callTimeout) {
    Instant since;
    try {
      since = Instant.parse(pendingSince);
    } catch (DateTimeParseException e) {
      return Duration.ZERO; // not ours to make sense of: the next create records a fresh one
    }
    Duration left = Duration.between(now, since.plus(callTimeout));
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** When to look for the job again (one listing each time) while a create may be in flight. */
  static Duration nextLook(Duration remaining) {
    Duration often = Duration.ofSeconds(5);
    return remaining.compareTo(often) < 0 ? remaining : often;
  }

  /** Another writer recorded a job id or its own intent since this reconcile read the BackupJob. */
  private static final class Overtaken extends RuntimeException {
    Overtaken() {
      super("overtaken", null, false, false);
    }
  }
}
