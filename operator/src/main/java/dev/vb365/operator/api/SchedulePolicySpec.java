package dev.vb365.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Objects;

/** When the VB365 job runs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.type != 'Daily' || has(self.dailyTime)",
    message = "dailyTime is required when type is Daily")
@ValidationRule(value = "self.type == 'Daily' || !(has(self.dailyType) || has(self.dailyTime))",
    message = "dailyType and dailyTime apply only when type is Daily")
@ValidationRule(value = "(self.type == 'Periodically') == has(self.periodicallyEvery)",
    message = "periodicallyEvery is required when type is Periodically and not allowed otherwise")
@ValidationRule(value = "!(has(self.periodicallyWindow) || has(self.periodicallyOffsetMinutes))"
    + " || (has(self.periodicallyEvery) && self.periodicallyEvery.startsWith('Hours'))",
    message = "periodicallyWindow and periodicallyOffsetMinutes apply only to a Periodically schedule every N hours")
@ValidationRule(value = "self.type != 'ManualOnly' || !has(self.backupWindow)",
    message = "backupWindow does not apply to a ManualOnly schedule")
public class SchedulePolicySpec {

  @JsonPropertyDescription("Daily: at dailyTime on the days of dailyType. Periodically: every periodicallyEvery. "
      + "ManualOnly: only when started (e.g. with the backup.vb365.dev/run-requested-at annotation).")
  @Required
  private ScheduleType type;

  @JsonPropertyDescription("Days a Daily schedule runs on. Default: Everyday.")
  private DailyType dailyType;

  @JsonPropertyDescription("Time of day (HH:MM, 24-hour clock, VB365 server time) a Daily schedule starts at.")
  @Pattern("^([01][0-9]|2[0-3]):[0-5][0-9]$")
  private String dailyTime;

  @JsonPropertyDescription("Interval of a Periodically schedule.")
  private PeriodicInterval periodicallyEvery;

  @JsonPropertyDescription("Minutes to shift the start within the hour, so jobs every N hours do not all start at "
      + "once (Periodically every N hours only). Default: 0.")
  @Min(0)
  @Max(59)
  private Integer periodicallyOffsetMinutes;

  @JsonPropertyDescription("Hours in which a Periodically schedule every N hours may start runs "
      + "(VB365's periodically window). Omitted: every hour.")
  private BackupWindowSpec periodicallyWindow;

  @JsonPropertyDescription("Hours the job may run in (VB365 stops a run that exceeds it). Omitted: no backup window.")
  private BackupWindowSpec backupWindow;

  @JsonPropertyDescription("Retries of failed runs. Omitted: enabled, 3 times, 10 minutes apart.")
  private RetrySpec retry;

  public SchedulePolicySpec() {
  }

  public ScheduleType getType() {
    return type;
  }

  public void setType(ScheduleType type) {
    this.type = type;
  }

  public DailyType getDailyType() {
    return dailyType;
  }

  public void setDailyType(DailyType dailyType) {
    this.dailyType = dailyType;
  }

  public String getDailyTime() {
    return dailyTime;
  }

  public void setDailyTime(String dailyTime) {
    this.dailyTime = dailyTime;
  }

  public PeriodicInterval getPeriodicallyEvery() {
    return periodicallyEvery;
  }

  public void setPeriodicallyEvery(PeriodicInterval periodicallyEvery) {
    this.periodicallyEvery = periodicallyEvery;
  }

  public Integer getPeriodicallyOffsetMinutes() {
    return periodicallyOffsetMinutes;
  }

  public void setPeriodicallyOffsetMinutes(Integer periodicallyOffsetMinutes) {
    this.periodicallyOffsetMinutes = periodicallyOffsetMinutes;
  }

  public BackupWindowSpec getPeriodicallyWindow() {
    return periodicallyWindow;
  }

  public void setPeriodicallyWindow(BackupWindowSpec periodicallyWindow) {
    this.periodicallyWindow = periodicallyWindow;
  }

  public BackupWindowSpec getBackupWindow() {
    return backupWindow;
  }

  public void setBackupWindow(BackupWindowSpec backupWindow) {
    this.backupWindow = backupWindow;
  }

  public RetrySpec getRetry() {
    return retry;
  }

  public void setRetry(RetrySpec retry) {
    this.retry = retry;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SchedulePolicySpec other && type == other.type && dailyType == other.dailyType
        && Objects.equals(dailyTime, other.dailyTime) && periodicallyEvery == other.periodicallyEvery
        && Objects.equals(periodicallyOffsetMinutes, other.periodicallyOffsetMinutes)
        && Objects.equals(periodicallyWindow, other.periodicallyWindow)
        && Objects.equals(backupWindow, other.backupWindow) && Objects.equals(retry, other.retry);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, dailyType, dailyTime, periodicallyEvery, periodicallyOffsetMinutes, periodicallyWindow,
        backupWindow, retry);
  }

  @Override
  public String toString() {
    return "schedule " + type + " " + (dailyType == null ? "" : dailyType + " ") + (dailyTime == null ? "" : dailyTime)
        + (periodicallyEvery == null ? "" : periodicallyEvery);
  }
}
