package dev.vb365.simulator.model;

import java.time.DayOfWeek;

/** RESTJobSchedulePolicy.dailyType: which days a Daily schedule runs on. */
public enum DailyKind {
  Everyday, Workdays, Weekends, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday;

  public boolean includes(DayOfWeek day) {
    return switch (this) {
      case Everyday -> true;
      case Workdays -> day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
      case Weekends -> day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
      default -> day.name().equalsIgnoreCase(name());
    };
  }
}
