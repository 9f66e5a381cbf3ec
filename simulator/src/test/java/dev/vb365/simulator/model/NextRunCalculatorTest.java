package dev.vb365.simulator.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NextRunCalculatorTest {
  // A Wednesday.
  private static final Instant NOW = Instant.parse("2025-01-15T10:17:30Z");

  private static SchedulePolicy daily(DailyKind kind, String time, BackupWindow window) {
    return new SchedulePolicy(true, ScheduleType.Daily, null, null, kind, LocalTime.parse(time), window != null, window,
        false, null, true, 3, 10);
  }

  private static SchedulePolicy periodic(PeriodicInterval every, Integer offset, BackupWindow window) {
    return new SchedulePolicy(true, ScheduleType.Periodically, every, offset, null, null, false, null, window != null,
        window, true, 3, 10);
  }

  /** A window allowing only the given hours of every day (UTC). */
  private static BackupWindow hours(int from, int to) {
    List<Boolean> h = new ArrayList<>(Collections.nCopies(168, false));
    for (int d = 0; d < 7; d++) {
      for (int i = from; i < to; i++) {
        h.set(d * 24 + i, true);
      }
    }
    return new BackupWindow(h, 0);
  }

  private static Optional<Instant> next(SchedulePolicy p) {
    return NextRunCalculator.nextRun(p, true, NOW);
  }

  @Test
  void dailyRunsAtTheNextIncludedDay() {
    assertThat(next(daily(DailyKind.Everyday, "22:00", null))).contains(Instant.parse("2025-01-15T22:00:00Z"));
    assertThat(next(daily(DailyKind.Everyday, "08:00", null))).contains(Instant.parse("2025-01-16T08:00:00Z"));
    assertThat(next(daily(DailyKind.Weekends, "01:00", null))).contains(Instant.parse("2025-01-18T01:00:00Z"));
    assertThat(next(daily(DailyKind.Monday, "01:00", null))).contains(Instant.parse("2025-01-20T01:00:00Z"));
    assertThat(next(daily(DailyKind.Workdays, "10:17:30", null))).as("strictly after now")
        .contains(Instant.parse("2025-01-16T10:17:30Z"));
  }

  @Test
  void dailySkipsDaysWhoseStartTheBackupWindowForbids() {
    List<Boolean> h = new ArrayList<>(Collections.nCopies(168, true));
    h.set(3 * 24 + 22, false); // Wednesday 22:00 forbidden (Sunday is day 0)
    assertThat(next(daily(DailyKind.Everyday, "22:00", new BackupWindow(h, 0))))
        .contains(Instant.parse("2025-01-16T22:00:00Z"));
    // minuteOffset shifts the window's local time: at UTC+60 min, Wednesday 22:00 UTC is 23:00 local.
    assertThat(next(daily(DailyKind.Everyday, "22:00", new BackupWindow(h, 60))))
        .contains(Instant.parse("2025-01-15T22:00:00Z"));
  }

  @Test
  void periodicRunsOnTheIntervalGridWithinItsWindow() {
    assertThat(next(periodic(PeriodicInterval.Minutes15, null, null))).contains(Instant.parse("2025-01-15T10:30:00Z"));
    assertThat(next(periodic(PeriodicInterval.Hours4, null, null))).contains(Instant.parse("2025-01-15T12:00:00Z"));
    assertThat(next(periodic(PeriodicInterval.Hours1, 20, null))).contains(Instant.parse("2025-01-15T10:20:00Z"));
    assertThat(next(periodic(PeriodicInterval.Hours1, null, hours(20, 23))))
        .contains(Instant.parse("2025-01-15T20:00:00Z"));
    // Every 8 hours runs at 00:00, 08:00, 16:00: none of them inside a 01:00-02:00 window.
    assertThat(next(periodic(PeriodicInterval.Hours8, null, hours(1, 2)))).isEmpty();
  }

  @Test
  void noNextRunForManualDisabledOrUnscheduledJobs() {
    assertThat(next(SchedulePolicy.manualDefault())).isEmpty();
    assertThat(NextRunCalculator.nextRun(daily(DailyKind.Everyday, "22:00", null), false, NOW)).isEmpty();
    SchedulePolicy off = new SchedulePolicy(false, ScheduleType.Daily, null, null, DailyKind.Everyday,
        LocalTime.parse("22:00"), false, null, false, null, true, 3, 10);
    assertThat(next(off)).isEmpty();
  }
}
