package dev.vb365.simulator.model;

import java.time.LocalTime;

/**
 * A job's schedule as stored by the simulator, normalised: the fields that do not apply to the schedule
 * type are null. {@link #manualDefault()} is what a job created without a schedulePolicy gets.
 */
public record SchedulePolicy(
    boolean scheduleEnabled,
    ScheduleType type,
    PeriodicInterval periodicallyEvery,
    Integer periodicallyOffsetMinutes,
    DailyKind dailyType,
    LocalTime dailyTime,
    boolean backupWindowEnabled,
    BackupWindow backupWindow,
    boolean periodicallyWindowEnabled,
    BackupWindow periodicallyWindow,
    boolean retryEnabled,
    int retryNumber,
    int retryWaitInterval) {

  public static final int DEFAULT_RETRY_NUMBER = 3;
  public static final int DEFAULT_RETRY_WAIT_MINUTES = 10;

  public static SchedulePolicy manualDefault() {
    return new SchedulePolicy(false, ScheduleType.ManualOnly, null, null, null, null, false, null, false, null,
        true, DEFAULT_RETRY_NUMBER, DEFAULT_RETRY_WAIT_MINUTES);
  }
}
