package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.mapping.ItemObjects;
import dev.vb365.operator.sync.BackupItem;
import dev.vb365.operator.api.BackupType;
import dev.vb365.operator.sync.DesiredItemsMerger;
import dev.vb365.operator.sync.DesiredJob;
import dev.vb365.operator.sync.ItemKey;
import dev.vb365.operator.sync.ItemOptions;
import dev.vb365.operator.api.ItemType;
import dev.vb365.operator.sync.ObservedItem;
import dev.vb365.operator.sync.ObservedJob;
import dev.vb365.operator.sync.Schedule;
import dev.vb365.operator.sync.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobItemVerdictsTest {

  private static final BackupItem ALICE_ALL = user("alice", true);
  private static final BackupItem ALICE_MAIL = user("alice", false);
  private static final BackupItem BOB = user("bob", true);
  private static final Instant EARLY = Instant.parse("2026-03-01T10:00:00Z");
  private static final Instant LATE = Instant.parse("2026-03-01T11:00:00Z");

  private static BackupItem user(String id, boolean everything) {
    return new BackupItem(ItemKey.of(ItemType.User, id),
        new ItemOptions.UserOptions(true, everything, everything, everything));
  }

  /** Inline: alice (all options). JobItems: bob; alice-mail (conflict); bob-again (duplicate); nobody (unknown). */
  private static ReferenceResolver.Resolution resolution() {
    DesiredItemsMerger.Result merged = DesiredItemsMerger.merge(BackupType.SelectedItems,
        List.of(DesiredItemsMerger.Declaration.inline(Scope.Selected, 0, ALICE_ALL)),
        List.of(DesiredItemsMerger.Declaration.jobItem("bob", EARLY, Scope.Selected, BOB),
            DesiredItemsMerger.Declaration.jobItem("bob-again", LATE, Scope.Selected, BOB),
            DesiredItemsMerger.Declaration.jobItem("alice-mail", EARLY, Scope.Selected, ALICE_MAIL)));
    return new ReferenceResolver.Resolution("org", "repo", merged, ItemObjects.none(),
        Map.of("nobody", Conditions.Verdict.isFalse(Reasons.USER_NOT_FOUND, "JobItem nobody: user \"x\" does not "
            + "exist in VB365")),
        Map.of("bob", BOB.key(), "bob-again", BOB.key(), "alice-mail", ALICE_MAIL.key()));
  }

  private static DesiredJob desired(ReferenceResolver.Resolution resolution) {
    return new DesiredJob("org", "repo", "Team", "", BackupType.SelectedItems, true, Schedule.DEFAULT,
        resolution.items().selected(), resolution.items().excluded());
  }

  private static ObservedJob job(List<ObservedItem> selected) {
    return new ObservedJob("job-1", 4L, "org", "repo", "Team", "", BackupType.SelectedItems, true, Schedule.DEFAULT,
        selected, List.of(), null, null, null);
  }

  @Test
  void eachJobItemGetsItsVerdict() {
    ReferenceResolver.Resolution resolution = resolution();
    ObservedJob job = job(List.of(new ObservedItem("i-alice", ALICE_ALL), new ObservedItem("i-bob", BOB)));

    assertThat(verdict("bob", resolution, job)).satisfies(v -> {
      assertThat(v.ready().reason()).isEqualTo(Reasons.IN_JOB);
      assertThat(v.ready().status()).isTrue();
      assertThat(v.itemId()).isEqualTo("i-bob");
    });
    assertThat(verdict("bob-again", resolution, job)).satisfies(v -> {
      assertThat(v.ready().reason()).isEqualTo(Reasons.DUPLICATE);
      assertThat(v.ready().message()).contains("JobItem bob");
      assertThat(v.itemId()).isEqualTo("i-bob");
    });
    assertThat(verdict("alice-mail", resolution, job)).satisfies(v -> {
      assertThat(v.ready().reason()).isEqualTo(Reasons.CONFLICT);
      assertThat(v.ready().message()).contains("spec.selectedItems[0]");
      assertThat(v.itemId()).isNull();
    });
    assertThat(verdict("nobody", resolution, job).ready().reason()).isEqualTo(Reasons.USER_NOT_FOUND);
    assertThat(verdict("stranger", resolution, job).ready().reason()).isEqualTo(Reasons.NOT_APPLICABLE);
  }

  @Test
  void anItemNotInTheJobOrWithOtherOptionsIsNotReady() {
    ReferenceResolver.Resolution resolution = resolution();

    assertThat(verdict("bob", resolution, job(List.of(new ObservedItem("i-alice", ALICE_ALL)))).ready().reason())
        .isEqualTo(Reasons.NOT_IN_JOB);
    BackupItem bobMailOnly = user("bob", false);
    assertThat(verdict("bob", resolution, job(List.of(new ObservedItem("i-bob", bobMailOnly)))).ready().reason())
        .isEqualTo(Reasons.NOT_IN_JOB);
  }

  @Test
  void anItemWhoseIdIsNotKnownYetIsReadyWithoutAnId() {
    ObservedJob job = job(List.of(new ObservedItem(JobObserver.PENDING + BOB.key(), BOB)));

    JobItemVerdicts.JobItemVerdict verdict = verdict("bob", resolution(), job);

    assertThat(verdict.ready().reason()).isEqualTo(Reasons.IN_JOB);
    assertThat(verdict.itemId()).isNull();
  }

  private static JobItemVerdicts.JobItemVerdict verdict(String name, ReferenceResolver.Resolution resolution,
      ObservedJob job) {
    return JobItemVerdicts.of(name, Scope.Selected, resolution, desired(resolution), job, false);
  }
}
