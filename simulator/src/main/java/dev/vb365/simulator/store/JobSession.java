package dev.vb365.simulator.store;

import java.time.Instant;
import java.util.UUID;

/** One run of a job: Running until it ends as Success, Warning, Failed or Stopped. */
public record JobSession(UUID id, UUID jobId, UUID repositoryId, UUID proxyId, Instant creationTime,
    Instant endTime, String status, long eTag, boolean full, long processedObjects) {

  public boolean running() {
    return "Running".equals(status);
  }

  JobSession end(String newStatus, Instant at, long objects) {
    return new JobSession(id, jobId, repositoryId, proxyId, creationTime, at, newStatus, eTag + 1, full, objects);
  }
}
