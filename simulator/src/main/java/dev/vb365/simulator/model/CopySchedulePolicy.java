package dev.vb365.simulator.model;

import java.time.LocalTime;

/**
 * A backup copy job's schedule (RESTCopyJobSchedulePolicy), normalised: the fields that do not apply to the type
 * may still be set (the server echoes what it was given), the window is the backup window representation
 * backup jobs use (RESTBackupWindowSettings, the same schema).
 *
 * <ul>
 *   <li>Immediate: the copy job runs right after its backup job produced a restore point (a backup session that
 *       ends Success or Warning); it has no nextRun;</li>
 *   <li>Periodically: every {@code periodicallyEvery} (required);</li>
 *   <li>DailyAtTime: at {@code dailyTime} (required) on the days of {@code dailyType} (default Everyday).</li>
 * </ul>
 */
public record CopySchedulePolicy(CopyScheduleType type, PeriodicInterval periodicallyEvery, DailyKind dailyType,
    LocalTime dailyTime, boolean windowEnabled, BackupWindow window) {

  /** What a copy job created without a schedulePolicy gets. */
  public static CopySchedulePolicy immediateDefault() {
    return new CopySchedulePolicy(CopyScheduleType.Immediate, null, null, null, false, null);
  }

  /**
   * The same schedule as a backup job's, for {@link NextRunCalculator}: DailyAtTime as Daily, Periodically as
   * Periodically with the copy window as the backup window; Immediate as ManualOnly (no nextRun).
   */
  public SchedulePolicy asJobSchedule() {
    return switch (type) {
      case Immediate -> SchedulePolicy.manualDefault();
      case Periodically -> new SchedulePolicy(true, ScheduleType.Periodically, periodicallyEvery, null, null, null,
          windowEnabled, window, false, null, false, 0, 0);
      case DailyAtTime -> new SchedulePolicy(true, ScheduleType.Daily, null, null, dailyType, dailyTime,
          windowEnabled, window, false, null, false, 0, 0);
    };
  }
}
