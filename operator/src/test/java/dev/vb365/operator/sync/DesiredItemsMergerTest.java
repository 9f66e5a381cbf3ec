package dev.vb365.operator.sync;

import dev.vb365.operator.api.BackupType;
import static dev.vb365.operator.sync.DesiredItemsMerger.Declaration.inline;
import static dev.vb365.operator.sync.DesiredItemsMerger.Declaration.jobItem;
import static dev.vb365.operator.sync.JobFixture.group;
import static dev.vb365.operator.sync.JobFixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.sync.DesiredItemsMerger.Accepted;
import dev.vb365.operator.sync.DesiredItemsMerger.Declaration;
import dev.vb365.operator.sync.DesiredItemsMerger.Result;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DesiredItemsMergerTest {

  private static final Instant T1 = Instant.parse("2026-11-01T10:00:00Z");
  private static final Instant T2 = Instant.parse("2026-11-02T10:00:00Z");
  private static final BackupItem FINANCE = group("finance", true);
  private static final BackupItem ALICE_MAIL = user("alice", true, false);
  private static final BackupItem ALICE_ALL = user("alice", true, true);
  private static final BackupItem BOB = user("bob", true, false);

  /**
   * Each case: inline and JobItem declarations, the merged selected and excluded lists, and the
   * outcome message of every declaration that is not plainly accepted ("" when all are).
   */
  static Stream<Arguments> merges() {
    return Stream.of(
        Arguments.of("JobItems add to the inline items",
            List.of(inline(Scope.Selected, 0, FINANCE)),
            List.of(jobItem("alice", T1, Scope.Selected, ALICE_MAIL), jobItem("bob", T1, Scope.Excluded, BOB)),
            List.of(FINANCE, ALICE_MAIL), List.of(BOB), List.of()),
        Arguments.of("inline wins over a JobItem with other options",
            List.of(inline(Scope.Selected, 0, ALICE_ALL)),
            List.of(jobItem("alice", T1, Scope.Selected, ALICE_MAIL)),
            List.of(ALICE_ALL), List.of(),
            List.of("JobItem alice: spec.selectedItems[0] declares the same item with other processing options and "
                + "wins (oneDrive: true there, false here)")),
        Arguments.of("the older JobItem wins, whatever order they come in",
            List.of(),
            List.of(jobItem("zed", T2, Scope.Selected, ALICE_ALL), jobItem("amy", T1, Scope.Selected, ALICE_MAIL)),
            List.of(ALICE_MAIL), List.of(),
            List.of("JobItem zed: JobItem amy declares the same item with other processing options and wins "
                + "(oneDrive: false there, true here)")),
        Arguments.of("same age: the name decides",
            List.of(),
            List.of(jobItem("b", T1, Scope.Selected, ALICE_ALL), jobItem("a", T1, Scope.Selected, ALICE_MAIL)),
            List.of(ALICE_MAIL), List.of(),
            List.of("JobItem b: JobItem a declares the same item with other processing options and wins "
                + "(oneDrive: false there, true here)")),
        Arguments.of("an identical declaration is a harmless duplicate",
            List.of(inline(Scope.Selected, 0, ALICE_MAIL)),
            List.of(jobItem("alice", T1, Scope.Selected, ALICE_MAIL)),
            List.of(ALICE_MAIL), List.of(),
            List.of("JobItem alice: the same item is also declared by spec.selectedItems[0]")),
        Arguments.of("selected and excluded are different lists",
            List.of(inline(Scope.Selected, 0, FINANCE)),
            List.of(jobItem("no-alice", T1, Scope.Excluded, ALICE_ALL), jobItem("alice", T2, Scope.Selected,
                ALICE_MAIL)),
            List.of(FINANCE, ALICE_MAIL), List.of(ALICE_ALL), List.of()),
        Arguments.of("inline duplicates: the first wins and the second is reported",
            List.of(inline(Scope.Selected, 0, ALICE_MAIL), inline(Scope.Selected, 1, ALICE_ALL)),
            List.of(),
            List.of(ALICE_MAIL), List.of(),
            List.of("spec.selectedItems[1]: spec.selectedItems[0] declares the same item with other processing "
                + "options and wins (oneDrive: false there, true here)")),
        Arguments.of("a JobItem without creationTimestamp comes last",
            List.of(),
            List.of(jobItem("new", null, Scope.Selected, ALICE_ALL), jobItem("old", T2, Scope.Selected, ALICE_MAIL)),
            List.of(ALICE_MAIL), List.of(),
            List.of("JobItem new: JobItem old declares the same item with other processing options and wins "
                + "(oneDrive: false there, true here)")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("merges")
  void mergesDeterministically(String name, List<Declaration> inline, List<Declaration> fromJobItems,
      List<BackupItem> selected, List<BackupItem> excluded, List<String> problems) {
    Result result = DesiredItemsMerger.merge(BackupType.SelectedItems, inline, fromJobItems);
    assertThat(result.selected()).isEqualTo(selected);
    assertThat(result.excluded()).isEqualTo(excluded);
    assertThat(result.problems()).isEqualTo(problems);
    assertThat(result.outcomes()).hasSize(inline.size() + fromJobItems.size());

    List<Declaration> reversed = new ArrayList<>(fromJobItems);
    Collections.reverse(reversed);
    assertThat(DesiredItemsMerger.merge(BackupType.SelectedItems, inline, reversed)).isEqualTo(result);
  }

  @Test
  void eachJobItemCanReadItsOutcome() {
    Result result = DesiredItemsMerger.merge(BackupType.SelectedItems, List.of(inline(Scope.Selected, 0, ALICE_ALL)),
        List.of(jobItem("alice", T1, Scope.Selected, ALICE_MAIL), jobItem("bob", T1, Scope.Selected, BOB)));
    assertThat(result.outcomeOfJobItem("bob")).isInstanceOf(Accepted.class);
    assertThat(result.outcomeOfJobItem("bob").effective()).isTrue();
    assertThat(result.outcomeOfJobItem("alice").effective()).isFalse();
    assertThat(result.outcomeOfJobItem("nobody")).isNull();
  }

  @Test
  void anEntireOrganizationJobRejectsSelectedJobItemsButTakesExclusions() {
    Result result = DesiredItemsMerger.merge(BackupType.EntireOrganization, List.of(),
        List.of(jobItem("alice", T1, Scope.Selected, ALICE_MAIL), jobItem("bob", T1, Scope.Excluded, BOB)));
    assertThat(result.selected()).isEmpty();
    assertThat(result.excluded()).containsExactly(BOB);
    assertThat(result.outcomeOfJobItem("alice").message()).startsWith("the BackupJob backs up the entire organization");
    assertThat(result.outcomeOfJobItem("bob").effective()).isTrue();
  }
}
