package dev.vb365.operator.sync;

import dev.vb365.operator.api.PeriodicInterval;
import dev.vb365.operator.api.DailyType;
import dev.vb365.operator.api.ScheduleType;
import dev.vb365.operator.api.BackupWindowSpec;
import dev.vb365.operator.api.RetrySpec;
import dev.vb365.operator.api.SchedulePolicySpec;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Between a BackupJob's schedulePolicy and the domain {@link Schedule}. The spec to domain
 * direction validates what the CRD schema and its CEL rules say (again: an API server may not
 * enforce them) and names the field of every error.
 */
public final class SchedulePolicyMapper {

  public static final String PATH = "spec.schedulePolicy";
  static final Pattern DAILY_TIME = Pattern.compile("^([01][0-9]|2[0-3]):[0-5][0-9]$");

  private SchedulePolicyMapper() {
  }

  /** The schedule a spec asks for; an omitted schedulePolicy is {@link Schedule#DEFAULT}. */
  public static Schedule toDomain(SchedulePolicySpec spec) {
    if (spec == null) {
      return Schedule.DEFAULT;
    }
    List<FieldError> errors = new ArrayList<>();
    if (spec.getType() == null) {
      errors.add(new FieldError("type", "required: Daily, Periodically or ManualOnly"));
      throw new InvalidSpecException(errors).under(PATH);
    }
    ScheduleType type = spec.getType();
    boolean daily = type == ScheduleType.Daily;
    boolean periodic = type == ScheduleType.Periodically;

    LocalTime dailyTime = null;
    if (daily && spec.getDailyTime() == null) {
      errors.add(new FieldError("dailyTime", "required when type is Daily (HH:MM, e.g. \"22:00\")"));
    } else if (spec.getDailyTime() != null) {
      if (!daily) {
        errors.add(new FieldError("dailyTime", "applies only when type is Daily, not " + type));
      } else if (!DAILY_TIME.matcher(spec.getDailyTime()).matches()) {
        errors.add(new FieldError("dailyTime", "\"" + spec.getDailyTime()
            + "\" is not a time of day HH:MM on a 24-hour clock (e.g. \"22:00\")"));
      } else {
        dailyTime = LocalTime.parse(spec.getDailyTime());
      }
    }
    if (spec.getDailyType() != null && !daily) {
      errors.add(new FieldError("dailyType", "applies only when type is Daily, not " + type));
    }
    PeriodicInterval every = spec.getPeriodicallyEvery() == null ? null
        : spec.getPeriodicallyEvery();
    if (periodic && every == null) {
      errors.add(new FieldError("periodicallyEvery", "required when type is Periodically"));
    } else if (!periodic && every != null) {
      errors.add(new FieldError("periodicallyEvery", "applies only when type is Periodically, not " + type));
    }
    boolean hourly = periodic && every != null && every.inHours();
    if (!hourly && spec.getPeriodicallyWindow() != null) {
      errors.add(new FieldError("periodicallyWindow", "applies only to a Periodically schedule every N hours"));
    }
    if (!hourly && spec.getPeriodicallyOffsetMinutes() != null) {
      errors.add(new FieldError("periodicallyOffsetMinutes", "applies only to a Periodically schedule every N hours"));
    }
    Integer offset = spec.getPeriodicallyOffsetMinutes();
    if (offset != null && (offset < 0 || offset > 59)) {
      errors.add(new FieldError("periodicallyOffsetMinutes", "must be between 0 and 59, not " + offset));
    }
    if (type == ScheduleType.ManualOnly && spec.getBackupWindow() != null) {
      errors.add(new FieldError("backupWindow", "does not apply to a ManualOnly schedule"));
    }
    BackupWindow periodicWindow = window(spec.getPeriodicallyWindow(), "periodicallyWindow", errors);
    BackupWindow backupWindow = window(spec.getBackupWindow(), "backupWindow", errors);
    Retry retry = retry(spec.getRetry(), errors);
    if (!errors.isEmpty()) {
      throw new InvalidSpecException(errors).under(PATH);
    }
    DailyType dailyType = spec.getDailyType() == null ? null : spec.getDailyType();
    return new Schedule(type, dailyType, dailyTime, every, offset == null ? 0 : offset, periodicWindow, backupWindow,
        retry);
  }

  static BackupWindow window(BackupWindowSpec spec, String field, List<FieldError> errors) {
    if (spec == null) {
      return null;
    }
    try {
      return BackupWindow.parse(spec.getAllow(), spec.getDeny(), spec.getMinuteOffset());
    } catch (InvalidSpecException e) {
      e.errors().forEach(error -> errors.add(error.under(field)));
      return null;
    }
  }

  private static Retry retry(RetrySpec spec, List<FieldError> errors) {
    if (spec == null) {
      return Retry.DEFAULT;
    }
    int count = spec.getCount() == null ? Retry.DEFAULT.count() : spec.getCount();
    int wait = spec.getWaitMinutes() == null ? Retry.DEFAULT.waitMinutes() : spec.getWaitMinutes();
    if (count < 1 || count > 777) {
      errors.add(new FieldError("retry.count", "must be between 1 and 777, not " + count));
    }
    if (wait < 1 || wait > 999) {
      errors.add(new FieldError("retry.waitMinutes", "must be between 1 and 999, not " + wait));
    }
    return new Retry(spec.getEnabled() == null || spec.getEnabled(), count, wait);
  }

  /**
   * The spec form of a schedule, for export: only what the type uses, defaults left out (retry
   * when it is VB365's default, a zero offset), windows in their shorter human form.
   */
  public static SchedulePolicySpec toSpec(Schedule schedule) {
    Schedule s = schedule.normalized();
    SchedulePolicySpec spec = new SchedulePolicySpec();
    spec.setType(s.type());
    if (s.dailyType() != null) {
      spec.setDailyType(s.dailyType());
    }
    if (s.dailyTime() != null) {
      spec.setDailyTime(s.dailyTime().toString());
    }
    if (s.periodicallyEvery() != null) {
      spec.setPeriodicallyEvery(s.periodicallyEvery());
    }
    if (s.periodicallyOffsetMinutes() != 0) {
      spec.setPeriodicallyOffsetMinutes(s.periodicallyOffsetMinutes());
    }
    spec.setPeriodicallyWindow(windowSpec(s.periodicallyWindow()));
    spec.setBackupWindow(windowSpec(s.backupWindow()));
    if (!s.retry().equals(Retry.DEFAULT)) {
      Retry r = schedule.retry();
      spec.setRetry(r.enabled() ? new RetrySpec(null, r.count(), r.waitMinutes()) : new RetrySpec(false, null, null));
    }
    return spec;
  }

  static BackupWindowSpec windowSpec(BackupWindow window) {
    if (window == null) {
      return null;
    }
    BackupWindow.HumanForm form = window.toHumanForm();
    BackupWindowSpec spec = new BackupWindowSpec(form.allow(), form.deny());
    spec.setMinuteOffset(window.minuteOffset());
    return spec;
  }
}
