package dev.vb365.operator.sync;

import java.time.Instant;

/**
 * A backup copy job as VB365 has it.
 *
 * @param schedule {@code null} when VB365 sent none or one the operator cannot read
 * @param version its eTag (v8) or, before v8, a fingerprint of its settings ("fp-...")
 */
public record ObservedCopyJob(String id, String name, String backupJobId, String repositoryId, boolean enabled,
    CopySchedule schedule, String lastStatus, Instant lastRun, Instant nextRun, Instant lastBackup, Long eTag,
    String version) {
}
