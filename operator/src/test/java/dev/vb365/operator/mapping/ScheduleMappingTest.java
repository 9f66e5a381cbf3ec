package dev.vb365.operator.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vb365.operator.sync.BackupWindow;
import dev.vb365.operator.api.DailyType;
import dev.vb365.operator.sync.JobDiff;
import dev.vb365.operator.api.PeriodicInterval;
import dev.vb365.operator.sync.Retry;
import dev.vb365.operator.sync.Schedule;
import dev.vb365.operator.api.ScheduleType;
import dev.vb365.operator.veeam.model.SchedulePolicy;
import java.time.LocalTime;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ScheduleMappingTest {

  private static final BackupWindow WEEKNIGHTS = BackupWindow.parse(List.of("Mon-Fri 20:00-06:00"), null, null);

  static Stream<Arguments> schedules() {
    return Stream.of(
        Arguments.of("default daily", Schedule.DEFAULT),
        Arguments.of("workdays with a window", Schedule.daily(DailyType.Workdays, LocalTime.of(22, 0))
            .withBackupWindow(WEEKNIGHTS)),
        Arguments.of("window with an offset", Schedule.daily(DailyType.Friday, LocalTime.of(1, 30))
            .withBackupWindow(WEEKNIGHTS.withMinuteOffset(60))),
        Arguments.of("every 4 hours in a window, offset 15", Schedule.periodically(PeriodicInterval.Hours4)
            .withPeriodicallyWindow(WEEKNIGHTS, 15)),
        Arguments.of("every 30 minutes", Schedule.periodically(PeriodicInterval.Minutes30)),
        Arguments.of("every 12 hours with a backup window", Schedule.periodically(PeriodicInterval.Hours12)
            .withBackupWindow(WEEKNIGHTS)),
        Arguments.of("manual only", Schedule.manualOnly()),
        Arguments.of("retry off", Schedule.DEFAULT.withRetry(new Retry(false, 3, 10))),
        Arguments.of("retry 5 x 20 min", Schedule.DEFAULT.withRetry(new Retry(true, 5, 20))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schedules")
  void whatIsSentReadsBackAsTheSameSchedule(String name, Schedule schedule) {
    Schedule readBack = ScheduleMapping.toDomain(ScheduleMapping.toVeeam(schedule));

    assertThat(JobDiff.scheduleDifferences(schedule, readBack)).isEmpty();
    assertThat(readBack.normalized()).isEqualTo(schedule.normalized());
  }

  @Test
  void dailyBodyStatesTheTypeAndLeavesPeriodicFieldsOut() {
    SchedulePolicy body = ScheduleMapping.toVeeam(Schedule.daily(DailyType.Workdays, LocalTime.of(22, 0))
        .withBackupWindow(WEEKNIGHTS));

    assertThat(body.scheduleEnabled()).isTrue();
    assertThat(body.type()).isEqualTo(dev.vb365.operator.veeam.model.ScheduleType.DAILY);
    assertThat(body.dailyType()).isEqualTo(dev.vb365.operator.veeam.model.DailyType.WORKDAYS);
    assertThat(body.dailyTime()).isEqualTo(LocalTime.of(22, 0));
    assertThat(body.periodicallyEvery()).isNull();
    assertThat(body.periodicallyWindowEnabled()).isNull();
    assertThat(body.backupWindowEnabled()).isTrue();
    assertThat(body.backupWindowSettings().hours()).hasSize(168).isEqualTo(WEEKNIGHTS.toHours());
    assertThat(body.retryEnabled()).isTrue();
    assertThat(body.retryNumber()).isEqualTo(3);
    assertThat(body.retryWaitInterval()).isEqualTo(10);
  }

  @Test
  void manualOnlyTurnsTheScheduleOffAndSendsNoWindow() {
    SchedulePolicy body = ScheduleMapping.toVeeam(Schedule.manualOnly().withBackupWindow(WEEKNIGHTS));

    assertThat(body.scheduleEnabled()).isFalse();
    assertThat(body.type()).isEqualTo(dev.vb365.operator.veeam.model.ScheduleType.MANUAL_ONLY);
    assertThat(body.backupWindowEnabled()).isFalse();
    assertThat(body.backupWindowSettings()).isNull();
  }

  static Stream<Arguments> readCases() {
    List<Boolean> allowAll = Collections.nCopies(168, true);
    return Stream.of(
        Arguments.of("no policy is VB365's default: manual only", null, Schedule.manualOnly()),
        Arguments.of("a daily schedule switched off runs only by hand",
            new SchedulePolicy(false, dev.vb365.operator.veeam.model.ScheduleType.DAILY, null, null, null, null,
                dev.vb365.operator.veeam.model.DailyType.EVERYDAY, LocalTime.of(22, 0), false, null, true, 3, 10),
            Schedule.manualOnly()),
        Arguments.of("a disabled window is no window, whatever its hours",
            new SchedulePolicy(true, dev.vb365.operator.veeam.model.ScheduleType.DAILY, null, null, null, null,
                dev.vb365.operator.veeam.model.DailyType.WORKDAYS, LocalTime.of(22, 0), false,
                new dev.vb365.operator.veeam.model.BackupWindow(WEEKNIGHTS.toHours(), 0), true, 3, 10),
            Schedule.daily(DailyType.Workdays, LocalTime.of(22, 0))),
        Arguments.of("an enabled window that is not 168 hours reads as none",
            new SchedulePolicy(true, dev.vb365.operator.veeam.model.ScheduleType.DAILY, null, null, null, null,
                dev.vb365.operator.veeam.model.DailyType.WORKDAYS, LocalTime.of(22, 0), true,
                new dev.vb365.operator.veeam.model.BackupWindow(List.of(true, false), 0), true, 3, 10),
            Schedule.daily(DailyType.Workdays, LocalTime.of(22, 0))),
        Arguments.of("nulls for retry are VB365's defaults",
            new SchedulePolicy(null, dev.vb365.operator.veeam.model.ScheduleType.PERIODICALLY,
                dev.vb365.operator.veeam.model.PeriodicInterval.HOURS_1, null, true,
                new dev.vb365.operator.veeam.model.BackupWindow(allowAll, 0), null, null, null, null, null, null,
                null),
            Schedule.periodically(PeriodicInterval.Hours1)
                .withPeriodicallyWindow(BackupWindow.ofHours(allowAll, 0), 0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readCases")
  void readsWhatVb365Sends(String name, SchedulePolicy policy, Schedule expected) {
    assertThat(ScheduleMapping.toDomain(policy).normalized()).isEqualTo(expected.normalized());
  }

  @Test
  void anUnknownScheduleTypeIsNotGuessed() {
    SchedulePolicy policy = new SchedulePolicy(true, dev.vb365.operator.veeam.model.ScheduleType.UNKNOWN, null, null,
        null, null, null, null, null, null, null, null, null);

    assertThatThrownBy(() -> ScheduleMapping.toDomain(policy)).isInstanceOf(UnreadableJobException.class)
        .hasMessageContaining("schedule type");
    assertThat(ScheduleType.values()).hasSize(3);
  }
}
