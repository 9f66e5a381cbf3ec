package dev.vb365.operator.controller;

import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.ManagementPolicy;
import dev.vb365.operator.veeam.VeeamClient;
import dev.vb365.operator.veeam.model.Job;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Which VB365 job a BackupJob is about, before anything is observed or written: the job it adopts
 * (spec.jobId), the one it recorded (status.jobId), or one found in the server's job list: for a
 * Managed BackupJob the job carrying its {@link OwnershipMarker}, for an ObserveOnly one the job of
 * its name. Null means "none yet: create it". A job of the desired name that is not ours is a
 * NameConflict, never taken over. The job list is the change feed's snapshot (one listing per
 * server, not per BackupJob); after a create whose answer was lost it is a fresh listing, since
 * the snapshot may not show the job yet.
 */
final class JobLocator {

  /** How long a reconcile waits for a server's first job listing before listing by itself. */
  static final Duration FEED_SYNC_WAIT = Duration.ofSeconds(20);

  private JobLocator() {
  }

  static String locate(BackupJob job, String desiredName, OwnershipMarker.Owner me, JobSource source,
      VeeamClient client, boolean freshList) {
    String adopted = job.getSpec().jobIdToAdopt();
    if (adopted != null) {
      return adopted;
    }
    if (job.getStatus() != null && job.getStatus().getJobId() != null) {
      return job.getStatus().getJobId();
    }
    Collection<Job> jobs = freshList ? client.listJobs() : jobsOf(source, client);
    if (job.getSpec().effectiveManagementPolicy() == ManagementPolicy.ObserveOnly) {
      List<Job> named = named(jobs, desiredName);
      if (named.isEmpty() && !freshList) {
        // The snapshot may not show a job made a moment ago; ask before saying it does not exist.
        named = named(client.listJobs(), desiredName);
      }
      if (named.isEmpty()) {
        throw ReconcileFailure.slow(Reasons.JOB_NOT_FOUND, "ObserveOnly: VB365 has no job named \"" + desiredName
            + "\"; set spec.jobId or spec.jobName to the job to observe");
      }
      if (named.size() > 1) {
        throw ReconcileFailure.slow(Reasons.AMBIGUOUS_NAME, "several VB365 jobs are named \"" + desiredName + "\": "
            + String.join(", ", named.stream().map(Job::id).toList()) + "; set spec.jobId");
      }
      return named.get(0).id();
    }
    List<Job> ours = jobs.stream().filter(j -> OwnershipMarker.marks(j.description(), me.marker()))
        .sorted(Comparator.comparing((Job j) -> !desiredName.equalsIgnoreCase(j.name())).thenComparing(Job::id))
        .toList();
    if (!ours.isEmpty()) {
      return ours.get(0).id();
    }
    // Marked by this BackupJob before markers named the cluster: it may be another cluster's with the same
    // manifests, so only status.jobId (the upgrade path) or the user's spec.jobId vouches for it.
    jobs.stream().filter(j -> OwnershipMarker.relation(j.description(), me) == OwnershipMarker.Relation.OURS_LEGACY)
        .findFirst().ifPresent(legacy -> {
          throw ReconcileFailure.slow(Reasons.LEGACY_MARKER, "VB365 job \"" + legacy.name() + "\" (id " + legacy.id()
              + ") carries this BackupJob's marker from an older vb365-operator, which named no cluster; if it is this "
              + "cluster's job, set spec.jobId: " + legacy.id() + " to adopt it (the status that named it was lost)");
        });
    jobs.stream().filter(j -> desiredName.equalsIgnoreCase(j.name())).findFirst().ifPresent(other -> {
      throw nameTaken(other, me);
    });
    return null;
  }

  /**
   * Refuses a job this BackupJob found by status.jobId or adopts by spec.jobId when its marker names another
   * BackupJob or another cluster: one owner per VB365 job. Only the take-over annotation on an adopting BackupJob
   * overrides it (then the job gets this BackupJob's marker).
   */
  static void requireManageable(String description, String jobId, OwnershipMarker.Owner me, boolean adopting,
      boolean takeOver) {
    OwnershipMarker.Relation relation = OwnershipMarker.relation(description, me);
    if (relation != OwnershipMarker.Relation.OTHER_CLUSTER && relation != OwnershipMarker.Relation.OTHER_BACKUPJOB
        || adopting && takeOver) {
      return;
    }
    String owner = OwnershipMarker.owner(description).orElseThrow().describe();
    String remedy = adopting ? "; to take it over anyway, annotate this BackupJob "
        + dev.vb365.operator.api.ConditionTypes.TAKE_OVER_ANNOTATION + "=true" : "; the operator leaves it alone (to "
        + "manage it from here, set spec.jobId: " + jobId + " and the annotation "
        + dev.vb365.operator.api.ConditionTypes.TAKE_OVER_ANNOTATION + "=true)";
    throw relation == OwnershipMarker.Relation.OTHER_CLUSTER
        ? ReconcileFailure.slow(Reasons.OWNED_BY_ANOTHER_CLUSTER, "VB365 job " + jobId + " is managed by " + owner
            + remedy)
        : ReconcileFailure.slow(Reasons.ALREADY_MANAGED, "VB365 job " + jobId + " is managed by BackupJob " + owner
            + remedy);
  }

  /** A job of the desired name that is not this BackupJob's: whose it is, and what the user can do. */
  static ReconcileFailure nameTaken(Job other, OwnershipMarker.Owner me) {
    String what = "VB365 already has a job named \"" + other.name() + "\" (id " + other.id() + ")";
    return switch (OwnershipMarker.relation(other.description(), me)) {
      case OTHER_CLUSTER -> ReconcileFailure.slow(Reasons.OWNED_BY_ANOTHER_CLUSTER, what + ", managed by "
          + OwnershipMarker.owner(other.description()).orElseThrow().describe() + "; set spec.jobName to another name "
          + "(this cluster never takes over another cluster's job)");
      case OTHER_BACKUPJOB -> ReconcileFailure.slow(Reasons.NAME_CONFLICT, what + ", managed by BackupJob "
          + OwnershipMarker.owner(other.description()).orElseThrow().describe() + "; set spec.jobName to another name");
      default -> ReconcileFailure.slow(Reasons.NAME_CONFLICT, what + " that this BackupJob did not create; set "
          + "spec.jobName to another name, or spec.jobId: " + other.id() + " to adopt it");
    };
  }

  private static List<Job> named(Collection<Job> jobs, String name) {
    return jobs.stream().filter(j -> name.equalsIgnoreCase(j.name())).toList();
  }

  /** The job carrying this cluster's marker of the BackupJob, or null (for a deletion that lost the id). */
  static String findOurs(JobSource source, VeeamClient client, String marker) {
    return jobsOf(source, client).stream().filter(j -> OwnershipMarker.marks(j.description(), marker))
        .map(Job::id).sorted().findFirst().orElse(null);
  }

  private static Collection<Job> jobsOf(JobSource source, VeeamClient client) {
    try {
      if (source != null && (source.hasSynced() || source.awaitSynced(FEED_SYNC_WAIT))) {
        return source.jobs();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return client.listJobs();
  }
}
