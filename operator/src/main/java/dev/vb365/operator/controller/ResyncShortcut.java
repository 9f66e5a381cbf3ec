package dev.vb365.operator.controller;

import dev.vb365.operator.api.BackupJobStatus;
import dev.vb365.operator.api.ConditionTypes;
import dev.vb365.operator.api.JobItem;
import dev.vb365.operator.veeam.VeeamConnection;
import dev.vb365.operator.veeam.model.Job;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each BackupJob last converged on: while its spec, JobItems, connection and VB365 job (eTag, items
 * generation) are the same, a resync has nothing to do and skips even the cached lookups (re-resolving every name
 * of every BackupJob each resync would cost VB365 requests in proportion to the number of jobs). Only while the
 * names were resolved within the lookup cache's lifetime: a user or group recreated with a new id, or a renamed
 * site, is seen within that lifetime plus a resync. v8 eTags only (v6/v7 have none).
 */
final class ResyncShortcut {

  /** The state a BackupJob converged on. */
  record Converged(long generation, List<String> jobItems, VeeamConnection connection, String jobId, long eTag,
      long itemGeneration, Instant resolvedAt) {
  }

  private final Map<ResourceID, Converged> converged = new ConcurrentHashMap<>();
  private final Duration lookupLifetime;

  ResyncShortcut(Duration lookupLifetime) {
    this.lookupLifetime = lookupLifetime;
  }

  /**
   * Whether nothing changed on either side since the BackupJob converged: its Kubernetes side as {@code status}
   * and the arguments say, its VB365 side as the change feed's snapshot ({@code now}, looked up only when the
   * Kubernetes side matched) says.
   */
  boolean unchanged(ResourceID id, long generation, List<JobItem> items, VeeamConnection connection,
      BackupJobStatus status, boolean runPending, Instant now, java.util.function.Function<String, Job> snapshot,
      java.util.function.ToLongFunction<String> itemGeneration) {
    Converged last = converged.get(id);
    if (last == null || last.generation() != generation || !last.jobItems().equals(keys(items))
        || !last.connection().equals(connection) || runPending || status == null
        || !Conditions.isTrueFor(status.getConditions(), ConditionTypes.READY, generation)
        || !Objects.equals(status.getJobId(), last.jobId()) || !String.valueOf(last.eTag()).equals(status.getETag())
        || now.isAfter(last.resolvedAt().plus(lookupLifetime))) {
      return false;
    }
    Job job = snapshot.apply(last.jobId());
    return job != null && job.eTag() != null && job.eTag() == last.eTag()
        && itemGeneration.applyAsLong(last.jobId()) == last.itemGeneration();
  }

  void remember(ResourceID id, Converged state) {
    converged.put(id, state);
  }

  void forget(ResourceID id) {
    converged.remove(id);
  }

  /** The JobItems as far as the desired job depends on them: which ones, at which spec generation. */
  static List<String> keys(List<JobItem> items) {
    return items.stream().map(i -> i.getMetadata().getUid() + "@" + i.getMetadata().getGeneration()).sorted().toList();
  }
}
