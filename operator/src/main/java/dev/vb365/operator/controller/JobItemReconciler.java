package dev.vb365.operator.controller;

import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.JobItem;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Optional;

/**
 * Speaks for JobItems whose BackupJob does not exist (or is being deleted): Ready False,
 * BackupJobNotFound (or InvalidSpec). While the BackupJob exists, its own reconciler decides about
 * the JobItem (it merged the item, it knows the VB365 item id) and writes its status; this one stays
 * silent, so each JobItem status has one writer at a time.
 */
public final class JobItemReconciler implements Reconciler<JobItem> {

  private final SharedCaches shared;
  private final JobItemStatuses statuses;
  private final Shutdown shutdown;

  JobItemReconciler(SharedCaches shared, JobItemStatuses statuses, Shutdown shutdown) {
    this.shared = shared;
    this.statuses = statuses;
    this.shutdown = shutdown;
  }

  @Override
  public UpdateControl<JobItem> reconcile(JobItem item, Context<JobItem> context) {
    try (Shutdown.Ticket running = shutdown.enter()) {
      return running == null ? UpdateControl.noUpdate() : reconcileNow(item, context);
    }
  }

  private UpdateControl<JobItem> reconcileNow(JobItem item, Context<JobItem> context) {
    if (item.getSpec() != null && item.getSpec().getJobRef() != null && item.getSpec().getJobRef().getName() != null) {
      ResourceID ref = new ResourceID(item.getSpec().getJobRef().getName(), item.getMetadata().getNamespace());
      Optional<BackupJob> job = shared.backupJob(ref);
      if (job.isEmpty()) {
        // Not in the cache: perhaps not there yet (controllers start in parallel). Ask once.
        job = Optional.ofNullable(context.getClient().resources(BackupJob.class)
            .inNamespace(item.getMetadata().getNamespace()).withName(ref.getName()).get());
      }
      if (job.isPresent() && !job.get().isMarkedForDeletion()) {
        return UpdateControl.noUpdate();
      }
    }
    statuses.write(context.getClient(), item, statuses.withoutBackupJob(item));
    return UpdateControl.noUpdate();
  }
}
