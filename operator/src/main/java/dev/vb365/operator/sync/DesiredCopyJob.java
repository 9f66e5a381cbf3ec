package dev.vb365.operator.sync;

import java.util.Objects;

/** The backup copy job a BackupCopyJob asks for, with every name resolved to a VB365 id. */
public record DesiredCopyJob(String backupJobId, String organizationId, String repositoryId, boolean enabled,
    CopySchedule schedule) {

  public DesiredCopyJob {
    Objects.requireNonNull(backupJobId, "backupJobId");
    Objects.requireNonNull(repositoryId, "repositoryId");
    Objects.requireNonNull(schedule, "schedule");
  }
}
