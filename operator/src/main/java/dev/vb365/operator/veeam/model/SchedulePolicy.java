package dev.vb365.operator.veeam.model;

import java.time.LocalTime;

/**
 * All fields of RESTJobSchedulePolicy. Every field may be {@code null}: the server leaves out what
 * does not apply, and a {@code null} in a request body means "not sent".
 *
 * @param dailyTime the time of day of a daily run (sent as {@code HH:mm:ss})
 * @param periodicallyOffsetMinutes minutes after the hour at which periodic runs start
 * @param retryWaitInterval minutes between retries
 */
public record SchedulePolicy(
        Boolean scheduleEnabled,
        ScheduleType type,
        PeriodicInterval periodicallyEvery,
        Integer periodicallyOffsetMinutes,
        Boolean periodicallyWindowEnabled,
        BackupWindow periodicallyWindowSettings,
        DailyType dailyType,
        LocalTime dailyTime,
        Boolean backupWindowEnabled,
        BackupWindow backupWindowSettings,
        Boolean retryEnabled,
        Integer retryNumber,
        Integer retryWaitInterval) {

    /** A daily schedule at {@code time} on {@code days}, with retries as VB365 defaults them (3 times, 10 minutes). */
    public static SchedulePolicy daily(DailyType days, LocalTime time) {
        return new SchedulePolicy(true, ScheduleType.DAILY, null, null, null, null, days, time, false, null,
                true, 3, 10);
    }

    /** A periodic schedule every {@code interval}, with retries as VB365 defaults them. */
    public static SchedulePolicy periodically(PeriodicInterval interval) {
        return new SchedulePolicy(true, ScheduleType.PERIODICALLY, interval, null, false, null, null, null, false,
                null, true, 3, 10);
    }
}
