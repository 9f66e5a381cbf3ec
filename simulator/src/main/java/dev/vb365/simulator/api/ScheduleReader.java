package dev.vb365.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vb365.simulator.ApiVersion;
import dev.vb365.simulator.http.ApiException;
import dev.vb365.simulator.http.LenientObject;
import dev.vb365.simulator.model.BackupWindow;
import dev.vb365.simulator.model.CopySchedulePolicy;
import dev.vb365.simulator.model.CopyScheduleType;
import dev.vb365.simulator.model.DailyKind;
import dev.vb365.simulator.model.PeriodicInterval;
import dev.vb365.simulator.model.SchedulePolicy;
import dev.vb365.simulator.model.ScheduleType;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads RESTJobSchedulePolicy. The type is required; Daily needs dailyTime (dailyType defaults to
 * Everyday), Periodically needs periodicallyEvery; an enabled backup window needs its 168 hourly values.
 * Values of fields that do not apply to the type are still validated and kept, as the server echoes them.
 */
final class ScheduleReader {
  private ScheduleReader() {
  }

  static SchedulePolicy read(LenientObject p, ApiVersion version) {
    ScheduleType type = p.enumValue("type", ScheduleType.class)
        .orElseThrow(() -> ApiException.invalid("'" + p.path("type") + "' is required (Periodically, Daily or ManualOnly)"));
    Optional<PeriodicInterval> every = p.enumValue("periodicallyEvery", PeriodicInterval.class);
    if (every.orElse(null) == PeriodicInterval.Hours12 && version != ApiVersion.V8) {
      throw ApiException.invalid("The value 'Hours12' of '" + p.path("periodicallyEvery") + "' is not valid in "
          + version.id() + ". Valid values: Minutes5, Minutes10, Minutes15, Minutes30, Hours1, Hours2, Hours4, Hours8");
    }
    Optional<DailyKind> dailyType = p.enumValue("dailyType", DailyKind.class);
    Optional<LocalTime> dailyTime = p.text("dailyTime").map(t -> time(t, p.path("dailyTime")));
    if (type == ScheduleType.Daily && dailyTime.isEmpty()) {
      throw ApiException.invalid("'" + p.path("dailyTime") + "' is required when the schedule type is Daily");
    }
    if (type == ScheduleType.Periodically && every.isEmpty()) {
      throw ApiException.invalid("'" + p.path("periodicallyEvery") + "' is required when the schedule type is Periodically");
    }
    Integer offset = p.integer("periodicallyOffsetMinutes").orElse(null);
    if (offset != null && (offset < 0 || offset > 1439)) {
      throw ApiException.invalid("'" + p.path("periodicallyOffsetMinutes") + "' must be between 0 and 1439, got " + offset);
    }
    boolean windowEnabled = p.bool("backupWindowEnabled").orElse(false);
    BackupWindow window = p.object("backupWindowSettings").map(ScheduleReader::window).orElse(null);
    if (windowEnabled && window == null) {
      throw ApiException.invalid("'" + p.path("backupWindowSettings") + "' is required when backupWindowEnabled is true");
    }
    boolean periodicWindowEnabled = version != ApiVersion.V6 && p.bool("periodicallyWindowEnabled").orElse(false);
    BackupWindow periodicWindow = p.object("periodicallyWindowSettings").map(ScheduleReader::window).orElse(null);
    if (periodicWindowEnabled && periodicWindow == null) {
      throw ApiException.invalid("'" + p.path("periodicallyWindowSettings")
          + "' is required when periodicallyWindowEnabled is true");
    }
    int retryNumber = p.integer("retryNumber").orElse(SchedulePolicy.DEFAULT_RETRY_NUMBER);
    int retryWait = p.integer("retryWaitInterval").orElse(SchedulePolicy.DEFAULT_RETRY_WAIT_MINUTES);
    if (retryNumber < 0) {
      throw ApiException.invalid("'" + p.path("retryNumber") + "' must not be negative, got " + retryNumber);
    }
    if (retryWait < 0) {
      throw ApiException.invalid("'" + p.path("retryWaitInterval") + "' must not be negative, got " + retryWait);
    }
    return new SchedulePolicy(
        p.bool("scheduleEnabled").orElse(type != ScheduleType.ManualOnly),
        type,
        every.orElse(null),
        offset,
        dailyTime.isPresent() || type == ScheduleType.Daily ? dailyType.orElse(DailyKind.Everyday) : dailyType.orElse(null),
        dailyTime.orElse(null),
        windowEnabled,
        window,
        periodicWindowEnabled,
        periodicWindow,
        p.bool("retryEnabled").orElse(true),
        retryNumber,
        retryWait);
  }

  /**
   * Reads RESTCopyJobSchedulePolicy: type Immediate, Periodically (needs periodicallyEvery; Hours12 only in
   * v8) or DailyAtTime (needs dailyTime; dailyType defaults to Everyday); an enabled backup copy window needs
   * its 168 hourly values (backupCopyWindowSettings has the backup window's schema, RESTBackupWindowSettings).
   */
  static CopySchedulePolicy readCopy(LenientObject p, ApiVersion version) {
    CopyScheduleType type = p.enumValue("type", CopyScheduleType.class).orElseThrow(() ->
        ApiException.invalid("'" + p.path("type") + "' is required (Immediate, Periodically or DailyAtTime)"));
    Optional<PeriodicInterval> every = p.enumValue("periodicallyEvery", PeriodicInterval.class);
    if (every.orElse(null) == PeriodicInterval.Hours12 && version != ApiVersion.V8) {
      throw ApiException.invalid("The value 'Hours12' of '" + p.path("periodicallyEvery") + "' is not valid in "
          + version.id() + ". Valid values: Minutes5, Minutes10, Minutes15, Minutes30, Hours1, Hours2, Hours4, Hours8");
    }
    Optional<DailyKind> dailyType = p.enumValue("dailyType", DailyKind.class);
    Optional<LocalTime> dailyTime = p.text("dailyTime").map(t -> time(t, p.path("dailyTime")));
    if (type == CopyScheduleType.DailyAtTime && dailyTime.isEmpty()) {
      throw ApiException.invalid("'" + p.path("dailyTime") + "' is required when the schedule type is DailyAtTime");
    }
    if (type == CopyScheduleType.Periodically && every.isEmpty()) {
      throw ApiException.invalid("'" + p.path("periodicallyEvery")
          + "' is required when the schedule type is Periodically");
    }
    boolean windowEnabled = p.bool("backupCopyWindowEnabled").orElse(false);
    BackupWindow window = p.object("backupCopyWindowSettings").map(ScheduleReader::window).orElse(null);
    if (windowEnabled && window == null) {
      throw ApiException.invalid("'" + p.path("backupCopyWindowSettings")
          + "' is required when backupCopyWindowEnabled is true");
    }
    return new CopySchedulePolicy(type, every.orElse(null),
        dailyTime.isPresent() ? dailyType.orElse(DailyKind.Everyday) : dailyType.orElse(null),
        dailyTime.orElse(null), windowEnabled, window);
  }

  private static LocalTime time(String text, String field) {
    try {
      return LocalTime.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw ApiException.invalid("The value '" + text + "' of '" + field
          + "' is not a valid time of day (expected HH:mm or HH:mm:ss, for example 22:00:00)");
    }
  }

  private static BackupWindow window(LenientObject w) {
    List<JsonNode> values = w.array("backupWindow")
        .orElseThrow(() -> ApiException.invalid("'" + w.path("backupWindow") + "' is required"));
    if (values.size() != BackupWindow.HOURS_PER_WEEK) {
      throw ApiException.invalid("'" + w.path("backupWindow") + "' must contain 168 boolean values (7 days of 24 hours,"
          + " starting on Sunday), got " + values.size());
    }
    List<Boolean> hours = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      if (!values.get(i).isBoolean()) {
        throw ApiException.invalid("'" + w.path("backupWindow") + "[" + i + "]' must be a boolean, got " + values.get(i));
      }
      hours.add(values.get(i).booleanValue());
    }
    int offset = w.integer("minuteOffset").orElse(0);
    if (offset < -1440 || offset > 1440) {
      throw ApiException.invalid("'" + w.path("minuteOffset") + "' must be between -1440 and 1440, got " + offset);
    }
    return new BackupWindow(hours, offset);
  }
}
