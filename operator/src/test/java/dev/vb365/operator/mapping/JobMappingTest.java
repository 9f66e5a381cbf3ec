package dev.vb365.operator.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vb365.operator.sync.BackupItem;
import dev.vb365.operator.api.BackupType;
import dev.vb365.operator.api.DailyType;
import dev.vb365.operator.sync.DesiredJob;
import dev.vb365.operator.sync.ItemKey;
import dev.vb365.operator.sync.ItemOptions;
import dev.vb365.operator.api.ItemType;
import dev.vb365.operator.sync.JobDiff;
import dev.vb365.operator.sync.ItemNames;
import dev.vb365.operator.sync.ObservedItem;
import dev.vb365.operator.sync.ObservedJob;
import dev.vb365.operator.sync.Operation;
import dev.vb365.operator.sync.Plan;
import dev.vb365.operator.sync.Schedule;
import dev.vb365.operator.veeam.model.Job;
import dev.vb365.operator.veeam.model.JobEdit;
import dev.vb365.operator.veeam.model.JobStatus;
import dev.vb365.operator.veeam.model.NewJob;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobMappingTest {

  private static final String ORG = "5db60525-e59f-49b9-b49b-407fc9bf2642";
  private static final String REPO = "2c9079b0-76b4-415f-bca8-de1450cedf79";
  private static final BackupItem ALICE = new BackupItem(ItemKey.of(ItemType.User, "u-alice"),
      new ItemOptions.UserOptions(true, true, true, true));
  private static final BackupItem INTERN = new BackupItem(ItemKey.of(ItemType.User, "u-intern"),
      new ItemOptions.UserOptions(true, false, false, false));

  private static DesiredJob desired() {
    return new DesiredJob(ORG, REPO, "Finance", "Finance mailboxes", BackupType.SelectedItems, true,
        Schedule.daily(DailyType.Workdays, LocalTime.of(22, 0)), List.of(ALICE), List.of(INTERN));
  }

  @Test
  void aCreatedJobReadsBackInSyncWithWhatWasAsked() {
    NewJob body = JobMapping.newJob(desired(), ItemObjects.none());
    // What VB365 answers to that body: the same job with an id and eTag 1.
    Job created = new Job("J-1", body.name(), body.description(), body.organizationId(), body.repositoryId(),
        body.backupType(), true, body.schedulePolicy(), null, Instant.parse("2026-03-02T22:00:00Z"), null,
        JobStatus.STOPPED, 1L);
    List<ObservedItem> selected = List.of(new ObservedItem("i-1",
        ItemMapping.toDomain(body.selectedItems().get(0).withId("i-1"))));
    List<ObservedItem> excluded = List.of(new ObservedItem("i-2",
        ItemMapping.toDomain(body.excludedItems().get(0).withId("i-2"))));

    ObservedJob observed = JobMapping.toObserved(created, selected, excluded);

    assertThat(JobDiff.diff(desired(), observed, ItemNames.none()).inSync()).isTrue();
    assertThat(observed.id()).isEqualTo("j-1");
    assertThat(observed.versionStamp()).isEqualTo("1");
    assertThat(observed.lastStatus()).isEqualTo("Stopped");
    assertThat(body.selectedItems()).hasSize(1);
    assertThat(body.excludedItems()).hasSize(1);
    assertThat(body.isEnabled()).isTrue();
  }

  @Test
  void theSettingsPutCarriesEverySettingAndNoItems() {
    ObservedJob observed = JobMapping.toObserved(new Job("j-1", "Finance", "old", ORG, REPO,
        dev.vb365.operator.veeam.model.BackupType.SELECTED_ITEMS, true, ScheduleMapping.toVeeam(Schedule.DEFAULT), null,
        null, null, null, 3L), List.of(new ObservedItem("i-1", ALICE)), List.of(new ObservedItem("i-2", INTERN)));
    Plan plan = JobDiff.diff(desired(), observed, ItemNames.none());

    Operation.UpdateJobSettings update = (Operation.UpdateJobSettings) plan.operations().get(0);
    JobEdit edit = JobMapping.edit(update, ItemObjects.none());

    assertThat(plan.operations()).hasSize(1);
    assertThat(edit.description()).isEqualTo("Finance mailboxes");
    assertThat(edit.schedulePolicy().dailyType()).isEqualTo(dev.vb365.operator.veeam.model.DailyType.WORKDAYS);
    assertThat(edit.isEnabled()).isTrue();
    assertThat(edit.selectedItems()).isNull();
    assertThat(edit.excludedItems()).isNull();
  }

  @Test
  void switchingToSelectedItemsSendsTheItemsInThePut() {
    ObservedJob whole = JobMapping.toObserved(new Job("j-1", "Finance", "Finance mailboxes", ORG, REPO,
        dev.vb365.operator.veeam.model.BackupType.ENTIRE_ORGANIZATION, true,
        ScheduleMapping.toVeeam(Schedule.daily(DailyType.Workdays, LocalTime.of(22, 0))), null, null, null, null, 3L),
        List.of(), List.of(new ObservedItem("i-2", INTERN)));

    Plan plan = JobDiff.diff(desired(), whole, ItemNames.none());
    JobEdit edit = JobMapping.edit((Operation.UpdateJobSettings) plan.operations().get(0), ItemObjects.none());

    assertThat(plan.operations()).hasSize(1);
    assertThat(edit.backupType()).isEqualTo(dev.vb365.operator.veeam.model.BackupType.SELECTED_ITEMS);
    assertThat(edit.selectedItems()).hasSize(1);
  }

  @Test
  void unknownStatusesAndBackupTypes() {
    assertThat(JobMapping.lastStatus(JobStatus.UNKNOWN)).isEqualTo("Unknown");
    assertThat(JobMapping.lastStatus(JobStatus.SUCCESS)).isEqualTo("Success");
    assertThat(JobMapping.lastStatus(null)).isNull();
    assertThatThrownBy(() -> JobMapping.backupType(dev.vb365.operator.veeam.model.BackupType.UNKNOWN))
        .isInstanceOf(UnreadableJobException.class);
  }
}
