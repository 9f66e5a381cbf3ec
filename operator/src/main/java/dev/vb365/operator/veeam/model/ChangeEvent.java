package dev.vb365.operator.veeam.model;

/**
 * One entry of {@code /v8/Events} (RESTEvent).
 *
 * @param id the job id for job events, the session id for session events
 * @param eTag the object's new eTag where the event carries one
 * @param jobId the job a session or item event belongs to
 * @param status the session status of a {@code JobSessionUpdate}
 * @param jobType {@code Backup} or {@code Copy} as sent ({@code null} when absent)
 */
public record ChangeEvent(EventType type, String id, Long eTag, String jobId, JobStatus status, String jobType,
        String organizationId) {

    /** Whether this event concerns a backup copy job (jobType Copy). */
    public boolean isCopyJob() {
        return !type.isDirectory() && jobType != null && jobType.equalsIgnoreCase("Copy");
    }

    /** Whether this event concerns a backup job (not a backup copy job). */
    public boolean isBackupJob() {
        return !type.isDirectory() && (jobType == null || jobType.equalsIgnoreCase("Backup"));
    }
}
