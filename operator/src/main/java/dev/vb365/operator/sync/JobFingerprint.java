package dev.vb365.operator.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * A stable version stamp for jobs of API versions without an eTag (v6, v7): a hash of what the
 * operator manages (settings, schedule and items, normalized and sorted), not of run state
 * (lastStatus, lastRun, nextRun) or VB365's item ids. Equal jobs give equal fingerprints whatever
 * the order VB365 lists items in; any change a user could make gives a different one.
 */
public final class JobFingerprint {

  private static final String PREFIX = "fp-";

  private JobFingerprint() {
  }

  public static String of(ObservedJob job) {
    StringBuilder text = new StringBuilder();
    line(text, "organization", job.organizationId());
    line(text, "repository", job.repositoryId());
    line(text, "name", job.name());
    line(text, "description", job.description());
    line(text, "backupType", job.backupType());
    line(text, "enabled", job.enabled());
    Schedule s = job.schedule().normalized();
    line(text, "schedule.type", s.type());
    line(text, "schedule.dailyType", s.dailyType());
    line(text, "schedule.dailyTime", s.dailyTime());
    line(text, "schedule.periodicallyEvery", s.periodicallyEvery());
    line(text, "schedule.periodicallyOffsetMinutes", s.periodicallyOffsetMinutes());
    line(text, "schedule.periodicallyWindow", window(s.periodicallyWindow()));
    line(text, "schedule.backupWindow", window(s.backupWindow()));
    line(text, "schedule.retry", s.retry());
    items(text, "selected", job.selectedItems());
    items(text, "excluded", job.excludedItems());
    return PREFIX + HexFormat.of().formatHex(sha256(text.toString()), 0, 12);
  }

  /** The same for a backup copy job (v6, v7): its settings, not its run state. */
  public static String ofCopyJob(String backupJobId, String repositoryId, boolean enabled, CopySchedule schedule) {
    StringBuilder text = new StringBuilder();
    line(text, "backupJob", backupJobId == null ? null : backupJobId.toLowerCase(java.util.Locale.ROOT));
    line(text, "repository", repositoryId == null ? null : repositoryId.toLowerCase(java.util.Locale.ROOT));
    line(text, "enabled", enabled);
    if (schedule != null) {
      line(text, "schedule.type", schedule.type());
      line(text, "schedule.dailyType", schedule.dailyType());
      line(text, "schedule.dailyTime", schedule.dailyTime());
      line(text, "schedule.periodicallyEvery", schedule.periodicallyEvery());
      line(text, "schedule.window", window(schedule.window()));
    }
    return PREFIX + HexFormat.of().formatHex(sha256(text.toString()), 0, 12);
  }

  private static void items(StringBuilder text, String list, List<ObservedItem> items) {
    items.stream().map(ObservedItem::item).sorted(Comparator.comparing(BackupItem::key))
        .forEach(item -> line(text, list, item.key() + " " + item.options().values()));
  }

  private static String window(BackupWindow window) {
    if (window == null) {
      return null;
    }
    StringBuilder bits = new StringBuilder();
    window.toHours().forEach(allowed -> bits.append(allowed ? '1' : '0'));
    return bits + " offset " + window.minuteOffset();
  }

  // Length-prefixed values: no value can be crafted to look like two.
  private static void line(StringBuilder text, String key, Object value) {
    String v = String.valueOf(value);
    text.append(key).append('=').append(v.length()).append(':').append(v).append('\n');
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
