package dev.vb365.operator.veeam.model;

import java.time.LocalTime;

/**
 * RESTCopyJobSchedulePolicy. Fields may be {@code null}: the server leaves out what does not apply, and a
 * {@code null} in a request body is not sent.
 *
 * @param backupCopyWindowSettings the hours the copy may run in (RESTBackupWindowSettings, as for backup jobs)
 */
public record CopySchedulePolicy(
        CopyScheduleType type,
        PeriodicInterval periodicallyEvery,
        DailyType dailyType,
        LocalTime dailyTime,
        Boolean backupCopyWindowEnabled,
        BackupWindow backupCopyWindowSettings) {
}
