package dev.vb365.operator.controller;

import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.veeam.VeeamClient;
import dev.vb365.operator.veeam.VeeamClientPool;
import dev.vb365.operator.veeam.VeeamConnection;
import dev.vb365.operator.veeam.VeeamException;
import dev.vb365.operator.veeam.model.Job;
import dev.vb365.operator.veeam.model.JobEdit;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * What deleting a BackupJob does to its VB365 job: deletionPolicy Delete deletes it (only if it is this BackupJob's:
 * never another owner's), Orphan hands it back without its ownership marker. The connection comes from the Secret
 * at that moment, never from memory, so a deletion does the same before and after a restart.
 */
final class JobDeletion {

  /** What became of the job, for an Event: Normal unless {@code warning}. */
  record Result(String reason, String message, boolean warning) {
  }

  private final ConnectionSecrets secrets;
  private final VeeamClientPool pool;
  private final ServerGate gate;
  private final JobWatch watch;
  private final Clock clock;

  JobDeletion(ConnectionSecrets secrets, VeeamClientPool pool, ServerGate gate, JobWatch watch, Clock clock) {
    this.secrets = secrets;
    this.pool = pool;
    this.gate = gate;
    this.watch = watch;
    this.clock = clock;
  }

  /**
   * deletionPolicy Delete. Without the Secret it fails (the finalizer stays, so Delete never quietly becomes
   * Orphan; the message says what to do); a create still pending is waited out first, then looked for afresh.
   *
   * @return what happened, or empty when there was no job to delete
   */
  Optional<Result> delete(BackupJob job, KubernetesClient kubernetes, String knownJobId, OwnershipMarker.Owner me) {
    VeeamConnection server;
    try {
      server = secrets.connection(job, secrets.read(kubernetes, job));
    } catch (ReconcileFailure secretProblem) {
      throw new ReconcileFailure(secretProblem.reason(), "cannot delete the VB365 job"
          + (knownJobId == null ? "" : " " + knownJobId) + ": " + secretProblem.getMessage() + "; restore the "
          + "Secret, or set spec.deletionPolicy: Orphan to leave the job in VB365 and let the BackupJob go",
          ReconcileFailure.Retry.TRANSIENT, null, null);
    }
    String pending = knownJobId != null || job.getStatus() == null ? null : job.getStatus().getCreatePendingSince();
    if (pending != null) {
      Duration left = CreateIntent.remaining(pending, clock.instant(), server.timeouts().call());
      if (!left.isZero()) {
        // A create may still land: deleting now could leave it behind, so wait it out, then list afresh.
        throw new ReconcileFailure(Reasons.CREATE_OUTCOME_UNKNOWN, "a create of the job sent at " + pending
            + " may still be in flight; the operator deletes the job once it can tell", ReconcileFailure.Retry.TRANSIENT,
            CreateIntent.nextLook(left), null);
      }
    }
    VeeamClient client = pool.clientFor(server);
    try {
      return Optional.ofNullable(gate.call(server, () -> {
        JobSource source = watch.attach(ResourceID.fromResource(job), server, client);
        String jobId = knownJobId != null ? knownJobId
            : JobLocator.findOurs(pending != null ? null : source, client, me.marker());
        if (jobId == null) {
          return null;
        }
        Optional<Job> found = source.hasSynced() && source.job(jobId).isPresent() ? source.job(jobId)
            : client.findJob(jobId);
        if (found.isEmpty()) {
          return new Result("JobDeleted", "VB365 job " + jobId + " was already gone", false);
        }
        OwnershipMarker.Relation relation = OwnershipMarker.relation(found.get().description(), me);
        if (relation == OwnershipMarker.Relation.OTHER_CLUSTER || relation == OwnershipMarker.Relation.OTHER_BACKUPJOB) {
          // Another owner's job (taken over since, or shared by mistake): never deleted from here.
          return new Result("JobNotDeleted", "VB365 job " + jobId + " is managed by "
              + OwnershipMarker.owner(found.get().description()).orElseThrow().describe() + ", so it is left in VB365",
              true);
        }
        return new Result("JobDeleted", client.deleteJob(jobId) ? "deleted VB365 job " + jobId
            : "VB365 job " + jobId + " was already gone", false);
      }));
    } catch (VeeamException e) {
      throw VeeamFailures.of(e);
    }
  }

  /**
   * deletionPolicy Orphan hands the job back: its ownership marker goes (one PUT), so that no BackupJob takes it over
   * by the marker later; adopting it again takes spec.jobId. Leaving never blocks: without the Secret, or when VB365
   * fails, the BackupJob goes anyway and the result (a warning) says the marker stayed.
   */
  Result release(BackupJob job, KubernetesClient kubernetes, String jobId, OwnershipMarker.Owner me) {
    try {
      VeeamConnection server = secrets.connection(job, secrets.read(kubernetes, job));
      VeeamClient client = pool.clientFor(server);
      boolean released = gate.call(server, () -> {
        Optional<Job> found = client.findJob(jobId);
        if (found.isEmpty()) {
          return false;
        }
        Job current = found.get();
        OwnershipMarker.Relation relation = OwnershipMarker.relation(current.description(), me);
        if (relation != OwnershipMarker.Relation.OURS && relation != OwnershipMarker.Relation.OURS_LEGACY) {
          return false;
        }
        client.editJob(jobId, JobEdit.settings(current.name(), OwnershipMarker.strip(current.description()),
            current.repositoryId(), current.backupType(), current.isEnabled(), current.schedulePolicy()));
        return true;
      });
      return new Result("JobOrphaned", "left VB365 job " + jobId + " in place (deletionPolicy Orphan)"
          + (released ? " and removed this BackupJob's marker from its description" : ""), false);
    } catch (ReconcileFailure | VeeamException e) {
      return new Result("JobNotReleased", "left VB365 job " + jobId + " in place (deletionPolicy Orphan), but its "
          + "description still carries this BackupJob's marker, so a BackupJob of this name in this cluster would "
          + "manage it again: " + e.getMessage(), true);
    }
  }
}
