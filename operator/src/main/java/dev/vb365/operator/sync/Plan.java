package dev.vb365.operator.sync;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The result of {@link JobDiff}: the writes that bring VB365 to the spec, in the order to apply
 * them, and the differences in words.
 *
 * @param operations the VB365 calls to make, each one call; empty when VB365 already matches
 * @param differences what differs, for the Drifted/Synced condition messages and Events
 * @param blockers differences no write can fix (e.g. the job is in another organization); the
 *     reconciler reports them as a terminal error instead of writing
 */
public record Plan(List<Operation> operations, List<Difference> differences, List<String> blockers) {

  public Plan {
    operations = List.copyOf(operations);
    differences = List.copyOf(differences);
    blockers = List.copyOf(blockers);
  }

  /** Whether VB365 matches the spec: nothing to write and nothing to report. */
  public boolean inSync() {
    return operations.isEmpty() && differences.isEmpty() && blockers.isEmpty();
  }

  /**
   * The differences in one line, as they stand: "schedulePolicy.dailyTime: VB365 has 22:00, spec wants 23:00;
   * selectedItems: 1 item only in the spec: alice@contoso.com".
   */
  public String summary() {
    return differences.stream().map(Difference::toString).collect(Collectors.joining("; "));
  }

  /**
   * The differences in one line as drift, changes made outside Kubernetes: "schedulePolicy.dailyTime: changed to
   * 03:00 outside Kubernetes, spec wants 22:00; 1 selected item removed outside Kubernetes: alice@contoso.com".
   */
  public String driftSummary() {
    return differences.stream().map(Difference::asDrift).collect(Collectors.joining("; "));
  }
}
