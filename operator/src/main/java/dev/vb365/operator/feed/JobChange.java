package dev.vb365.operator.feed;

import dev.vb365.operator.veeam.model.JobStatus;

/**
 * One change of a VB365 job, as the change feed reports it.
 *
 * @param eTag the job's eTag after the change, as far as the feed knows it ({@code null} before v8
 *     and for deleted jobs)
 * @param sessionStatus the run's status for {@link JobChangeKind#SESSION_UPDATED}, else {@code null}
 */
public record JobChange(String jobId, Long eTag, JobChangeKind kind, JobStatus sessionStatus) {

    /** A change of an organization's directory: its id stands where a job's would. */
    public static JobChange directory(String organizationId) {
        return new JobChange(organizationId, null, JobChangeKind.DIRECTORY_CHANGED, null);
    }

    /** A change of one directory object: its id stands where a job's would. */
    public static JobChange directoryObject(String objectId) {
        return new JobChange(objectId, null, JobChangeKind.DIRECTORY_OBJECT_CHANGED, null);
    }

    /** A backup copy job's change: its id stands where a backup job's would. */
    public static JobChange copyJob(String copyJobId, Long eTag) {
        return new JobChange(copyJobId, eTag, JobChangeKind.COPY_JOB_CHANGED, null);
    }

    /** Copy job changes may have been missed (the feed relisted). */
    public static JobChange copyJobsUnseen() {
        return new JobChange(null, null, JobChangeKind.COPY_JOBS_UNSEEN, null);
    }

    public boolean isCopyJob() {
        return kind == JobChangeKind.COPY_JOB_CHANGED || kind == JobChangeKind.COPY_JOBS_UNSEEN;
    }

    public boolean isDirectory() {
        return kind == JobChangeKind.DIRECTORY_CHANGED || kind == JobChangeKind.DIRECTORY_OBJECT_CHANGED;
    }
}
