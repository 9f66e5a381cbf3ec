package dev.vb365.operator.controller;

import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.BackupJobSpec;
import dev.vb365.operator.api.BackupJobStatus;
import dev.vb365.operator.api.ConditionTypes;
import dev.vb365.operator.api.DeletionPolicy;
import dev.vb365.operator.api.DriftPolicy;
import dev.vb365.operator.api.JobItem;
import dev.vb365.operator.api.ManagementPolicy;
import dev.vb365.operator.mapping.UnreadableJobException;
import dev.vb365.operator.sync.DesiredJob;
import dev.vb365.operator.sync.DesiredJobMapper;
import dev.vb365.operator.sync.FieldError;
import dev.vb365.operator.sync.InvalidSpecException;
import dev.vb365.operator.sync.JobDiff;
import dev.vb365.operator.sync.ObservedItem;
import dev.vb365.operator.sync.ObservedJob;
import dev.vb365.operator.sync.Operation;
import dev.vb365.operator.sync.Plan;
import dev.vb365.operator.sync.Scope;
import dev.vb365.operator.sync.SpecValidation;
import dev.vb365.operator.veeam.ConflictException;
import dev.vb365.operator.veeam.CreateOutcomeUnknownException;
import dev.vb365.operator.veeam.VeeamClient;
import dev.vb365.operator.veeam.VeeamClientPool;
import dev.vb365.operator.veeam.VeeamConnection;
import dev.vb365.operator.veeam.VeeamException;
import dev.vb365.operator.veeam.model.Job;
import io.fabric8.kubernetes.api.model.Condition;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a BackupJob (and the JobItems that refer to it) into exactly one VB365 backup job, in named
 * steps: validate, connection, resolve, locate and observe, diff, apply, report. Only observe and
 * apply talk to VB365 about the job; resolve uses the client's cached lookups; diff is the pure
 * {@link JobDiff}. A reconcile that finds VB365 as the spec wants it makes no VB365 call when the
 * job is unchanged and writes no status when nothing changed.
 */
public final class BackupJobReconciler implements Reconciler<BackupJob>, Cleaner<BackupJob> {

  static final String JOB_ITEM_INDEX = "vb365-job-ref";

  private static final Logger LOG = LoggerFactory.getLogger(BackupJobReconciler.class);
  private static final Set<String> CONNECTION_PROBLEMS = Set.of(Reasons.SECRET_NOT_FOUND, Reasons.SECRET_INVALID,
      Reasons.SECRET_FORBIDDEN,
      Reasons.UNAUTHORIZED, Reasons.FORBIDDEN, Reasons.TLS_UNTRUSTED);

  private final OperatorSettings settings;
  private final VeeamClientPool pool;
  private final ConnectionSecrets secrets;
  private final JobWatch watch;
  private final JobObserver observer;
  private final PlanApplier applier;
  private final EventRecorder events;
  private final OperatorMetrics metrics;
  private final ServerGate gate;
  private final JobItemStatuses jobItemStatuses;
  private final Backoffs backoffs;
  private final Clock clock;
  private final SharedCaches shared;
  private final Shutdown shutdown;

  /**
   * What each BackupJob last converged on: while its spec, JobItems, connection and VB365 job (eTag,
   * items generation) are the same, a resync has nothing to do, and skips even the cached lookups
   * (whose entries expire: re-resolving every name of every BackupJob each resync interval would
   * cost VB365 requests in proportion to the number of jobs). But only while the names were resolved
   * within the lookup cache's lifetime: a user or group recreated with a new id, or a site renamed, is
   * seen within that lifetime plus a resync.
   */
  private final Map<ResourceID, Converged> converged = new ConcurrentHashMap<>();

  private record Converged(long generation, List<String> jobItems, VeeamConnection connection, String jobId,
      long eTag, long itemGeneration, java.time.Instant resolvedAt) {
  }

  private InformerEventSource<JobItem, BackupJob> jobItems;

  BackupJobReconciler(Wiring wiring) {
    this.settings = wiring.settings();
    this.pool = wiring.pool();
    this.secrets = wiring.secrets();
    this.watch = wiring.watch();
    this.observer = wiring.observer();
    this.applier = new PlanApplier(wiring.observer());
    this.events = wiring.events();
    this.metrics = wiring.metrics();
    this.gate = wiring.gate();
    this.jobItemStatuses = wiring.jobItemStatuses();
    this.backoffs = wiring.backoffs();
    this.clock = wiring.clock();
    this.shared = wiring.shared();
    this.shutdown = wiring.shutdown();
  }

  /** What the reconcilers share, built once by {@link Vb365Operator}. */
  record Wiring(OperatorSettings settings, VeeamClientPool pool, ConnectionSecrets secrets, JobWatch watch,
      JobObserver observer, EventRecorder events, OperatorMetrics metrics, ServerGate gate,
      JobItemStatuses jobItemStatuses, Backoffs backoffs, Clock clock, SharedCaches shared, Shutdown shutdown) {
  }

  // ---- event sources -------------------------------------------------------------------------

  @Override
  public List<EventSource<?, BackupJob>> prepareEventSources(EventSourceContext<BackupJob> context) {
    shared.backupJobs(context.getPrimaryCache());

    // JobItems wake the BackupJob they name; only spec changes and deletions count (not their status,
    // which this reconciler writes itself).
    InformerEventSourceConfiguration.Builder<JobItem> jobItemConfig = InformerEventSourceConfiguration
        .from(JobItem.class, BackupJob.class)
        .withName("job-items")
        .withNamespacesInheritedFromController()
        .withSecondaryToPrimaryMapper(item -> jobRef(item).map(Set::of).orElse(Set.of()))
        .withPrimaryToSecondaryMapper((BackupJob job) -> jobItemsOf(job).stream().map(ResourceID::fromResource)
            .collect(Collectors.toSet()))
        .withOnUpdateFilter((now, before) -> !Objects.equals(now.getMetadata().getGeneration(),
            before.getMetadata().getGeneration()) || now.isMarkedForDeletion() != before.isMarkedForDeletion());
    if (settings.labelSelector() != null) {
      jobItemConfig.withLabelSelector(settings.labelSelector());
    }
    jobItems = new InformerEventSource<>(jobItemConfig.build(), context);
    jobItems.addIndexers(Map.of(JOB_ITEM_INDEX, item -> jobRef(item).map(id -> List.of(indexKey(id)))
        .orElse(List.of())));

    return List.of(jobItems, watch.eventSource());
  }

  private static Optional<ResourceID> jobRef(JobItem item) {
    if (item.getSpec() == null || item.getSpec().getJobRef() == null || item.getSpec().getJobRef().getName() == null) {
      return Optional.empty();
    }
    return Optional.of(new ResourceID(item.getSpec().getJobRef().getName(), item.getMetadata().getNamespace()));
  }

  private static String indexKey(ResourceID id) {
    return id.getNamespace().orElse("") + "/" + id.getName();
  }

  /** The JobItems naming this BackupJob, not being deleted, oldest first. */
  private List<JobItem> jobItemsOf(BackupJob job) {
    if (jobItems == null) {
      return List.of();
    }
    return jobItems.byIndex(JOB_ITEM_INDEX, indexKey(ResourceID.fromResource(job))).stream()
        .filter(item -> !item.isMarkedForDeletion()).toList();
  }

  // ---- reconcile -----------------------------------------------------------------------------

  @Override
  public UpdateControl<BackupJob> reconcile(BackupJob job, Context<BackupJob> context) {
    try (Shutdown.Ticket running = shutdown.enter()) {
      if (running == null) {
        return UpdateControl.noUpdate(); // stopping: the next instance reconciles it
      }
      return reconcileNow(job, context);
    }
  }

  private UpdateControl<BackupJob> reconcileNow(BackupJob job, Context<BackupJob> context) {
    ResourceID id = ResourceID.fromResource(job);
    List<JobItem> items = jobItemsOf(job);
    Attempt attempt = new Attempt(job, context, items);
    try {
      attempt.run();
      if (attempt.jobItemsUnwritten) {
        // Another writer changed a JobItem while its status was written; its change does not wake this
        // BackupJob (only JobItem spec changes do), so come back soon rather than at the next resync.
        return UpdateControl.<BackupJob>noUpdate().rescheduleAfter(backoffs.next(id, null));
      }
      backoffs.reset(id);
      return UpdateControl.noUpdate();
    } catch (ReconcileFailure failure) {
      if (shutdown.begun()) {
        // A call cut short by the stop is no news about VB365: leave the status as it is.
        LOG.debug("BackupJob {}: reconcile ended by the operator stopping: {}", id, failure.getMessage());
        return UpdateControl.noUpdate();
      }
      return attempt.failed(failure);
    }
  }

  /**
   * An exception no step turned into a {@link ReconcileFailure} (a bug, or an answer nobody
   * foresaw) becomes a condition too, not only a log line: Ready and Synced False, ReconcileError,
   * with the exception's type and message. JOSDK then retries with its backoff.
   */
  @Override
  public ErrorStatusUpdateControl<BackupJob> updateErrorStatus(BackupJob job, Context<BackupJob> context,
      Exception e) {
    Throwable cause = e instanceof io.javaoperatorsdk.operator.OperatorException && e.getCause() != null
        ? e.getCause() : e;
    if (shutdown.begun() || interrupted(cause)) {
      // The operator is stopping (a restart, a lost Lease): the next instance reconciles again.
      LOG.debug("BackupJob {}: reconcile interrupted: {}", ResourceID.fromResource(job), cause.toString());
      return ErrorStatusUpdateControl.noStatusUpdate();
    }
    String message = "unexpected error, retried with backoff (please report it): " + cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : ": " + cause.getMessage().replaceAll("\\s+", " "));
    LOG.warn("BackupJob {}: {}", ResourceID.fromResource(job), message, cause);
    long generation = job.getMetadata().getGeneration() == null ? 0 : job.getMetadata().getGeneration();
    List<Condition> previous = job.getStatus() == null ? null : job.getStatus().getConditions();
    BackupJobStatus status = BackupJobStatuses.copy(job.getStatus());
    status.setObservedGeneration(generation);
    Conditions.Verdict verdict = Conditions.Verdict.isFalse(Reasons.RECONCILE_ERROR, message);
    status.setConditions(Conditions.backupJob(previous, generation, clock.instant(), verdict, verdict, null));
    boolean newReason = Conditions.find(previous, ConditionTypes.SYNCED)
        .map(c -> !Reasons.RECONCILE_ERROR.equals(c.getReason())).orElse(true);
    try {
      if (newReason) {
        events.warning(job, Reasons.RECONCILE_ERROR, message);
      }
      BackupJobStatuses.write(job, status, context);
    } catch (RuntimeException writeFailed) {
      LOG.debug("BackupJob {}: could not record the error in its status: {}", ResourceID.fromResource(job),
          writeFailed.toString());
    }
    return ErrorStatusUpdateControl.noStatusUpdate();
  }

  private static boolean interrupted(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InterruptedException || t instanceof java.util.concurrent.CancellationException
          || t instanceof java.io.InterruptedIOException && !(t instanceof java.net.SocketTimeoutException)) {
        return true;
      }
    }
    return Thread.currentThread().isInterrupted();
  }

  /** One reconcile of one BackupJob: the steps, and what they found so far (for the report). */
  private final class Attempt {
    private final BackupJob job;
    private final Context<BackupJob> context;
    private final List<JobItem> items;
    private final ResourceID id;
    private final long generation;
    private final BackupJobStatus old;
    private final BackupJobSpec spec;
    /** The BackupJob as last stored by this reconcile (a recorded create intent moves it on). */
    private BackupJob current;
    /** When this reconcile resolved the spec's names (the lookups may have been cached up to their lifetime). */
    private java.time.Instant resolvedAt;
    private VeeamConnection connection;
    /** Events noted while holding the server slot, written once it is released. */
    private EventRecorder.Deferred deferred;
    /** A JobItem status write failed (a conflict): reconcile again soon. */
    boolean jobItemsUnwritten;

    Attempt(BackupJob job, Context<BackupJob> context, List<JobItem> items) {
      this.job = job;
      this.context = context;
      this.items = items;
      this.id = ResourceID.fromResource(job);
      this.generation = job.getMetadata().getGeneration() == null ? 0 : job.getMetadata().getGeneration();
      this.old = job.getStatus();
      this.spec = job.getSpec();
      this.current = job;
    }

    void run() {
      validate();
      connection = secrets.connection(job, secrets.read(context.getClient(), job));
      VeeamClient client = pool.clientFor(connection);
      if (unchangedSinceConverged(client)) {
        return;
      }
      converged.remove(id);
      gate.requireAvailable(connection); // a server that asked to wait is not asked again before it is due
      watch.copiesHandled(id); // this full pass looks for copies; one appearing during it wakes it again
      deferred = events.deferred();
      try {
        // Only VB365 requests hold the server slot: the Events and the status writes come after it.
        Report report;
        try {
          report = gate.call(connection, () -> syncWith(client));
          gate.noteSuccess(connection);
        } catch (VeeamException e) {
          ReconcileFailure failure = VeeamFailures.of(e);
          gate.noteFailure(connection, failure);
          throw failure;
        } finally {
          deferred.flush();
        }
        report.write(client);
        if (!jobItemsUnwritten) { // else the retry must not skip the JobItem statuses as "unchanged"
          report.converged().ifPresent(c -> converged.put(id, c));
        }
      } catch (VeeamException e) {
        throw VeeamFailures.of(e);
      } catch (UnreadableJobException e) {
        throw VeeamFailures.unreadable(e);
      }
    }

    /** Nothing changed on either side since this BackupJob last converged (v8 eTags only). */
    private boolean unchangedSinceConverged(VeeamClient client) {
      Converged last = converged.get(id);
      if (last == null || watch.copySeen(id) || last.generation() != generation || !last.jobItems().equals(jobItemKeys(items))
          || !last.connection().equals(connection) || RunRequests.pending(job) != null || old == null
          || !Conditions.isTrueFor(conditions(), ConditionTypes.READY, generation)
          || !Objects.equals(old.getJobId(), last.jobId()) || !String.valueOf(last.eTag()).equals(old.getETag())
          || clock.instant().isAfter(last.resolvedAt().plus(pool.lookupTtl()))) {
        return false;
      }
      JobSource source = watch.attach(id, connection, client);
      Job now = source.hasSynced() ? source.job(last.jobId()).orElse(null) : null;
      return now != null && now.eTag() != null && now.eTag() == last.eTag()
          && observer.itemGeneration(last.jobId()) == last.itemGeneration();
    }

    private void validate() {
      List<FieldError> errors = SpecValidation.of(spec);
      if (!errors.isEmpty()) {
        throw ReconcileFailure.terminal(Reasons.INVALID_SPEC,
            errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
      }
    }

    private Report syncWith(VeeamClient client) {
      boolean observeOnly = spec.effectiveManagementPolicy() == ManagementPolicy.ObserveOnly;
      boolean adopting = spec.jobIdToAdopt() != null;
      OwnershipMarker.Owner me = owner(job);
      String marker = me.marker();

      // resolve (also proves the connection works before a change feed is started for it)
      resolvedAt = clock.instant();
      ReferenceResolver.Resolution resolution = ReferenceResolver.resolve(client, spec, items);
      JobSource source = watch.attach(id, connection, client);
      DesiredJob desired;
      try {
        desired = DesiredJobMapper.toDesired(job.getMetadata().getNamespace(), job.getMetadata().getName(), spec,
            resolution.organizationId(), resolution.repositoryId(), resolution.items());
      } catch (InvalidSpecException e) {
        throw ReconcileFailure.terminal(Reasons.INVALID_SPEC, e.getMessage());
      }

      // locate and observe
      String jobId = locate(client, source, desired.name(), me);
      long itemGeneration = jobId == null ? 0 : observer.itemGeneration(jobId);
      JobObserver.Observation observation = jobId == null ? new JobObserver.Observation(null, Set.of())
          : observer.observe(client, source, jobId);
      String pending = old == null ? null : old.getCreatePendingSince();
      if (jobId != null && !observation.exists() && pending != null && !adopting && !observeOnly) {
        // The job of status.jobId is gone and a create of its replacement was sent without its answer recorded:
        // that one may exist (or still be in flight). Find it by its marker before anything is created again.
        String replacement = JobLocator.findOurs(null, client, marker);
        if (replacement != null) {
          jobId = replacement;
          itemGeneration = observer.itemGeneration(jobId);
          observation = observer.observe(client, source, jobId);
        } else {
          Duration left = CreateIntent.remaining(pending, clock.instant(), connection.timeouts().call());
          if (!left.isZero()) {
            throw new ReconcileFailure(Reasons.CREATE_OUTCOME_UNKNOWN, "the VB365 job was deleted outside "
                + "Kubernetes and a create of it sent at " + pending + " has no recorded answer; the operator looks "
                + "again before it creates it", ReconcileFailure.Retry.TRANSIENT, CreateIntent.nextLook(left), null);
          }
        }
      }
      if (jobId != null) {
        watch.track(id, jobId);
        if (!observeOnly && !adopting) {
          deleteDuplicates(client, source, marker, jobId);
        }
      }
      if (observation.exists() && !observeOnly) {
        JobLocator.requireManageable(observation.job().description(), jobId, me, adopting, takeOver(job));
      }
      boolean vanished = jobId != null && !observation.exists();
      if (vanished && (adopting || observeOnly)) {
        throw ReconcileFailure.slow(Reasons.JOB_NOT_FOUND, "VB365 has no job with id " + jobId
            + (adopting ? " (spec.jobId)" : ""));
      }
      // An adopted job gets this BackupJob's marker (one PUT when nothing else differs): one owner per VB365 job,
      // so a second BackupJob, here or in another cluster, cannot adopt it too. ObserveOnly never writes.
      boolean unmarked = observeOnly;
      desired = withNameAndDescription(desired, observation, observeOnly || adopting, unmarked, marker,
          spec.getDescription() == null);

      // diff
      ObservedJob observed = observation.exists() && unmarked ? withoutMarker(observation.job())
          : observation.job();
      Plan plan = JobDiff.diff(desired, observed);
      if (observation.exists() && observation.needsIdsFor(plan)) {
        observation = observer.withIds(client, observation, observation.pendingIds());
        observed = unmarked ? withoutMarker(observation.job()) : observation.job();
        plan = JobDiff.diff(desired, observed);
      }

      boolean differs = !plan.inSync();
      boolean wasReady = Conditions.isTrueFor(conditions(), ConditionTypes.READY, generation);
      boolean wasDrifted = Conditions.isTrueFor(conditions(), ConditionTypes.DRIFTED, generation);
      boolean vb365Moved = vanished || observation.exists()
          && !Objects.equals(observation.job().versionStamp(), old == null ? null : old.getETag());
      boolean drift = differs && (wasDrifted || wasReady && vb365Moved);
      String driftSummary = vanished ? "the VB365 job was deleted outside Kubernetes" : plan.summary();
      if (drift && !(wasDrifted && sameDrift(driftSummary))) {
        metrics.driftDetected();
        deferred.warning(job, Reasons.DRIFT_DETECTED, "VB365 job " + jobId + " was changed outside Kubernetes: "
            + driftSummary);
      }

      Report report = new Report(resolution, desired, observation, plan, drift, vanished, driftSummary);
      report.itemGeneration = itemGeneration;
      if (observeOnly) {
        report.observeOnly();
      } else if (!plan.blockers().isEmpty()) {
        throw ReconcileFailure.slow(Reasons.ORGANIZATION_MISMATCH, String.join("; ", plan.blockers()));
      } else if (drift && spec.effectiveDriftPolicy() == DriftPolicy.Report) {
        report.driftReported();
      } else if (differs) {
        apply(client, source, report, vanished ? null : jobId);
      } else {
        report.inSync();
      }
      return report;
    }

    /**
     * Other jobs with this BackupJob's marker are copies of its job that a create made without the operator
     * knowing: one still in flight when an operator stopped, and processed after the next one had listed the
     * jobs and created the job itself. Nothing else writes the marker, so they go, unless they have backed up
     * already (then a human should decide: a warning says which).
     */
    private void deleteDuplicates(VeeamClient client, JobSource source, String marker, String jobId) {
      if (source == null || !source.hasSynced()) {
        return;
      }
      for (Job copy : source.jobs()) {
        if (copy.id().equals(jobId) || !OwnershipMarker.marks(copy.description(), marker)) {
          continue;
        }
        if (copy.lastRun() != null) {
          deferred.warning(job, "DuplicateJob", "VB365 job " + copy.id() + " also carries this BackupJob's marker and "
              + "has run already, so the operator leaves it; the BackupJob manages job " + jobId);
          continue;
        }
        boolean existed = client.deleteJob(copy.id());
        observer.forget(copy.id());
        if (existed) {
          deferred.normal(job, "DuplicateJobDeleted", "deleted VB365 job " + copy.id() + ", a copy of job " + jobId
              + " made by a create whose answer never came back");
        }
      }
    }

    /** Whether the Drifted condition already tells this drift (so it is not announced again). */
    private boolean sameDrift(String summary) {
      return Conditions.find(conditions(), ConditionTypes.DRIFTED)
          .map(c -> Objects.equals(c.getMessage(), Conditions.shorten(summary))).orElse(false);
    }

    private String locate(VeeamClient client, JobSource source, String desiredName, OwnershipMarker.Owner me) {
      // A create recorded on the status whose answer never was (this process or one before it): list afresh,
      // and do not create again while the first one may still be in flight.
      String pending = old == null || old.getJobId() != null || spec.jobIdToAdopt() != null ? null
          : old.getCreatePendingSince();
      String found = JobLocator.locate(job, desiredName, me, source, client, pending != null);
      if (found == null && pending != null) {
        Duration left = CreateIntent.remaining(pending, clock.instant(), connection.timeouts().call());
        if (!left.isZero()) {
          throw new ReconcileFailure(Reasons.CREATE_OUTCOME_UNKNOWN, "a create of the job was sent at " + pending
              + " and its answer was never recorded (the operator stopped or the answer was lost); VB365 does not "
              + "list the job yet, so the operator looks again before it creates it", ReconcileFailure.Retry.TRANSIENT,
              CreateIntent.nextLook(left), null);
        }
      }
      return found;
    }

    private void apply(VeeamClient client, JobSource source, Report report, String jobId) {
      Plan plan = report.plan;
      Operation first = plan.operations().get(0);
      if (first instanceof Operation.CreateJob create) {
        Job created;
        current = CreateIntent.record(current, context, clock.instant());
        try {
          created = applier.create(client, source, create, report.resolution.objects(), job, deferred);
        } catch (CreateOutcomeUnknownException | ConflictException e) {
          // The job may exist now (or a same-named one appeared): the intent stays on the status, so the next
          // reconcile, here or in another process, looks with a fresh listing first.
          if (e instanceof ConflictException) {
            // VB365 refuses a second job of a name; the change feed may not show the one in the way yet.
            // A fresh listing names it at once (NameConflict) instead of a conflict now and the name later.
            JobLocator.locate(job, create.job().name(), owner(job), null, client, true);
          }
          throw VeeamFailures.of(e);
        }
        report.itemGeneration = observer.itemGeneration(created.id());
        watch.track(id, created.id());
        report.created(created);
      } else {
        Job readBack = applier.apply(client, source, jobId, plan, report.resolution.objects(), job, deferred);
        report.applied(readBack);
      }
      if (report.drift) {
        metrics.driftCorrected();
        deferred.normal(job, Reasons.DRIFT_CORRECTED, "put VB365 job back to the spec: "
            + (report.vanished ? "created it again" : report.driftSummary));
      }
    }

    private List<Condition> conditions() {
      return old == null ? null : old.getConditions();
    }

    UpdateControl<BackupJob> failed(ReconcileFailure failure) {
      converged.remove(id);
      LOG.info("BackupJob {}: {} ({})", id, failure.reason(), failure.getMessage());
      if (CONNECTION_PROBLEMS.contains(failure.reason())) {
        watch.detach(id); // no change feed for a server this BackupJob cannot use
      }
      // From the status as this reconcile last stored it: a create intent recorded before the failure must stay.
      BackupJobStatus status = BackupJobStatuses.copy(current.getStatus());
      status.setObservedGeneration(generation);
      if (connection != null) {
        status.setTlsVerificationDisabled(connection.insecureSkipTlsVerify() ? Boolean.TRUE : null);
      }
      Conditions.Verdict verdict = Conditions.Verdict.isFalse(failure.reason(), failure.getMessage());
      status.setConditions(Conditions.backupJob(conditions(), generation, clock.instant(), verdict, verdict, null));
      boolean newReason = Conditions.find(conditions(), ConditionTypes.SYNCED)
          .map(c -> !failure.reason().equals(c.getReason())).orElse(true);
      if (newReason) {
        events.warning(job, failure.reason(), failure.getMessage());
      }
      BackupJobStatuses.write(current, status, context);
      for (JobItem item : items) {
        Conditions.Verdict invalid = JobItemStatuses.invalid(item);
        jobItemStatuses.write(context.getClient(), item, jobItemStatuses.status(item, status.getJobId(), null,
            invalid != null ? invalid : Conditions.Verdict.isFalse(Reasons.BACKUP_JOB_NOT_READY, "BackupJob "
                + job.getMetadata().getName() + " is not ready: " + failure.reason() + ": " + failure.getMessage())));
      }
      UpdateControl<BackupJob> control = UpdateControl.noUpdate();
      return switch (failure.retry()) {
        case TERMINAL -> control;
        case SLOW -> control.rescheduleAfter(slowRetry());
        case TRANSIENT -> control.rescheduleAfter(backoffs.next(id, failure.retryAfter()));
      };
    }

    /** The report step: status, JobItem statuses, run request, metrics. */
    private final class Report {
      final ReferenceResolver.Resolution resolution;
      final DesiredJob desired;
      final Plan plan;
      final boolean drift;
      final boolean vanished;
      final String driftSummary;
      JobObserver.Observation observation;
      /** VB365's job as the status describes it. */
      ObservedJob result;
      String lastApplied = old == null ? null : old.getLastAppliedETag();
      boolean writes;
      Conditions.Verdict ready;
      Conditions.Verdict synced = Conditions.Verdict.isTrue(Reasons.RECONCILE_SUCCESS, "the last reconcile succeeded");
      Conditions.Verdict drifted;
      /** The job's items generation before it was observed (or right after it was created). */
      long itemGeneration;

      Report(ReferenceResolver.Resolution resolution, DesiredJob desired, JobObserver.Observation observation, Plan plan,
          boolean drift, boolean vanished, String driftSummary) {
        this.driftSummary = driftSummary;
        this.resolution = resolution;
        this.desired = desired;
        this.observation = observation;
        this.plan = plan;
        this.drift = drift;
        this.vanished = vanished;
        this.result = observation.job();
      }

      /** What this reconcile converged on, when the BackupJob is Ready and nothing is left to do. */
      Optional<Converged> converged() {
        if (result == null || result.eTag() == null || ready == null || !ready.status() || drift && !writes
            || !resolution.jobItemProblems().isEmpty() || RunRequests.pending(job) != null
            // JobItems still waiting for their VB365 item ids: the next reconcile lists them
            || !items.isEmpty() && (writes || !observation.pendingIds().isEmpty())) {
          return Optional.empty();
        }
        return Optional.of(new Converged(generation, jobItemKeys(items), connection, result.id(), result.eTag(),
            itemGeneration, resolvedAt));
      }

      void inSync() {
        ready = Conditions.Verdict.isTrue(Reasons.SYNCED, "VB365 job \"" + result.name() + "\" matches the spec");
        drifted = keptOrNoDrift();
      }

      void observeOnly() {
        synced = Conditions.Verdict.isTrue(Reasons.OBSERVED, "ObserveOnly: the operator reads VB365 job "
            + result.id() + " and never changes it");
        if (plan.inSync()) {
          ready = Conditions.Verdict.isTrue(Reasons.SYNCED, "VB365 job \"" + result.name() + "\" matches the spec");
          drifted = keptOrNoDrift();
        } else {
          ready = Conditions.Verdict.isFalse(Reasons.DIFFERS, plan.summary());
          drifted = Conditions.Verdict.isTrue(Reasons.DRIFT_DETECTED, plan.summary());
        }
      }

      void driftReported() {
        ready = Conditions.Verdict.isFalse(Reasons.DRIFT_DETECTED, "VB365 differs from the spec and driftPolicy is "
            + "Report, so the operator leaves it: " + driftSummary);
        drifted = Conditions.Verdict.isTrue(Reasons.DRIFT_DETECTED, driftSummary);
      }

      void created(Job created) {
        writes = true;
        result = observedAfterWrites(created);
        lastApplied = result.versionStamp();
        observation = new JobObserver.Observation(result, Set.of(Scope.Selected, Scope.Excluded));
        afterApply();
      }

      void applied(Job readBack) {
        writes = true;
        result = observedAfterWrites(readBack);
        lastApplied = result.versionStamp();
        afterApply();
      }

      private void afterApply() {
        ready = Conditions.Verdict.isTrue(Reasons.SYNCED, "VB365 job \"" + result.name() + "\" matches the spec");
        drifted = drift ? Conditions.Verdict.isFalse(Reasons.DRIFT_CORRECTED, "corrected: "
            + (vanished ? "the job was deleted in VB365 and created again" : driftSummary)) : keptOrNoDrift();
      }

      /** The job after our writes: VB365's answer for the settings, the desired lists for the items. */
      private ObservedJob observedAfterWrites(Job answer) {
        ObservedJob read = dev.vb365.operator.mapping.JobMapping.toObserved(answer, List.of(), List.of());
        List<ObservedItem> selected = pendingItems(desired.selectedItems());
        List<ObservedItem> excluded = pendingItems(desired.excludedItems());
        return new ObservedJob(read.id(), read.eTag(), read.organizationId(), read.repositoryId(), read.name(),
            read.description(), read.backupType(), read.enabled(), read.schedule(), selected, excluded,
            read.lastStatus(), read.lastRun(), read.nextRun());
      }

      /** A False Drifted condition stays as it is (DriftCorrected keeps saying so); none yet is NoDrift. */
      private Conditions.Verdict keptOrNoDrift() {
        return Conditions.find(conditions(), ConditionTypes.DRIFTED)
            .filter(c -> "False".equals(c.getStatus()))
            .map(c -> Conditions.Verdict.isFalse(c.getReason(), c.getMessage()))
            .orElse(Conditions.Verdict.isFalse(Reasons.NO_DRIFT, "VB365 has not been changed outside Kubernetes"));
      }

      void write(VeeamClient client) {
        BackupJobStatus status = BackupJobStatuses.copy(old);
        status.setObservedGeneration(generation);
        status.setOrganizationId(resolution.organizationId());
        status.setRepositoryId(resolution.repositoryId());
        status.setVb365ApiVersion(client.apiVersion().segment());
        if (result != null) {
          status.setJobId(result.id());
          status.setCreatePendingSince(null); // the job is known: no create is pending any more
          status.setJobName(result.name());
          status.setETag(result.versionStamp());
          status.setLastAppliedETag(lastApplied);
          status.setLastStatus(result.lastStatus());
          status.setLastRun(BackupJobStatuses.time(result.lastRun()));
          status.setNextRun(BackupJobStatuses.time(result.nextRun()));
          status.setSelectedItemCount(result.selectedItems().size());
          status.setExcludedItemCount(result.excludedItems().size());
          metrics.lastStatus(id, result.lastStatus());
        }
        boolean insecure = connection.insecureSkipTlsVerify();
        status.setTlsVerificationDisabled(insecure ? Boolean.TRUE : null);
        if (insecure && (old == null || !Boolean.TRUE.equals(old.getTlsVerificationDisabled()))) {
          events.warning(job, "TlsVerificationDisabled", "the connection Secret sets insecureSkipTlsVerify: the "
              + "VB365 server's certificate is not checked");
        }
        status.setConditions(Conditions.backupJob(conditions(), generation, clock.instant(), ready, synced, drifted));

        String run = result == null ? null : RunRequests.pending(job);
        if (run != null) {
          status.setLastRunRequest(run);
          // Recorded before the start, with optimistic locking: see RunRequests.
          if (RunRequests.claim(current, status, context)) {
            gate.call(connection, () -> {
              RunRequests.start(client, job, result.id(), run, spec.effectiveManagementPolicy(), events);
              return null;
            });
          }
        } else {
          BackupJobStatuses.write(current, status, context);
        }
        writeJobItemStatuses(client);
      }

      private void writeJobItemStatuses(VeeamClient client) {
        if (items.isEmpty() || result == null) {
          return;
        }
        Set<Scope> missingIds = observation.pendingIds();
        if (!writes && !missingIds.isEmpty() && observation.exists()) {
          observation = gate.call(connection, () -> observer.withIds(client, observation, missingIds));
          result = observation.job();
        }
        for (JobItem item : items) {
          JobItemVerdicts.JobItemVerdict verdict = JobItemVerdicts.of(item.getMetadata().getName(),
              Scope.valueOf(item.getSpec().effectiveScope().name()), resolution, desired, result,
              spec.effectiveManagementPolicy() == ManagementPolicy.ObserveOnly);
          if (!jobItemStatuses.write(context.getClient(), item,
              jobItemStatuses.status(item, result.id(), verdict.itemId(), verdict.ready()))) {
            jobItemsUnwritten = true;
          }
        }
      }
    }
  }

  /** The JobItems as far as the desired job depends on them: which ones, at which spec generation. */
  private static List<String> jobItemKeys(List<JobItem> items) {
    return items.stream().map(i -> i.getMetadata().getUid() + "@" + i.getMetadata().getGeneration()).sorted().toList();
  }

  /** This BackupJob of this cluster, as its ownership marker names it. */
  private OwnershipMarker.Owner owner(BackupJob job) {
    return new OwnershipMarker.Owner(settings.clusterName(), job.getMetadata().getNamespace(),
        job.getMetadata().getName());
  }

  private static boolean takeOver(BackupJob job) {
    Map<String, String> annotations = job.getMetadata().getAnnotations();
    return annotations != null && "true".equals(annotations.get(ConditionTypes.TAKE_OVER_ANNOTATION));
  }

  private static List<ObservedItem> pendingItems(List<dev.vb365.operator.sync.BackupItem> items) {
    return items.stream().map(i -> new ObservedItem(JobObserver.PENDING + i.key(), i)).toList();
  }

  private static DesiredJob withNameAndDescription(DesiredJob desired, JobObserver.Observation observation,
      boolean keepObserved, boolean unmarked, String marker, boolean descriptionOmitted) {
    String name = desired.name();
    String description = desired.description();
    if (keepObserved && observation.exists()) {
      // An adopted or observed job keeps what the spec leaves out: its VB365 name and description.
      name = observation.job().name();
      if (descriptionOmitted) {
        description = OwnershipMarker.strip(observation.job().description());
      }
    }
    description = unmarked ? description : OwnershipMarker.describe(description, marker);
    return new DesiredJob(desired.organizationId(), desired.repositoryId(), name, description, desired.backupType(),
        desired.enabled(), desired.schedule(), desired.selectedItems(), desired.excludedItems());
  }

  private static ObservedJob withoutMarker(ObservedJob job) {
    return new ObservedJob(job.id(), job.eTag(), job.organizationId(), job.repositoryId(), job.name(),
        OwnershipMarker.strip(job.description()), job.backupType(), job.enabled(), job.schedule(),
        job.selectedItems(), job.excludedItems(), job.lastStatus(), job.lastRun(), job.nextRun());
  }

  /** Five minutes, or the resync interval when that is shorter. */
  private Duration slowRetry() {
    Duration slow = VeeamFailures.slowRetry();
    return settings.resyncInterval().compareTo(slow) < 0 ? settings.resyncInterval() : slow;
  }

  // ---- cleanup -------------------------------------------------------------------------------

  @Override
  public DeleteControl cleanup(BackupJob job, Context<BackupJob> context) {
    try (Shutdown.Ticket running = shutdown.enter()) {
      if (running == null) {
        return DeleteControl.noFinalizerRemoval(); // stopping: the next instance deletes it
      }
      return cleanupNow(job, context);
    }
  }

  private DeleteControl cleanupNow(BackupJob job, Context<BackupJob> context) {
    ResourceID id = ResourceID.fromResource(job);
    BackupJobSpec spec = job.getSpec();
    String jobId = job.getStatus() != null && job.getStatus().getJobId() != null ? job.getStatus().getJobId()
        : spec != null && spec.jobIdToAdopt() != null ? spec.jobIdToAdopt() : null;
    try {
      if (spec != null && spec.effectiveManagementPolicy() == ManagementPolicy.Managed) {
        if (spec.effectiveDeletionPolicy() == DeletionPolicy.Delete) {
          deleteJob(job, context, jobId);
        } else {
          releaseJob(job, context, jobId);
        }
      }
    } catch (ReconcileFailure failure) {
      if (shutdown.begun()) {
        return DeleteControl.noFinalizerRemoval();
      }
      LOG.info("BackupJob {} not deleted yet: {}", id, failure);
      BackupJobStatus status = BackupJobStatuses.copy(job.getStatus());
      String message = failure.getMessage().startsWith("cannot delete") ? failure.getMessage()
          : "deleting the VB365 job: " + failure.getMessage();
      Conditions.Verdict verdict = Conditions.Verdict.isFalse(failure.reason(), message);
      boolean newReason = Conditions.find(status.getConditions(), ConditionTypes.SYNCED)
          .map(c -> !failure.reason().equals(c.getReason()) || !Objects.equals(c.getMessage(),
              Conditions.shorten(message))).orElse(true);
      if (newReason) {
        events.warning(job, failure.reason(), message);
      }
      long generation = job.getMetadata().getGeneration() == null ? 0 : job.getMetadata().getGeneration();
      status.setConditions(Conditions.backupJob(status.getConditions(), generation, clock.instant(), verdict, verdict,
          null));
      BackupJobStatuses.write(job, status, context);
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(backoffs.next(id, failure.retryAfter()));
    }
    forget(id, jobId);
    for (JobItem item : jobItemsOf(job)) {
      jobItemStatuses.write(context.getClient(), item, jobItemStatuses.withoutBackupJob(item));
    }
    return DeleteControl.defaultDelete();
  }

  private void deleteJob(BackupJob job, Context<BackupJob> context, String knownJobId) {
    ResourceID id = ResourceID.fromResource(job);
    VeeamConnection server;
    try {
      server = secrets.connection(job, secrets.read(context.getClient(), job));
    } catch (ReconcileFailure secretProblem) {
      // No credentials remembered from earlier reconciles: a deletion does the same before and after a restart.
      // The finalizer stays, so that deletionPolicy Delete never quietly becomes Orphan; the user decides.
      throw new ReconcileFailure(secretProblem.reason(), "cannot delete the VB365 job"
          + (knownJobId == null ? "" : " " + knownJobId) + ": " + secretProblem.getMessage() + "; restore the "
          + "Secret, or set spec.deletionPolicy: Orphan to leave the job in VB365 and let the BackupJob go",
          ReconcileFailure.Retry.TRANSIENT, null, null);
    }
    VeeamClient client = pool.clientFor(server);
    OwnershipMarker.Owner me = owner(job);
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
    try {
      String[] outcome = gate.call(server, () -> {
        JobSource source = watch.attach(id, server, client);
        String jobId = knownJobId != null ? knownJobId
            : JobLocator.findOurs(pending != null ? null : source, client, me.marker());
        if (jobId == null) {
          return null;
        }
        Optional<Job> found = source.hasSynced() && source.job(jobId).isPresent() ? source.job(jobId)
            : client.findJob(jobId);
        if (found.isEmpty()) {
          return new String[] {"JobDeleted", "VB365 job " + jobId + " was already gone"};
        }
        OwnershipMarker.Relation relation = OwnershipMarker.relation(found.get().description(), me);
        if (relation == OwnershipMarker.Relation.OTHER_CLUSTER || relation == OwnershipMarker.Relation.OTHER_BACKUPJOB) {
          // Another owner's job (taken over since, or shared by mistake): never deleted from here.
          return new String[] {"JobNotDeleted", "VB365 job " + jobId + " is managed by "
              + OwnershipMarker.owner(found.get().description()).orElseThrow().describe() + ", so it is left in VB365"};
        }
        return new String[] {"JobDeleted", client.deleteJob(jobId) ? "deleted VB365 job " + jobId
            : "VB365 job " + jobId + " was already gone"};
      });
      if (outcome != null) {
        // after the server slot is released
        if ("JobDeleted".equals(outcome[0])) {
          events.normal(job, outcome[0], outcome[1]);
        } else {
          events.warning(job, outcome[0], outcome[1]);
        }
      }
    } catch (VeeamException e) {
      throw VeeamFailures.of(e);
    }
  }

  /**
   * deletionPolicy Orphan hands the job back: its ownership marker goes (one PUT), so that no BackupJob takes it over
   * by the marker later; adopting it again takes spec.jobId. Leaving never blocks: without the Secret, or when VB365
   * fails, the BackupJob goes anyway and a warning says the marker stayed.
   */
  private void releaseJob(BackupJob job, Context<BackupJob> context, String jobId) {
    if (jobId == null) {
      return;
    }
    OwnershipMarker.Owner me = owner(job);
    try {
      VeeamConnection server = secrets.connection(job, secrets.read(context.getClient(), job));
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
        client.editJob(jobId, dev.vb365.operator.veeam.model.JobEdit.settings(current.name(),
            OwnershipMarker.strip(current.description()), current.repositoryId(), current.backupType(),
            current.isEnabled(), current.schedulePolicy()));
        return true;
      });
      events.normal(job, "JobOrphaned", "left VB365 job " + jobId + " in place (deletionPolicy Orphan)"
          + (released ? " and removed this BackupJob's marker from its description" : ""));
    } catch (ReconcileFailure | VeeamException e) {
      events.warning(job, "JobNotReleased", "left VB365 job " + jobId + " in place (deletionPolicy Orphan), but its "
          + "description still carries this BackupJob's marker, so a BackupJob of this name in this cluster would "
          + "manage it again: " + e.getMessage());
    }
  }

  private void forget(ResourceID id, String jobId) {
    converged.remove(id);
    watch.detach(id);
    backoffs.reset(id);
    metrics.forget(id);
    if (jobId != null) {
      observer.forget(jobId);
    }
  }
}
