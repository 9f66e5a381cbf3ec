package dev.vb365.operator.mapping;

import dev.vb365.operator.api.LastSession;
import dev.vb365.operator.veeam.model.JobSession;
import dev.vb365.operator.veeam.model.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A VB365 job session as status.lastSession shows it. Pure. */
public final class SessionMapping {

  /** Kubernetes status is read in terminals and stored in etcd: VB365's details are cut to this. */
  static final int MAX_DETAILS = 1024;

  private SessionMapping() {
  }

  public static LastSession toStatus(JobSession s) {
    LastSession out = new LastSession();
    out.setId(s.id());
    out.setType(s.full() == null ? null : s.full() ? "Full" : "Incremental");
    out.setStatus(s.status() == null || s.status() == JobStatus.UNKNOWN ? null : s.status().wireName());
    out.setStartTime(time(s.startTime()));
    out.setEndTime(time(s.endTime()));
    if (s.startTime() != null && s.endTime() != null && !s.endTime().isBefore(s.startTime())) {
      out.setDuration(duration(Duration.between(s.startTime(), s.endTime())));
    }
    out.setProcessedObjects(s.processedObjects());
    out.setTransferredBytes(s.transferredBytes());
    out.setRetryCount(s.retryCount());
    out.setWillBeRetried(s.willBeRetried());
    String details = s.details() == null || s.details().isBlank() ? null : s.details().strip();
    out.setDetails(details == null || details.length() <= MAX_DETAILS ? details
        : details.substring(0, MAX_DETAILS - 3) + "...");
    return out;
  }

  /** Whether the session backed data up: it ended with Success or Warning. */
  public static boolean backedUp(JobSession s) {
    return s.endTime() != null && (s.status() == JobStatus.SUCCESS || s.status() == JobStatus.WARNING);
  }

  /** As Go's time.Duration prints it, in whole seconds: 1h2m3s, 4m0s, 12s. */
  static String duration(Duration d) {
    long seconds = d.getSeconds();
    long h = seconds / 3600;
    long m = seconds % 3600 / 60;
    long sec = seconds % 60;
    if (h > 0) {
      return h + "h" + m + "m" + sec + "s";
    }
    return m > 0 ? m + "m" + sec + "s" : sec + "s";
  }

  /** A session's times and status.lastBackup: RFC 3339 in whole seconds, so that they compare as text. */
  public static String time(Instant t) {
    return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
