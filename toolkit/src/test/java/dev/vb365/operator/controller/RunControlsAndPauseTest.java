package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.ConditionTypes;
import dev.vb365.operator.api.LastSession;
import dev.vb365.operator.api.ResolvedItem;
import io.fabric8.kubernetes.api.model.Condition;
import io.micrometer.core.instrument.Gauge;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Run controls (full run, stop, runOnCreate), the pause, and the status that says what the last run did: the exact
 * VB365 calls each costs and what users read in the status. VB365 sessions here last 6 s, so that a stop finds the
 * job running.
 */
class RunControlsAndPauseTest {

  private static final String ALICE = "alice@contoso.onmicrosoft.com";
  private static OperatorTestHarness harness;

  @BeforeAll
  static void start() {
    harness = OperatorTestHarness.start(OperatorTestHarness.simulatorOptions().withSessionDuration(
        Duration.ofSeconds(6)), OperatorTestHarness.settings(), null);
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  private static String createReady(String ns, String spec) {
    harness.connectionSecret(ns);
    harness.createBackupJob(ns, "job", spec);
    String jobId = harness.awaitReady(ns, "job").getStatus().getJobId();
    harness.settle(Duration.ofMillis(700));
    harness.resetCounts();
    return jobId;
  }

  /** A user's edit, made again on the fresh object when the operator's status write came first (409). */
  private static void onConflictAgain(Runnable edit) {
    await().atMost(Duration.ofSeconds(10)).ignoreExceptionsMatching(e -> e.getMessage() != null
        && e.getMessage().contains("the object has been modified")).until(() -> {
          edit.run();
          return true;
        });
  }

  private static LastSession lastSession(String ns) {
    BackupJob job = harness.get(ns, "job");
    return job.getStatus() == null ? null : job.getStatus().getLastSession();
  }

  @Test
  void aFullRunRequestStartsOneActiveFullBackupAndTheStatusReportsTheSession() {
    createReady("full", "selectedItems:\n- type: User\n  user: {name: " + ALICE + "}\n");
    BackupJob ready = harness.get("full", "job");
    assertThat(ready.getStatus().getLastSession()).as("never ran: no session").isNull();
    assertThat(ready.getStatus().getLastBackup()).isNull();
    assertThat(ready.getStatus().getResolvedItems()).containsExactly(new ResolvedItem("Selected", "User", ALICE,
        harness.admin.userId(harness.organizationId(), ALICE)));

    harness.annotate("full", "job", ConditionTypes.FULL_RUN_REQUESTED_AT_ANNOTATION, "2026-12-07T10:00:00Z");
    harness.awaitBackupJob("full", "job", j -> j.getStatus().getLastSession() != null
        && "Running".equals(j.getStatus().getLastSession().getStatus()));
    LastSession running = lastSession("full");
    assertThat(running.getType()).isEqualTo("Full");
    assertThat(running.getEndTime()).isNull();
    assertThat(running.getDuration()).isNull();

    BackupJob done = harness.awaitBackupJob("full", "job", j -> "Success".equals(j.getStatus().getLastStatus())
        && j.getStatus().getLastSession() != null && "Success".equals(j.getStatus().getLastSession().getStatus()));
    LastSession session = done.getStatus().getLastSession();
    assertThat(session.getId()).isEqualTo(running.getId());
    assertThat(session.getType()).isEqualTo("Full");
    assertThat(session.getProcessedObjects()).isPositive();
    assertThat(session.getRetryCount()).isZero();
    assertThat(session.getWillBeRetried()).isFalse();
    assertThat(session.getDuration()).matches("\\d+s");
    assertThat(done.getStatus().getLastBackup()).isEqualTo(session.getEndTime());
    assertThat(done.getStatus().getLastFullRunRequest()).isEqualTo("2026-12-07T10:00:00Z");
    assertThat(done.getStatus().getLastRunRequest()).isNull();

    Gauge lastSuccess = harness.registry.find("vb365.backupjob.last.success.timestamp")
        .tags("backupjob_namespace", "full", "backupjob", "job").gauge();
    assertThat(lastSuccess).as("the last-success gauge of this BackupJob").isNotNull();
    assertThat((long) lastSuccess.value()).isEqualTo(Instant.parse(done.getStatus().getLastBackup()).getEpochSecond());

    harness.settle(Duration.ofMillis(700));
    // One start with {"full": true}; the session read once when it began and once when it ended.
    assertThat(harness.operatorWrites()).isEqualTo(Map.of("POST /v8/Jobs/{jobId}/start", 1L));
    assertThat(harness.vb365Calls().getOrDefault("GET /v8/JobSessions", 0L)).isBetween(1L, 3L);
    assertThat(harness.eventReasons("full", "job")).contains("RunStarted");
  }

  @Test
  void aStopRequestStopsTheRunningJobOnce() {
    createReady("stop", "");
    harness.annotate("stop", "job", ConditionTypes.RUN_REQUESTED_AT_ANNOTATION, "run-1");
    harness.awaitBackupJob("stop", "job", j -> "Running".equals(j.getStatus().getLastStatus()));

    harness.annotate("stop", "job", ConditionTypes.STOP_REQUESTED_AT_ANNOTATION, "stop-1");
    BackupJob stopped = harness.awaitBackupJob("stop", "job", j -> "Stopped".equals(j.getStatus().getLastStatus())
        && j.getStatus().getLastSession() != null && "Stopped".equals(j.getStatus().getLastSession().getStatus()));
    assertThat(stopped.getStatus().getLastStopRequest()).isEqualTo("stop-1");
    assertThat(stopped.getStatus().getLastSession().getType()).isEqualTo("Incremental");
    assertThat(stopped.getStatus().getLastBackup()).as("a stopped run backed nothing up").isNull();

    // A spec change later, the same value stops nothing again.
    harness.editSpec("stop", "job", s -> s.setDescription("after the stop"));
    harness.awaitReady("stop", "job");
    harness.settle(Duration.ofMillis(700));
    assertThat(harness.operatorWrites()).isEqualTo(Map.of("POST /v8/Jobs/{jobId}/start", 1L,
        "POST /v8/Jobs/{jobId}/stop", 1L, "PUT /v8/Jobs/{jobId}", 1L));
    assertThat(harness.eventReasons("stop", "job")).contains("RunStarted", "RunStopped");
  }

  @Test
  void runOnCreateStartsTheNewJobWithTheCreateCallItself() {
    harness.connectionSecret("oncreate");
    harness.resetCounts();
    harness.createBackupJob("oncreate", "job", "runOnCreate: true\n");
    harness.awaitBackupJob("oncreate", "job", j -> j.getStatus() != null && j.getStatus().getLastSession() != null
        && "Running".equals(j.getStatus().getLastSession().getStatus()));
    harness.settle(Duration.ofMillis(700));
    assertThat(harness.operatorWrites()).isEqualTo(Map.of("POST /v8/Jobs", 1L));
    assertThat(harness.events("oncreate", "job").stream().filter(e -> "JobCreated".equals(e.getReason()))
        .map(e -> e.getMessage())).singleElement().asString().contains("started it (runOnCreate)");
  }

  @Test
  void aPausedBackupJobIsLeftAloneAndItsDeletionWaitsForTheResume() {
    String jobId = createReady("paused", "");
    long generation = harness.get("paused", "job").getStatus().getObservedGeneration();

    harness.annotate("paused", "job", ConditionTypes.PAUSED_ANNOTATION, "true");
    BackupJob paused = harness.awaitCondition("paused", "job", ConditionTypes.SYNCED, "False", Pause.REASON);
    Condition synced = OperatorTestHarness.condition(paused, ConditionTypes.SYNCED).orElseThrow();
    assertThat(synced.getMessage()).startsWith("paused since " + synced.getLastTransitionTime())
        .contains("remove the annotation to resume");
    assertThat(OperatorTestHarness.condition(paused, ConditionTypes.READY).orElseThrow().getStatus())
        .as("Ready keeps what it last said").isEqualTo("True");

    // Changes to the spec, a run request and a drift in VB365: no VB365 call at all while paused.
    harness.resetCounts();
    onConflictAgain(() -> harness.editSpec("paused", "job", s -> s.setDescription("changed while paused")));
    onConflictAgain(() -> harness.annotate("paused", "job", ConditionTypes.RUN_REQUESTED_AT_ANNOTATION,
        "while-paused"));
    harness.admin.editJob(jobId, j -> j.put("description", "changed in the console"));
    harness.settle(Duration.ofSeconds(2));
    // The test's own GET and PUT, and the server's change feed reading the edited job (it keeps every job of the
    // server for all BackupJobs): no write, no item, session or directory read, no start for this BackupJob.
    assertThat(harness.operatorWrites()).isEmpty();
    assertThat(harness.vb365Calls().keySet()).containsOnly("GET /v8/Jobs/{jobId}", "PUT /v8/Jobs/{jobId}");
    BackupJob still = harness.get("paused", "job");
    assertThat(still.getStatus().getObservedGeneration()).isEqualTo(generation);
    assertThat(still.getStatus().getLastRunRequest()).isNull();

    // Deleting it while paused: the finalizer stays, the VB365 job too.
    harness.kubernetes.resources(BackupJob.class).inNamespace("paused").withName("job").delete();
    harness.awaitBackupJob("paused", "job", j -> OperatorTestHarness.condition(j, ConditionTypes.SYNCED)
        .map(c -> c.getMessage().contains("its deletion waits")).orElse(false));
    harness.settle(Duration.ofSeconds(1));
    assertThat(harness.get("paused", "job")).isNotNull();
    assertThat(harness.admin.job(jobId).path("id").asText()).isEqualTo(jobId);
    assertThat(harness.eventReasons("paused", "job")).contains("Paused");

    // Resumed: the deletion goes ahead (deletionPolicy Delete).
    onConflictAgain(() -> harness.kubernetes.resources(BackupJob.class).inNamespace("paused").withName("job")
        .edit(j -> {
          j.getMetadata().getAnnotations().remove(ConditionTypes.PAUSED_ANNOTATION);
          return j;
        }));
    await().atMost(Duration.ofSeconds(30)).until(() -> harness.get("paused", "job") == null);
    assertThat(harness.admin.jobs().stream().map(j -> j.path("id").asText())).doesNotContain(jobId);
  }
}
