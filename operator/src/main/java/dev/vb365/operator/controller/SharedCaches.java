package dev.vb365.operator.controller;

import dev.vb365.operator.api.BackupJob;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Optional;

/**
 * The BackupJob controller's cache of BackupJobs, lent to the JobItem reconciler so it can tell
 * whether a JobItem's BackupJob exists without an informer (and its memory) of its own.
 */
final class SharedCaches {

  private volatile IndexedResourceCache<BackupJob> backupJobs;

  void backupJobs(IndexedResourceCache<BackupJob> cache) {
    this.backupJobs = cache;
  }

  /** Empty also while the BackupJob controller has not started: callers confirm with the API server. */
  Optional<BackupJob> backupJob(ResourceID id) {
    IndexedResourceCache<BackupJob> cache = backupJobs;
    return cache == null ? Optional.empty() : cache.get(id);
  }
}
