package dev.vb365.operator.sync;

import dev.vb365.operator.api.PeriodicInterval;
import dev.vb365.operator.api.DailyType;
import dev.vb365.operator.api.ScheduleType;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * When a job runs, VB365's schedule policy in domain terms. Fields that do not apply to the type
 * may hold whatever VB365 kept; {@link #normalized()} clears them so they never show as differences.
 *
 * @param periodicallyWindow hours a Periodically-every-N-hours schedule may start in; null: every hour
 * @param backupWindow hours a run may last into; null: no backup window
 */
public record Schedule(ScheduleType type, DailyType dailyType, LocalTime dailyTime, PeriodicInterval periodicallyEvery,
    int periodicallyOffsetMinutes, BackupWindow periodicallyWindow, BackupWindow backupWindow, Retry retry) {

  /** The schedule of a BackupJob that says nothing: daily at 22:00, retries on. */
  public static final Schedule DEFAULT = daily(DailyType.Everyday, LocalTime.of(22, 0));

  public Schedule {
    Objects.requireNonNull(type, "type");
    retry = retry == null ? Retry.DEFAULT : retry;
    dailyTime = dailyTime == null ? null : dailyTime.truncatedTo(ChronoUnit.MINUTES);
    if (type == ScheduleType.Daily && dailyType == null) {
      dailyType = DailyType.Everyday;
    }
    // A missing dailyTime or interval is not refused here: an observed job may lack them (servers
    // send nulls), and the diff then shows them as differences. The spec side requires them
    // (SchedulePolicyMapper).
  }

  public static Schedule daily(DailyType days, LocalTime time) {
    return new Schedule(ScheduleType.Daily, days, time, null, 0, null, null, Retry.DEFAULT);
  }

  public static Schedule periodically(PeriodicInterval every) {
    return new Schedule(ScheduleType.Periodically, null, null, every, 0, null, null, Retry.DEFAULT);
  }

  public static Schedule manualOnly() {
    return new Schedule(ScheduleType.ManualOnly, null, null, null, 0, null, null, Retry.DEFAULT);
  }

  public Schedule withBackupWindow(BackupWindow window) {
    return new Schedule(type, dailyType, dailyTime, periodicallyEvery, periodicallyOffsetMinutes, periodicallyWindow,
        window, retry);
  }

  public Schedule withPeriodicallyWindow(BackupWindow window, int offsetMinutes) {
    return new Schedule(type, dailyType, dailyTime, periodicallyEvery, offsetMinutes, window, backupWindow, retry);
  }

  public Schedule withRetry(Retry newRetry) {
    return new Schedule(type, dailyType, dailyTime, periodicallyEvery, periodicallyOffsetMinutes, periodicallyWindow,
        backupWindow, newRetry);
  }

  /**
   * Only what the type uses: daily fields for Daily, the interval (and, every N hours, the
   * periodically window and offset) for Periodically, no backup window for ManualOnly; a window
   * that allows every hour is the same as none; a disabled retry has no count.
   */
  public Schedule normalized() {
    boolean daily = type == ScheduleType.Daily;
    boolean periodic = type == ScheduleType.Periodically;
    boolean hourly = periodic && periodicallyEvery != null && periodicallyEvery.inHours();
    BackupWindow periodicWindow = hourly ? withoutAlways(periodicallyWindow) : null;
    return new Schedule(type, daily ? dailyType : null, daily ? dailyTime : null, periodic ? periodicallyEvery : null,
        hourly ? periodicallyOffsetMinutes : 0, periodicWindow,
        type == ScheduleType.ManualOnly ? null : withoutAlways(backupWindow), retry.normalized());
  }

  private static BackupWindow withoutAlways(BackupWindow window) {
    return window == null || window.allowedHourCount() == BackupWindow.HOURS_PER_WEEK ? null : window;
  }
}
