package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.api.ConditionTypes;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {

  private static final Instant T1 = Instant.parse("2026-03-01T10:00:00.123Z");
  private static final Instant T2 = Instant.parse("2026-03-01T11:00:00Z");
  private static final Conditions.Verdict READY = Conditions.Verdict.isTrue(Reasons.UP_TO_DATE, "matches");
  private static final Conditions.Verdict SYNCED = Conditions.Verdict.isTrue(Reasons.RECONCILE_SUCCESS, "ok");
  private static final Conditions.Verdict NO_DRIFT = Conditions.Verdict.isFalse(Reasons.NO_DRIFT, "none");

  @Test
  void firstConditionsStartNowInTheOrderReadySyncedDrifted() {
    List<Condition> conditions = Conditions.backupJob(null, 3, T1, READY, SYNCED, NO_DRIFT);

    assertThat(conditions).extracting(Condition::getType)
        .containsExactly(ConditionTypes.READY, ConditionTypes.SYNCED, ConditionTypes.DRIFTED);
    assertThat(conditions).extracting(Condition::getStatus).containsExactly("True", "True", "False");
    assertThat(conditions).allSatisfy(c -> {
      assertThat(c.getLastTransitionTime()).isEqualTo("2026-03-01T10:00:00Z");
      assertThat(c.getObservedGeneration()).isEqualTo(3L);
    });
  }

  @Test
  void theSameVerdictLaterBuildsEqualConditions() {
    List<Condition> first = Conditions.backupJob(null, 3, T1, READY, SYNCED, NO_DRIFT);

    assertThat(Conditions.backupJob(first, 3, T2, READY, SYNCED, NO_DRIFT)).isEqualTo(first);
  }

  @Test
  void aNewReasonWithTheSameStatusKeepsTheTransitionTime() {
    List<Condition> first = Conditions.backupJob(null, 3, T1, READY, SYNCED, NO_DRIFT);

    List<Condition> later = Conditions.backupJob(first, 3, T2, READY, SYNCED,
        Conditions.Verdict.isFalse(Reasons.DRIFT_CORRECTED, "corrected: description"));

    Condition drifted = Conditions.find(later, ConditionTypes.DRIFTED).orElseThrow();
    assertThat(drifted.getReason()).isEqualTo(Reasons.DRIFT_CORRECTED);
    assertThat(drifted.getLastTransitionTime()).isEqualTo("2026-03-01T10:00:00Z");
  }

  @Test
  void aChangedStatusMovesTheTransitionTime() {
    List<Condition> first = Conditions.backupJob(null, 3, T1, READY, SYNCED, NO_DRIFT);
    Conditions.Verdict failed = Conditions.Verdict.isFalse(Reasons.SERVER_UNREACHABLE, "connect timed out");

    List<Condition> later = Conditions.backupJob(first, 3, T2, failed, failed, null);

    assertThat(Conditions.find(later, ConditionTypes.READY).orElseThrow().getLastTransitionTime())
        .isEqualTo("2026-03-01T11:00:00Z");
    // A failed reconcile does not know about drift: the old Drifted condition stays as it was.
    assertThat(Conditions.find(later, ConditionTypes.DRIFTED)).contains(first.get(2));
  }

  @Test
  void trueForTheCurrentGenerationOnly() {
    List<Condition> conditions = Conditions.backupJob(null, 3, T1, READY, SYNCED, NO_DRIFT);

    assertThat(Conditions.isTrueFor(conditions, ConditionTypes.READY, 3)).isTrue();
    assertThat(Conditions.isTrueFor(conditions, ConditionTypes.READY, 4)).isFalse();
    assertThat(Conditions.isTrueFor(conditions, ConditionTypes.DRIFTED, 3)).isFalse();
    assertThat(Conditions.isTrueFor(null, ConditionTypes.READY, 3)).isFalse();
  }

  @Test
  void longMessagesAreShortened() {
    Conditions.Verdict verbose = Conditions.Verdict.isFalse(Reasons.DIFFERS, "x".repeat(5000));

    Condition ready = Conditions.jobItem(null, 1, T1, verbose).get(0);

    assertThat(ready.getMessage()).hasSize(Conditions.MAX_MESSAGE).endsWith("...");
  }
}
