package dev.vb365.operator.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.api.BackupType;
import dev.vb365.operator.api.ItemType;
import dev.vb365.operator.api.MissingItemPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissingItemsTest {

  private static final BackupItem ALICE = new BackupItem(ItemKey.of(ItemType.User, "a"),
      ItemOptions.defaultsFor(ItemType.User));
  private static final BackupItem BOB = new BackupItem(ItemKey.of(ItemType.User, "b"),
      ItemOptions.defaultsFor(ItemType.User));
  private static final MissingItems.Missing BOB_GONE = new MissingItems.Missing(Scope.Selected,
      "spec.selectedItems[1]", new ItemReference(ItemType.User, ItemReference.By.Name, "Bob@Contoso.com"));

  private static DesiredJob desired(List<BackupItem> selected) {
    return new DesiredJob("org", "repo", "Finance", "", BackupType.SelectedItems, true, Schedule.DEFAULT, selected,
        List.of());
  }

  private static ObservedJob job(List<ObservedItem> selected) {
    return new ObservedJob("j1", 3L, "org", "repo", "Finance", "", BackupType.SelectedItems, true, Schedule.DEFAULT,
        selected, List.of(), "Success", null, null);
  }

  private static final ObservedJob IN_JOB = job(List.of(new ObservedItem("i1", ALICE, "alice@contoso.com"),
      new ObservedItem("i2", BOB, "bob@contoso.com")));

  @Test
  void keepLeavesTheItemInTheDesiredJobSoNothingIsRemoved() {
    MissingItems.Settled s = MissingItems.settle(desired(List.of(ALICE)), IN_JOB, List.of(BOB_GONE),
        MissingItemPolicy.Keep);
    assertThat(s.desired().selectedItems()).containsExactly(ALICE, BOB);
    assertThat(s.unknown()).isEmpty();
    assertThat(s.report()).containsExactly("user Bob@Contoso.com (spec.selectedItems[1]) is no longer in the "
        + "directory: the VB365 job keeps it (missingItemPolicy Keep)");
  }

  @Test
  void removeLeavesItOutButNeverTheLastSelectedItem() {
    MissingItems.Settled s = MissingItems.settle(desired(List.of(ALICE)), IN_JOB, List.of(BOB_GONE),
        MissingItemPolicy.Remove);
    assertThat(s.desired().selectedItems()).containsExactly(ALICE);
    assertThat(s.report()).singleElement().asString().contains("removed from the VB365 job");

    MissingItems.Settled last = MissingItems.settle(desired(List.of()), IN_JOB, List.of(BOB_GONE),
        MissingItemPolicy.Remove);
    assertThat(last.desired().selectedItems()).containsExactly(BOB);
    assertThat(last.report()).singleElement().asString()
        .contains("keeps it (removing it would leave the job without selected items)");
  }

  @Test
  void aNameTheJobNeverHadIsUnknownNotMissing() {
    MissingItems.Settled s = MissingItems.settle(desired(List.of(ALICE)), job(List.of(new ObservedItem("i1", ALICE,
        "alice@contoso.com"))), List.of(BOB_GONE), MissingItemPolicy.Keep);
    assertThat(s.unknown()).containsExactly(BOB_GONE);
    assertThat(s.report()).isEmpty();
    assertThat(MissingItems.settle(desired(List.of(ALICE)), null, List.of(BOB_GONE), MissingItemPolicy.Keep)
        .unknown()).as("no job yet").containsExactly(BOB_GONE);
  }

  @Test
  void namesCompareIgnoringCaseAndATrailingSlash() {
    assertThat(MissingItems.sameName("https://contoso.sharepoint.com/sites/hr/", "https://CONTOSO.sharepoint.com/sites/hr"))
        .isTrue();
    assertThat(MissingItems.sameName(null, "x")).isFalse();
  }
}
