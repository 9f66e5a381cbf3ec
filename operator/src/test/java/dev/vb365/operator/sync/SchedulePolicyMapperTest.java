package dev.vb365.operator.sync;

import dev.vb365.operator.api.PeriodicInterval;
import dev.vb365.operator.api.DailyType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vb365.operator.api.BackupWindowSpec;
import dev.vb365.operator.api.RetrySpec;
import dev.vb365.operator.api.SchedulePolicySpec;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SchedulePolicyMapperTest {

  static SchedulePolicySpec yaml(String text) {
    return SpecYaml.read(text, SchedulePolicySpec.class);
  }

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of("{type: Daily, dailyType: Workdays, dailyTime: '22:00'}",
            Schedule.daily(DailyType.Workdays, LocalTime.of(22, 0))),
        Arguments.of("{type: Daily, dailyTime: '06:30'}", Schedule.daily(DailyType.Everyday, LocalTime.of(6, 30))),
        Arguments.of("{type: Periodically, periodicallyEvery: Minutes30}",
            Schedule.periodically(PeriodicInterval.Minutes30)),
        Arguments.of("{type: Periodically, periodicallyEvery: Hours4, periodicallyOffsetMinutes: 15,"
            + " periodicallyWindow: {deny: ['Sun']}}",
            Schedule.periodically(PeriodicInterval.Hours4)
                .withPeriodicallyWindow(BackupWindow.parse(null, List.of("Sun"), null), 15)),
        Arguments.of("{type: ManualOnly}", Schedule.manualOnly()),
        Arguments.of("{type: ManualOnly, retry: {enabled: false}}",
            Schedule.manualOnly().withRetry(new Retry(false, 3, 10))),
        Arguments.of("{type: Daily, dailyTime: '22:00', retry: {count: 5}}",
            Schedule.daily(DailyType.Everyday, LocalTime.of(22, 0)).withRetry(new Retry(true, 5, 10))),
        Arguments.of("{type: Daily, dailyType: Workdays, dailyTime: '22:00',"
            + " backupWindow: {allow: ['Mon-Fri 20:00-06:00'], minuteOffset: 60}}",
            Schedule.daily(DailyType.Workdays, LocalTime.of(22, 0))
                .withBackupWindow(BackupWindow.parse(List.of("Mon-Fri 20:00-06:00"), null, 60))));
  }

  @ParameterizedTest
  @MethodSource("valid")
  void specToDomain(String spec, Schedule expected) {
    assertThat(SchedulePolicyMapper.toDomain(yaml(spec))).isEqualTo(expected);
  }

  @Test
  void omittedScheduleIsDailyAt22() {
    assertThat(SchedulePolicyMapper.toDomain(null)).isEqualTo(Schedule.DEFAULT)
        .isEqualTo(Schedule.daily(DailyType.Everyday, LocalTime.of(22, 0)));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("{dailyTime: '22:00'}", List.of("spec.schedulePolicy.type: required")),
        Arguments.of("{type: Daily}", List.of("spec.schedulePolicy.dailyTime: required when type is Daily")),
        Arguments.of("{type: Daily, dailyTime: '25:00'}",
            List.of("spec.schedulePolicy.dailyTime: \"25:00\" is not a time of day HH:MM")),
        Arguments.of("{type: Daily, dailyTime: '22:00', periodicallyEvery: Hours1}",
            List.of("spec.schedulePolicy.periodicallyEvery: applies only when type is Periodically, not Daily")),
        Arguments.of("{type: Periodically}",
            List.of("spec.schedulePolicy.periodicallyEvery: required when type is Periodically")),
        Arguments.of("{type: Periodically, periodicallyEvery: Hours1, dailyType: Monday, dailyTime: '01:00'}",
            List.of("spec.schedulePolicy.dailyTime: applies only when type is Daily, not Periodically",
                "spec.schedulePolicy.dailyType: applies only when type is Daily, not Periodically")),
        Arguments.of("{type: Periodically, periodicallyEvery: Minutes15, periodicallyOffsetMinutes: 5}",
            List.of("spec.schedulePolicy.periodicallyOffsetMinutes: applies only to a Periodically schedule every "
                + "N hours")),
        Arguments.of("{type: Periodically, periodicallyEvery: Hours2, periodicallyOffsetMinutes: 60}",
            List.of("spec.schedulePolicy.periodicallyOffsetMinutes: must be between 0 and 59, not 60")),
        Arguments.of("{type: ManualOnly, backupWindow: {allow: [Everyday]}}",
            List.of("spec.schedulePolicy.backupWindow: does not apply to a ManualOnly schedule")),
        Arguments.of("{type: Daily, dailyTime: '22:00', backupWindow: {allow: ['Mon-Fri 20:30-06:00']}}",
            List.of("spec.schedulePolicy.backupWindow.allow[0]: \"Mon-Fri 20:30-06:00\": 20:30 is not a whole hour")),
        Arguments.of("{type: Daily, dailyTime: '22:00', backupWindow: {}}",
            List.of("spec.schedulePolicy.backupWindow: set allow, deny or both")),
        Arguments.of("{type: Daily, dailyTime: '22:00', retry: {count: 0, waitMinutes: 1000}}",
            List.of("spec.schedulePolicy.retry.count: must be between 1 and 777, not 0",
                "spec.schedulePolicy.retry.waitMinutes: must be between 1 and 999, not 1000")));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void invalidSpecsNameTheField(String spec, List<String> expectedErrorPrefixes) {
    assertThatThrownBy(() -> SchedulePolicyMapper.toDomain(yaml(spec)))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
          assertThat(e.errors()).hasSize(expectedErrorPrefixes.size());
          for (int i = 0; i < expectedErrorPrefixes.size(); i++) {
            assertThat(e.errors().get(i).toString()).startsWith(expectedErrorPrefixes.get(i));
          }
        });
  }

  @ParameterizedTest
  @MethodSource("valid")
  void exportGivesASpecThatMeansTheSame(String ignored, Schedule schedule) {
    SchedulePolicySpec spec = SchedulePolicyMapper.toSpec(schedule);
    assertThat(JobDiff.scheduleDifferences(SchedulePolicyMapper.toDomain(spec), schedule)).isEmpty();
  }

  @Test
  void exportLeavesDefaultsOut() {
    SchedulePolicySpec spec = SchedulePolicyMapper.toSpec(Schedule.daily(DailyType.Workdays, LocalTime.of(22, 0))
        .withBackupWindow(BackupWindow.parse(List.of("Mon-Fri 20:00-06:00"), null, null)));
    assertThat(Serialization.asYaml(spec)).isEqualTo("""
        ---
        type: "Daily"
        dailyType: "Workdays"
        dailyTime: "22:00"
        backupWindow:
          allow:
          - "Mon-Fri 20:00-06:00"
        """);
    SchedulePolicySpec noRetry = SchedulePolicyMapper.toSpec(Schedule.manualOnly().withRetry(new Retry(false, 3, 10)));
    assertThat(noRetry.getRetry()).isEqualTo(new RetrySpec(false, null, null));
    SchedulePolicySpec withOffset = SchedulePolicyMapper.toSpec(Schedule.periodically(PeriodicInterval.Hours8)
        .withPeriodicallyWindow(BackupWindow.parse(List.of("Workdays"), null, 120), 10));
    assertThat(withOffset.getPeriodicallyOffsetMinutes()).isEqualTo(10);
    BackupWindowSpec window = new BackupWindowSpec(List.of("Mon-Fri"), null);
    window.setMinuteOffset(120);
    assertThat(withOffset.getPeriodicallyWindow()).isEqualTo(window);
  }
}
