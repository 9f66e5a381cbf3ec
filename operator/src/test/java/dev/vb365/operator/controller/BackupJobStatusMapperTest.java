package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.api.BackupJobStatus;
import dev.vb365.operator.api.ConditionTypes;
import dev.vb365.operator.api.DriftPolicy;
import dev.vb365.operator.api.BackupType;
import dev.vb365.operator.sync.ObservedJob;
import dev.vb365.operator.sync.Schedule;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The one place that turns an outcome into conditions and status, as a table. */
class BackupJobStatusMapperTest {

  private static final Instant NOW = Instant.parse("2026-12-04T20:00:00Z");
  private static final String SUMMARY = "schedulePolicy.dailyTime: VB365 has 03:00, spec wants 22:00";
  private static final String DRIFT = "schedulePolicy.dailyTime: changed to 03:00 outside Kubernetes, spec wants 22:00";
  private static final ObservedJob JOB = new ObservedJob("j1", 7L, "org", "repo", "Finance", "", BackupType.SelectedItems,
      true, Schedule.DEFAULT, List.of(), List.of(), "Success", null, null);
  private static final ReferenceResolver.Resolution RESOLUTION = new ReferenceResolver.Resolution("org", "repo", null,
      null, Map.of(), Map.of());

  private static SyncOutcome outcome(Decision decision, boolean planInSync, boolean vanished) {
    return new SyncOutcome(decision, RESOLUTION, null, new JobObserver.Observation(JOB, Set.of()), JOB,
        decision.action() == Decision.Action.APPLY, vanished, planInSync, SUMMARY,
        decision.action() == Decision.Action.APPLY ? "7" : null, 0);
  }

  private static Condition condition(String type, String status, String reason, String message) {
    Condition c = new Condition();
    c.setType(type);
    c.setStatus(status);
    c.setReason(reason);
    c.setMessage(message);
    c.setObservedGeneration(1L);
    c.setLastTransitionTime("2026-12-01T00:00:00Z");
    return c;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # action      | drift | planInSync | vanished | previous Drifted      | ready                  | synced                  | drifted
      IN_SYNC       | false | true       | false    |                       | True UpToDate          | True ReconcileSuccess   | False NoDrift
      IN_SYNC       | false | true       | false    | False DriftCorrected  | True UpToDate          | True ReconcileSuccess   | False DriftCorrected
      APPLY         | false | false      | false    |                       | True UpToDate          | True ReconcileSuccess   | False NoDrift
      APPLY         | true  | false      | false    |                       | True UpToDate          | True ReconcileSuccess   | False DriftCorrected
      APPLY         | true  | false      | true     |                       | True UpToDate          | True ReconcileSuccess   | False DriftCorrected
      REPORT_DRIFT  | true  | false      | false    |                       | False DriftDetected    | True ReconcileSuccess   | True DriftDetected
      OBSERVE_ONLY  | false | true       | false    |                       | True UpToDate          | True Observed           | False NoDrift
      OBSERVE_ONLY  | true  | false      | false    |                       | False Differs          | True Observed           | True DriftDetected
      """)
  void conditionsPerOutcome(Decision.Action action, boolean drift, boolean planInSync, boolean vanished,
      String previousDrifted, String ready, String synced, String drifted) {
    List<Condition> previous = previousDrifted == null ? null : List.of(condition(ConditionTypes.DRIFTED,
        previousDrifted.split(" ")[0], previousDrifted.split(" ")[1], "corrected before"));
    BackupJobStatusMapper.Verdicts v = BackupJobStatusMapper.verdicts(outcome(new Decision(action, drift,
        vanished ? "the VB365 job was deleted outside Kubernetes" : DRIFT, drift),
        planInSync, vanished), previous);
    assertThat(words(v.ready())).isEqualTo(ready);
    assertThat(words(v.synced())).isEqualTo(synced);
    assertThat(words(v.drifted())).isEqualTo(drifted);
  }

  private static String words(Conditions.Verdict v) {
    return (v.status() ? "True " : "False ") + v.reason();
  }

  @Test
  void theStatusDescribesTheJobAndClearsACreateIntent() {
    BackupJobStatus old = new BackupJobStatus();
    old.setCreatePendingSince("2026-12-04T19:59:00Z");
    old.setLastAppliedETag("5");
    Decision inSync = Decision.of(new Decision.Facts(false, false, false, false, true, false, false,
        DriftPolicy.Correct, "", "", null));
    BackupJobStatus status = BackupJobStatusMapper.forOutcome(old, 3, NOW, outcome(inSync, true, false), "v8", true);
    assertThat(status.getJobId()).isEqualTo("j1");
    assertThat(status.getETag()).isEqualTo("7");
    assertThat(status.getLastAppliedETag()).as("nothing written: kept").isEqualTo("5");
    assertThat(status.getCreatePendingSince()).isNull();
    assertThat(status.getObservedGeneration()).isEqualTo(3);
    assertThat(status.getTlsVerificationDisabled()).isTrue();
    assertThat(status.getConditions()).extracting(Condition::getType).containsExactly(ConditionTypes.READY,
        ConditionTypes.SYNCED, ConditionTypes.DRIFTED);
    assertThat(status.getConditions()).allSatisfy(c -> assertThat(c.getLastTransitionTime())
        .isEqualTo("2026-12-04T20:00:00Z"));
  }

  @Test
  void aJobThatNeverRanSaysNeverRunNotVb365sStopped() {
    Decision inSync = Decision.of(new Decision.Facts(false, false, false, false, true, false, false,
        DriftPolicy.Correct, "", "", null));
    ObservedJob neverRan = new ObservedJob("j1", 7L, "org", "repo", "Finance", "", BackupType.SelectedItems, true,
        Schedule.DEFAULT, List.of(), List.of(), "Stopped", null, NOW.plusSeconds(3600));
    SyncOutcome o = new SyncOutcome(inSync, RESOLUTION, null, new JobObserver.Observation(neverRan, Set.of()),
        neverRan, false, false, true, "", null, 0);
    assertThat(BackupJobStatusMapper.forOutcome(null, 1, NOW, o, "v8", false).getLastStatus()).isEqualTo("NeverRun");

    ObservedJob stopped = new ObservedJob("j1", 8L, "org", "repo", "Finance", "", BackupType.SelectedItems, true,
        Schedule.DEFAULT, List.of(), List.of(), "Stopped", NOW.minusSeconds(60), NOW.plusSeconds(3600));
    o = new SyncOutcome(inSync, RESOLUTION, null, new JobObserver.Observation(stopped, Set.of()), stopped, false,
        false, true, "", null, 0);
    BackupJobStatus status = BackupJobStatusMapper.forOutcome(null, 1, NOW, o, "v8", false);
    assertThat(status.getLastStatus()).as("a run that was stopped").isEqualTo("Stopped");
    assertThat(status.getLastRun()).isNotNull();
  }

  @Test
  void aFailureKeepsDriftedAndTheJobAndSaysWhy() {
    BackupJobStatus old = new BackupJobStatus();
    old.setJobId("j1");
    old.setConditions(List.of(condition(ConditionTypes.READY, "True", Reasons.UP_TO_DATE, "ok"),
        condition(ConditionTypes.DRIFTED, "False", Reasons.NO_DRIFT, "none")));
    BackupJobStatus failed = BackupJobStatusMapper.forFailure(old, 1, NOW, Reasons.SERVER_UNREACHABLE, "refused", null);
    assertThat(failed.getJobId()).isEqualTo("j1");
    assertThat(failed.getConditions()).extracting(c -> c.getType() + "=" + c.getStatus() + " " + c.getReason())
        .containsExactly("Ready=False ServerUnreachable", "Synced=False ServerUnreachable", "Drifted=False NoDrift");
    assertThat(BackupJobStatusMapper.newFailure(failed.getConditions(), Reasons.SERVER_UNREACHABLE)).isFalse();
    assertThat(BackupJobStatusMapper.newFailure(failed.getConditions(), Reasons.UNAUTHORIZED)).isTrue();
  }
}
