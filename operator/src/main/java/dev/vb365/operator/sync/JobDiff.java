package dev.vb365.operator.sync;

import dev.vb365.operator.api.BackupType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The pure heart of reconciliation: {@code diff(desired, observed)} is the plan of VB365 writes
 * with the fewest calls, plus the differences in words. Everything is compared after
 * normalization (defaults, null vs false, order of items and folders, case of ids), so a job that
 * matches gives an empty plan and a no-op resync writes nothing.
 */
public final class JobDiff {

  private JobDiff() {
  }

  /**
   * @param observed the job as VB365 has it, or null when it does not exist yet
   * @param names what people call the objects of the items (besides the names VB365 lists them with), for the
   *     differences in words
   */
  public static Plan diff(DesiredJob desired, ObservedJob observed, ItemNames names) {
    Objects.requireNonNull(desired, "desired");
    if (observed == null) {
      return new Plan(List.of(new Operation.CreateJob(desired)), List.of(Difference.of("job", null, desired.name())),
          List.of());
    }
    ItemNames known = names.orListedIn(observed);
    List<Difference> differences = new ArrayList<>();
    List<String> blockers = new ArrayList<>();
    if (!desired.organizationId().equals(observed.organizationId())) {
      differences.add(Difference.of("organization", observed.organizationId(), desired.organizationId()));
      blockers.add("the VB365 job belongs to organization " + observed.organizationId() + ", not to "
          + desired.organizationId() + " named in spec.organization; VB365 cannot move a job to another "
          + "organization");
    }

    List<Difference> settings = settingsDifferences(desired, observed);
    differences.addAll(settings);
    boolean enabledDiffers = desired.enabled() != observed.enabled();
    if (enabledDiffers) {
      differences.add(Difference.of("enabled", observed.enabled(), desired.enabled()));
    }

    boolean switchToSelected = desired.backupType() == BackupType.SelectedItems
        && observed.backupType() == BackupType.EntireOrganization;
    ItemDiff.Changes selected = ItemDiff.diff(Scope.Selected, desired.selectedItems(), observed.selectedItems());
    ItemDiff.Changes excluded = ItemDiff.diff(Scope.Excluded, desired.excludedItems(), observed.excludedItems());
    if (selected.difference(known) != null) {
      differences.add(selected.difference(known));
    }
    if (excluded.difference(known) != null) {
      differences.add(excluded.difference(known));
    }

    List<Operation> ops = new ArrayList<>();
    if (!blockers.isEmpty()) {
      return new Plan(ops, differences, blockers);
    }
    if (!settings.isEmpty()) {
      // One PUT carries every setting, isEnabled included, so no separate enable/disable call.
      List<BackupItem> inline = switchToSelected ? selected.added() : List.of();
      ops.add(new Operation.UpdateJobSettings(settingsToSend(desired, observed), inline));
      if (switchToSelected) {
        selected = selected.withoutAdded();
      }
    }
    ops.addAll(selected.operations());
    ops.addAll(excluded.operations());
    if (settings.isEmpty() && enabledDiffers) {
      ops.add(desired.enabled() ? new Operation.EnableJob() : new Operation.DisableJob());
    }
    return new Plan(ops, differences, blockers);
  }

  /** Differences of everything the settings PUT sets, except isEnabled (which has its own calls). */
  static List<Difference> settingsDifferences(DesiredJob desired, ObservedJob observed) {
    List<Difference> out = new ArrayList<>();
    if (!desired.name().equals(observed.name())) {
      out.add(Difference.of("jobName", observed.name(), desired.name()));
    }
    if (!desired.description().equals(observed.description())) {
      out.add(Difference.of("description", observed.description(), desired.description()));
    }
    if (desired.backupType() != observed.backupType()) {
      out.add(Difference.of("backupType", observed.backupType(), desired.backupType()));
    }
    if (!desired.repositoryId().equals(observed.repositoryId())) {
      out.add(Difference.of("repository", observed.repositoryId(), desired.repositoryId()));
    }
    out.addAll(scheduleDifferences(desired.schedule(), observed.schedule()));
    return out;
  }

  /** Field by field, after {@link Schedule#normalized()}. */
  public static List<Difference> scheduleDifferences(Schedule desiredSchedule, Schedule observedSchedule) {
    Schedule d = desiredSchedule.normalized();
    Schedule o = observedSchedule.normalized();
    String p = "schedulePolicy.";
    List<Difference> out = new ArrayList<>();
    if (d.type() != o.type()) {
      out.add(Difference.of(p + "type", o.type(), d.type()));
    }
    if (d.dailyType() != o.dailyType()) {
      out.add(Difference.of(p + "dailyType", o.dailyType(), d.dailyType()));
    }
    if (!Objects.equals(d.dailyTime(), o.dailyTime())) {
      out.add(Difference.of(p + "dailyTime", o.dailyTime(), d.dailyTime()));
    }
    if (d.periodicallyEvery() != o.periodicallyEvery()) {
      out.add(Difference.of(p + "periodicallyEvery", o.periodicallyEvery(), d.periodicallyEvery()));
    }
    if (d.periodicallyOffsetMinutes() != o.periodicallyOffsetMinutes()) {
      out.add(Difference.of(p + "periodicallyOffsetMinutes", o.periodicallyOffsetMinutes(),
          d.periodicallyOffsetMinutes()));
    }
    if (!windowsMatch(d.periodicallyWindow(), o.periodicallyWindow())) {
      out.add(Difference.of(p + "periodicallyWindow", o.periodicallyWindow(), d.periodicallyWindow()));
    }
    if (!windowsMatch(d.backupWindow(), o.backupWindow())) {
      out.add(Difference.of(p + "backupWindow", o.backupWindow(), d.backupWindow()));
    }
    Retry dr = d.retry();
    Retry or = o.retry();
    if (dr.enabled() != or.enabled()) {
      out.add(Difference.of(p + "retry.enabled", or.enabled(), dr.enabled()));
    }
    if (dr.count() != or.count() && dr.enabled() && or.enabled()) {
      out.add(Difference.of(p + "retry.count", or.count(), dr.count()));
    }
    if (dr.waitMinutes() != or.waitMinutes() && dr.enabled() && or.enabled()) {
      out.add(Difference.of(p + "retry.waitMinutes", or.waitMinutes(), dr.waitMinutes()));
    }
    return out;
  }

  /** A desired window without a minute offset accepts VB365's offset: only the hours count then. */
  static boolean windowsMatch(BackupWindow desired, BackupWindow observed) {
    if (desired == null || observed == null) {
      return desired == observed;
    }
    return desired.sameHours(observed)
        && (desired.minuteOffset() == null || desired.minuteOffset().equals(observed.minuteOffset()));
  }

  /** The desired settings, with VB365's minute offsets kept where the spec states none. */
  private static JobSettings settingsToSend(DesiredJob desired, ObservedJob observed) {
    Schedule s = desired.schedule();
    Schedule o = observed.schedule();
    Schedule send = new Schedule(s.type(), s.dailyType(), s.dailyTime(), s.periodicallyEvery(),
        s.periodicallyOffsetMinutes(), keepOffset(s.periodicallyWindow(), o.periodicallyWindow()),
        keepOffset(s.backupWindow(), o.backupWindow()), s.retry());
    return new JobSettings(desired.name(), desired.description(), desired.backupType(), desired.repositoryId(),
        desired.enabled(), send);
  }

  private static BackupWindow keepOffset(BackupWindow desired, BackupWindow observed) {
    if (desired == null || desired.minuteOffset() != null || observed == null) {
      return desired;
    }
    return desired.withMinuteOffset(observed.minuteOffset());
  }
}
