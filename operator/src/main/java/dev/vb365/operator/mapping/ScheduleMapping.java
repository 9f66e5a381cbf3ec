package dev.vb365.operator.mapping;

import dev.vb365.operator.sync.BackupWindow;
import dev.vb365.operator.api.DailyType;
import dev.vb365.operator.api.PeriodicInterval;
import dev.vb365.operator.sync.Retry;
import dev.vb365.operator.sync.Schedule;
import dev.vb365.operator.api.ScheduleType;
import dev.vb365.operator.veeam.model.SchedulePolicy;

/**
 * Between VB365's schedule policy (the client's model) and the domain {@link Schedule}. Pure.
 *
 * <p>Reading is lenient (servers leave out what does not apply, send nulls and values no spec
 * lists) but never guesses a schedule into existence: a schedule VB365 has switched off
 * ({@code scheduleEnabled: false}) reads as ManualOnly, because that is what the job does, so a
 * spec asking for Daily sees the difference. Writing states every field the type uses and
 * {@code scheduleEnabled}, so the server keeps nothing from before.
 */
public final class ScheduleMapping {

  private ScheduleMapping() {
  }

  /** The domain schedule of a job as VB365 reports it; no policy at all is ManualOnly (VB365's default). */
  public static Schedule toDomain(SchedulePolicy policy) {
    if (policy == null || policy.type() == null) {
      return Schedule.manualOnly();
    }
    ScheduleType type = switch (policy.type()) {
      case DAILY -> ScheduleType.Daily;
      case PERIODICALLY -> ScheduleType.Periodically;
      case MANUAL_ONLY -> ScheduleType.ManualOnly;
      case UNKNOWN -> throw new UnreadableJobException("its schedule type is one this operator does not know");
    };
    if (Boolean.FALSE.equals(policy.scheduleEnabled())) {
      type = ScheduleType.ManualOnly;
    }
    Retry retry = new Retry(!Boolean.FALSE.equals(policy.retryEnabled()),
        policy.retryNumber() == null ? Retry.DEFAULT.count() : policy.retryNumber(),
        policy.retryWaitInterval() == null ? Retry.DEFAULT.waitMinutes() : policy.retryWaitInterval());
    return new Schedule(type, dailyType(policy.dailyType()), policy.dailyTime(), interval(policy.periodicallyEvery()),
        policy.periodicallyOffsetMinutes() == null ? 0 : policy.periodicallyOffsetMinutes(),
        Boolean.TRUE.equals(policy.periodicallyWindowEnabled()) ? window(policy.periodicallyWindowSettings()) : null,
        Boolean.TRUE.equals(policy.backupWindowEnabled()) ? window(policy.backupWindowSettings()) : null, retry);
  }

  /** The policy to send: only the fields the type uses, each window with its enabled flag. */
  public static SchedulePolicy toVeeam(Schedule schedule) {
    ScheduleType type = schedule.type();
    boolean daily = type == ScheduleType.Daily;
    boolean periodic = type == ScheduleType.Periodically;
    boolean hourly = periodic && schedule.periodicallyEvery() != null && schedule.periodicallyEvery().inHours();
    BackupWindow periodicWindow = hourly ? schedule.periodicallyWindow() : null;
    BackupWindow backupWindow = type == ScheduleType.ManualOnly ? null : schedule.backupWindow();
    Retry retry = schedule.retry();
    return new SchedulePolicy(
        type != ScheduleType.ManualOnly,
        switch (type) {
          case Daily -> dev.vb365.operator.veeam.model.ScheduleType.DAILY;
          case Periodically -> dev.vb365.operator.veeam.model.ScheduleType.PERIODICALLY;
          case ManualOnly -> dev.vb365.operator.veeam.model.ScheduleType.MANUAL_ONLY;
        },
        periodic ? interval(schedule.periodicallyEvery()) : null,
        hourly ? schedule.periodicallyOffsetMinutes() : null,
        hourly ? periodicWindow != null : null,
        windowBody(periodicWindow),
        daily ? dailyType(schedule.dailyType()) : null,
        daily ? schedule.dailyTime() : null,
        backupWindow != null,
        windowBody(backupWindow),
        retry.enabled(),
        retry.count(),
        retry.waitMinutes());
  }

  static BackupWindow window(dev.vb365.operator.veeam.model.BackupWindow window) {
    // An enabled window that is not 168 hours cannot be read; treat it as no window, so the diff
    // shows it and a Managed job gets the spec's window back.
    if (window == null || !window.isComplete()) {
      return null;
    }
    return BackupWindow.ofHours(window.hours(), window.minuteOffset());
  }

  static dev.vb365.operator.veeam.model.BackupWindow windowBody(BackupWindow window) {
    return window == null ? null
        : new dev.vb365.operator.veeam.model.BackupWindow(window.toHours(), window.minuteOffset());
  }

  static DailyType dailyType(dev.vb365.operator.veeam.model.DailyType type) {
    if (type == null || type == dev.vb365.operator.veeam.model.DailyType.UNKNOWN) {
      return null;
    }
    return DailyType.valueOf(type.wireName());
  }

  static dev.vb365.operator.veeam.model.DailyType dailyType(DailyType type) {
    if (type == null) {
      return null;
    }
    for (dev.vb365.operator.veeam.model.DailyType candidate : dev.vb365.operator.veeam.model.DailyType.values()) {
      if (type.name().equals(candidate.wireName())) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("no VB365 daily type " + type);
  }

  static PeriodicInterval interval(dev.vb365.operator.veeam.model.PeriodicInterval interval) {
    if (interval == null || interval == dev.vb365.operator.veeam.model.PeriodicInterval.UNKNOWN) {
      return null;
    }
    return PeriodicInterval.valueOf(interval.wireName());
  }

  static dev.vb365.operator.veeam.model.PeriodicInterval interval(PeriodicInterval interval) {
    if (interval == null) {
      return null;
    }
    for (dev.vb365.operator.veeam.model.PeriodicInterval candidate
        : dev.vb365.operator.veeam.model.PeriodicInterval.values()) {
      if (interval.name().equals(candidate.wireName())) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("no VB365 interval " + interval);
  }
}
