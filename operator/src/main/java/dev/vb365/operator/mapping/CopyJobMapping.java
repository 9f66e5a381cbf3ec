package dev.vb365.operator.mapping;

import dev.vb365.operator.api.CopyScheduleType;
import dev.vb365.operator.sync.CopySchedule;
import dev.vb365.operator.sync.DesiredCopyJob;
import dev.vb365.operator.sync.JobFingerprint;
import dev.vb365.operator.sync.ObservedCopyJob;
import dev.vb365.operator.veeam.model.CopyJob;
import dev.vb365.operator.veeam.model.CopyJobSettings;
import dev.vb365.operator.veeam.model.CopySchedulePolicy;
import dev.vb365.operator.veeam.model.JobStatus;

/** Backup copy jobs between the wire model and the diff's values. */
public final class CopyJobMapping {

  private CopyJobMapping() {
  }

  /** The copy job as the diff sees it; before v8 (no eTag) its version is a fingerprint of its settings. */
  public static ObservedCopyJob toObserved(CopyJob job) {
    CopySchedule schedule = schedule(job.schedulePolicy());
    String version = job.eTag() != null ? String.valueOf(job.eTag())
        : JobFingerprint.ofCopyJob(job.backupJobId(), job.repositoryId(), job.isEnabled(), schedule);
    JobStatus status = job.lastStatus();
    return new ObservedCopyJob(job.id(), job.name(), job.backupJobId(), job.repositoryId(), job.isEnabled(), schedule,
        status == null || status == JobStatus.UNKNOWN ? null : status.wireName(), job.lastRun(), job.nextRun(),
        job.lastBackup(), job.eTag(), version);
  }

  /** What a create or an edit sends: only the fields of the schedule's type, the window with its switch. */
  public static CopyJobSettings toVeeam(DesiredCopyJob job) {
    CopySchedule s = job.schedule();
    CopySchedulePolicy policy = new CopySchedulePolicy(type(s.type()), ScheduleMapping.interval(s.periodicallyEvery()),
        ScheduleMapping.dailyType(s.dailyType()), s.dailyTime(), s.window() != null,
        ScheduleMapping.windowBody(s.window()));
    return new CopyJobSettings(job.backupJobId(), job.organizationId(), job.repositoryId(), job.enabled(), policy);
  }

  /** {@code null} when VB365 sent no schedule or a type this operator does not know. */
  static CopySchedule schedule(CopySchedulePolicy p) {
    if (p == null || p.type() == null) {
      return null;
    }
    CopyScheduleType type = switch (p.type()) {
      case IMMEDIATE -> CopyScheduleType.Immediate;
      case PERIODICALLY -> CopyScheduleType.Periodically;
      case DAILY_AT_TIME -> CopyScheduleType.Daily;
      case UNKNOWN -> null;
    };
    if (type == null) {
      return null;
    }
    return new CopySchedule(type, ScheduleMapping.dailyType(p.dailyType()), p.dailyTime(),
        ScheduleMapping.interval(p.periodicallyEvery()),
        Boolean.TRUE.equals(p.backupCopyWindowEnabled()) ? ScheduleMapping.window(p.backupCopyWindowSettings()) : null);
  }

  private static dev.vb365.operator.veeam.model.CopyScheduleType type(CopyScheduleType type) {
    return switch (type) {
      case Immediate -> dev.vb365.operator.veeam.model.CopyScheduleType.IMMEDIATE;
      case Periodically -> dev.vb365.operator.veeam.model.CopyScheduleType.PERIODICALLY;
      case Daily -> dev.vb365.operator.veeam.model.CopyScheduleType.DAILY_AT_TIME;
    };
  }
}
