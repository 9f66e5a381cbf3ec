package dev.vb365.operator.veeam.model;

/**
 * What a create or an edit of a backup copy job sends: v8 RESTCreateCopyJob / RESTEditCopyJob, v6/v7 RESTCopyJob
 * (which has no organizationId: it is not sent there).
 */
public record CopyJobSettings(
        String backupJobId,
        String organizationId,
        String repositoryId,
        boolean isEnabled,
        CopySchedulePolicy schedulePolicy) {
}
