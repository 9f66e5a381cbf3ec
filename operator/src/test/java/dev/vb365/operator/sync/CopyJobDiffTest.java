package dev.vb365.operator.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.api.CopyScheduleType;
import dev.vb365.operator.api.DailyType;
import dev.vb365.operator.api.PeriodicInterval;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a copy job differs from its spec, in words, and what one PUT sends. */
class CopyJobDiffTest {

  private static final String JOB = "11111111-1111-1111-1111-111111111111";
  private static final String REPO = "22222222-2222-2222-2222-222222222222";
  private static final CopySchedule DAILY = new CopySchedule(CopyScheduleType.Daily, null, LocalTime.of(23, 30), null,
      null);

  private static ObservedCopyJob observed(String job, String repo, boolean enabled, CopySchedule schedule) {
    return new ObservedCopyJob("c", "Finance (copy)", job, repo, enabled, schedule, null, null, null, null, 3L, "3");
  }

  @Test
  void theSameSettingsInAnotherCaseOfIdAreNoDifference() {
    DesiredCopyJob desired = new DesiredCopyJob(JOB, "o", REPO, true, DAILY);
    assertThat(CopyJobDiff.differences(desired, observed(JOB.toUpperCase(), REPO, true,
        new CopySchedule(CopyScheduleType.Daily, DailyType.Everyday, LocalTime.of(23, 30), null, null)))).isEmpty();
  }

  @Test
  void eachDifferenceIsWordedAsItStandsAndAsDrift() {
    DesiredCopyJob desired = new DesiredCopyJob(JOB, "o", REPO, true, DAILY);
    List<Difference> differences = CopyJobDiff.differences(desired, observed(JOB, REPO, false,
        new CopySchedule(CopyScheduleType.Periodically, null, null, PeriodicInterval.Hours4, null)));
    assertThat(CopyJobDiff.summary(differences)).isEqualTo("enabled: VB365 has false, spec wants true; "
        + "schedulePolicy.type: VB365 has Periodically, spec wants Daily; "
        + "schedulePolicy.dailyType: VB365 has none, spec wants Everyday; "
        + "schedulePolicy.dailyTime: VB365 has none, spec wants 23:30; "
        + "schedulePolicy.periodicallyEvery: VB365 has Hours4, spec wants none");
    assertThat(CopyJobDiff.driftSummary(differences.subList(0, 1)))
        .isEqualTo("enabled: changed to false outside Kubernetes, spec wants true");
  }

  @Test
  void aWindowWithoutMinuteOffsetKeepsVb365sOffset() {
    BackupWindow hours = BackupWindow.parse(List.of("Workdays"), null, null);
    DesiredCopyJob desired = new DesiredCopyJob(JOB, "o", REPO, true,
        new CopySchedule(CopyScheduleType.Immediate, null, null, null, hours));
    ObservedCopyJob vb365 = observed(JOB, REPO, true,
        new CopySchedule(CopyScheduleType.Immediate, null, null, null, hours.withMinuteOffset(60)));
    assertThat(CopyJobDiff.differences(desired, vb365)).isEmpty();
    assertThat(CopyJobDiff.toSend(desired, vb365).schedule().window().minuteOffset()).isEqualTo(60);
    assertThat(CopyJobDiff.differences(desired, observed(JOB, REPO, true, CopySchedule.IMMEDIATE)))
        .extracting(Difference::field).containsExactly("schedulePolicy.copyWindow");
  }

  @Test
  void anotherBackupJobOrRepositoryIsADifference() {
    DesiredCopyJob desired = new DesiredCopyJob(JOB, "o", REPO, true, CopySchedule.IMMEDIATE);
    assertThat(CopyJobDiff.differences(desired, observed("other", "elsewhere", true, CopySchedule.IMMEDIATE)))
        .extracting(Difference::field).containsExactly("backupJobRef", "repository");
  }

  @Test
  void theFingerprintFollowsTheSettingsNotTheCaseOfIds() {
    assertThat(JobFingerprint.ofCopyJob(JOB, REPO, true, DAILY))
        .isEqualTo(JobFingerprint.ofCopyJob(JOB.toUpperCase(), REPO, true, DAILY))
        .isNotEqualTo(JobFingerprint.ofCopyJob(JOB, REPO, false, DAILY))
        .startsWith("fp-");
  }
}
