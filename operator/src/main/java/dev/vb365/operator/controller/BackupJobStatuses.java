package dev.vb365.operator.controller;

import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.BackupJobStatus;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import java.time.Instant;

/**
 * Copies and writes BackupJob statuses. A status equal to the one the BackupJob has is not written:
 * a reconcile that finds nothing new writes nothing. Writes replace the whole status (so a field
 * that became empty is cleared), use optimistic locking and put the result in JOSDK's cache, so
 * the next reconcile sees it even before the watch event arrives.
 */
final class BackupJobStatuses {

  private BackupJobStatuses() {
  }

  static BackupJobStatus copy(BackupJobStatus from) {
    BackupJobStatus s = new BackupJobStatus();
    if (from == null) {
      return s;
    }
    s.setObservedGeneration(from.getObservedGeneration());
    s.setJobId(from.getJobId());
    s.setJobName(from.getJobName());
    s.setOrganizationId(from.getOrganizationId());
    s.setRepositoryId(from.getRepositoryId());
    s.setETag(from.getETag());
    s.setLastAppliedETag(from.getLastAppliedETag());
    s.setLastStatus(from.getLastStatus());
    s.setLastRun(from.getLastRun());
    s.setNextRun(from.getNextRun());
    s.setSelectedItemCount(from.getSelectedItemCount());
    s.setExcludedItemCount(from.getExcludedItemCount());
    s.setLastBackup(from.getLastBackup());
    s.setLastSession(from.getLastSession());
    s.setResolvedItems(from.getResolvedItems());
    s.setResolvedItemsOmitted(from.getResolvedItemsOmitted());
    s.setRules(from.getRules());
    s.setLastRunRequest(from.getLastRunRequest());
    s.setLastFullRunRequest(from.getLastFullRunRequest());
    s.setLastStopRequest(from.getLastStopRequest());
    s.setCreatePendingSince(from.getCreatePendingSince());
    s.setVb365ApiVersion(from.getVb365ApiVersion());
    s.setTlsVerificationDisabled(from.getTlsVerificationDisabled());
    s.setConditions(from.getConditions());
    return s;
  }

  /** Writes {@code status} unless the BackupJob already has it; returns the BackupJob as now stored. */
  static BackupJob write(BackupJob job, BackupJobStatus status, Context<BackupJob> context) {
    return writeStatus(job, status, context);
  }

  /**
   * Writes {@code status} unless the resource (a BackupJob, a BackupCopyJob) already has it; returns the resource as
   * now stored.
   */
  static <S, R extends io.fabric8.kubernetes.client.CustomResource<?, S>> R writeStatus(R resource, S status,
      Context<R> context) {
    if (status.equals(resource.getStatus())) {
      return resource;
    }
    try {
      return PrimaryUpdateAndCacheUtils.updateStatusAndCacheResource(resource, context, current -> {
        requireSameObject(resource, current);
        current.setStatus(status);
        return current;
      });
    } catch (java.util.NoSuchElementException | Replaced gone) {
      // JOSDK looks for the written version in its cache; the resource was deleted meanwhile (or deleted and
      // created again under the same name: its status is not this reconcile's to write).
      return resource;
    }
  }

  /**
   * JOSDK retries a conflicting write on the object now stored under the name: after a delete and a create of the
   * same name that is another BackupJob, which must not get the status (the job id) of the one that was deleted.
   */
  static void requireSameObject(io.fabric8.kubernetes.api.model.HasMetadata written,
      io.fabric8.kubernetes.api.model.HasMetadata current) {
    if (written.getMetadata().getUid() != null && !written.getMetadata().getUid().equals(
        current.getMetadata().getUid())) {
      throw new Replaced();
    }
  }

  /** The BackupJob was deleted and created again while a reconcile of the old one ran. */
  static final class Replaced extends RuntimeException {
    Replaced() {
      super("the BackupJob was replaced by another of the same name", null, false, false);
    }
  }

  static String time(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
