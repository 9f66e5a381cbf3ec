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
}
