package dev.vb365.operator.veeam.model;

import java.time.Instant;

/**
 * One run of a job. {@code endTime} is {@code null} while it runs; {@code full} is null where the API does not say
 * (before v8), as are the other boxed values an older API lacks.
 */
public record JobSession(String id, String jobId, JobStatus status, Instant startTime, Instant endTime,
        String details, Boolean full, Long processedObjects, Long transferredBytes, Integer retryCount,
        Boolean willBeRetried) {
}
