package dev.vb365.operator.controller;

import dev.vb365.operator.api.BackupCopyJob;
import dev.vb365.operator.api.BackupCopyJobSpec;
import dev.vb365.operator.api.BackupCopyJobStatus;
import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.ConditionTypes;
import dev.vb365.operator.api.DeletionPolicy;
import dev.vb365.operator.api.ManagementPolicy;
import dev.vb365.operator.mapping.CopyJobMapping;
import dev.vb365.operator.sync.CopyJobDiff;
import dev.vb365.operator.sync.CopyJobSpecMapper;
import dev.vb365.operator.sync.DesiredCopyJob;
import dev.vb365.operator.sync.Difference;
import dev.vb365.operator.sync.FieldError;
import dev.vb365.operator.sync.ObservedCopyJob;
import dev.vb365.operator.veeam.ConflictException;
import dev.vb365.operator.veeam.VeeamClient;
import dev.vb365.operator.veeam.VeeamClientPool;
import dev.vb365.operator.veeam.VeeamConnection;
import dev.vb365.operator.veeam.VeeamException;
import dev.vb365.operator.veeam.model.CopyJob;
import dev.vb365.operator.veeam.model.Repository;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a BackupCopyJob into the one VB365 backup copy job of its BackupJob's job. A reconcile reads as its steps:
 * <ol>
 *   <li>validate ({@link CopyJobSpecMapper}); the BackupJob it copies (it waits, Ready False BackupJobNotReady, until
 *   that one is Ready and has a VB365 job; VB365 allows one copy job per backup job, so a second BackupCopyJob of the
 *   same BackupJob is a Duplicate); the connection is the BackupJob's; the resync shortcut ({@link Converged});</li>
 *   <li>on the VB365 server, holding one of its slots: resolve the archive repository, locate the copy job (the
 *   status's, spec.copyJobId, or a create, which VB365 answers with a conflict when the backup job has one already:
 *   that one is adopted), diff ({@link CopyJobDiff}, pure), decide ({@link Decision}, pure, as for BackupJobs), apply
 *   (one PUT of every setting, then one GET);</li>
 *   <li>report: the status ({@link CopyJobStatusMapper}, pure), written only when it differs.</li>
 * </ol>
 * A reconcile that finds nothing changed since the copy job converged (v8: its change feed reported no newer eTag for
 * it and the feed has not listed afresh since) makes no VB365 call and writes nothing.
 */
public final class BackupCopyJobReconciler implements Reconciler<BackupCopyJob>, Cleaner<BackupCopyJob> {

  static final String BACKUP_JOB_INDEX = "vb365-copy-of";

  private static final Logger LOG = LoggerFactory.getLogger(BackupCopyJobReconciler.class);

  private final OperatorSettings settings;
  private final VeeamClientPool pool;
  private final ConnectionSecrets secrets;
  private final JobWatch watch;
  private final EventRecorder events;
  private final ServerGate gate;
  private final Backoffs backoffs;
  private final Clock clock;
  private final Shutdown shutdown;
  private final Map<ResourceID, Converged> converged = new ConcurrentHashMap<>();

  private InformerEventSource<BackupJob, BackupCopyJob> backupJobs;
  private io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache<BackupCopyJob> copies;

  BackupCopyJobReconciler(BackupJobReconciler.Wiring wiring) {
    this.settings = wiring.settings();
    this.pool = wiring.pool();
    this.secrets = wiring.secrets();
    this.watch = wiring.watch();
    this.events = wiring.events();
    this.gate = wiring.gate();
    this.backoffs = new Backoffs(Duration.ofSeconds(2), Duration.ofMinutes(5));
    this.clock = wiring.clock();
    this.shutdown = wiring.shutdown();
  }

  /**
   * The copy job as a reconcile last saw it (v8, with its eTag), and what that reconcile converged on. While the change
   * feed reports nothing newer of it (no newer eTag, no change without one, no fresh listing), it is what VB365 has:
   * a spec edit needs no read before its PUT, and while the spec, the BackupJob's job and the connection are the same
   * too (and the names were resolved within the lookup lifetime), a resync has nothing to do at all.
   */
  record Converged(long generation, String backupJobId, VeeamConnection connection, ObservedCopyJob job,
      long feedEpoch, long unversionedChanges, Instant resolvedAt, boolean ready) {

    /** Whether the feed reported nothing of the copy job since it was seen. */
    boolean current(JobWatch watch) {
      WatchMark mark = WatchMark.of(watch, job.id());
      return feedEpoch == watch.copyEpoch() && mark.unversioned() == unversionedChanges
          && (mark.newestETag() == null || mark.newestETag() <= job.eTag());
    }
  }

  // ---- event sources -------------------------------------------------------------------------

  @Override
  public List<EventSource<?, BackupCopyJob>> prepareEventSources(EventSourceContext<BackupCopyJob> context) {
    copies = context.getPrimaryCache();
    copies.addIndexer(BACKUP_JOB_INDEX, c -> Optional.ofNullable(c.getSpec()).map(BackupCopyJobSpec::backupJobName)
        .map(name -> List.of(key(c.getMetadata().getNamespace(), name))).orElse(List.of()));
    // The BackupJob a BackupCopyJob copies wakes it when what the copy depends on changes: its readiness, its VB365
    // job, its connection, its deletion; not each run it reports.
    InformerEventSourceConfiguration.Builder<BackupJob> config = InformerEventSourceConfiguration
        .from(BackupJob.class, BackupCopyJob.class)
        .withName("copied-backup-jobs")
        .withNamespacesInheritedFromController()
        .withSecondaryToPrimaryMapper(job -> copies.byIndex(BACKUP_JOB_INDEX, key(job.getMetadata().getNamespace(),
            job.getMetadata().getName())).stream().map(ResourceID::fromResource).collect(Collectors.toSet()))
        .withOnUpdateFilter((now, before) -> !BackupJobFacts.of(now).equals(BackupJobFacts.of(before)));
    if (settings.labelSelector() != null) {
      config.withLabelSelector(settings.labelSelector());
    }
    backupJobs = new InformerEventSource<>(config.build(), context);
    return List.of(backupJobs, watch.copyEventSource());
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  /** What of a BackupJob its copy job depends on. */
  private record BackupJobFacts(String uid, boolean deleting, String jobId, String organizationId, boolean ready,
      Object connection) {
    static BackupJobFacts of(BackupJob job) {
      var status = job.getStatus();
      return new BackupJobFacts(job.getMetadata().getUid(), job.isMarkedForDeletion(),
          status == null ? null : status.getJobId(), status == null ? null : status.getOrganizationId(),
          readyWithJob(job),
          job.getSpec() == null ? null : job.getSpec().getConnection());
    }
  }

  // ---- reconcile -----------------------------------------------------------------------------

  @Override
  public UpdateControl<BackupCopyJob> reconcile(BackupCopyJob copy, Context<BackupCopyJob> context) {
    try (Shutdown.Ticket running = shutdown.enter()) {
      if (running == null) {
        return UpdateControl.noUpdate();
      }
      return reconcileNow(copy, context);
    }
  }

  private UpdateControl<BackupCopyJob> reconcileNow(BackupCopyJob copy, Context<BackupCopyJob> context) {
    ResourceID id = ResourceID.fromResource(copy);
    if (Pause.requested(copy)) {
      paused(copy, context, false);
      return UpdateControl.noUpdate();
    }
    if (Pause.recorded(conditions(copy))) {
      events.normal(copy, "Resumed", "the annotation " + ConditionTypes.PAUSED_ANNOTATION + " is gone: the operator "
          + "reconciles this BackupCopyJob again");
    }
    Attempt attempt = new Attempt(copy, context);
    try {
      attempt.run();
      backoffs.reset(id);
      return UpdateControl.noUpdate();
    } catch (ReconcileFailure failure) {
      if (shutdown.begun()) {
        return UpdateControl.noUpdate();
      }
      return attempt.failed(failure);
    }
  }

  private void paused(BackupCopyJob copy, Context<BackupCopyJob> context, boolean deleting) {
    ResourceID id = ResourceID.fromResource(copy);
    converged.remove(id);
    watch.detachCopy(id);
    backoffs.reset(id);
    if (!Pause.recorded(conditions(copy))) {
      events.normal(copy, "Paused", "the annotation " + ConditionTypes.PAUSED_ANNOTATION + "=true pauses this "
          + "BackupCopyJob: no VB365 call until it is removed" + (deleting ? "; its deletion waits" : ""));
    }
    BackupCopyJobStatus status = copy.getStatus() == null ? new BackupCopyJobStatus() : copy.getStatus().copy();
    status.setConditions(Pause.conditions(conditions(copy), generation(copy), clock.instant(),
        "this BackupCopyJob", "the VB365 copy job is not deleted", deleting));
    write(copy, status, context);
  }

  @Override
  public ErrorStatusUpdateControl<BackupCopyJob> updateErrorStatus(BackupCopyJob copy,
      Context<BackupCopyJob> context, Exception e) {
    Throwable cause = e instanceof io.javaoperatorsdk.operator.OperatorException && e.getCause() != null
        ? e.getCause() : e;
    if (shutdown.begun() || BackupJobReconciler.interrupted(cause)) {
      return ErrorStatusUpdateControl.noStatusUpdate();
    }
    String message = BackupJobReconciler.unexpected(cause);
    LOG.warn("BackupCopyJob {}: {}", ResourceID.fromResource(copy), message, cause);
    try {
      if (CopyJobStatusMapper.newFailure(copy.getStatus(), Reasons.RECONCILE_ERROR)) {
        events.warning(copy, Reasons.RECONCILE_ERROR, message);
      }
      write(copy, CopyJobStatusMapper.forFailure(copy.getStatus(), generation(copy), clock.instant(),
          Reasons.RECONCILE_ERROR, message), context);
    } catch (RuntimeException writeFailed) {
      LOG.debug("BackupCopyJob {}: could not record the error: {}", ResourceID.fromResource(copy),
          writeFailed.toString());
    }
    return ErrorStatusUpdateControl.noStatusUpdate();
  }

  /** One reconcile of one BackupCopyJob. */
  private final class Attempt {
    private final BackupCopyJob copy;
    private final Context<BackupCopyJob> context;
    private final ResourceID id;
    private final long generation;
    private final BackupCopyJobStatus old;
    private final BackupCopyJobSpec spec;
    private final boolean observeOnly;
    private VeeamConnection connection;
    /** The BackupCopyJob as last stored by this reconcile (a recorded create intent moves it on). */
    private BackupCopyJob current;

    Attempt(BackupCopyJob copy, Context<BackupCopyJob> context) {
      this.copy = copy;
      this.context = context;
      this.id = ResourceID.fromResource(copy);
      this.generation = generation(copy);
      this.old = copy.getStatus();
      this.spec = copy.getSpec();
      this.observeOnly = spec != null && spec.effectiveManagementPolicy() == ManagementPolicy.ObserveOnly;
      this.current = copy;
    }

    void run() {
      List<FieldError> errors = CopyJobSpecMapper.validate(spec);
      if (!errors.isEmpty()) {
        throw ReconcileFailure.terminal(Reasons.INVALID_SPEC,
            errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
      }
      BackupJob backupJob = readyBackupJob();
      connection = secrets.connection(backupJob, secrets.read(context.getClient(), backupJob));
      VeeamClient client = pool.clientFor(connection);
      watch.attachCopy(id, connection, client);
      String backupJobId = backupJob.getStatus().getJobId();
      if (unchangedSinceConverged(backupJobId)) {
        return;
      }
      gate.requireAvailable(connection);
      EventRecorder.Deferred deferred = events.deferred();
      CopyJobStatusMapper.Outcome outcome;
      Instant resolvedAt = clock.instant();
      long epoch = watch.copyEpoch();
      Converged seen = converged.get(id);
      // The feed's count of changes without an eTag, taken before reading: one arriving meanwhile is not lost.
      String knownCopyId = old == null ? null : old.getCopyJobId();
      long changesBefore = knownCopyId == null ? 0 : WatchMark.of(watch, knownCopyId).unversioned();
      try {
        outcome = gate.call(connection, () -> sync(client, backupJob, deferred,
            seen != null && seen.connection().equals(connection) && seen.current(watch) ? seen.job() : null));
        gate.noteSuccess(connection);
      } catch (VeeamException e) {
        ReconcileFailure failure = VeeamFailures.of(e);
        gate.noteFailure(connection, failure);
        throw failure;
      } finally {
        deferred.flush();
      }
      watch.trackCopy(id, outcome.job().id());
      BackupCopyJobStatus status = CopyJobStatusMapper.forOutcome(old, generation, clock.instant(), outcome);
      current = write(current, status, context);
      boolean ready = Conditions.isTrueFor(status.getConditions(), ConditionTypes.READY, generation)
          && !(outcome.decision().drift() && !outcome.wrote());
      long seenChanges = outcome.job().id().equalsIgnoreCase(String.valueOf(knownCopyId)) ? changesBefore
          : WatchMark.of(watch, outcome.job().id()).unversioned();
      if (outcome.job().eTag() != null) {
        converged.put(id, new Converged(generation, backupJobId, connection, outcome.job(), epoch,
            seenChanges, resolvedAt, ready));
      }
    }

    /** The BackupJob this copies, Ready with a VB365 job; else a wait with the reason. */
    private BackupJob readyBackupJob() {
      String name = spec.backupJobName();
      String namespace = copy.getMetadata().getNamespace();
      Optional<BackupJob> found = backupJobs.get(new ResourceID(name, namespace));
      if (found.isEmpty() || found.get().isMarkedForDeletion()) {
        throw new ReconcileFailure(Reasons.BACKUP_JOB_NOT_FOUND, "BackupJob " + name + " "
            + (found.isEmpty() ? "does not exist in namespace " + namespace : "is being deleted")
            + ": the copy job waits for it (spec.backupJobRef)", ReconcileFailure.Retry.TERMINAL, null, null);
      }
      String sibling = firstCopyOf(namespace, name);
      if (sibling != null && !sibling.equals(copy.getMetadata().getName())) {
        throw ReconcileFailure.terminal(Reasons.DUPLICATE, "BackupCopyJob " + sibling + " already copies BackupJob "
            + name + ", and VB365 allows one copy job per backup job: delete this BackupCopyJob or point "
            + "spec.backupJobRef at another BackupJob");
      }
      BackupJob job = found.get();
      var status = job.getStatus();
      if (!readyWithJob(job)) {
        var readyCondition = Conditions.find(status == null ? null : status.getConditions(), ConditionTypes.READY)
            .filter(c -> !"True".equals(c.getStatus()));
        String why = readyCondition.map(c -> "it is not Ready: " + c.getReason() + ": " + c.getMessage())
            .orElse(status == null || status.getConditions() == null ? "it has not been reconciled yet"
                : "it has no VB365 job yet");
        throw new ReconcileFailure(Reasons.BACKUP_JOB_NOT_READY, "waiting for BackupJob " + name + " (" + why
            + "); the copy job follows once it is Ready", ReconcileFailure.Retry.TERMINAL, null, null);
      }
      return job;
    }

    /** The oldest BackupCopyJob (not being deleted) naming this BackupJob; it alone may manage the copy job. */
    private String firstCopyOf(String namespace, String backupJob) {
      return copies.byIndex(BACKUP_JOB_INDEX, key(namespace, backupJob)).stream()
          .filter(c -> !c.isMarkedForDeletion())
          .min(Comparator.comparing((BackupCopyJob c) -> c.getMetadata().getCreationTimestamp(),
              Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(c -> c.getMetadata().getName()))
          .map(c -> c.getMetadata().getName()).orElse(null);
    }

    private boolean unchangedSinceConverged(String backupJobId) {
      Converged last = converged.get(id);
      return last != null && last.ready() && last.generation() == generation
          && last.backupJobId().equals(backupJobId) && last.connection().equals(connection) && old != null
          && Conditions.isTrueFor(old.getConditions(), ConditionTypes.READY, generation)
          && last.job().id().equals(old.getCopyJobId()) && last.job().version().equals(old.getETag())
          && !clock.instant().isAfter(last.resolvedAt().plus(pool.lookupTtl())) && last.current(watch);
    }

    /** @param known the copy job as last seen, when the change feed says it has not changed since (else null) */
    private CopyJobStatusMapper.Outcome sync(VeeamClient client, BackupJob backupJob, EventRecorder.Deferred deferred,
        ObservedCopyJob known) {
      String backupJobId = backupJob.getStatus().getJobId();
      String repositoryId = archiveRepository(client);
      DesiredCopyJob desired = new DesiredCopyJob(backupJobId, backupJob.getStatus().getOrganizationId(),
          repositoryId, spec.effectiveEnabled(), CopyJobSpecMapper.schedule(spec.getSchedulePolicy()));
      String api = client.apiVersion().segment();

      // locate
      String adoptId = spec.copyJobIdToAdopt();
      String knownId = old != null && old.getCopyJobId() != null ? old.getCopyJobId() : adoptId;
      Optional<ObservedCopyJob> found = knownId == null ? Optional.empty()
          : known != null && known.id().equalsIgnoreCase(knownId) ? Optional.of(known)
          : client.findCopyJob(knownId).map(CopyJobMapping::toObserved);
      boolean vanished = knownId != null && found.isEmpty();
      if (vanished && (adoptId != null && adoptId.equalsIgnoreCase(knownId) || observeOnly)) {
        throw ReconcileFailure.slow(Reasons.COPY_JOB_NOT_FOUND, "VB365 has no copy job with id " + knownId
            + (adoptId != null ? " (spec.copyJobId)" : ""));
      }
      if (found.isEmpty() && observeOnly) {
        found = client.copyJobOf(backupJobId).map(CopyJobMapping::toObserved);
        if (found.isEmpty()) {
          throw ReconcileFailure.slow(Reasons.COPY_JOB_NOT_FOUND, "VB365 job " + backupJobId + " (BackupJob "
              + spec.backupJobName() + ") has no copy job to observe");
        }
      }
      if (found.isPresent() && adoptId != null && adoptId.equalsIgnoreCase(found.get().id())
          && !backupJobId.equalsIgnoreCase(String.valueOf(found.get().backupJobId())) && !observeOnly
          && (old == null || old.getCopyJobId() == null)) {
        throw ReconcileFailure.terminal(Reasons.COPY_JOB_MISMATCH, "copy job " + adoptId + " (spec.copyJobId) "
            + "copies VB365 job " + found.get().backupJobId() + ", not BackupJob " + spec.backupJobName() + "'s job "
            + backupJobId + "; adopt the copy job of that BackupJob's job, or leave spec.copyJobId empty");
      }
      if (found.isEmpty() && old != null && old.getCreatePendingSince() != null && !vanished) {
        // A create of this BackupCopyJob was sent and its answer never recorded: the copy job it may have made is
        // the backup job's, looked for (one GET) before anything is created again.
        found = client.copyJobOf(backupJobId).map(CopyJobMapping::toObserved);
        found.ifPresent(c -> deferred.normal(copy, "CopyJobAdopted", "found VB365 copy job \"" + c.name() + "\" (id "
            + c.id() + "), made by a create whose answer was lost"));
      }
      if (found.isEmpty()) {
        return created(client, desired, vanished, api, deferred);
      }
      ObservedCopyJob observed = found.get();

      // diff and decide
      List<Difference> differences = CopyJobDiff.differences(desired, observed);
      String summary = CopyJobDiff.summary(differences);
      List<Condition> previous = old == null ? null : old.getConditions();
      boolean adopting = old == null || old.getCopyJobId() == null;
      Decision decision = Decision.of(new Decision.Facts(observeOnly, false, !differences.isEmpty(), false,
          !adopting && Conditions.isTrueFor(previous, ConditionTypes.READY, generation),
          Conditions.isTrueFor(previous, ConditionTypes.DRIFTED, generation),
          !Objects.equals(observed.version(), old == null ? null : old.getETag()), spec.effectiveDriftPolicy(),
          summary, CopyJobDiff.driftSummary(differences),
          Conditions.find(previous, ConditionTypes.DRIFTED).map(Condition::getMessage).orElse(null)));
      if (decision.announceDrift()) {
        deferred.warning(copy, Reasons.DRIFT_DETECTED, "VB365 copy job " + observed.id() + " differs from the spec: "
            + decision.driftSummary());
      }
      if (adopting && !observeOnly && (old == null || old.getCreatePendingSince() == null)) {
        deferred.normal(copy, "CopyJobAdopted", "manages VB365 copy job \"" + observed.name() + "\" (id "
            + observed.id() + ") of BackupJob " + spec.backupJobName());
      }
      if (decision.action() != Decision.Action.APPLY) {
        return new CopyJobStatusMapper.Outcome(decision, observed, backupJobId, repositoryId, adopting && !observeOnly,
            false, summary, api);
      }
      client.editCopyJob(observed.id(), CopyJobMapping.toVeeam(CopyJobDiff.toSend(desired, observed)));
      ObservedCopyJob after = CopyJobMapping.toObserved(client.getCopyJob(observed.id()));
      deferred.normal(copy, decision.drift() ? Reasons.DRIFT_CORRECTED : "CopyJobUpdated",
          (decision.drift() ? "put VB365 copy job back to the spec: " + decision.driftSummary()
              : "updated VB365 copy job \"" + after.name() + "\": " + summary));
      return new CopyJobStatusMapper.Outcome(decision, after, backupJobId, repositoryId, true, false, "", api);
    }

    /**
     * One POST. VB365 allows one copy job per backup job and answers a second create with a conflict: the copy job
     * the backup job has (made in the console, or by a create of this operator whose answer was lost) is then read
     * and adopted, so a retried create never makes a second one.
     */
    private CopyJobStatusMapper.Outcome created(VeeamClient client, DesiredCopyJob desired, boolean vanished,
        String api, EventRecorder.Deferred deferred) {
      CopyJob made;
      boolean adopted = false;
      // Recorded before the call: a deletion that comes before its answer is recorded looks for the copy job.
      BackupCopyJobStatus intent = old == null ? new BackupCopyJobStatus() : old.copy();
      intent.setCreatePendingSince(clock.instant().toString());
      current = write(current, intent, context);
      try {
        made = client.createCopyJob(CopyJobMapping.toVeeam(desired));
      } catch (ConflictException conflict) {
        Optional<CopyJob> existing = client.copyJobOf(desired.backupJobId());
        if (existing.isEmpty()) {
          throw conflict;
        }
        made = existing.get();
        adopted = true;
      }
      ObservedCopyJob job = CopyJobMapping.toObserved(made);
      if (adopted) {
        deferred.normal(copy, "CopyJobAdopted", "VB365 job " + desired.backupJobId() + " already had copy job \""
            + job.name() + "\" (id " + job.id() + "): this BackupCopyJob manages it now");
        List<Difference> differences = CopyJobDiff.differences(desired, job);
        if (!differences.isEmpty()) {
          client.editCopyJob(job.id(), CopyJobMapping.toVeeam(CopyJobDiff.toSend(desired, job)));
          job = CopyJobMapping.toObserved(client.getCopyJob(job.id()));
          deferred.normal(copy, "CopyJobUpdated", "updated VB365 copy job \"" + job.name() + "\": "
              + CopyJobDiff.summary(differences));
        }
      } else {
        deferred.normal(copy, "CopyJobCreated", "created VB365 copy job \"" + job.name() + "\" (id " + job.id()
            + ") of BackupJob " + spec.backupJobName() + (vanished ? ": the one it had was deleted outside Kubernetes"
                : ""));
      }
      // Drift only when a copy job this BackupCopyJob had converged on was deleted outside Kubernetes; it is made
      // again whatever driftPolicy says (there is nothing left to leave as it is), as for BackupJobs.
      boolean drift = vanished && Conditions.isTrueFor(old == null ? null : old.getConditions(),
          ConditionTypes.READY, generation);
      if (drift) {
        deferred.warning(copy, Reasons.DRIFT_DETECTED, "VB365 copy job " + old.getCopyJobId() + " was deleted "
            + "outside Kubernetes");
      }
      Decision applied = new Decision(Decision.Action.APPLY, drift, "the VB365 copy job was deleted outside "
          + "Kubernetes", drift);
      return new CopyJobStatusMapper.Outcome(applied, job, desired.backupJobId(), desired.repositoryId(), true,
          vanished, "", api);
    }

    /** spec.repository's id, if it is an archive repository (VB365 copies to nothing else). */
    private String archiveRepository(VeeamClient client) {
      var ref = spec.getRepository();
      String key = ref.getId() != null ? ref.getId() : ref.getName();
      Repository repository;
      try {
        repository = client.resolveRepository(key);
      } catch (VeeamException e) {
        throw VeeamFailures.lookup(Reasons.REPOSITORY_NOT_FOUND, "spec.repository " + key, e);
      }
      if (Boolean.FALSE.equals(repository.isLongTerm())) {
        throw ReconcileFailure.slow(Reasons.REPOSITORY_NOT_ARCHIVE, "repository \"" + repository.name()
            + "\" (spec.repository) is not an archive object storage repository: VB365 copies backups only to Azure "
            + "Blob Storage Archive access tier or Amazon S3 Glacier repositories; name one of those");
      }
      return repository.id();
    }

    UpdateControl<BackupCopyJob> failed(ReconcileFailure failure) {
      converged.remove(id);
      if (BackupJobReconciler.CONNECTION_PROBLEMS.contains(failure.reason())) {
        watch.detachCopy(id); // no change feed kept for a server this BackupCopyJob cannot use
      }
      LOG.info("BackupCopyJob {}: {} ({})", id, failure.reason(), failure.getMessage());
      if (CopyJobStatusMapper.newFailure(old, failure.reason()) && !waiting(failure.reason())) {
        events.warning(copy, failure.reason(), failure.getMessage());
      } else if (CopyJobStatusMapper.newFailure(old, failure.reason())) {
        events.normal(copy, failure.reason(), failure.getMessage());
      }
      // From the status as this reconcile last stored it: a create intent recorded before the failure must stay.
      write(current, CopyJobStatusMapper.forFailure(current.getStatus(), generation, clock.instant(),
          failure.reason(), failure.getMessage()), context);
      UpdateControl<BackupCopyJob> control = UpdateControl.noUpdate();
      return switch (failure.retry()) {
        case TERMINAL -> control;
        case SLOW -> control.rescheduleAfter(VeeamFailures.slowRetry(settings.resyncInterval()));
        case TRANSIENT -> control.rescheduleAfter(backoffs.next(id, failure.retryAfter()));
      };
    }
  }

  /**
   * Whether the BackupJob has a VB365 job and is Ready. A Ready condition of an older generation counts: an edit of
   * the BackupJob does not make its copy job wait while the BackupJob catches up (the copy needs only the job).
   */
  private static boolean readyWithJob(BackupJob job) {
    var status = job.getStatus();
    return status != null && status.getJobId() != null && Conditions.find(status.getConditions(),
        ConditionTypes.READY).map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  /** Waiting for the BackupJob is expected on the way up, not a warning. */
  private static boolean waiting(String reason) {
    return reason.equals(Reasons.BACKUP_JOB_NOT_READY) || reason.equals(Reasons.BACKUP_JOB_NOT_FOUND);
  }

  /** The feed's marks of one copy job, read once. */
  private record WatchMark(Long newestETag, long unversioned) {
    static WatchMark of(JobWatch watch, String copyJobId) {
      JobWatch.CopyMark mark = watch.copyMark(copyJobId);
      return new WatchMark(mark.newestETag(), mark.unversionedChanges());
    }
  }


  /** Writes the status unless the BackupCopyJob has it already (as BackupJobs' statuses are written). */
  private static BackupCopyJob write(BackupCopyJob copy, BackupCopyJobStatus status, Context<BackupCopyJob> context) {
    return BackupJobStatuses.writeStatus(copy, status, context);
  }

  private static List<Condition> conditions(BackupCopyJob copy) {
    return copy.getStatus() == null ? null : copy.getStatus().getConditions();
  }

  private static long generation(BackupCopyJob copy) {
    return generation(copy.getMetadata().getGeneration());
  }

  private static long generation(Long generation) {
    return generation == null ? 0 : generation;
  }

  // ---- cleanup -------------------------------------------------------------------------------

  @Override
  public DeleteControl cleanup(BackupCopyJob copy, Context<BackupCopyJob> context) {
    try (Shutdown.Ticket running = shutdown.enter()) {
      if (running == null) {
        return DeleteControl.noFinalizerRemoval();
      }
      return cleanupNow(copy, context);
    }
  }

  /**
   * Deletes the copy job (deletionPolicy Delete, Managed) through the BackupJob's connection. Without the BackupJob
   * there is no connection: VB365 removes a backup job's copy job with it (as the simulator does), so a BackupJob
   * deleted with its job leaves nothing behind; one orphaned is reported in a Warning Event.
   */
  private DeleteControl cleanupNow(BackupCopyJob copy, Context<BackupCopyJob> context) {
    ResourceID id = ResourceID.fromResource(copy);
    if (Pause.requested(copy)) {
      paused(copy, context, true);
      return DeleteControl.noFinalizerRemoval();
    }
    BackupCopyJobSpec spec = copy.getSpec();
    // Only the copy job this BackupCopyJob managed (its status names it), or one it sent a create for whose answer
    // was never recorded: a spec.copyJobId never taken (its BackupCopyJob never got that far) is not this
    // operator's to delete.
    String copyJobId = copy.getStatus() == null ? null : copy.getStatus().getCopyJobId();
    boolean createPending = copyJobId == null && copy.getStatus() != null
        && copy.getStatus().getCreatePendingSince() != null;
    boolean delete = spec != null && spec.effectiveManagementPolicy() == ManagementPolicy.Managed
        && spec.effectiveDeletionPolicy() == DeletionPolicy.Delete && (copyJobId != null || createPending);
    if (delete) {
      Optional<BackupJob> backupJob = spec.backupJobName() == null ? Optional.empty()
          : backupJobs.get(new ResourceID(spec.backupJobName(), copy.getMetadata().getNamespace()));
      if (backupJob.isEmpty()) {
        events.warning(copy, "CopyJobNotDeleted", "BackupJob " + spec.backupJobName() + " is gone, so the operator "
            + "cannot reach its VB365 server: VB365 deletes a backup job's copy job with the job; if the BackupJob "
            + "was orphaned (deletionPolicy Orphan), delete " + (copyJobId != null ? "copy job " + copyJobId
            : "its copy job") + " in VB365");
      } else {
        try {
          VeeamConnection connection = secrets.connection(backupJob.get(), secrets.read(context.getClient(),
              backupJob.get()));
          VeeamClient client = pool.clientFor(connection);
          String backupJobId = backupJob.get().getStatus() == null ? null
              : backupJob.get().getStatus().getJobId();
          String target;
          boolean existed;
          try {
            // A create whose answer was lost: the copy job of the BackupJob's job, if VB365 has one, is that one.
            target = copyJobId != null ? copyJobId : backupJobId == null ? null
                : gate.call(connection, () -> client.copyJobOf(backupJobId)).map(CopyJob::id).orElse(null);
            existed = target != null && gate.call(connection, () -> client.deleteCopyJob(target));
          } catch (VeeamException e) {
            throw VeeamFailures.of(e);
          }
          if (target != null) {
            events.normal(copy, "CopyJobDeleted", existed ? "deleted VB365 copy job " + target
                : "VB365 copy job " + target + " was already gone");
          }
        } catch (ReconcileFailure failure) {
          if (shutdown.begun()) {
            return DeleteControl.noFinalizerRemoval();
          }
          String message = "cannot delete VB365 copy job " + (copyJobId != null ? copyJobId
              : "of BackupJob " + spec.backupJobName()) + ": " + failure.getMessage();
          if (CopyJobStatusMapper.newFailure(copy.getStatus(), failure.reason())) {
            events.warning(copy, failure.reason(), message);
          }
          write(copy, CopyJobStatusMapper.forFailure(copy.getStatus(), generation(copy), clock.instant(),
              failure.reason(), message), context);
          return DeleteControl.noFinalizerRemoval().rescheduleAfter(backoffs.next(id, failure.retryAfter()));
        }
      }
    }
    converged.remove(id);
    watch.detachCopy(id);
    backoffs.reset(id);
    return DeleteControl.defaultDelete();
  }
}
