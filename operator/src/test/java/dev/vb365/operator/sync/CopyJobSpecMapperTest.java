package dev.vb365.operator.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.api.BackupCopyJobSpec;
import dev.vb365.operator.api.CopyScheduleType;
import dev.vb365.operator.api.DailyType;
import dev.vb365.operator.api.PeriodicInterval;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A BackupCopyJob's spec: the same refusals as the CRD's schema and CEL rules, each naming its field. */
class CopyJobSpecMapperTest {

  private static final String VALID = "{backupJobRef: {name: finance}, repository: {name: Archive Repository}";

  private static List<String> errors(String specYaml) {
    return CopyJobSpecMapper.validate(SpecYaml.read(specYaml, BackupCopyJobSpec.class)).stream()
        .map(FieldError::toString).toList();
  }

  @Test
  void aMinimalSpecIsValidAndCopiesImmediately() {
    BackupCopyJobSpec spec = SpecYaml.read(VALID + "}", BackupCopyJobSpec.class);
    assertThat(CopyJobSpecMapper.validate(spec)).isEmpty();
    assertThat(CopyJobSpecMapper.schedule(spec.getSchedulePolicy())).isEqualTo(CopySchedule.IMMEDIATE);
    assertThat(spec.effectiveEnabled()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{repository: {name: Archive Repository}}"
          + "|spec.backupJobRef.name: required: the name of a BackupJob in this namespace",
      "{backupJobRef: {name: Finance}, repository: {name: Archive Repository}}"
          + "|spec.backupJobRef.name: \"Finance\" is not a Kubernetes object name",
      "{backupJobRef: {name: finance}}|spec.repository: required: {name: ...} or {id: ...}",
      "{backupJobRef: {name: finance}, repository: {name: a, id: b}}|spec.repository: set exactly one of name or id",
      VALID + ", copyJobId: not-a-uuid}|spec.copyJobId: \"not-a-uuid\" is not a VB365 id (a UUID)",
      VALID + ", schedulePolicy: {type: Daily}}"
          + "|spec.schedulePolicy.dailyTime: required when type is Daily (HH:MM, e.g. \"23:30\")",
      VALID + ", schedulePolicy: {type: Daily, dailyTime: \"25:00\"}}"
          + "|spec.schedulePolicy.dailyTime: \"25:00\" is not a time of day HH:MM on a 24-hour clock (e.g. \"23:30\")",
      VALID + ", schedulePolicy: {type: Immediate, periodicallyEvery: Hours1}}"
          + "|spec.schedulePolicy.periodicallyEvery: applies only when type is Periodically, not Immediate",
      VALID + ", schedulePolicy: {type: Periodically}}"
          + "|spec.schedulePolicy.periodicallyEvery: required when type is Periodically",
      VALID + ", schedulePolicy: {type: Immediate, dailyType: Workdays}}"
          + "|spec.schedulePolicy.dailyType: applies only when type is Daily, not Immediate",
  })
  void eachProblemNamesItsField(String specYaml, String error) {
    assertThat(errors(specYaml)).containsExactly(error);
  }

  @Test
  void aCopyWindowWithMinutesIsRefusedWithItsLine() {
    assertThat(errors(VALID + ", schedulePolicy: {type: Immediate, copyWindow: {allow: [\"Mon-Fri 20:30-06:00\"]}}}"))
        .singleElement().asString().startsWith("spec.schedulePolicy.copyWindow.allow[0]: ");
  }

  @Test
  void theHumanScheduleBecomesVb365sAndBack() {
    BackupCopyJobSpec spec = SpecYaml.read(VALID + ", schedulePolicy: {type: Daily, dailyType: Workdays, "
        + "dailyTime: \"23:30\", copyWindow: {deny: [\"Sat-Sun\"]}}}", BackupCopyJobSpec.class);
    CopySchedule schedule = CopyJobSpecMapper.schedule(spec.getSchedulePolicy());
    assertThat(schedule.type()).isEqualTo(CopyScheduleType.Daily);
    assertThat(schedule.dailyType()).isEqualTo(DailyType.Workdays);
    assertThat(schedule.dailyTime()).isEqualTo(LocalTime.of(23, 30));
    assertThat(schedule.window().allowedHourCount()).isEqualTo(5 * 24);
    var back = CopyJobSpecMapper.toSpec(schedule);
    assertThat(back.getDailyTime()).isEqualTo("23:30");
    assertThat(back.getCopyWindow().getAllow()).as("the shorter form, allow on a tie").containsExactly("Mon-Fri");
    assertThat(CopyJobSpecMapper.schedule(back)).isEqualTo(schedule);

    CopySchedule every = CopyJobSpecMapper.schedule(SpecYaml.read("{type: Periodically, periodicallyEvery: Hours12}",
        dev.vb365.operator.api.CopySchedulePolicySpec.class));
    assertThat(every.periodicallyEvery()).isEqualTo(PeriodicInterval.Hours12);
    assertThat(every.dailyType()).isNull();
  }
}
