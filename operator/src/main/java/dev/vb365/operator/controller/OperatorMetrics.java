package dev.vb365.operator.controller;

import dev.vb365.operator.veeam.model.JobStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operator's own metrics. Tags have bounded values (no ids; BackupJob names only where one series per
 * BackupJob is the point): drift counters
 * without tags, and the number of BackupJobs per last run status, where status is one of VB365's
 * statuses, "NeverRun" (no run yet: {@link LastRunStatus}), "Unknown" (a value VB365 sent that the client does not
 * know) or "None" (not observed).
 * <ul>
 *   <li>{@code vb365.drift.detections} (Prometheus {@code vb365_drift_detections_total})</li>
 *   <li>{@code vb365.drift.corrections} ({@code vb365_drift_corrections_total})</li>
 *   <li>{@code vb365.jobs.by.last.status{status}} ({@code vb365_jobs_by_last_status})</li>
 *   <li>{@code vb365.backupjob.last.success.timestamp{backupjob_namespace,backupjob}}
 *   ({@code vb365_backupjob_last_success_timestamp_seconds}): when each BackupJob's VB365 job last backed up
 *   (status.lastBackup, Unix seconds), for "no successful backup for N hours" alerts. One series per BackupJob
 *   that has backed up at least once (as kube-state-metrics has one per object), removed with the BackupJob.</li>
 * </ul>
 */
final class OperatorMetrics {

  static final String NONE = "None";
  static final String UNKNOWN = "Unknown";

  private final Counter detections;
  private final Counter corrections;
  private final Map<ResourceID, String> lastStatus = new ConcurrentHashMap<>();
  private final Set<String> statuses = new LinkedHashSet<>();
  private final MeterRegistry registry;
  private final Map<ResourceID, LastBackup> lastBackups = new ConcurrentHashMap<>();

  /** The value behind one BackupJob's last-success gauge, and the gauge (to remove it with the BackupJob). */
  private static final class LastBackup {
    private volatile double epochSeconds;
    private Gauge gauge;
  }

  OperatorMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.detections = Counter.builder("vb365.drift.detections")
        .description("VB365 jobs found changed outside Kubernetes").register(registry);
    this.corrections = Counter.builder("vb365.drift.corrections")
        .description("VB365 jobs put back to their BackupJob's spec after a drift").register(registry);
    for (JobStatus status : JobStatus.values()) {
      if (status.wireName() != null) {
        statuses.add(status.wireName());
      }
    }
    statuses.add(LastRunStatus.NEVER_RUN);
    statuses.add(UNKNOWN);
    statuses.add(NONE);
    for (String status : statuses) {
      Gauge.builder("vb365.jobs.by.last.status", lastStatus,
              m -> m.values().stream().filter(status::equals).count())
          .description("BackupJobs by the status of their VB365 job's last run")
          .tag("status", status)
          .register(registry);
    }
  }

  void driftDetected() {
    detections.increment();
  }

  void driftCorrected() {
    corrections.increment();
  }

  void lastStatus(ResourceID backupJob, String status) {
    lastStatus.put(backupJob, status == null ? NONE : statuses.contains(status) ? status : UNKNOWN);
  }

  /** status.lastBackup of a BackupJob (RFC 3339, or null when it never backed up). */
  void lastBackup(ResourceID backupJob, String lastBackup) {
    if (lastBackup == null) {
      removeLastBackup(backupJob);
      return;
    }
    double seconds = java.time.Instant.parse(lastBackup).toEpochMilli() / 1000.0;
    lastBackups.computeIfAbsent(backupJob, id -> {
      LastBackup holder = new LastBackup();
      holder.gauge = Gauge.builder("vb365.backupjob.last.success.timestamp", holder, h -> h.epochSeconds)
          .description("When the BackupJob's VB365 job last backed up successfully (status.lastBackup), Unix time")
          .baseUnit("seconds")
          // Not "namespace": Prometheus's own target label of that name would rename it exported_namespace.
          .tag("backupjob_namespace", id.getNamespace().orElse(""))
          .tag("backupjob", id.getName())
          .register(registry);
      return holder;
    }).epochSeconds = seconds;
  }

  void forget(ResourceID backupJob) {
    lastStatus.remove(backupJob);
    removeLastBackup(backupJob);
  }

  private void removeLastBackup(ResourceID backupJob) {
    LastBackup holder = lastBackups.remove(backupJob);
    if (holder != null) {
      registry.remove(holder.gauge);
    }
  }
}
