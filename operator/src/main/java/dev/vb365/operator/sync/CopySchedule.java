package dev.vb365.operator.sync;

import dev.vb365.operator.api.CopyScheduleType;
import dev.vb365.operator.api.DailyType;
import dev.vb365.operator.api.PeriodicInterval;
import java.time.LocalTime;
import java.util.Objects;

/**
 * When a backup copy job copies, normalised: only the fields of its type are set.
 *
 * @param window the hours the copy may run in; {@code null}: any hour (VB365's backupCopyWindowEnabled false)
 */
public record CopySchedule(CopyScheduleType type, DailyType dailyType, LocalTime dailyTime,
    PeriodicInterval periodicallyEvery, BackupWindow window) {

  /** What VB365 does for a copy job created without a schedule, and what an omitted spec.schedulePolicy means. */
  public static final CopySchedule IMMEDIATE = new CopySchedule(CopyScheduleType.Immediate, null, null, null, null);

  public CopySchedule {
    Objects.requireNonNull(type, "type");
    if (type != CopyScheduleType.Daily) {
      dailyType = null;
      dailyTime = null;
    } else if (dailyType == null) {
      dailyType = DailyType.Everyday;
    }
    if (type != CopyScheduleType.Periodically) {
      periodicallyEvery = null;
    }
  }

  @Override
  public String toString() {
    String when = switch (type) {
      case Immediate -> "Immediate";
      case Periodically -> "every " + periodicallyEvery;
      case Daily -> dailyType + " at " + dailyTime;
    };
    return window == null ? when : when + ", window " + window;
  }
}
