package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.api.BackupJobStatus;
import dev.vb365.operator.api.BackupType;
import dev.vb365.operator.api.LastSession;
import dev.vb365.operator.mapping.SessionMapping;
import dev.vb365.operator.sync.ObservedJob;
import dev.vb365.operator.sync.Schedule;
import dev.vb365.operator.veeam.model.JobSession;
import dev.vb365.operator.veeam.model.JobStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the newest session is worth a GET, and what lastBackup says, on each API version's facts. */
class LastRunReportTest {

  private static final Instant RUN = Instant.parse("2026-12-07T02:00:00.123Z");
  private static final Instant END = Instant.parse("2026-12-07T02:41:07.900Z");

  private static ObservedJob job(String lastStatus, Instant lastRun, Instant lastBackup) {
    return new ObservedJob("j1", 7L, "org", "repo", "Finance", "", BackupType.SelectedItems, true, Schedule.DEFAULT,
        List.of(), List.of(), lastStatus, lastRun, null, lastBackup);
  }

  private static BackupJobStatus recorded(String lastStatus, Instant lastRun, boolean withSession) {
    BackupJobStatus s = new BackupJobStatus();
    s.setLastStatus(lastStatus);
    s.setLastRun(BackupJobStatuses.time(lastRun));
    s.setLastSession(withSession ? new LastSession() : null);
    return s;
  }

  private static JobSession session(JobStatus status, Instant end) {
    return new JobSession("s1", "j1", status, RUN, end, "", false, 12L, 4096L, 0, false);
  }

  @Test
  void theSessionIsReadOnlyWhenTheJobRanSinceTheStatusRecordedIt() {
    assertThat(BackupJobStatusMapper.sessionNeeded(null, job("Stopped", null, null))).as("never ran").isFalse();
    assertThat(BackupJobStatusMapper.sessionNeeded(null, job("Running", RUN, null))).as("no status yet").isTrue();
    assertThat(BackupJobStatusMapper.sessionNeeded(recorded("Running", RUN, false), job("Running", RUN, null)))
        .as("no session recorded yet").isTrue();
    assertThat(BackupJobStatusMapper.sessionNeeded(recorded("Running", RUN, true), job("Running", RUN, null)))
        .as("a resync of a running job").isFalse();
    assertThat(BackupJobStatusMapper.sessionNeeded(recorded("Running", RUN, true), job("Success", RUN, null)))
        .as("the run ended").isTrue();
    assertThat(BackupJobStatusMapper.sessionNeeded(recorded("Success", RUN, true),
        job("Running", RUN.plusSeconds(86_400), null))).as("the next run").isTrue();
  }

  @Test
  void lastBackupIsVb365sOwnOrTheEndOfTheNewestSuccessfulSessionOrWhatTheStatusSaid() {
    BackupJobStatus old = new BackupJobStatus();
    old.setLastBackup("2026-12-06T02:30:00Z");
    assertThat(BackupJobStatusMapper.lastBackup(old, job("Success", RUN, END), null))
        .as("v7/v8: VB365's lastBackup, in whole seconds").isEqualTo("2026-12-07T02:41:07Z");
    assertThat(BackupJobStatusMapper.lastBackup(old, job("Warning", RUN, null), session(JobStatus.WARNING, END)))
        .as("v6: a session that ended with Warning backed up").isEqualTo("2026-12-07T02:41:07Z");
    assertThat(BackupJobStatusMapper.lastBackup(old, job("Failed", RUN, null), session(JobStatus.FAILED, END)))
        .as("a failed run keeps the last good one").isEqualTo("2026-12-06T02:30:00Z");
    assertThat(BackupJobStatusMapper.lastBackup(null, job("Running", RUN, null), session(JobStatus.RUNNING, null)))
        .isNull();
  }

  @Test
  void theSessionAsTheStatusShowsIt() {
    LastSession s = SessionMapping.toStatus(new JobSession("s1", "j1", JobStatus.SUCCESS, RUN,
        RUN.plusSeconds(3723), " details ".repeat(200), true, 1200L, 5_000_000L, 1, false));
    assertThat(s.getType()).isEqualTo("Full");
    assertThat(s.getStatus()).isEqualTo("Success");
    assertThat(s.getStartTime()).isEqualTo("2026-12-07T02:00:00Z");
    assertThat(s.getDuration()).isEqualTo("1h2m3s");
    assertThat(s.getProcessedObjects()).isEqualTo(1200L);
    assertThat(s.getTransferredBytes()).isEqualTo(5_000_000L);
    assertThat(s.getRetryCount()).isEqualTo(1);
    assertThat(s.getDetails()).hasSize(1024).endsWith("...");

    LastSession v6 = SessionMapping.toStatus(new JobSession("s2", null, JobStatus.RUNNING, RUN, null, null, null,
        null, null, 0, null));
    assertThat(v6.getType()).as("v6 does not say Full or Incremental").isNull();
    assertThat(v6.getEndTime()).isNull();
    assertThat(v6.getDuration()).isNull();
    assertThat(v6.getDetails()).isNull();
  }
}
