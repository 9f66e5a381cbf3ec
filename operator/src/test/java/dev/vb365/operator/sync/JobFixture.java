package dev.vb365.operator.sync;

import dev.vb365.operator.api.ItemType;
import dev.vb365.operator.api.DailyType;
import dev.vb365.operator.api.BackupType;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One job described once, turned into a DesiredJob or an ObservedJob, so a test case states only
 * how the two sides differ. Observed item ids are "sel:KEY" / "exc:KEY".
 */
final class JobFixture {

  static final String ORG = "5db60525-e59f-49b9-b49b-407fc9bf2642";
  static final String REPO = "2c9079b0-76b4-415f-bca8-de1450cedf79";
  static final String JOB_ID = "31a66931-b5d3-49f7-bba1-c46db49d3d14";

  String organizationId = ORG;
  String repositoryId = REPO;
  String name = "Finance";
  String description = "Finance mailboxes and sites";
  BackupType backupType = BackupType.SelectedItems;
  boolean enabled = true;
  Schedule schedule = Schedule.daily(DailyType.Workdays, LocalTime.of(22, 0))
      .withBackupWindow(BackupWindow.parse(List.of("Mon-Fri 20:00-06:00"), null, null));
  List<BackupItem> selected = new ArrayList<>(List.of(
      group("9592732d-finance", true),
      site("e1fa728c-finance")));
  List<BackupItem> excluded = new ArrayList<>(List.of(user("2b38d840-intern", true, false)));
  Long eTag = 7L;
  String lastStatus = "Success";

  static JobFixture base() {
    return new JobFixture();
  }

  JobFixture with(UnaryOperator<JobFixture> change) {
    return change.apply(this);
  }

  DesiredJob desired() {
    return new DesiredJob(organizationId, repositoryId, name, description, backupType, enabled, schedule, selected,
        excluded);
  }

  ObservedJob observed() {
    return new ObservedJob(JOB_ID, eTag, organizationId, repositoryId, name, description, backupType, enabled, schedule,
        observedItems("sel:", selected), observedItems("exc:", excluded), lastStatus,
        Instant.parse("2026-11-20T22:00:00Z"), Instant.parse("2026-11-23T22:00:00Z"));
  }

  static List<ObservedItem> observedItems(String prefix, List<BackupItem> items) {
    List<ObservedItem> out = new ArrayList<>();
    java.util.Set<ItemKey> seen = new java.util.HashSet<>();
    for (BackupItem item : items) {
      // VB365 gives each item its own id, even a second one for the same object.
      out.add(new ObservedItem(prefix + item.key() + (seen.add(item.key()) ? "" : "#2"), item));
    }
    return out;
  }

  static BackupItem user(String id, boolean mailbox, boolean oneDrive) {
    return new BackupItem(ItemKey.of(ItemType.User, id), new ItemOptions.UserOptions(mailbox, false, oneDrive, false));
  }

  static BackupItem group(String id, boolean members) {
    return new BackupItem(ItemKey.of(ItemType.Group, id),
        new ItemOptions.GroupOptions(true, true, members, members, false, false, false));
  }

  static BackupItem site(String id) {
    return new BackupItem(ItemKey.of(ItemType.Site, id), new ItemOptions.NoOptions(ItemType.Site));
  }

  static BackupItem folders(String... folders) {
    return new BackupItem(ItemKey.singleton(ItemType.OneDriveFolders), new ItemOptions.FolderOptions(List.of(folders)));
  }
}
