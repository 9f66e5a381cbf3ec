package dev.vb365.operator.controller;

import dev.vb365.operator.api.ConditionTypes;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place that builds status conditions (metav1.Condition shape). A condition keeps its
 * lastTransitionTime while its status stays the same, so a reconcile that finds nothing new builds
 * conditions equal to the old ones and the status is not written.
 */
public final class Conditions {

  /** Kubernetes allows 32 KiB; a condition message is read in a terminal, so keep it short. */
  static final int MAX_MESSAGE = 1024;

  /** What one condition should say: its status, a reason (CamelCase) and a message for people. */
  public record Verdict(boolean status, String reason, String message) {
    public Verdict {
      Objects.requireNonNull(reason, "reason");
      message = message == null ? "" : message;
    }

    public static Verdict isTrue(String reason, String message) {
      return new Verdict(true, reason, message);
    }

    public static Verdict isFalse(String reason, String message) {
      return new Verdict(false, reason, message);
    }
  }

  private Conditions() {
  }

  /**
   * The Ready, Synced and Drifted conditions of a BackupJob.
   *
   * @param drifted null keeps the previous Drifted condition as it was (a failed reconcile does not
   *     know whether VB365 drifted)
   */
  public static List<Condition> backupJob(List<Condition> previous, long generation, Instant now, Verdict ready,
      Verdict synced, Verdict drifted) {
    List<Condition> out = new ArrayList<>();
    out.add(condition(previous, ConditionTypes.READY, generation, now, ready));
    out.add(condition(previous, ConditionTypes.SYNCED, generation, now, synced));
    if (drifted != null) {
      out.add(condition(previous, ConditionTypes.DRIFTED, generation, now, drifted));
    } else {
      find(previous, ConditionTypes.DRIFTED).ifPresent(out::add);
    }
    return out;
  }

  /** The Ready condition of a JobItem. */
  public static List<Condition> jobItem(List<Condition> previous, long generation, Instant now, Verdict ready) {
    return List.of(condition(previous, ConditionTypes.READY, generation, now, ready));
  }

  static Condition condition(List<Condition> previous, String type, long generation, Instant now, Verdict verdict) {
    String status = verdict.status() ? "True" : "False";
    String since = find(previous, type).filter(c -> status.equals(c.getStatus()))
        .map(Condition::getLastTransitionTime)
        .orElse(now.truncatedTo(ChronoUnit.SECONDS).toString());
    Condition c = new Condition();
    c.setType(type);
    c.setStatus(status);
    c.setReason(verdict.reason());
    c.setMessage(shorten(verdict.message()));
    c.setObservedGeneration(generation);
    c.setLastTransitionTime(since);
    return c;
  }

  public static Optional<Condition> find(List<Condition> conditions, String type) {
    if (conditions == null) {
      return Optional.empty();
    }
    return conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /** Whether the condition is True and describes {@code generation}. */
  public static boolean isTrueFor(List<Condition> conditions, String type, long generation) {
    return find(conditions, type).filter(c -> "True".equals(c.getStatus()))
        .filter(c -> c.getObservedGeneration() != null && c.getObservedGeneration() == generation).isPresent();
  }

  static String shorten(String message) {
    return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 3) + "...";
  }
}
