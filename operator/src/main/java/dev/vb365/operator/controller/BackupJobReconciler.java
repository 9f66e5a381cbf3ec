package dev.vb365.operator.controller;

import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.BackupJobSpec;
import dev.vb365.operator.api.BackupJobStatus;
import dev.vb365.operator.api.ConditionTypes;
import dev.vb365.operator.api.DeletionPolicy;
import dev.vb365.operator.api.JobItem;
import dev.vb365.operator.api.ManagementPolicy;
import dev.vb365.operator.mapping.JobMapping;
import dev.vb365.operator.mapping.UnreadableJobException;
import dev.vb365.operator.sync.DesiredJob;
import dev.vb365.operator.sync.DesiredJobMapper;
import dev.vb365.operator.sync.FieldError;
import dev.vb365.operator.sync.InvalidSpecException;
import dev.vb365.operator.sync.ItemNames;
import dev.vb365.operator.sync.JobDiff;
import dev.vb365.operator.sync.MissingItems;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a BackupJob (and the JobItems that refer to it) into exactly one VB365 backup job. This class is the JOSDK
 * glue; a reconcile ({@link Attempt#run()}) reads as its steps, each a named piece:
 * <ol>
 *   <li>validate ({@link SpecValidation}), connection ({@link ConnectionSecrets}), the resync shortcut
 *   ({@link ResyncShortcut});</li>
 *   <li>on the VB365 server, holding one of its slots ({@link ServerGate}), the only steps that talk to VB365 about
 *   the job: resolve ({@link ReferenceResolver}), locate ({@link JobLocator}, {@link CreateIntent}), observe
 *   ({@link JobObserver}), the duplicate sweep ({@link DuplicateSweep}), diff ({@link JobDiff}, pure), decide
 *   ({@link Decision}, pure), apply ({@link PlanApplier});</li>
 *   <li>report: the status ({@link BackupJobStatusMapper}, pure; written by {@link BackupJobStatuses} only when it
 *   differs), the run controls ({@link RunControls}), the JobItems' statuses ({@link JobItemStatuses}).</li>
 * </ol>
 * Deletion is {@link JobDeletion}. A reconcile that finds VB365 as the spec wants it makes no VB365 call when the
 * job is unchanged and writes no status when nothing changed.
 */
public final class BackupJobReconciler implements Reconciler<BackupJob>, Cleaner<BackupJob> {

  static final String JOB_ITEM_INDEX = "vb365-job-ref";

  private static final Logger LOG = LoggerFactory.getLogger(BackupJobReconciler.class);
  static final Set<String> CONNECTION_PROBLEMS = Set.of(Reasons.SECRET_NOT_FOUND, Reasons.SECRET_INVALID,
      Reasons.SECRET_FORBIDDEN, Reasons.UNAUTHORIZED, Reasons.FORBIDDEN, Reasons.TLS_UNTRUSTED);

  private final OperatorSettings settings;
  private final VeeamClientPool pool;
  private final ConnectionSecrets secrets;
  private final JobWatch watch;
  private final JobObserver observer;
  private final PlanApplier applier;
  private final DuplicateSweep sweep;
  private final JobDeletion deletion;
  private final ResyncShortcut shortcut;
  private final EventRecorder events;
  private final OperatorMetrics metrics;
  private final ServerGate gate;
  private final JobItemStatuses jobItemStatuses;
  private final Backoffs backoffs;
  private final Clock clock;
  private final SharedCaches shared;
  private final Shutdown shutdown;

  private InformerEventSource<JobItem, BackupJob> jobItems;

  BackupJobReconciler(Wiring wiring) {
    this.settings = wiring.settings();
    this.pool = wiring.pool();
    this.secrets = wiring.secrets();
    this.watch = wiring.watch();
    this.observer = wiring.observer();
    this.applier = new PlanApplier(wiring.observer());
    this.sweep = new DuplicateSweep(wiring.observer());
    this.events = wiring.events();
    this.metrics = wiring.metrics();
    this.gate = wiring.gate();
    this.jobItemStatuses = wiring.jobItemStatuses();
    this.backoffs = wiring.backoffs();
    this.clock = wiring.clock();
    this.shared = wiring.shared();
    this.shutdown = wiring.shutdown();
    this.deletion = new JobDeletion(secrets, pool, gate, watch, clock);
    this.shortcut = new ResyncShortcut(pool.lookupTtl());
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
    if (Pause.requested(job)) {
      return paused(job, context, false);
    }
    if (Pause.recorded(job.getStatus())) {
      events.normal(job, "Resumed", "the annotation " + ConditionTypes.PAUSED_ANNOTATION + " is gone: the operator "
          + "reconciles this BackupJob again");
    }
    Attempt attempt = new Attempt(job, context, jobItemsOf(job));
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

  /** A paused BackupJob: the pause recorded in its status (once), nothing else; its feed interest dropped. */
  private UpdateControl<BackupJob> paused(BackupJob job, Context<BackupJob> context, boolean deleting) {
    ResourceID id = ResourceID.fromResource(job);
    shortcut.forget(id);
    watch.detach(id);
    backoffs.reset(id);
    if (!Pause.recorded(job.getStatus())) {
      events.normal(job, "Paused", "the annotation " + ConditionTypes.PAUSED_ANNOTATION + "=true pauses this "
          + "BackupJob: no VB365 call until it is removed" + (deleting ? "; its deletion waits" : ""));
    }
    BackupJobStatuses.write(job, Pause.status(job.getStatus(), generation(job), clock.instant(), deleting), context);
    return UpdateControl.noUpdate();
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
    String message = unexpected(cause);
    LOG.warn("BackupJob {}: {}", ResourceID.fromResource(job), message, cause);
    List<Condition> previous = job.getStatus() == null ? null : job.getStatus().getConditions();
    BackupJobStatus status = BackupJobStatusMapper.forFailure(job.getStatus(), generation(job), clock.instant(),
        Reasons.RECONCILE_ERROR, message, null);
    try {
      if (BackupJobStatusMapper.newFailure(previous, Reasons.RECONCILE_ERROR)) {
        events.warning(job, Reasons.RECONCILE_ERROR, message);
      }
      BackupJobStatuses.write(job, status, context);
    } catch (RuntimeException writeFailed) {
      LOG.debug("BackupJob {}: could not record the error in its status: {}", ResourceID.fromResource(job),
          writeFailed.toString());
    }
    return ErrorStatusUpdateControl.noStatusUpdate();
  }

  /** The condition message of an exception nobody foresaw: its type and message, never a stack trace. */
  static String unexpected(Throwable cause) {
    return "unexpected error, retried with backoff (please report it): " + cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : ": " + cause.getMessage().replaceAll("\\s+", " "));
  }

  static boolean interrupted(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InterruptedException || t instanceof java.util.concurrent.CancellationException
          || t instanceof java.io.InterruptedIOException && !(t instanceof java.net.SocketTimeoutException)) {
        return true;
      }
    }
    return Thread.currentThread().isInterrupted();
  }

  /** One reconcile of one BackupJob: its steps, and what they found so far. */
  private final class Attempt {
    private final BackupJob job;
    private final Context<BackupJob> context;
    private final List<JobItem> items;
    private final ResourceID id;
    private final long generation;
    private final BackupJobStatus old;
    private final BackupJobSpec spec;
    private final boolean observeOnly;
    private final boolean adopting;
    private final OwnershipMarker.Owner me;
    /** The BackupJob as last stored by this reconcile (a recorded create intent moves it on). */
    private BackupJob current;
    private VeeamConnection connection;
    /** Events noted while holding the server slot, written once it is released. */
    private EventRecorder.Deferred deferred;
    /** When this reconcile resolved the spec's names (the lookups may have been cached up to their lifetime). */
    private Instant resolvedAt;
    /** One sentence per item whose object left the directory (empty: none). */
    private List<String> itemsMissing = List.of();
    /** The job's newest session, when this reconcile read it. */
    private BackupJobStatusMapper.SessionRead session = BackupJobStatusMapper.SessionRead.NOT_READ;
    /** A JobItem status write failed (a conflict): reconcile again soon. */
    boolean jobItemsUnwritten;

    Attempt(BackupJob job, Context<BackupJob> context, List<JobItem> items) {
      this.job = job;
      this.context = context;
      this.items = items;
      this.id = ResourceID.fromResource(job);
      this.generation = generation(job);
      this.old = job.getStatus();
      this.spec = job.getSpec();
      this.current = job;
      this.observeOnly = spec != null && spec.effectiveManagementPolicy() == ManagementPolicy.ObserveOnly;
      this.adopting = spec != null && spec.jobIdToAdopt() != null;
      this.me = owner(job);
    }

    void run() {
      validate();
      connection = secrets.connection(job, secrets.read(context.getClient(), job));
      VeeamClient client = pool.clientFor(connection);
      if (unchangedSinceConverged(client)) {
        return;
      }
      shortcut.forget(id);
      gate.requireAvailable(connection); // a server that asked to wait is not asked again before it is due
      watch.copiesHandled(id); // this full pass looks for copies; one appearing during it wakes it again
      watch.directoryHandled(id); // and evaluates the rules afresh; a directory change during it wakes it again
      SyncOutcome outcome = onServer(client);
      BackupJobStatus status = report(outcome, client);
      carryOutRunControls(outcome, status, client);
      writeJobItemStatuses(outcome);
      if (!jobItemsUnwritten) { // else the retry must not skip the JobItem statuses as "unchanged"
        converged(outcome, status).ifPresent(c -> shortcut.remember(id, c));
      }
    }

    private void validate() {
      List<FieldError> errors = SpecValidation.of(spec);
      if (!errors.isEmpty()) {
        throw ReconcileFailure.terminal(Reasons.INVALID_SPEC,
            errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
      }
    }

    /** Nothing changed on either side since this BackupJob last converged. */
    private boolean unchangedSinceConverged(VeeamClient client) {
      return shortcut.unchanged(id, generation, items, connection, old, RunControls.anyPending(job),
          clock.instant(), jobId -> {
            if (watch.copySeen(id) || watch.directoryChanged(id)) {
              return null;
            }
            JobSource source = watch.attach(id, connection, client);
            return source.hasSynced() ? source.job(jobId).orElse(null) : null;
          }, observer::itemGeneration);
    }

    /**
     * The steps that talk to VB365 about the job, holding one of the server's request slots; the Events they note
     * are written once it is released.
     */
    private SyncOutcome onServer(VeeamClient client) {
      deferred = events.deferred();
      try {
        SyncOutcome outcome = gate.call(connection, () -> {
          SyncOutcome o = sync(client);
          if (BackupJobStatusMapper.sessionNeeded(old, o.result())) {
            session = new BackupJobStatusMapper.SessionRead(true, client.latestSession(o.result().id()).orElse(null));
          }
          return o;
        });
        gate.noteSuccess(connection);
        return outcome;
      } catch (VeeamException e) {
        ReconcileFailure failure = VeeamFailures.of(e);
        gate.noteFailure(connection, failure);
        throw failure;
      } catch (UnreadableJobException e) {
        throw VeeamFailures.unreadable(e);
      } finally {
        deferred.flush();
      }
    }

    private SyncOutcome sync(VeeamClient client) {
      // resolve (also proves the connection works before a change feed is started for it)
      resolvedAt = clock.instant();
      if (old != null && old.getOrganizationId() != null && watch.lookupsStale(connection, old.getOrganizationId())) {
        client.invalidateLookups(); // the directory changed (v8 event): names are looked up afresh
      }
      ReferenceResolver.Resolution resolution = ReferenceResolver.resolve(client, spec, items,
          watch::directoryVersion);
      JobSource source = watch.attach(id, connection, client);
      // Rules follow their organization's directory, names the objects they resolved to (v8 events wake it).
      watch.followDirectory(id, resolution.rules().isEmpty() ? null : resolution.organizationId(),
          resolution.named().stream().map(ReferenceResolver.Named::id).collect(Collectors.toSet()));
      DesiredJob desired = desired(resolution);

      // locate and observe
      String jobId = locate(client, source, desired.name());
      // The item generation before observing: a change of the item lists while this reconcile runs is not missed.
      long itemGeneration = jobId == null ? 0 : observer.itemGeneration(jobId);
      JobObserver.Observation observation = observe(client, source, jobId);
      if (observation.exists() && !jobId.equals(observation.job().id())) {
        jobId = observation.job().id(); // the replacement of a vanished job, found by its marker
        itemGeneration = observer.itemGeneration(jobId);
      }
      if (jobId != null) {
        watch.track(id, jobId);
        if (!observeOnly && !adopting) {
          sweep.sweep(client, source, me.marker(), jobId, job, deferred);
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

      // items whose objects left the directory: kept or removed as the spec says
      if (!resolution.missing().isEmpty()) {
        if (observation.exists() && !observation.pendingIds().isEmpty()) {
          // Lists known only as this operator wrote them carry no names: read them as VB365 lists them.
          observation = observer.withIds(client, observation, observation.pendingIds());
        }
        MissingItems.Settled settled = MissingItems.settle(desired, observation.exists() ? observation.job() : null,
            resolution.missing(), spec.effectiveMissingItemPolicy());
        if (!settled.unknown().isEmpty()) {
          throw resolution.missingFailures().get(settled.unknown().get(0)); // never in the job: the name is wrong
        }
        desired = settled.desired();
        itemsMissing = settled.report();
      }

      // diff
      // An adopted job gets this BackupJob's marker (one PUT when nothing else differs): one owner per VB365 job,
      // so a second BackupJob, here or in another cluster, cannot adopt it too. ObserveOnly never writes.
      desired = MarkedJob.desired(desired, observation.job(), observeOnly || adopting, observeOnly, me.marker(),
          spec.getDescription() == null);
      ItemNames names = resolution.objects().names();
      Plan plan = JobDiff.diff(desired, compared(observation), names);
      if (observation.exists() && observation.needsIdsFor(plan)) {
        observation = observer.withIds(client, observation, observation.pendingIds());
        plan = JobDiff.diff(desired, compared(observation), names);
      }

      // decide
      Decision decision = Decision.of(new Decision.Facts(observeOnly, !plan.blockers().isEmpty(), !plan.inSync(),
          vanished, Conditions.isTrueFor(conditions(), ConditionTypes.READY, generation),
          Conditions.isTrueFor(conditions(), ConditionTypes.DRIFTED, generation),
          vanished || observation.exists()
              && !Objects.equals(observation.job().versionStamp(), old == null ? null : old.getETag()),
          spec.effectiveDriftPolicy(), plan.summary(), plan.driftSummary(),
          Conditions.find(conditions(), ConditionTypes.DRIFTED).map(Condition::getMessage).orElse(null)));
      if (decision.announceDrift()) {
        metrics.driftDetected();
        deferred.warning(job, Reasons.DRIFT_DETECTED, "VB365 job " + jobId + " differs from the spec: "
            + decision.driftSummary());
      }

      // apply
      return switch (decision.action()) {
        case BLOCKED -> throw ReconcileFailure.slow(Reasons.ORGANIZATION_MISMATCH, String.join("; ", plan.blockers()));
        case APPLY -> withItemIds(client, apply(client, source, decision, plan, resolution, desired,
            vanished ? null : jobId, vanished, itemGeneration, names.orListedIn(observation.job())));
        case OBSERVE_ONLY, REPORT_DRIFT, IN_SYNC -> withItemIds(client, new SyncOutcome(decision, resolution, desired,
            observation, observation.job(), false, vanished, plan.inSync(), plan.summary(), null, itemGeneration));
      };
    }

    private DesiredJob desired(ReferenceResolver.Resolution resolution) {
      try {
        return DesiredJobMapper.toDesired(job.getMetadata().getNamespace(), job.getMetadata().getName(), spec,
            resolution.organizationId(), resolution.repositoryId(), resolution.items());
      } catch (InvalidSpecException e) {
        throw ReconcileFailure.terminal(Reasons.INVALID_SPEC, e.getMessage());
      }
    }

    /** The observed job as the diff compares it: an unmarked (ObserveOnly) BackupJob ignores any marker. */
    private ObservedJob compared(JobObserver.Observation observation) {
      return observation.exists() && observeOnly ? MarkedJob.withoutMarker(observation.job()) : observation.job();
    }

    private String locate(VeeamClient client, JobSource source, String desiredName) {
      // A create recorded on the status whose answer never was (this process or one before it): list afresh,
      // and do not create again while the first one may still be in flight.
      String pending = old == null || old.getJobId() != null || adopting ? null : old.getCreatePendingSince();
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

    /**
     * The job as VB365 has it. When the job of status.jobId is gone and a create of its replacement was sent without
     * its answer recorded, that one may exist (or still be in flight): it is looked for by its marker before
     * anything is created again.
     */
    private JobObserver.Observation observe(VeeamClient client, JobSource source, String jobId) {
      if (jobId == null) {
        return new JobObserver.Observation(null, Set.of());
      }
      JobObserver.Observation observation = observer.observe(client, source, jobId);
      String pending = old == null ? null : old.getCreatePendingSince();
      if (observation.exists() || pending == null || adopting || observeOnly) {
        return observation;
      }
      String replacement = JobLocator.findOurs(null, client, me.marker());
      if (replacement != null) {
        return observer.observe(client, source, replacement);
      }
      Duration left = CreateIntent.remaining(pending, clock.instant(), connection.timeouts().call());
      if (!left.isZero()) {
        throw new ReconcileFailure(Reasons.CREATE_OUTCOME_UNKNOWN, "the VB365 job was deleted outside "
            + "Kubernetes and a create of it sent at " + pending + " has no recorded answer; the operator looks "
            + "again before it creates it", ReconcileFailure.Retry.TRANSIENT, CreateIntent.nextLook(left), null);
      }
      return observation;
    }

    /** @param names what people call the items' objects, for the Events of the writes */
    private SyncOutcome apply(VeeamClient client, JobSource source, Decision decision, Plan plan,
        ReferenceResolver.Resolution resolution, DesiredJob desired, String jobId, boolean vanished,
        long itemGeneration, ItemNames names) {
      ObservedJob result;
      JobObserver.Observation observation;
      if (plan.operations().get(0) instanceof Operation.CreateJob create) {
        current = CreateIntent.record(current, context, clock.instant());
        Job created;
        try {
          created = applier.create(client, source, create, resolution.objects(), job, deferred);
        } catch (CreateOutcomeUnknownException | ConflictException e) {
          // The job may exist now (or a same-named one appeared): the intent stays on the status, so the next
          // reconcile, here or in another process, looks with a fresh listing first.
          if (e instanceof ConflictException) {
            // VB365 refuses a second job of a name; the change feed may not show the one in the way yet.
            // A fresh listing names it at once (NameConflict) instead of a conflict now and the name later.
            JobLocator.locate(job, create.job().name(), me, null, client, true);
          }
          throw VeeamFailures.of(e);
        }
        itemGeneration = observer.itemGeneration(created.id());
        watch.track(id, created.id());
        result = afterWrites(created, desired);
        observation = new JobObserver.Observation(result, Set.of(Scope.Selected, Scope.Excluded));
      } else {
        Job readBack = applier.apply(client, source, jobId, plan, resolution.objects(), names, job, deferred);
        result = afterWrites(readBack, desired);
        observation = new JobObserver.Observation(result, Set.of(Scope.Selected, Scope.Excluded));
      }
      if (decision.drift()) {
        metrics.driftCorrected();
        deferred.normal(job, Reasons.DRIFT_CORRECTED, "put VB365 job back to the spec: "
            + (vanished ? "created it again" : decision.driftSummary()));
      }
      return new SyncOutcome(decision, resolution, desired, observation, result, true, vanished, plan.inSync(),
          plan.summary(), result.versionStamp(), itemGeneration);
    }

    /**
     * JobItems report their VB365 item ids (status.itemId): the lists they are in are read when the observation lacks
     * their ids, also right after this reconcile's writes, since VB365 answers item writes without ids and nothing
     * else may reconcile the BackupJob before the next resync.
     */
    private SyncOutcome withItemIds(VeeamClient client, SyncOutcome o) {
      JobObserver.Observation observation = o.observation();
      Set<Scope> needed = items.stream().map(i -> Scope.valueOf(i.getSpec().effectiveScope().name()))
          .filter(observation.pendingIds()::contains).collect(Collectors.toSet());
      if (needed.isEmpty() || !observation.exists()) {
        return o;
      }
      observation = observer.withIds(client, observation, needed);
      return new SyncOutcome(o.decision(), o.resolution(), o.desired(), observation, observation.job(), o.wrote(),
          o.vanished(), o.planInSync(), o.planSummary(), o.lastApplied(), o.itemGeneration());
    }

    /** The status (written only when it differs), the TLS warning and the last-status metric. */
    private BackupJobStatus report(SyncOutcome outcome, VeeamClient client) {
      boolean insecure = connection.insecureSkipTlsVerify();
      BackupJobStatus status = BackupJobStatusMapper.forOutcome(old, generation, clock.instant(), outcome, session,
          client.apiVersion().segment(), insecure);
      if (!itemsMissing.isEmpty()) {
        status = BackupJobStatusMapper.withItemsMissing(status, old, generation, clock.instant(), itemsMissing);
        if (BackupJobStatusMapper.newItemsMissing(old, status)) {
          events.warning(job, Reasons.ITEMS_MISSING, String.join("; ", itemsMissing));
        }
      }
      if (outcome.result() != null) {
        metrics.lastStatus(id, LastRunStatus.of(outcome.result().lastStatus(), outcome.result().lastRun()));
        metrics.lastBackup(id, status.getLastBackup());
      }
      BackupJobStatusMapper.ruleWarnings(old, outcome.resolution().rules())
          .forEach(w -> events.warning(job, w.reason(), w.message()));
      if (insecure && (old == null || !Boolean.TRUE.equals(old.getTlsVerificationDisabled()))) {
        events.warning(job, "TlsVerificationDisabled", "the connection Secret sets insecureSkipTlsVerify: the "
            + "VB365 server's certificate is not checked");
      }
      if (outcome.result() == null || !RunControls.anyPending(job)) {
        BackupJobStatuses.write(current, status, context);
      }
      return status;
    }

    /**
     * New values of the run, full-run and stop annotations: recorded in the status (with the rest of it) before the
     * calls, with optimistic locking, so that each is carried out at most once whatever happens (see
     * {@link RunControls}).
     */
    private void carryOutRunControls(SyncOutcome outcome, BackupJobStatus status, VeeamClient client) {
      List<RunControls.Request> requests = outcome.result() == null ? List.of() : RunControls.pending(job);
      if (requests.isEmpty()) {
        return;
      }
      RunControls.record(status, requests);
      if (RunControls.claim(current, status, requests, context)) {
        gate.call(connection, () -> {
          RunControls.carryOut(client, job, outcome.result().id(), requests, spec.effectiveManagementPolicy(),
              events);
          return null;
        });
      }
    }

    private void writeJobItemStatuses(SyncOutcome outcome) {
      if (items.isEmpty() || outcome.result() == null) {
        return;
      }
      for (JobItem item : items) {
        JobItemVerdicts.JobItemVerdict verdict = JobItemVerdicts.of(item.getMetadata().getName(),
            Scope.valueOf(item.getSpec().effectiveScope().name()), outcome.resolution(), outcome.desired(),
            outcome.result(), observeOnly);
        if (!jobItemStatuses.write(context.getClient(), item,
            jobItemStatuses.status(item, outcome.result().id(), verdict.itemId(), verdict.ready()))) {
          jobItemsUnwritten = true;
        }
      }
    }

    /** What this reconcile converged on, when the BackupJob is Ready and nothing is left to do. */
    private Optional<ResyncShortcut.Converged> converged(SyncOutcome o, BackupJobStatus status) {
      ObservedJob result = o.result();
      boolean ready = Conditions.isTrueFor(status.getConditions(), ConditionTypes.READY, generation);
      if (result == null || result.eTag() == null || !ready || o.decision().drift() && !o.wrote()
          || !o.resolution().jobItemProblems().isEmpty() || RunControls.anyPending(job)
          // JobItems still waiting for their VB365 item ids: the next reconcile lists them
          || !items.isEmpty() && (o.wrote() || !o.observation().pendingIds().isEmpty())) {
        return Optional.empty();
      }
      return Optional.of(new ResyncShortcut.Converged(generation, ResyncShortcut.keys(items), connection, result.id(),
          result.eTag(), o.itemGeneration(), resolvedAt));
    }

    private List<Condition> conditions() {
      return old == null ? null : old.getConditions();
    }

    UpdateControl<BackupJob> failed(ReconcileFailure failure) {
      shortcut.forget(id);
      LOG.info("BackupJob {}: {} ({})", id, failure.reason(), failure.getMessage());
      if (CONNECTION_PROBLEMS.contains(failure.reason())) {
        watch.detach(id); // no change feed for a server this BackupJob cannot use
      }
      // From the status as this reconcile last stored it: a create intent recorded before the failure must stay.
      BackupJobStatus status = BackupJobStatusMapper.forFailure(current.getStatus(), generation, clock.instant(),
          failure.reason(), failure.getMessage(), connection == null ? null : connection.insecureSkipTlsVerify());
      if (BackupJobStatusMapper.newFailure(conditions(), failure.reason())) {
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
        case SLOW -> control.rescheduleAfter(VeeamFailures.slowRetry(settings.resyncInterval()));
        case TRANSIENT -> control.rescheduleAfter(backoffs.next(id, failure.retryAfter()));
      };
    }
  }

  /** The job after this reconcile's writes: VB365's answer for the settings, the desired lists for the items. */
  private static ObservedJob afterWrites(Job answer, DesiredJob desired) {
    ObservedJob read = JobMapping.toObserved(answer, List.of(), List.of());
    return new ObservedJob(read.id(), read.eTag(), read.organizationId(), read.repositoryId(), read.name(),
        read.description(), read.backupType(), read.enabled(), read.schedule(), pendingItems(desired.selectedItems()),
        pendingItems(desired.excludedItems()), read.lastStatus(), read.lastRun(), read.nextRun(),
        read.lastBackup());
  }

  private static List<ObservedItem> pendingItems(List<dev.vb365.operator.sync.BackupItem> items) {
    return items.stream().map(i -> new ObservedItem(JobObserver.PENDING + i.key(), i)).toList();
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

  private static long generation(BackupJob job) {
    return job.getMetadata().getGeneration() == null ? 0 : job.getMetadata().getGeneration();
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
    if (Pause.requested(job)) {
      // Hands off means hands off: the VB365 job is neither deleted nor released while paused. Removing the
      // annotation is an update the controller's filter lets through, and the deletion proceeds then.
      paused(job, context, true);
      return DeleteControl.noFinalizerRemoval();
    }
    BackupJobSpec spec = job.getSpec();
    String jobId = job.getStatus() != null && job.getStatus().getJobId() != null ? job.getStatus().getJobId()
        : spec != null && spec.jobIdToAdopt() != null ? spec.jobIdToAdopt() : null;
    try {
      if (spec != null && spec.effectiveManagementPolicy() == ManagementPolicy.Managed) {
        Optional<JobDeletion.Result> result = spec.effectiveDeletionPolicy() == DeletionPolicy.Delete
            ? deletion.delete(job, context.getClient(), jobId, owner(job))
            : jobId == null ? Optional.empty() : Optional.of(deletion.release(job, context.getClient(), jobId,
                owner(job)));
        result.ifPresent(r -> {
          if (r.warning()) {
            events.warning(job, r.reason(), r.message());
          } else {
            events.normal(job, r.reason(), r.message());
          }
        });
      }
    } catch (ReconcileFailure failure) {
      if (shutdown.begun()) {
        return DeleteControl.noFinalizerRemoval();
      }
      LOG.info("BackupJob {} not deleted yet: {}", id, failure);
      String message = failure.getMessage().startsWith("cannot delete") ? failure.getMessage()
          : "deleting the VB365 job: " + failure.getMessage();
      List<Condition> previous = job.getStatus() == null ? null : job.getStatus().getConditions();
      boolean news = Conditions.find(previous, ConditionTypes.SYNCED).map(c -> !failure.reason().equals(c.getReason())
          || !Objects.equals(c.getMessage(), Conditions.shorten(message))).orElse(true);
      if (news) {
        events.warning(job, failure.reason(), message);
      }
      BackupJobStatuses.write(job, BackupJobStatusMapper.forFailure(job.getStatus(), generation(job), clock.instant(),
          failure.reason(), message, null), context);
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(backoffs.next(id, failure.retryAfter()));
    }
    forget(id, jobId);
    for (JobItem item : jobItemsOf(job)) {
      jobItemStatuses.write(context.getClient(), item, jobItemStatuses.withoutBackupJob(item));
    }
    return DeleteControl.defaultDelete();
  }

  private void forget(ResourceID id, String jobId) {
    shortcut.forget(id);
    watch.detach(id);
    backoffs.reset(id);
    metrics.forget(id);
    if (jobId != null) {
      observer.forget(jobId);
    }
  }
}
