package dev.vb365.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Objects;

/** When the VB365 backup copy job copies: the same human form as a BackupJob's schedule. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.type != 'Daily' || has(self.dailyTime)",
    message = "dailyTime is required when type is Daily")
@ValidationRule(value = "self.type == 'Daily' || !(has(self.dailyType) || has(self.dailyTime))",
    message = "dailyType and dailyTime apply only when type is Daily")
@ValidationRule(value = "(self.type == 'Periodically') == has(self.periodicallyEvery)",
    message = "periodicallyEvery is required when type is Periodically and not allowed otherwise")
public class CopySchedulePolicySpec {

  @JsonPropertyDescription("Immediate: copy each new restore point of the BackupJob as soon as it appears. "
      + "Periodically: every periodicallyEvery. Daily: at dailyTime on the days of dailyType.")
  @Required
  private CopyScheduleType type;

  @JsonPropertyDescription("Days a Daily schedule copies on. Default: Everyday.")
  private DailyType dailyType;

  @JsonPropertyDescription("Time of day (HH:MM, 24-hour clock, VB365 server time) a Daily schedule starts at.")
  @Pattern("^([01][0-9]|2[0-3]):[0-5][0-9]$")
  private String dailyTime;

  @JsonPropertyDescription("Interval of a Periodically schedule (Hours12 needs VB365 REST API v8).")
  private PeriodicInterval periodicallyEvery;

  @JsonPropertyDescription("Hours in which the copy may run (VB365's backup copy window). Omitted: any hour.")
  private BackupWindowSpec copyWindow;

  public CopySchedulePolicySpec() {
  }

  public CopyScheduleType getType() {
    return type;
  }

  public void setType(CopyScheduleType type) {
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

  public BackupWindowSpec getCopyWindow() {
    return copyWindow;
  }

  public void setCopyWindow(BackupWindowSpec copyWindow) {
    this.copyWindow = copyWindow;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CopySchedulePolicySpec other && type == other.type && dailyType == other.dailyType
        && Objects.equals(dailyTime, other.dailyTime) && periodicallyEvery == other.periodicallyEvery
        && Objects.equals(copyWindow, other.copyWindow);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, dailyType, dailyTime, periodicallyEvery, copyWindow);
  }

  @Override
  public String toString() {
    return "CopySchedule{" + type + (dailyTime == null ? "" : " " + dailyType + " " + dailyTime)
        + (periodicallyEvery == null ? "" : " every " + periodicallyEvery) + (copyWindow == null ? "" : ", window")
        + "}";
  }
}
