package dev.vb365.operator.veeam.model;

import java.time.Instant;

/**
 * A backup job as the operator sees it, whatever the API version.
 *
 * @param organizationId the organization; on v6/v7 (whose job body has no such field) taken from the
 *     job's links or from the organization the job was listed under, {@code null} if neither is known
 * @param isEnabled whether the job is enabled ({@code false} when the server sends null)
 * @param eTag the job's version counter; {@code null} before v8, which has none
 */
public record Job(
        String id,
        String name,
        String description,
        String organizationId,
        String repositoryId,
        BackupType backupType,
        boolean isEnabled,
        SchedulePolicy schedulePolicy,
        Instant lastRun,
        Instant nextRun,
        Instant lastBackup,
        JobStatus lastStatus,
        Long eTag) {

    /** The same job without the fields a run changes: what a user configured. */
    public Job configuration() {
        return new Job(id, name, description, organizationId, repositoryId, backupType, isEnabled, schedulePolicy,
                null, null, null, null, null);
    }

    /** Whether the run state (last run, last backup, last status) differs from {@code other}'s. */
    public boolean runStateDiffers(Job other) {
        return !java.util.Objects.equals(lastRun, other.lastRun)
                || !java.util.Objects.equals(lastBackup, other.lastBackup)
                || lastStatus != other.lastStatus;
    }
}
