package dev.vb365.operator.veeam.model;

import java.time.Instant;

/** One run of a job. {@code endTime} is {@code null} while it runs. */
public record JobSession(String id, String jobId, JobStatus status, Instant startTime, Instant endTime,
        String details) {
}
