package dev.vb365.simulator.store;

import dev.vb365.simulator.model.CopySchedulePolicy;
import java.time.Instant;
import java.util.UUID;

/**
 * A backup copy job as the simulator stores it: it copies the restore points of one backup job
 * ({@code backupJobId}, in the same organization) to an archive-tier object storage repository. Immutable, like
 * {@link Job}; lastStatus is null until it first runs (rendered as Stopped).
 */
public record CopyJob(UUID id, UUID backupJobId, UUID organizationId, UUID repositoryId, String name,
    CopySchedulePolicy schedulePolicy, boolean enabled, long eTag, Instant lastRun, Instant lastBackup,
    String lastStatus, UUID runningSessionId) {

  CopyJob withSettings(UUID backupJob, UUID repository, CopySchedulePolicy policy, boolean isEnabled, String newName) {
    return new CopyJob(id, backupJob, organizationId, repository, newName, policy, isEnabled, eTag, lastRun,
        lastBackup, lastStatus, runningSessionId);
  }

  CopyJob withRun(Instant run, Instant backup, String status, UUID running) {
    return new CopyJob(id, backupJobId, organizationId, repositoryId, name, schedulePolicy, enabled, eTag, run, backup,
        status, running);
  }

  CopyJob withETag(long value) {
    return new CopyJob(id, backupJobId, organizationId, repositoryId, name, schedulePolicy, enabled, value, lastRun,
        lastBackup, lastStatus, runningSessionId);
  }
}
