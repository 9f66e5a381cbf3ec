package dev.vb365.operator.veeam.model;

import java.time.Instant;

/**
 * A backup copy job as the operator sees it, whatever the API version.
 *
 * @param organizationId v8 only ({@code null} before)
 * @param lastBackup v7 and v8 ({@code null} on v6)
 * @param eTag the copy job's version counter; {@code null} before v8, which has none
 */
public record CopyJob(
        String id,
        String name,
        String backupJobId,
        String organizationId,
        String repositoryId,
        boolean isEnabled,
        CopySchedulePolicy schedulePolicy,
        Instant lastRun,
        Instant nextRun,
        Instant lastBackup,
        JobStatus lastStatus,
        Long eTag) {
}
