package dev.vb365.operator.sync;

import dev.vb365.operator.api.ItemType;
import dev.vb365.operator.api.PeriodicInterval;
import dev.vb365.operator.api.DailyType;
import dev.vb365.operator.api.ScheduleType;
import dev.vb365.operator.api.BackupType;
import static dev.vb365.operator.sync.JobFixture.base;
import static dev.vb365.operator.sync.JobFixture.folders;
import static dev.vb365.operator.sync.JobFixture.group;
import static dev.vb365.operator.sync.JobFixture.site;
import static dev.vb365.operator.sync.JobFixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.sync.Operation.AddItems;
import dev.vb365.operator.sync.Operation.CreateJob;
import dev.vb365.operator.sync.Operation.DisableJob;
import dev.vb365.operator.sync.Operation.EditItem;
import dev.vb365.operator.sync.Operation.EnableJob;
import dev.vb365.operator.sync.Operation.RemoveItems;
import dev.vb365.operator.sync.Operation.UpdateJobSettings;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JobDiffTest {

  private static final BackupItem ALICE = user("2b38d840-alice", true, true);
  private static final BackupItem BOB = user("2b38d840-bob", true, false);
  /** What the resolve step looked up; the site and the intern are known by id only. */
  private static final ItemNames NAMES = ItemNames.of(java.util.Map.of(ALICE.key(), "alice@contoso.com", BOB.key(),
      "bob@contoso.com", ItemKey.of(ItemType.Group, "9592732d-finance"), "finance@contoso.com"));

  /** VB365 holds the job differently in form but not in meaning: nothing to write, nothing to report. */
  static Stream<Arguments> noOps() {
    return Stream.of(
        Arguments.of("identical", same()),
        Arguments.of("items listed in another order", (UnaryOperator<JobFixture>) f -> {
          Collections.reverse(f.selected);
          return f;
        }),
        Arguments.of("ids in upper case", (UnaryOperator<JobFixture>) f -> {
          f.organizationId = f.organizationId.toUpperCase(Locale.ROOT);
          f.repositoryId = f.repositoryId.toUpperCase(Locale.ROOT);
          f.selected = List.of(group("9592732D-FINANCE", true), site("E1FA728C-FINANCE"));
          return f;
        }),
        Arguments.of("leftover periodic fields on a daily schedule", (UnaryOperator<JobFixture>) f -> {
          f.schedule = new Schedule(ScheduleType.Daily, DailyType.Workdays, LocalTime.of(22, 0, 0),
              PeriodicInterval.Hours1, 30, BackupWindow.parse(List.of("Mon"), null, null), f.schedule.backupWindow(),
              Retry.DEFAULT);
          return f;
        }),
        Arguments.of("dailyTime with seconds, as VB365 sends it", (UnaryOperator<JobFixture>) f -> {
          f.schedule = new Schedule(ScheduleType.Daily, DailyType.Workdays, LocalTime.of(22, 0, 59), null, 0, null,
              f.schedule.backupWindow(), Retry.DEFAULT);
          return f;
        }),
        Arguments.of("VB365 keeps a minute offset the spec does not state", (UnaryOperator<JobFixture>) f -> {
          f.schedule = f.schedule.withBackupWindow(f.schedule.backupWindow().withMinuteOffset(60));
          return f;
        }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("noOps")
  void equalAfterNormalizationGivesAnEmptyPlan(String name, UnaryOperator<JobFixture> observedForm) {
    Plan plan = JobDiff.diff(base().desired(), base().with(observedForm).observed(), NAMES);
    assertThat(plan.operations()).isEmpty();
    assertThat(plan.differences()).isEmpty();
    assertThat(plan.inSync()).isTrue();
    assertThat(plan.summary()).isEmpty();
  }

  /** Both sides built from the fixture, then changed; each case: the exact calls and the words. */
  static Stream<Arguments> plans() {
    return Stream.of(
        // Normalization cases that involve both sides.
        plan("retry disabled on both sides, counts differ",
            f -> f.with(x -> {
              x.schedule = x.schedule.withRetry(new Retry(false, 3, 10));
              return x;
            }),
            f -> f.with(x -> {
              x.schedule = x.schedule.withRetry(new Retry(false, 5, 1));
              return x;
            }),
            d -> List.of(), ""),
        plan("a window allowing every hour is no window",
            f -> f.with(x -> {
              x.schedule = x.schedule.withBackupWindow(BackupWindow.always());
              return x;
            }),
            f -> f.with(x -> {
              x.schedule = x.schedule.withBackupWindow(null);
              return x;
            }),
            d -> List.of(), ""),
        plan("folders in another order and case",
            f -> f.with(x -> {
              x.excluded = List.of(folders("Documents", "Desktop/Projects"));
              return x;
            }),
            f -> f.with(x -> {
              x.excluded = List.of(folders("desktop/projects/", "DOCUMENTS"));
              return x;
            }),
            d -> List.of(), ""),
        plan("member options of a group without members",
            f -> f.with(x -> {
              x.selected = List.of(new BackupItem(ItemKey.of(ItemType.Group, "g"),
                  new ItemOptions.GroupOptions(true, true, false, false, false, false, false)));
              return x;
            }),
            f -> f.with(x -> {
              x.selected = List.of(new BackupItem(ItemKey.of(ItemType.Group, "g"),
                  new ItemOptions.GroupOptions(true, true, false, true, true, true, true)));
              return x;
            }),
            d -> List.of(), ""),

        // Settings: one PUT whatever changes, isEnabled riding along.
        plan("daily time changed",
            f -> f.with(x -> {
              x.schedule = daily(x, LocalTime.of(23, 0));
              return x;
            }),
            UnaryOperator.identity(),
            d -> List.of(new UpdateJobSettings(d.settings(), List.of())),
            "schedulePolicy.dailyTime: VB365 has 22:00, spec wants 23:00"),
        plan("name and description changed",
            f -> f.with(x -> {
              x.name = "Finance EU";
              x.description = "EU only";
              return x;
            }),
            UnaryOperator.identity(),
            d -> List.of(new UpdateJobSettings(d.settings(), List.of())),
            "jobName: VB365 has \"Finance\", spec wants \"Finance EU\"; description: VB365 has \"Finance mailboxes and "
                + "sites\", spec wants \"EU only\""),
        plan("repository and backup type's neighbours",
            f -> f.with(x -> {
              x.repositoryId = "AAAAAAAA-0000-0000-0000-000000000001";
              return x;
            }),
            UnaryOperator.identity(),
            d -> List.of(new UpdateJobSettings(d.settings(), List.of())),
            "repository: VB365 has \"2c9079b0-76b4-415f-bca8-de1450cedf79\", spec wants "
                + "\"aaaaaaaa-0000-0000-0000-000000000001\""),
        plan("disabled only: the disable call, no PUT",
            f -> f.with(x -> {
              x.enabled = false;
              return x;
            }),
            UnaryOperator.identity(),
            d -> List.of(new DisableJob()),
            "enabled: VB365 has true, spec wants false"),
        plan("enabled only",
            UnaryOperator.identity(),
            f -> f.with(x -> {
              x.enabled = false;
              return x;
            }),
            d -> List.of(new EnableJob()),
            "enabled: VB365 has false, spec wants true"),
        plan("enabled and a setting: one PUT carries both",
            f -> f.with(x -> {
              x.enabled = false;
              x.schedule = daily(x, LocalTime.of(23, 0));
              return x;
            }),
            UnaryOperator.identity(),
            d -> List.of(new UpdateJobSettings(d.settings(), List.of())),
            "schedulePolicy.dailyTime: VB365 has 22:00, spec wants 23:00; enabled: VB365 has true, spec wants false"),
        plan("daily to periodically",
            f -> f.with(x -> {
              x.schedule = Schedule.periodically(PeriodicInterval.Hours4)
                  .withBackupWindow(x.schedule.backupWindow());
              return x;
            }),
            UnaryOperator.identity(),
            d -> List.of(new UpdateJobSettings(d.settings(), List.of())),
            "schedulePolicy.type: VB365 has Daily, spec wants Periodically; schedulePolicy.dailyType: VB365 has "
                + "Workdays, spec wants none; schedulePolicy.dailyTime: VB365 has 22:00, spec wants none; "
                + "schedulePolicy.periodicallyEvery: VB365 has none, spec wants Hours4"),
        plan("backup window changed",
            f -> f.with(x -> {
              x.schedule = x.schedule.withBackupWindow(BackupWindow.parse(List.of("Everyday 22:00-02:00"), null,
                  null));
              return x;
            }),
            UnaryOperator.identity(),
            d -> List.of(new UpdateJobSettings(d.settings(), List.of())),
            "schedulePolicy.backupWindow: VB365 has allow Mon-Fri 20:00-06:00, spec wants allow Everyday 22:00-02:00"),
        plan("a stated minute offset is compared",
            f -> f.with(x -> {
              x.schedule = x.schedule.withBackupWindow(x.schedule.backupWindow().withMinuteOffset(0));
              return x;
            }),
            f -> f.with(x -> {
              x.schedule = x.schedule.withBackupWindow(x.schedule.backupWindow().withMinuteOffset(60));
              return x;
            }),
            d -> List.of(new UpdateJobSettings(d.settings(), List.of())),
            "schedulePolicy.backupWindow: VB365 has allow Mon-Fri 20:00-06:00 (UTC offset 60 min), spec wants "
                + "allow Mon-Fri 20:00-06:00 (UTC offset 0 min)"),
        plan("VB365 sent no dailyTime (a null the spec calls non-nullable)",
            UnaryOperator.identity(),
            f -> f.with(x -> {
              x.schedule = daily(x, null);
              return x;
            }),
            d -> List.of(new UpdateJobSettings(d.settings(), List.of())),
            "schedulePolicy.dailyTime: VB365 has none, spec wants 22:00"),
        plan("retry count",
            f -> f.with(x -> {
              x.schedule = x.schedule.withRetry(new Retry(true, 5, 10));
              return x;
            }),
            UnaryOperator.identity(),
            d -> List.of(new UpdateJobSettings(d.settings(), List.of())),
            "schedulePolicy.retry.count: VB365 has 3, spec wants 5"),

        // Items: one call per list to add, one per list to remove, one per changed item.
        plan("one user added",
            f -> f.with(x -> {
              x.selected.add(ALICE);
              return x;
            }),
            UnaryOperator.identity(),
            d -> List.of(new AddItems(Scope.Selected, List.of(ALICE))),
            "selectedItems: 1 item only in the spec: alice@contoso.com"),
        plan("two added, one removed, one edited",
            f -> f.with(x -> {
              x.selected = List.of(group("9592732d-finance", false), ALICE, BOB);
              return x;
            }),
            UnaryOperator.identity(),
            d -> List.of(new AddItems(Scope.Selected, List.of(ALICE, BOB)),
                new EditItem(Scope.Selected, "sel:Group 9592732d-finance", group("9592732d-finance", false)),
                new RemoveItems(Scope.Selected, observed("sel:", site("e1fa728c-finance")))),
            "selectedItems: 2 items only in the spec: alice@contoso.com, bob@contoso.com; 1 item only in VB365: "
                + "Site e1fa728c-finance; 1 item with other options: finance@contoso.com (members: VB365 has true, "
                + "spec wants false; memberMailbox: VB365 has true, spec wants false)"),
        plan("excluded item edited and one removed",
            f -> f.with(x -> {
              x.excluded = List.of(user("2b38d840-intern", true, true));
              return x;
            }),
            f -> f.with(x -> {
              x.excluded = List.of(user("2b38d840-intern", true, false), BOB);
              return x;
            }),
            d -> List.of(new EditItem(Scope.Excluded, "exc:User 2b38d840-intern", user("2b38d840-intern", true, true)),
                new RemoveItems(Scope.Excluded, observed("exc:", BOB))),
            "excludedItems: 1 item only in VB365: bob@contoso.com; 1 item with other options: "
                + "User 2b38d840-intern (oneDrive: VB365 has false, spec wants true)"),
        plan("settings and both lists: PUT first, then selected, then excluded",
            f -> f.with(x -> {
              x.description = "new";
              x.selected = List.of(site("e1fa728c-finance"));
              x.excluded = List.of(user("2b38d840-intern", true, false), ALICE);
              return x;
            }),
            UnaryOperator.identity(),
            d -> List.of(new UpdateJobSettings(d.settings(), List.of()),
                new RemoveItems(Scope.Selected, observed("sel:", group("9592732d-finance", true))),
                new AddItems(Scope.Excluded, List.of(ALICE))),
            "description: VB365 has \"Finance mailboxes and sites\", spec wants \"new\"; selectedItems: 1 item only in "
                + "VB365: finance@contoso.com; excludedItems: 1 item only in the spec: alice@contoso.com"),
        plan("VB365 lists the same object twice: the extra one goes",
            UnaryOperator.identity(),
            f -> f.with(x -> {
              x.selected = List.of(group("9592732d-finance", true), site("e1fa728c-finance"),
                  group("9592732d-finance", true));
              return x;
            }),
            d -> List.of(new RemoveItems(Scope.Selected,
                observed("sel:", group("9592732d-finance", true), group("9592732d-finance", true)).subList(1, 2))),
            "selectedItems: 1 item only in VB365: finance@contoso.com"),

        // Backup type switches.
        plan("entire organization to selected items: the items ride in the PUT",
            UnaryOperator.identity(),
            f -> f.with(x -> {
              x.backupType = BackupType.EntireOrganization;
              x.selected = List.of();
              return x;
            }),
            d -> List.of(new UpdateJobSettings(d.settings(), d.selectedItems())),
            "backupType: VB365 has EntireOrganization, spec wants SelectedItems; selectedItems: 2 items only in the "
                + "spec: finance@contoso.com, Site e1fa728c-finance"),
        plan("selected items to entire organization: PUT, then the selected items go",
            f -> f.with(x -> {
              x.backupType = BackupType.EntireOrganization;
              x.selected = List.of();
              return x;
            }),
            UnaryOperator.identity(),
            d -> List.of(new UpdateJobSettings(d.settings(), List.of()),
                new RemoveItems(Scope.Selected, observed("sel:", group("9592732d-finance", true),
                    site("e1fa728c-finance")))),
            "backupType: VB365 has SelectedItems, spec wants EntireOrganization; selectedItems: 2 items only in "
                + "VB365: finance@contoso.com, Site e1fa728c-finance"));
  }

  private static Arguments plan(String name, UnaryOperator<JobFixture> desired, UnaryOperator<JobFixture> observed,
      Function<DesiredJob, List<Operation>> expectedOps, String expectedSummary) {
    return Arguments.of(name, desired, observed, expectedOps, expectedSummary);
  }

  private static List<ObservedItem> observed(String prefix, BackupItem... items) {
    return JobFixture.observedItems(prefix, List.of(items));
  }

  private static UnaryOperator<JobFixture> same() {
    return f -> f;
  }

  private static Schedule daily(JobFixture f, LocalTime time) {
    return new Schedule(ScheduleType.Daily, DailyType.Workdays, time, null, 0, null, f.schedule.backupWindow(),
        f.schedule.retry());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void planHasTheFewestCallsInOrderAndSaysWhatDiffers(String name, UnaryOperator<JobFixture> desiredChange,
      UnaryOperator<JobFixture> observedChange, Function<DesiredJob, List<Operation>> expectedOps,
      String expectedSummary) {
    DesiredJob desired = desiredChange.apply(base()).desired();
    ObservedJob observed = observedChange.apply(base()).observed();
    Plan plan = JobDiff.diff(desired, observed, NAMES);
    assertThat(plan.operations()).isEqualTo(expectedOps.apply(desired));
    assertThat(plan.summary()).isEqualTo(expectedSummary);
    assertThat(plan.blockers()).isEmpty();
    assertThat(plan.inSync()).isEqualTo(expectedSummary.isEmpty());
  }

  @Test
  void aJobThatDoesNotExistIsCreatedInOneCallWithItsItems() {
    DesiredJob desired = base().desired();
    Plan plan = JobDiff.diff(desired, null, NAMES);
    assertThat(plan.operations()).containsExactly(new CreateJob(desired));
    assertThat(plan.summary()).isEqualTo("job: VB365 has none, spec wants \"Finance\"");
    assertThat(plan.operations().get(0).describe())
        .isEqualTo("create job \"Finance\" with 2 selected and 1 excluded items");
  }

  @Test
  void aJobInAnotherOrganizationIsABlockerNotAWrite() {
    ObservedJob observed = base().with(f -> {
      f.organizationId = "00000000-0000-0000-0000-0000000000aa";
      f.name = "Other";
      return f;
    }).observed();
    Plan plan = JobDiff.diff(base().desired(), observed, NAMES);
    assertThat(plan.operations()).isEmpty();
    assertThat(plan.inSync()).isFalse();
    assertThat(plan.blockers()).singleElement().asString()
        .contains("belongs to organization 00000000-0000-0000-0000-0000000000aa")
        .contains("VB365 cannot move a job to another organization");
    assertThat(plan.summary()).startsWith("organization: VB365 has ")
        .contains("jobName: VB365 has \"Other\", spec wants \"Finance\"");
  }

  @Test
  void thePutKeepsVb365sMinuteOffsetWhenTheSpecStatesNone() {
    DesiredJob desired = base().with(f -> {
      f.schedule = daily(f, LocalTime.of(23, 0));
      return f;
    }).desired();
    ObservedJob observed = base().with(f -> {
      f.schedule = f.schedule.withBackupWindow(f.schedule.backupWindow().withMinuteOffset(120));
      return f;
    }).observed();
    Plan plan = JobDiff.diff(desired, observed, NAMES);
    UpdateJobSettings put = (UpdateJobSettings) plan.operations().get(0);
    assertThat(put.settings().schedule().backupWindow().minuteOffset()).isEqualTo(120);
    assertThat(put.settings().schedule().backupWindow().sameHours(desired.schedule().backupWindow())).isTrue();
    assertThat(plan.summary()).isEqualTo("schedulePolicy.dailyTime: VB365 has 22:00, spec wants 23:00");
  }

  @Test
  void itemChangesNameTheItemsAsPeopleKnowThemAsTheyStandAndAsDrift() {
    List<ObservedItem> inVb365 = List.of(
        new ObservedItem("sel:1", group("g", true), "finance@contoso.com"),
        new ObservedItem("sel:2", site("s"), "https://contoso.sharepoint.com/sites/hr"));
    ItemDiff.Changes changes = ItemDiff.diff(Scope.Selected, List.of(group("g", false), ALICE), inVb365);
    Difference difference = changes.difference(NAMES);
    assertThat(difference.toString()).isEqualTo("selectedItems: 1 item only in the spec: alice@contoso.com; "
        + "1 item only in VB365: https://contoso.sharepoint.com/sites/hr; 1 item with other options: "
        + "finance@contoso.com (members: VB365 has true, spec wants false; memberMailbox: VB365 has true, spec wants "
        + "false)");
    assertThat(difference.asDrift()).isEqualTo("1 selected item removed outside Kubernetes: alice@contoso.com; "
        + "1 selected item added outside Kubernetes: https://contoso.sharepoint.com/sites/hr; 1 selected item "
        + "changed outside Kubernetes: finance@contoso.com (members: changed to true, spec wants false; "
        + "memberMailbox: changed to true, spec wants false)");

    // The apply step names items with the resolve step's names and those VB365 listed.
    List<String> described = new ArrayList<>();
    changes.operations().forEach(op -> described.add(op.describe(NAMES.orListed(inVb365))));
    assertThat(described).containsExactly("add 1 item(s) to selectedItems: alice@contoso.com",
        "edit the options of finance@contoso.com in selectedItems",
        "remove 1 item(s) from selectedItems: https://contoso.sharepoint.com/sites/hr");
  }

  @Test
  void anObjectWithoutANameIsNamedByItsTypeAndId() {
    ItemDiff.Changes changes = ItemDiff.diff(Scope.Excluded, List.of(),
        JobFixture.observedItems("exc:", List.of(user("2b38d840-8098-4614-b369-ebce33f9b2c7", true, true))));
    assertThat(changes.difference(ItemNames.none()).asDrift())
        .isEqualTo("1 excluded item added outside Kubernetes: User 2b38d840-8098-4614-b369-ebce33f9b2c7");
    assertThat(changes.operations().get(0).describe(ItemNames.none()))
        .isEqualTo("remove 1 item(s) from excludedItems: User 2b38d840-8098-4614-b369-ebce33f9b2c7");
  }

  @Test
  void manyItemsAreNamedFirstFewThenCounted() {
    List<BackupItem> five = List.of(user("a", true, true), user("b", true, true), user("c", true, true),
        user("d", true, true), user("e", true, true));
    java.util.Map<ItemKey, String> upns = new java.util.HashMap<>();
    five.forEach(u -> upns.put(u.key(), u.key().objectId() + "@contoso.com"));
    ItemDiff.Changes changes = ItemDiff.diff(Scope.Selected, five, List.of());
    assertThat(changes.difference(ItemNames.of(upns)).toString()).isEqualTo(
        "selectedItems: 5 items only in the spec: a@contoso.com, b@contoso.com, c@contoso.com and 2 more");
    assertThat(changes.operations().get(0).describe(ItemNames.of(upns)))
        .isEqualTo("add 5 item(s) to selectedItems: a@contoso.com, b@contoso.com, c@contoso.com and 2 more");
  }

  @Test
  void settingsAsDriftSayWhatVb365WasChangedToAndWhatTheSpecWants() {
    DesiredJob desired = base().desired();
    ObservedJob observed = base().with(f -> {
      f.schedule = daily(f, LocalTime.of(3, 0));
      f.enabled = false;
      return f;
    }).observed();
    Plan plan = JobDiff.diff(desired, observed, NAMES);
    assertThat(plan.summary()).isEqualTo("schedulePolicy.dailyTime: VB365 has 03:00, spec wants 22:00; "
        + "enabled: VB365 has false, spec wants true");
    assertThat(plan.driftSummary()).isEqualTo("schedulePolicy.dailyTime: changed to 03:00 outside Kubernetes, spec "
        + "wants 22:00; enabled: changed to false outside Kubernetes, spec wants true");
  }
}
