package dev.vb365.operator.controller;

import dev.vb365.operator.sync.DesiredJob;
import dev.vb365.operator.sync.ObservedJob;

/**
 * The name and description a BackupJob asks for, with its ownership marker: pure helpers of the diff step. An
 * adopted or observed job keeps what the spec leaves out (its VB365 name, and its description when the spec has
 * none); ObserveOnly compares and writes no marker.
 */
final class MarkedJob {

  private MarkedJob() {
  }

  static DesiredJob desired(DesiredJob desired, ObservedJob observed, boolean keepObserved, boolean unmarked,
      String marker, boolean descriptionOmitted) {
    String name = desired.name();
    String description = desired.description();
    if (keepObserved && observed != null) {
      name = observed.name();
      if (descriptionOmitted) {
        description = OwnershipMarker.strip(observed.description());
      }
    }
    description = unmarked ? description : OwnershipMarker.describe(description, marker);
    return new DesiredJob(desired.organizationId(), desired.repositoryId(), name, description, desired.backupType(),
        desired.enabled(), desired.schedule(), desired.selectedItems(), desired.excludedItems());
  }

  /** The observed job as an unmarked BackupJob compares it: without any marker in its description. */
  static ObservedJob withoutMarker(ObservedJob job) {
    return new ObservedJob(job.id(), job.eTag(), job.organizationId(), job.repositoryId(), job.name(),
        OwnershipMarker.strip(job.description()), job.backupType(), job.enabled(), job.schedule(),
        job.selectedItems(), job.excludedItems(), job.lastStatus(), job.lastRun(), job.nextRun(),
        job.lastBackup());
  }
}
