package dev.vb365.operator.controller;

import dev.vb365.operator.api.ResolvedItem;
import dev.vb365.operator.api.RuleStatus;
import dev.vb365.operator.mapping.SessionMapping;
import dev.vb365.operator.sync.ObservedJob;
import dev.vb365.operator.veeam.model.JobSession;
import java.util.Objects;

import dev.vb365.operator.api.BackupJobStatus;
import dev.vb365.operator.api.ConditionTypes;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.List;

/**
 * The one place that turns what a reconcile came to into a BackupJob's status and its conditions (Strimzi's single
 * status writer; {@link BackupJobStatuses} writes it, only when it differs). Pure: table-tested in
 * {@code BackupJobStatusMapperTest}.
 */
final class BackupJobStatusMapper {

  /** The three conditions a reconcile sets; {@code drifted} null keeps the Drifted condition as it was. */
  record Verdicts(Conditions.Verdict ready, Conditions.Verdict synced, Conditions.Verdict drifted) {
  }

  private BackupJobStatusMapper() {
  }

  /** The conditions of a reconcile that got through to VB365. */
  static Verdicts verdicts(SyncOutcome o, List<Condition> previous) {
    Decision d = o.decision();
    Conditions.Verdict success = Conditions.Verdict.isTrue(Reasons.RECONCILE_SUCCESS, "the last reconcile succeeded");
    return switch (d.action()) {
      case OBSERVE_ONLY -> {
        Conditions.Verdict observed = Conditions.Verdict.isTrue(Reasons.OBSERVED, "ObserveOnly: the operator reads "
            + "VB365 job " + o.result().id() + " and never changes it");
        yield o.planInSync() ? new Verdicts(matches(o), observed, keptOrNoDrift(previous))
            : new Verdicts(Conditions.Verdict.isFalse(Reasons.DIFFERS, o.planSummary()), observed,
                Conditions.Verdict.isTrue(Reasons.DRIFT_DETECTED, o.planSummary()));
      }
      case REPORT_DRIFT -> new Verdicts(Conditions.Verdict.isFalse(Reasons.DRIFT_DETECTED, "VB365 differs from the "
          + "spec and driftPolicy is Report, so the operator leaves it: " + d.driftSummary()), success,
          Conditions.Verdict.isTrue(Reasons.DRIFT_DETECTED, d.driftSummary()));
      case APPLY -> new Verdicts(matches(o), success, d.drift() ? Conditions.Verdict.isFalse(Reasons.DRIFT_CORRECTED,
          "corrected: " + (o.vanished() ? "the job was deleted in VB365 and created again" : d.driftSummary()))
          : keptOrNoDrift(previous));
      case IN_SYNC -> new Verdicts(matches(o), success, keptOrNoDrift(previous));
      case BLOCKED -> throw new IllegalArgumentException("a blocked plan is a failure, not an outcome");
    };
  }

  /** status.resolvedItems lists at most this many (a BackupJob may name thousands: the status stays small). */
  static final int MAX_RESOLVED_ITEMS = 50;

  /** What the reconcile learnt of the job's newest session: {@code read} false keeps status.lastSession as it was. */
  record SessionRead(boolean read, JobSession latest) {
    static final SessionRead NOT_READ = new SessionRead(false, null);
  }

  /**
   * Whether the job's newest session is worth one GET: the job ran since status.lastSession was recorded (its
   * lastRun or lastStatus moved), or the status has none yet. A job that never ran costs nothing, nor does a resync.
   */
  static boolean sessionNeeded(BackupJobStatus old, ObservedJob job) {
    if (job == null || job.lastRun() == null) {
      return false;
    }
    return old == null || old.getLastSession() == null
        || !Objects.equals(old.getLastRun(), BackupJobStatuses.time(job.lastRun()))
        || !Objects.equals(old.getLastStatus(), job.lastStatus());
  }

  /** The status after a reconcile that got through to VB365, keeping the last session as it was. */
  static BackupJobStatus forOutcome(BackupJobStatus old, long generation, Instant now, SyncOutcome o,
      String apiVersion, boolean insecure) {
    return forOutcome(old, generation, now, o, SessionRead.NOT_READ, apiVersion, insecure);
  }

  /** The status after a reconcile that got through to VB365. */
  static BackupJobStatus forOutcome(BackupJobStatus old, long generation, Instant now, SyncOutcome o,
      SessionRead session, String apiVersion, boolean insecure) {
    BackupJobStatus status = BackupJobStatuses.copy(old);
    status.setObservedGeneration(generation);
    status.setOrganizationId(o.resolution().organizationId());
    status.setRepositoryId(o.resolution().repositoryId());
    status.setVb365ApiVersion(apiVersion);
    if (o.result() != null) {
      status.setJobId(o.result().id());
      status.setCreatePendingSince(null); // the job is known: no create is pending any more
      status.setJobName(o.result().name());
      status.setETag(o.result().versionStamp());
      if (o.lastApplied() != null) {
        status.setLastAppliedETag(o.lastApplied());
      }
      status.setLastStatus(LastRunStatus.of(o.result().lastStatus(), o.result().lastRun()));
      status.setLastRun(BackupJobStatuses.time(o.result().lastRun()));
      status.setNextRun(BackupJobStatuses.time(o.result().nextRun()));
      status.setSelectedItemCount(o.result().selectedItems().size());
      status.setExcludedItemCount(o.result().excludedItems().size());
      if (session.read()) {
        status.setLastSession(session.latest() == null ? null : SessionMapping.toStatus(session.latest()));
      }
      status.setLastBackup(lastBackup(old, o.result(), session.latest()));
    }
    List<ReferenceResolver.Named> named = o.resolution().named();
    status.setResolvedItems(named.isEmpty() ? null : named.stream().limit(MAX_RESOLVED_ITEMS)
        .map(n -> new ResolvedItem(n.scope().name(), n.type().name(), n.name(), n.id())).toList());
    status.setResolvedItemsOmitted(named.size() > MAX_RESOLVED_ITEMS ? named.size() - MAX_RESOLVED_ITEMS : null);
    List<ReferenceResolver.RuleOutcome> rules = o.resolution().rules();
    status.setRules(rules.isEmpty() ? null : rules.stream().map(r -> new RuleStatus(r.source(), r.type().name(),
        r.matched(), r.selected())).toList());
    status.setTlsVerificationDisabled(insecure ? Boolean.TRUE : null);
    List<Condition> previous = old == null ? null : old.getConditions();
    Verdicts v = verdicts(o, previous);
    status.setConditions(Conditions.backupJob(previous, generation, now, v.ready(), v.synced(), v.drifted()));
    return status;
  }

  /**
   * The status after a failure: Ready and Synced False with its reason and message, Drifted as it was.
   *
   * @param insecure whether the connection skips TLS verification, or null when no connection was made
   */
  static BackupJobStatus forFailure(BackupJobStatus base, long generation, Instant now, String reason, String message,
      Boolean insecure) {
    BackupJobStatus status = BackupJobStatuses.copy(base);
    status.setObservedGeneration(generation);
    if (insecure != null) {
      status.setTlsVerificationDisabled(insecure ? Boolean.TRUE : null);
    }
    Conditions.Verdict verdict = Conditions.Verdict.isFalse(reason, message);
    status.setConditions(Conditions.backupJob(status.getConditions(), generation, now, verdict, verdict, null));
    return status;
  }

  /** Whether a failure with this reason is news (a Warning Event), given the Synced condition as it stands. */
  static boolean newFailure(List<Condition> previous, String reason) {
    return Conditions.find(previous, ConditionTypes.SYNCED).map(c -> !reason.equals(c.getReason())).orElse(true);
  }

  /**
   * When the job last backed up: VB365's own lastBackup (v7, v8); else the end of the newest session if it backed up
   * (v6 has no lastBackup); else what the status said.
   */
  static String lastBackup(BackupJobStatus old, ObservedJob job, JobSession latest) {
    if (job.lastBackup() != null) {
      return SessionMapping.time(job.lastBackup());
    }
    if (latest != null && SessionMapping.backedUp(latest)) {
      return SessionMapping.time(latest.endTime());
    }
    return old == null ? null : old.getLastBackup();
  }

  /**
   * The status of a reconcile that found items whose objects left the directory: Ready False, ItemsMissing, naming
   * them and what became of each in the VB365 job; the rest of the status as the outcome made it.
   */
  static BackupJobStatus withItemsMissing(BackupJobStatus status, BackupJobStatus old, long generation, Instant now,
      List<String> report) {
    BackupJobStatus out = BackupJobStatuses.copy(status);
    List<Condition> previous = old == null ? null : old.getConditions();
    List<Condition> conditions = new java.util.ArrayList<>();
    for (Condition c : status.getConditions()) {
      conditions.add(ConditionTypes.READY.equals(c.getType()) ? Conditions.condition(previous, ConditionTypes.READY,
          generation, now, Conditions.Verdict.isFalse(Reasons.ITEMS_MISSING, String.join("; ", report)
              + "; take them out of the spec (or restore them in Microsoft 365)")) : c);
    }
    out.setConditions(conditions);
    return out;
  }

  /** Whether the ItemsMissing report is news (a Warning Event) against the stored status. */
  static boolean newItemsMissing(BackupJobStatus old, BackupJobStatus now) {
    Condition ready = Conditions.find(now.getConditions(), ConditionTypes.READY).orElseThrow();
    return Conditions.find(old == null ? null : old.getConditions(), ConditionTypes.READY)
        .map(c -> !Reasons.ITEMS_MISSING.equals(c.getReason()) || !java.util.Objects.equals(c.getMessage(),
            ready.getMessage())).orElse(true);
  }

  /** A Warning Event to write: its reason and message. */
  record RuleWarning(String reason, String message) {
  }

  /**
   * Warnings about rules, once each: a rule that selects nothing, or that matched more than its maxItems, unless the
   * status already said so.
   */
  static List<RuleWarning> ruleWarnings(BackupJobStatus old, List<ReferenceResolver.RuleOutcome> rules) {
    List<RuleWarning> warnings = new java.util.ArrayList<>();
    List<RuleStatus> before = old == null || old.getRules() == null ? List.of() : old.getRules();
    for (ReferenceResolver.RuleOutcome r : rules) {
      RuleStatus was = before.stream().filter(b -> r.source().equals(b.getSource())).findFirst().orElse(null);
      boolean wasEmpty = was != null && Integer.valueOf(0).equals(was.getSelected());
      boolean wasCapped = was != null && was.getMatched() != null && was.getSelected() != null
          && was.getMatched() > was.getSelected();
      if (r.selected() == 0 && !wasEmpty) {
        warnings.add(new RuleWarning(Reasons.RULE_SELECTS_NOTHING, r.source() + " selects no " + r.type() + " of the organization: check its "
            + "conditions (status.rules lists what each rule matched)"));
      } else if (r.capped() && !wasCapped) {
        warnings.add(new RuleWarning(Reasons.RULE_CAPPED, r.source() + " matches " + r.matched() + " " + r.type() + " objects but takes "
            + "the first " + r.selected() + " by name (maxItems " + r.maxItems() + "); raise maxItems or narrow the rule"));
      }
    }
    return warnings;
  }

  private static Conditions.Verdict matches(SyncOutcome o) {
    return Conditions.Verdict.isTrue(Reasons.UP_TO_DATE, "VB365 job \"" + o.result().name() + "\" matches the spec");
  }

  /** A False Drifted condition stays as it is (DriftCorrected keeps saying so); none yet is NoDrift. */
  static Conditions.Verdict keptOrNoDrift(List<Condition> previous) {
    return Conditions.find(previous, ConditionTypes.DRIFTED)
        .filter(c -> "False".equals(c.getStatus()))
        .map(c -> Conditions.Verdict.isFalse(c.getReason(), c.getMessage()))
        .orElse(Conditions.Verdict.isFalse(Reasons.NO_DRIFT, "VB365 has not been changed outside Kubernetes"));
  }
}
