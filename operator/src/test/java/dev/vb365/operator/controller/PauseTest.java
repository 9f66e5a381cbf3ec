package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.BackupJobStatus;
import dev.vb365.operator.api.ConditionTypes;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PauseTest {

  private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

  private static BackupJob job(String paused) {
    BackupJob job = new BackupJob();
    job.setMetadata(new ObjectMetaBuilder().withName("finance").withAnnotations(paused == null ? Map.of()
        : Map.of(ConditionTypes.PAUSED_ANNOTATION, paused)).build());
    return job;
  }

  @Test
  void onlyTrueAsksForThePause() {
    assertThat(Pause.requested(job("true"))).isTrue();
    assertThat(Pause.requested(job(" True "))).isTrue();
    assertThat(Pause.requested(job("false"))).isFalse();
    assertThat(Pause.requested(job("yes"))).isFalse();
    assertThat(Pause.requested(job(null))).isFalse();
  }

  @Test
  void thePausedStatusSaysSinceWhenKeepsReadyAndIsStableWhileItLasts() {
    BackupJobStatus ready = new BackupJobStatus();
    ready.setObservedGeneration(3L);
    ready.setConditions(Conditions.backupJob(null, 3, T0.minusSeconds(3600),
        Conditions.Verdict.isTrue("UpToDate", "matches"), Conditions.Verdict.isFalse("ReconcileError", "boom"),
        Conditions.Verdict.isFalse("NoDrift", "none")));

    BackupJobStatus paused = Pause.status(ready, 4, T0, false);
    Condition synced = Conditions.find(paused.getConditions(), ConditionTypes.SYNCED).orElseThrow();
    assertThat(synced.getReason()).isEqualTo(Pause.REASON);
    assertThat(synced.getLastTransitionTime()).as("the pause's start, though Synced was False before")
        .isEqualTo("2026-12-07T09:00:00Z");
    assertThat(synced.getMessage()).startsWith("paused since 2026-12-07T09:00:00Z").doesNotContain("deletion");
    assertThat(Conditions.find(paused.getConditions(), ConditionTypes.READY)).contains(
        Conditions.find(ready.getConditions(), ConditionTypes.READY).orElseThrow());
    assertThat(paused.getObservedGeneration()).as("a paused BackupJob's spec is not observed").isEqualTo(3L);
    assertThat(Pause.recorded(paused)).isTrue();

    assertThat(Pause.status(paused, 5, T0.plusSeconds(600), false)).as("an hour later: nothing to write")
        .isEqualTo(paused);
    BackupJobStatus deleting = Pause.status(paused, 5, T0.plusSeconds(600), true);
    assertThat(Conditions.find(deleting.getConditions(), ConditionTypes.SYNCED).orElseThrow().getMessage())
        .startsWith("paused since 2026-12-07T09:00:00Z").contains("its deletion waits");
  }

  @Test
  void pausedBeforeItsFirstReconcile() {
    List<Condition> conditions = Pause.status(null, 1, T0, false).getConditions();
    assertThat(conditions).extracting(Condition::getType).containsExactly(ConditionTypes.READY, ConditionTypes.SYNCED);
    assertThat(conditions.get(0).getStatus()).isEqualTo("False");
    assertThat(conditions.get(0).getReason()).isEqualTo(Pause.REASON);
  }
}
