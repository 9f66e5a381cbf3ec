package dev.vb365.operator.sync;

import dev.vb365.operator.api.BackupCopyJobSpec;
import dev.vb365.operator.api.CopySchedulePolicySpec;
import dev.vb365.operator.api.CopyScheduleType;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A BackupCopyJob's spec checked and turned into the copy job's settings: the same checks the CRD's schema and CEL
 * rules make (clusters and clients that skip them get the same messages here), then {@link CopySchedule}. Pure.
 */
public final class CopyJobSpecMapper {

  public static final String SCHEDULE_PATH = "spec.schedulePolicy";
  private static final Pattern UUID = Pattern.compile(
      "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
  private static final Pattern OBJECT_NAME = Pattern.compile("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$");

  private CopyJobSpecMapper() {
  }

  /** Every problem of the spec, each naming its field; empty: the spec can be reconciled. */
  public static List<FieldError> validate(BackupCopyJobSpec spec) {
    List<FieldError> errors = new ArrayList<>();
    if (spec == null) {
      errors.add(new FieldError("spec", "required: backupJobRef and repository"));
      return errors;
    }
    if (spec.unreadable() != null) {
      spec.unreadable().problems().forEach(p -> errors.add(new FieldError(p.path(), p.problem())));
      return errors;
    }
    String name = spec.backupJobName();
    if (name == null || name.isBlank()) {
      errors.add(new FieldError("spec.backupJobRef.name", "required: the name of a BackupJob in this namespace"));
    } else if (!OBJECT_NAME.matcher(name).matches()) {
      errors.add(new FieldError("spec.backupJobRef.name", "\"" + name + "\" is not a Kubernetes object name"));
    }
    SpecValidation.reference(errors, "spec.repository", spec.getRepository());
    if (spec.copyJobIdToAdopt() != null && !UUID.matcher(spec.copyJobIdToAdopt()).matches()) {
      errors.add(new FieldError("spec.copyJobId", "\"" + spec.getCopyJobId() + "\" is not a VB365 id (a UUID)"));
    }
    try {
      schedule(spec.getSchedulePolicy());
    } catch (InvalidSpecException e) {
      errors.addAll(e.errors());
    }
    return errors;
  }

  /** The copy schedule the spec asks for (omitted: Immediate). */
  public static CopySchedule schedule(CopySchedulePolicySpec spec) {
    if (spec == null) {
      return CopySchedule.IMMEDIATE;
    }
    List<FieldError> errors = new ArrayList<>();
    CopyScheduleType type = spec.getType();
    if (type == null) {
      errors.add(new FieldError("type", "required: Immediate, Periodically or Daily"));
      throw new InvalidSpecException(errors).under(SCHEDULE_PATH);
    }
    boolean daily = type == CopyScheduleType.Daily;
    LocalTime dailyTime = null;
    if (daily && spec.getDailyTime() == null) {
      errors.add(new FieldError("dailyTime", "required when type is Daily (HH:MM, e.g. \"23:30\")"));
    } else if (spec.getDailyTime() != null) {
      if (!daily) {
        errors.add(new FieldError("dailyTime", "applies only when type is Daily, not " + type));
      } else if (!SchedulePolicyMapper.DAILY_TIME.matcher(spec.getDailyTime()).matches()) {
        errors.add(new FieldError("dailyTime", "\"" + spec.getDailyTime()
            + "\" is not a time of day HH:MM on a 24-hour clock (e.g. \"23:30\")"));
      } else {
        dailyTime = LocalTime.parse(spec.getDailyTime());
      }
    }
    if (spec.getDailyType() != null && !daily) {
      errors.add(new FieldError("dailyType", "applies only when type is Daily, not " + type));
    }
    boolean periodic = type == CopyScheduleType.Periodically;
    if (periodic && spec.getPeriodicallyEvery() == null) {
      errors.add(new FieldError("periodicallyEvery", "required when type is Periodically"));
    } else if (!periodic && spec.getPeriodicallyEvery() != null) {
      errors.add(new FieldError("periodicallyEvery", "applies only when type is Periodically, not " + type));
    }
    BackupWindow window = SchedulePolicyMapper.window(spec.getCopyWindow(), "copyWindow", errors);
    if (!errors.isEmpty()) {
      throw new InvalidSpecException(errors).under(SCHEDULE_PATH);
    }
    return new CopySchedule(type, spec.getDailyType(), dailyTime, spec.getPeriodicallyEvery(), window);
  }

  /** The human form of a copy schedule VB365 has (for export). */
  public static CopySchedulePolicySpec toSpec(CopySchedule schedule) {
    CopySchedulePolicySpec spec = new CopySchedulePolicySpec();
    spec.setType(schedule.type());
    if (schedule.type() == CopyScheduleType.Daily) {
      spec.setDailyType(schedule.dailyType());
      spec.setDailyTime(schedule.dailyTime() == null ? null
          : String.format("%02d:%02d", schedule.dailyTime().getHour(), schedule.dailyTime().getMinute()));
    }
    spec.setPeriodicallyEvery(schedule.periodicallyEvery());
    spec.setCopyWindow(SchedulePolicyMapper.windowSpec(schedule.window()));
    return spec;
  }
}
