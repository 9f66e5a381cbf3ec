package dev.vb365.operator.chaos;

import java.time.Duration;

/**
 * The size and pace of a chaos run.
 *
 * @param jobs BackupJobs created (about half also get JobItems, a third a BackupCopyJob)
 * @param restarts operator restarts while the faults last (spread evenly over {@code faultTime})
 * @param faultTime how long the faults last; the workload (creates, edits, deletions) runs within it
 * @param convergeTimeout the longest wait, after the faults stop, for every invariant to hold
 * @param conflictShare share of BackupJob/JobItem/BackupCopyJob updates and patches answered 409 Conflict while
 *     faults last
 * @param seed makes the workload (which jobs get edited, deleted, ...) repeatable; the faults stay random
 */
public record ChaosOptions(int jobs, int restarts, Duration faultTime, Duration convergeTimeout, double conflictShare,
    long seed) {

  public ChaosOptions {
    if (jobs < 10) {
      throw new IllegalArgumentException("jobs must be at least 10, was " + jobs);
    }
    if (restarts < 0) {
      throw new IllegalArgumentException("restarts must not be negative, was " + restarts);
    }
    if (faultTime.isNegative() || faultTime.isZero() || convergeTimeout.isNegative() || convergeTimeout.isZero()) {
      throw new IllegalArgumentException("faultTime and convergeTimeout must be positive");
    }
    if (conflictShare < 0 || conflictShare > 1) {
      throw new IllegalArgumentException("conflictShare must be between 0 and 1, was " + conflictShare);
    }
  }

  /** What the test suite runs: 200 BackupJobs, 3 restarts, 30 s of faults. */
  public static ChaosOptions suite() {
    return new ChaosOptions(200, 3, Duration.ofSeconds(30), Duration.ofSeconds(90), 0.1, 8);
  }
}
