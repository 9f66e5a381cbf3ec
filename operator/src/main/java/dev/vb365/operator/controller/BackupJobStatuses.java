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
    s.setLastRunRequest(from.getLastRunRequest());
    s.setVb365ApiVersion(from.getVb365ApiVersion());
    s.setTlsVerificationDisabled(from.getTlsVerificationDisabled());
    s.setConditions(from.getConditions());
    return s;
  }

  /** Writes {@code status} unless the BackupJob already has it; returns the BackupJob as now stored. */
  static BackupJob write(BackupJob job, BackupJobStatus status, Context<BackupJob> context) {
    if (status.equals(job.getStatus())) {
      return job;
    }
    try {
      return PrimaryUpdateAndCacheUtils.updateStatusAndCacheResource(job, context, current -> {
        current.setStatus(status);
        return current;
      });
    } catch (java.util.NoSuchElementException gone) {
      // JOSDK looks for the written version in its cache; the BackupJob was deleted meanwhile.
      return job;
    }
  }

  static String time(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
