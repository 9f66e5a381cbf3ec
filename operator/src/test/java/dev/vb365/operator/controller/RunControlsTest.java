package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.BackupJobStatus;
import dev.vb365.operator.api.ConditionTypes;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunControlsTest {

  private static BackupJob job(Map<String, String> annotations, BackupJobStatus status) {
    BackupJob job = new BackupJob();
    job.setMetadata(new ObjectMetaBuilder().withName("finance").withNamespace("contoso").withAnnotations(annotations)
        .build());
    job.setStatus(status);
    return job;
  }

  @Test
  void onlyNewNonEmptyValuesAreRequestsInTheOrderStopFullRun() {
    BackupJobStatus handled = new BackupJobStatus();
    handled.setLastRunRequest("r1");
    handled.setLastStopRequest("s1");
    assertThat(RunControls.pending(job(Map.of(), handled))).isEmpty();
    assertThat(RunControls.pending(job(Map.of(ConditionTypes.RUN_REQUESTED_AT_ANNOTATION, " "), null))).isEmpty();
    assertThat(RunControls.pending(job(Map.of(ConditionTypes.RUN_REQUESTED_AT_ANNOTATION, "r1",
        ConditionTypes.STOP_REQUESTED_AT_ANNOTATION, "s1"), handled))).isEmpty();
    assertThat(RunControls.pending(job(Map.of(ConditionTypes.RUN_REQUESTED_AT_ANNOTATION, "r2",
        ConditionTypes.FULL_RUN_REQUESTED_AT_ANNOTATION, "f1", ConditionTypes.STOP_REQUESTED_AT_ANNOTATION, "s2"),
        handled))).containsExactly(new RunControls.Request(RunControls.Kind.STOP, "s2"),
            new RunControls.Request(RunControls.Kind.FULL, "f1"), new RunControls.Request(RunControls.Kind.RUN, "r2"));
  }

  @Test
  void recordingTheRequestsMarksThemHandled() {
    BackupJob job = job(Map.of(ConditionTypes.FULL_RUN_REQUESTED_AT_ANNOTATION, "f1",
        ConditionTypes.STOP_REQUESTED_AT_ANNOTATION, "s1"), null);
    BackupJobStatus status = new BackupJobStatus();
    RunControls.record(status, RunControls.pending(job));
    assertThat(status.getLastFullRunRequest()).isEqualTo("f1");
    assertThat(status.getLastStopRequest()).isEqualTo("s1");
    job.setStatus(status);
    assertThat(RunControls.anyPending(job)).isFalse();
  }

  @Test
  void theControlsAndThePauseWakeTheReconcilerWhenTheyChange() {
    assertThat(RunControls.annotationValues(job(Map.of(ConditionTypes.PAUSED_ANNOTATION, "true"), null)))
        .isNotEqualTo(RunControls.annotationValues(job(Map.of(), null)));
    assertThat(RunControls.annotationValues(job(Map.of("unrelated", "x"), null)))
        .isEqualTo(RunControls.annotationValues(job(Map.of(), null)));
  }
}
