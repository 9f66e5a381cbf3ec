package dev.vb365.simulator.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * When a job runs next according to its schedule (times are UTC). Rules:
 * <ul>
 *   <li>a disabled job, a disabled schedule and ManualOnly have no next run;</li>
 *   <li>Daily: the first day after now that dailyType includes, at dailyTime; when the backup window is
 *       enabled, days whose start hour the window forbids are skipped (the run would be cut off at once);</li>
 *   <li>Periodically: the next multiple of the interval counted from midnight plus
 *       periodicallyOffsetMinutes, skipping slots outside the periodic window (periodicallyWindowSettings
 *       when periodicallyWindowEnabled, else backupWindowSettings when backupWindowEnabled).</li>
 * </ul>
 */
public final class NextRunCalculator {
  private static final int DAYS_TO_SEARCH = 8;

  private NextRunCalculator() {
  }

  public static Optional<Instant> nextRun(SchedulePolicy policy, boolean jobEnabled, Instant now) {
    if (!jobEnabled || policy == null || !policy.scheduleEnabled()) {
      return Optional.empty();
    }
    return switch (policy.type()) {
      case ManualOnly -> Optional.empty();
      case Daily -> nextDaily(policy, now);
      case Periodically -> nextPeriodic(policy, now);
    };
  }

  private static Optional<Instant> nextDaily(SchedulePolicy policy, Instant now) {
    LocalDate day = now.atZone(ZoneOffset.UTC).toLocalDate();
    for (int i = 0; i <= DAYS_TO_SEARCH; i++, day = day.plusDays(1)) {
      Instant candidate = day.atTime(policy.dailyTime()).toInstant(ZoneOffset.UTC);
      if (!candidate.isAfter(now) || !policy.dailyType().includes(day.getDayOfWeek())) {
        continue;
      }
      if (policy.backupWindowEnabled() && policy.backupWindow() != null && !policy.backupWindow().allows(candidate)) {
        continue;
      }
      return Optional.of(candidate);
    }
    return Optional.empty();
  }

  private static Optional<Instant> nextPeriodic(SchedulePolicy policy, Instant now) {
    BackupWindow window = policy.periodicallyWindowEnabled() ? policy.periodicallyWindow()
        : policy.backupWindowEnabled() ? policy.backupWindow() : null;
    long step = policy.periodicallyEvery().duration().toMinutes();
    int offset = policy.periodicallyOffsetMinutes() == null ? 0 : policy.periodicallyOffsetMinutes();
    Instant midnight = now.truncatedTo(ChronoUnit.DAYS);
    Instant origin = midnight.plus(Duration.ofMinutes(Math.floorMod(offset, step))).minus(Duration.ofMinutes(step));
    long elapsed = Duration.between(origin, now).toMinutes();
    Instant slot = origin.plus(Duration.ofMinutes((elapsed / step + 1) * step));
    Instant limit = now.plus(Duration.ofDays(DAYS_TO_SEARCH));
    for (; slot.isBefore(limit); slot = slot.plus(Duration.ofMinutes(step))) {
      if (slot.isAfter(now) && (window == null || window.allows(slot))) {
        return Optional.of(slot);
      }
    }
    return Optional.empty();
  }
}
