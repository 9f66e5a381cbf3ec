package dev.vb365.simulator.store;

import java.time.Instant;
import java.util.UUID;

/**
 * One run of a job: Running until it ends as Success, Warning, Failed or Stopped. {@code jobType} is Backup (a
 * backup job's session) or Copy (a backup copy job's session; then {@code jobId} is the copy job's id).
 */
public record JobSession(UUID id, UUID jobId, String jobType, UUID repositoryId, UUID proxyId, Instant creationTime,
    Instant endTime, String status, long eTag, boolean full, long processedObjects) {

  public static final String BACKUP = "Backup";
  public static final String COPY = "Copy";

  public boolean running() {
    return "Running".equals(status);
  }

  public boolean copy() {
    return COPY.equals(jobType);
  }

  JobSession end(String newStatus, Instant at, long objects) {
    return new JobSession(id, jobId, jobType, repositoryId, proxyId, creationTime, at, newStatus, eTag + 1, full,
        objects);
  }
}
