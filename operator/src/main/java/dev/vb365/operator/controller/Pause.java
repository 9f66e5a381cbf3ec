package dev.vb365.operator.controller;

import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.BackupJobStatus;
import dev.vb365.operator.api.ConditionTypes;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pause (annotation backup.vb365.dev/paused: "true", as Crossplane's crossplane.io/paused): the operator leaves
 * the BackupJob and its JobItems alone, for a VB365 maintenance or migration. No VB365 call, no change to the JobItems;
 * the only write is the Synced condition saying so (reason ReconcilePaused, since when). Ready and Drifted keep what
 * they last said. A deletion waits too (the finalizer stays) until the annotation is removed, so a paused BackupJob
 * never touches VB365, not even to delete its job. Pure: decides and builds the status; the reconciler writes it.
 */
final class Pause {

  static final String REASON = Reasons.RECONCILE_PAUSED;

  private Pause() {
  }

  /** Whether the BackupJob asks to be left alone. */
  static boolean requested(io.fabric8.kubernetes.api.model.HasMetadata resource) {
    Map<String, String> annotations = resource.getMetadata().getAnnotations();
    String value = annotations == null ? null : annotations.get(ConditionTypes.PAUSED_ANNOTATION);
    return value != null && value.trim().toLowerCase(Locale.ROOT).equals("true");
  }

  /** Whether the stored status says the BackupJob is (was, until now) paused. */
  static boolean recorded(BackupJobStatus status) {
    return status != null && recorded(status.getConditions());
  }

  /** Whether these conditions say the resource is (was, until now) paused. */
  static boolean recorded(List<Condition> conditions) {
    return conditions != null && Conditions.find(conditions, ConditionTypes.SYNCED)
        .map(c -> REASON.equals(c.getReason())).orElse(false);
  }

  /**
   * The status of a paused BackupJob: Synced False, ReconcilePaused, with the time the pause began (kept from the
   * stored status while it lasts, so a paused BackupJob's status is written once); Ready and Drifted as they were.
   */
  static BackupJobStatus status(BackupJobStatus old, long generation, Instant now, boolean deleting) {
    BackupJobStatus status = BackupJobStatuses.copy(old);
    status.setConditions(conditions(old == null ? null : old.getConditions(), generation, now,
        "this BackupJob and its JobItems", "the VB365 job is neither deleted nor released", deleting));
    return status;
  }

  /**
   * The conditions of a paused resource (a BackupJob, a BackupCopyJob): Synced False, ReconcilePaused since the pause
   * began; Ready and Drifted as they were.
   *
   * @param what what the operator leaves alone, in words
   * @param onDelete what a deletion does not do while paused, in words
   */
  static List<Condition> conditions(List<Condition> previous, long generation, Instant now, String what,
      String onDelete, boolean deleting) {
    boolean wasPaused = recorded(previous);
    String since = wasPaused ? sinceOf(previous) : now.truncatedTo(ChronoUnit.SECONDS).toString();
    String message = "paused since " + since + " by the annotation " + ConditionTypes.PAUSED_ANNOTATION
        + "=true: the operator makes no VB365 call for " + what
        + (deleting ? "; its deletion waits (" + onDelete + ") until the annotation is removed" : "")
        + "; remove the annotation to resume";
    List<Condition> out = new ArrayList<>();
    out.add(Conditions.find(previous, ConditionTypes.READY).orElseGet(() -> Conditions.condition(null,
        ConditionTypes.READY, generation, now, Conditions.Verdict.isFalse(REASON, "paused before its first "
            + "reconcile: VB365 has not been looked at"))));
    // The generation the pause began at: spec edits during the pause are not observed, and write nothing.
    long pausedAt = wasPaused ? Conditions.find(previous, ConditionTypes.SYNCED)
        .map(Condition::getObservedGeneration).orElse(generation) : generation;
    Condition synced = Conditions.condition(previous, ConditionTypes.SYNCED, pausedAt, now,
        Conditions.Verdict.isFalse(REASON, message));
    if (!wasPaused) {
      synced.setLastTransitionTime(since); // the pause's own start, even when Synced was False before
    }
    out.add(synced);
    Conditions.find(previous, ConditionTypes.DRIFTED).ifPresent(out::add);
    return out;
  }

  /** The start of the pause as the stored Synced condition records it. */
  static String sinceOf(List<Condition> previous) {
    return Conditions.find(previous, ConditionTypes.SYNCED).map(Condition::getLastTransitionTime).orElseThrow();
  }
}
