package dev.vb365.operator.controller;

import dev.vb365.operator.api.JobItem;
import dev.vb365.operator.api.JobItemStatus;
import dev.vb365.operator.sync.FieldError;
import dev.vb365.operator.sync.SpecValidation;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds and writes JobItem statuses, for both writers: the BackupJob reconciler, which decides
 * about the JobItems of a BackupJob that exists, and the JobItem reconciler, which speaks for
 * JobItems whose BackupJob does not (or no longer) exist. A status is written only when it differs
 * from the one the JobItem has, or the one last written (the informer may not show it yet).
 */
final class JobItemStatuses {

  private static final Logger LOG = LoggerFactory.getLogger(JobItemStatuses.class);

  private final Clock clock;
  private final Map<String, JobItemStatus> lastWritten = new ConcurrentHashMap<>();

  JobItemStatuses(Clock clock) {
    this.clock = clock;
  }

  JobItemStatus status(JobItem item, String jobId, String itemId, Conditions.Verdict ready) {
    JobItemStatus status = new JobItemStatus();
    long generation = generation(item);
    status.setObservedGeneration(generation);
    status.setJobId(jobId);
    status.setItemId(itemId);
    status.setConditions(Conditions.jobItem(item.getStatus() == null ? null : item.getStatus().getConditions(),
        generation, clock.instant(), ready));
    return status;
  }

  /** The verdict for a JobItem that is invalid, or null when its spec is fine. */
  static Conditions.Verdict invalid(JobItem item) {
    List<FieldError> errors = SpecValidation.of(item.getSpec());
    return errors.isEmpty() ? null : Conditions.Verdict.isFalse(Reasons.INVALID_SPEC,
        errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
  }

  /** The status of a JobItem whose BackupJob is missing or being deleted. */
  JobItemStatus withoutBackupJob(JobItem item) {
    Conditions.Verdict invalid = invalid(item);
    String ref = item.getSpec() == null || item.getSpec().getJobRef() == null ? null
        : item.getSpec().getJobRef().getName();
    return status(item, null, null, invalid != null ? invalid : Conditions.Verdict.isFalse(Reasons.BACKUP_JOB_NOT_FOUND,
        "BackupJob " + ref + " does not exist in namespace " + item.getMetadata().getNamespace()));
  }

  /**
   * Writes the status unless the JobItem has it (or it was just written); false when the write failed (a
   * conflict with another writer, or the JobItem is gone): the caller should come back soon, since a JobItem's
   * own metadata changes do not wake its BackupJob.
   */
  boolean write(KubernetesClient client, JobItem item, JobItemStatus status) {
    String uid = item.getMetadata().getUid() == null ? item.getMetadata().getNamespace() + "/"
        + item.getMetadata().getName() : item.getMetadata().getUid();
    if (status.equals(item.getStatus())) {
      lastWritten.remove(uid); // the cache has caught up: nothing to remember
      return true;
    }
    if (status.equals(lastWritten.get(uid))) {
      return true;
    }
    JobItem copy = new JobItem();
    copy.setMetadata(item.getMetadata());
    copy.setSpec(item.getSpec());
    copy.setStatus(status);
    try {
      client.resource(copy).updateStatus();
      lastWritten.put(uid, status);
      return true;
    } catch (KubernetesClientException e) {
      LOG.debug("Status of JobItem {}/{} not written: {}", item.getMetadata().getNamespace(),
          item.getMetadata().getName(), e.getMessage());
      return e.getCode() == 404; // gone: nothing left to write
    }
  }

  static long generation(JobItem item) {
    Long generation = item.getMetadata().getGeneration();
    return generation == null ? 0 : generation;
  }
}
