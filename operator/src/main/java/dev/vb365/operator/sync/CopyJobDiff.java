package dev.vb365.operator.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How a backup copy job differs from its BackupCopyJob, field by field, and the settings one PUT sends to close the
 * difference (VB365's copy job edit takes every setting at once). Pure.
 */
public final class CopyJobDiff {

  private CopyJobDiff() {
  }

  /** The differences, in spec order; empty: VB365 matches the spec. */
  public static List<Difference> differences(DesiredCopyJob desired, ObservedCopyJob observed) {
    List<Difference> out = new ArrayList<>();
    if (!desired.backupJobId().equalsIgnoreCase(String.valueOf(observed.backupJobId()))) {
      out.add(Difference.of("backupJobRef", observed.backupJobId(), desired.backupJobId()));
    }
    if (!desired.repositoryId().equalsIgnoreCase(String.valueOf(observed.repositoryId()))) {
      out.add(Difference.of("repository", observed.repositoryId(), desired.repositoryId()));
    }
    if (desired.enabled() != observed.enabled()) {
      out.add(Difference.of("enabled", observed.enabled(), desired.enabled()));
    }
    CopySchedule d = desired.schedule();
    CopySchedule o = observed.schedule();
    if (o == null) {
      out.add(Difference.of("schedulePolicy", null, d));
      return out;
    }
    String p = "schedulePolicy.";
    if (d.type() != o.type()) {
      out.add(Difference.of(p + "type", o.type(), d.type()));
    }
    if (d.dailyType() != o.dailyType()) {
      out.add(Difference.of(p + "dailyType", o.dailyType(), d.dailyType()));
    }
    if (!Objects.equals(d.dailyTime(), o.dailyTime())) {
      out.add(Difference.of(p + "dailyTime", o.dailyTime(), d.dailyTime()));
    }
    if (d.periodicallyEvery() != o.periodicallyEvery()) {
      out.add(Difference.of(p + "periodicallyEvery", o.periodicallyEvery(), d.periodicallyEvery()));
    }
    if (!JobDiff.windowsMatch(d.window(), o.window())) {
      out.add(Difference.of(p + "copyWindow", o.window(), d.window()));
    }
    return out;
  }

  /** The settings to send: the desired ones, keeping VB365's window minute offset where the spec states none. */
  public static DesiredCopyJob toSend(DesiredCopyJob desired, ObservedCopyJob observed) {
    CopySchedule d = desired.schedule();
    BackupWindow window = d.window();
    if (window != null && window.minuteOffset() == null && observed != null && observed.schedule() != null
        && observed.schedule().window() != null) {
      window = window.withMinuteOffset(observed.schedule().window().minuteOffset());
    }
    return new DesiredCopyJob(desired.backupJobId(), desired.organizationId(), desired.repositoryId(),
        desired.enabled(), new CopySchedule(d.type(), d.dailyType(), d.dailyTime(), d.periodicallyEvery(), window));
  }

  /** The differences as they stand, in words. */
  public static String summary(List<Difference> differences) {
    return differences.stream().map(Difference::toString).collect(Collectors.joining("; "));
  }

  /** The differences as changes made outside Kubernetes, in words. */
  public static String driftSummary(List<Difference> differences) {
    return differences.stream().map(Difference::asDrift).collect(Collectors.joining("; "));
  }
}
