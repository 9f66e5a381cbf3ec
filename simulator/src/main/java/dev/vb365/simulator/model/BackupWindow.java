package dev.vb365.simulator.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * RESTBackupWindowSettings: 168 hourly flags in 7 groups of 24, the first group being Sunday, expressed
 * in a local time that is {@code minuteOffset} minutes away from UTC.
 */
public record BackupWindow(List<Boolean> hours, int minuteOffset) {
  public static final int HOURS_PER_WEEK = 168;

  public BackupWindow {
    hours = List.copyOf(hours);
    if (hours.size() != HOURS_PER_WEEK) {
      throw new IllegalArgumentException("a backup window has 168 hourly values, got " + hours.size());
    }
  }

  public boolean allows(Instant instant) {
    ZonedDateTime local = instant.atZone(ZoneOffset.UTC).plusMinutes(minuteOffset);
    int dayFromSunday = local.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : local.getDayOfWeek().getValue();
    return hours.get(dayFromSunday * 24 + local.getHour());
  }
}
