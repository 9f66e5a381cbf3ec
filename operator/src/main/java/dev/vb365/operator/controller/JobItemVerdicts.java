package dev.vb365.operator.controller;

import dev.vb365.operator.sync.DesiredItemsMerger;
import dev.vb365.operator.sync.DesiredJob;
import dev.vb365.operator.sync.ItemKey;
import dev.vb365.operator.sync.ObservedItem;
import dev.vb365.operator.sync.ObservedJob;
import dev.vb365.operator.sync.Scope;
import java.util.Optional;

/**
 * What a JobItem's status says, decided from what the BackupJob's reconcile found: the JobItem's
 * own problem (invalid, unknown user, ...), the merge's outcome (conflict, duplicate, not
 * applicable), and whether the VB365 job holds the item as declared. Pure.
 */
final class JobItemVerdicts {

  /** The JobItem's Ready verdict and, when known, the VB365 id of its item. */
  record JobItemVerdict(Conditions.Verdict ready, String itemId) {
  }

  private JobItemVerdicts() {
  }

  /**
   * @param job the VB365 job as it is after this reconcile (items whose id is not known yet carry
   *     a {@link JobObserver#PENDING} id)
   */
  static JobItemVerdict of(String name, Scope scope, ReferenceResolver.Resolution resolution, DesiredJob desired,
      ObservedJob job, boolean observeOnly) {
    Conditions.Verdict problem = resolution.jobItemProblems().get(name);
    if (problem != null) {
      return new JobItemVerdict(problem, null);
    }
    Optional<ReferenceResolver.RuleOutcome> rule = resolution.rules().stream()
        .filter(r -> r.source().equals("JobItem " + name)).findFirst();
    if (rule.isPresent()) {
      return ofRule(rule.get(), scope, desired, job, observeOnly);
    }
    DesiredItemsMerger.Outcome outcome = resolution.items().outcomeOfJobItem(name);
    if (outcome == null) {
      return new JobItemVerdict(Conditions.Verdict.isFalse(Reasons.NOT_APPLICABLE,
          "the item declares nothing for this BackupJob"), null);
    }
    if (outcome instanceof DesiredItemsMerger.Conflict) {
      return new JobItemVerdict(Conditions.Verdict.isFalse(Reasons.CONFLICT, outcome.message()), null);
    }
    if (outcome instanceof DesiredItemsMerger.Rejected) {
      return new JobItemVerdict(Conditions.Verdict.isFalse(Reasons.NOT_APPLICABLE, outcome.message()), null);
    }
    String where = scope.specField() + " of VB365 job " + job.id();
    Optional<ObservedItem> present = present(resolution.declaredKeys().get(name), scope, desired, job);
    if (present.isEmpty()) {
      return new JobItemVerdict(Conditions.Verdict.isFalse(Reasons.NOT_IN_JOB, "not in the " + where
          + " (yet): the BackupJob is " + (observeOnly ? "ObserveOnly" : "not in sync")), null);
    }
    String itemId = present.get().itemId().startsWith(JobObserver.PENDING) ? null : present.get().itemId();
    if (outcome instanceof DesiredItemsMerger.Duplicate) {
      return new JobItemVerdict(Conditions.Verdict.isTrue(Reasons.DUPLICATE, "in the " + where + "; "
          + outcome.message()), itemId);
    }
    return new JobItemVerdict(Conditions.Verdict.isTrue(Reasons.IN_JOB, "in the " + where), itemId);
  }

  /**
   * A JobItem that selects by rule: Ready when every object it selects is in the job's list (with the options the
   * merge chose for it: a named entry's win); no single item id.
   */
  private static JobItemVerdict ofRule(ReferenceResolver.RuleOutcome rule, Scope scope, DesiredJob desired,
      ObservedJob job, boolean observeOnly) {
    String where = scope.specField() + " of VB365 job " + job.id();
    if (rule.keys().isEmpty()) {
      return new JobItemVerdict(Conditions.Verdict.isFalse(Reasons.NOT_APPLICABLE, "the rule selects no "
          + rule.type() + " of the organization"), null);
    }
    long missing = rule.keys().stream().filter(k -> present(k, scope, desired, job).isEmpty()).count();
    if (missing > 0) {
      return new JobItemVerdict(Conditions.Verdict.isFalse(Reasons.NOT_IN_JOB, missing + " of the " + rule.keys().size()
          + " objects the rule selects are not in the " + where + " (yet): the BackupJob is "
          + (observeOnly ? "ObserveOnly" : "not in sync")), null);
    }
    return new JobItemVerdict(Conditions.Verdict.isTrue(Reasons.IN_JOB, "all " + rule.keys().size() + " objects the "
        + "rule selects are in the " + where + (rule.capped() ? " (it matches " + rule.matched() + "; maxItems "
        + rule.maxItems() + ")" : "")), null);
  }

  /** The item in the job with the key the JobItem resolved to and the options the merge chose for it. */
  private static Optional<ObservedItem> present(ItemKey key, Scope scope, DesiredJob desired, ObservedJob job) {
    if (key == null) {
      return Optional.empty();
    }
    return job.items(scope).stream().filter(o -> o.key().equals(key))
        .filter(o -> desired.items(scope).stream().anyMatch(d -> d.key().equals(key)
            && d.options().equals(o.item().options())))
        .findFirst();
  }
}
