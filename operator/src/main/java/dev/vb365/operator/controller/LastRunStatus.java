package dev.vb365.operator.controller;

import java.time.Instant;

/**
 * What status.lastStatus (the LAST STATUS column) and the last-status metric say of a job's runs. VB365 reports a job
 * that never ran as Stopped with no lastRun, which reads as "someone stopped it": without a lastRun there is no run,
 * so it says {@link #NEVER_RUN}. Anything else is VB365's word. Pure.
 */
final class LastRunStatus {

  /** The job has not run yet: VB365 reports no lastRun (and Stopped, or no status). */
  static final String NEVER_RUN = "NeverRun";

  private LastRunStatus() {
  }

  /**
   * @param vb365Status the job's lastStatus as VB365 sends it, or null
   * @param lastRun the job's lastRun, or null when VB365 reports none
   */
  static String of(String vb365Status, Instant lastRun) {
    if (lastRun == null && (vb365Status == null || "Stopped".equals(vb365Status))) {
      return NEVER_RUN;
    }
    return vb365Status;
  }
}
