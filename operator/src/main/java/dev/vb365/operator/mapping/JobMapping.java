package dev.vb365.operator.mapping;

import dev.vb365.operator.api.BackupType;
import dev.vb365.operator.sync.DesiredJob;
import dev.vb365.operator.sync.JobSettings;
import dev.vb365.operator.sync.ObservedItem;
import dev.vb365.operator.sync.ObservedJob;
import dev.vb365.operator.sync.Operation;
import dev.vb365.operator.veeam.model.Job;
import dev.vb365.operator.veeam.model.JobEdit;
import dev.vb365.operator.veeam.model.JobStatus;
import dev.vb365.operator.veeam.model.NewJob;
import java.util.List;

/**
 * Between VB365 jobs (the client's model) and the domain: a {@link Job} plus its item lists is an
 * {@link ObservedJob}; a create or settings operation of a plan is the request body the client
 * sends. Pure; items and schedules are mapped by {@link ItemMapping} and {@link ScheduleMapping}.
 */
public final class JobMapping {

  private JobMapping() {
  }

  /**
   * The job as the diff sees it.
   *
   * @throws UnreadableJobException when VB365 reports something the domain has no word for
   */
  public static ObservedJob toObserved(Job job, List<ObservedItem> selected, List<ObservedItem> excluded) {
    if (job.organizationId() == null) {
      throw new UnreadableJobException("VB365 does not say which organization job " + job.id() + " belongs to");
    }
    if (job.name() == null) {
      throw new UnreadableJobException("job " + job.id() + " has no name");
    }
    try {
      return new ObservedJob(job.id(), job.eTag(), job.organizationId(), job.repositoryId(), job.name(),
          job.description(), backupType(job.backupType()), job.isEnabled(),
          ScheduleMapping.toDomain(job.schedulePolicy()), selected, excluded, lastStatus(job.lastStatus()),
          job.lastRun(), job.nextRun(), job.lastBackup());
    } catch (UnreadableJobException e) {
      // Say which job: a user with many jobs must find it (and may have to upgrade the operator).
      throw new UnreadableJobException("job " + job.id() + " \"" + job.name() + "\": " + e.reason()
          + " (a newer VB365 version?)");
    }
  }

  /** VB365's wire name of a run status ("Success", "Failed", ...); "Unknown" for values the client does not know. */
  public static String lastStatus(JobStatus status) {
    if (status == null) {
      return null;
    }
    return status == JobStatus.UNKNOWN ? "Unknown" : status.wireName();
  }

  public static BackupType backupType(dev.vb365.operator.veeam.model.BackupType type) {
    if (type == null || type == dev.vb365.operator.veeam.model.BackupType.UNKNOWN) {
      throw new UnreadableJobException("its backup type is " + (type == null ? "missing" : "one this operator does not "
          + "know"));
    }
    return type == dev.vb365.operator.veeam.model.BackupType.ENTIRE_ORGANIZATION ? BackupType.EntireOrganization
        : BackupType.SelectedItems;
  }

  public static dev.vb365.operator.veeam.model.BackupType backupType(BackupType type) {
    return type == BackupType.EntireOrganization ? dev.vb365.operator.veeam.model.BackupType.ENTIRE_ORGANIZATION
        : dev.vb365.operator.veeam.model.BackupType.SELECTED_ITEMS;
  }

  /** The body of "create job" with every item inline: one call. */
  public static NewJob newJob(DesiredJob job, ItemObjects objects) {
    return newJob(job, objects, false);
  }

  /** As {@link #newJob(DesiredJob, ItemObjects)}; {@code runNow} starts the job with the same call. */
  public static NewJob newJob(DesiredJob job, ItemObjects objects, boolean runNow) {
    return new NewJob(job.name(), job.description(), job.organizationId(), job.repositoryId(),
        backupType(job.backupType()), job.enabled(), runNow ? Boolean.TRUE : null, ScheduleMapping.toVeeam(job.schedule()),
        ItemMapping.toVeeam(job.selectedItems(), objects), ItemMapping.toVeeam(job.excludedItems(), objects));
  }

  /**
   * The body of the settings PUT. Item lists are left out (the items are managed one call per list)
   * except when the job switches to SelectedItems: then the selected items travel in the same PUT.
   */
  public static JobEdit edit(Operation.UpdateJobSettings operation, ItemObjects objects) {
    JobSettings s = operation.settings();
    return new JobEdit(s.name(), s.description(), s.repositoryId(), backupType(s.backupType()), s.enabled(),
        ScheduleMapping.toVeeam(s.schedule()),
        operation.selectedItems().isEmpty() ? null : ItemMapping.toVeeam(operation.selectedItems(), objects), null);
  }
}
