package dev.vb365.operator.controller;

import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.veeam.VeeamClient;
import dev.vb365.operator.veeam.model.Job;

/**
 * Removes copies of a BackupJob's job: other jobs with this cluster's exact marker of the BackupJob were made by a
 * create the operator never heard back from (one still in flight when an operator stopped, processed after the
 * next one had created the job itself). Nothing else writes that marker, so they go, unless they have backed up
 * already (then a person should decide: a warning says which). Jobs of other BackupJobs or clusters are never
 * touched.
 */
final class DuplicateSweep {

  private final JobObserver observer;

  DuplicateSweep(JobObserver observer) {
    this.observer = observer;
  }

  void sweep(VeeamClient client, JobSource source, String marker, String jobId, BackupJob about, EventSink events) {
    if (source == null || !source.hasSynced()) {
      return;
    }
    for (Job copy : source.jobs()) {
      if (copy.id().equals(jobId) || !OwnershipMarker.marks(copy.description(), marker)) {
        continue;
      }
      if (copy.lastRun() != null) {
        events.warning(about, "DuplicateJob", "VB365 job " + copy.id() + " also carries this BackupJob's marker and "
            + "has run already, so the operator leaves it; the BackupJob manages job " + jobId);
        continue;
      }
      boolean existed = client.deleteJob(copy.id());
      observer.forget(copy.id());
      if (existed) {
        events.normal(about, "DuplicateJobDeleted", "deleted VB365 job " + copy.id() + ", a copy of job " + jobId
            + " made by a create whose answer never came back");
      }
    }
  }
}
