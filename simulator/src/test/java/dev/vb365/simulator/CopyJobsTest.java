package dev.vb365.simulator;

import static dev.vb365.simulator.JobBodies.newJob;
import static dev.vb365.simulator.testsupport.DefaultFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vb365.simulator.testsupport.OpenApiContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Backup copy jobs (/CopyJobs, /Jobs/{jobId}/CopyJob), v8, v7 and v6: every request (unless marked invalid) and
 * every answer is checked against that version's spec by {@link SimClient}. Runs are observed through the v8
 * change feed (long polls), never by sleeping.
 */
class CopyJobsTest {
  /** Request and answer validations made by these tests, by version (printed at the end). */
  private static final Map<String, int[]> VALIDATIONS = Collections.synchronizedMap(new TreeMap<>());

  @AfterAll
  static void printValidations() {
    VALIDATIONS.forEach((v, n) -> System.out.println("CopyJobsTest " + v + ": " + n[0] + " requests and " + n[1]
        + " answers validated against the " + v + " spec"));
  }

  private static void count(String version, SimClient client) {
    int[] n = VALIDATIONS.computeIfAbsent(version, k -> new int[2]);
    n[0] += client.requestsValidated();
    n[1] += client.responsesValidated();
  }

  private static Simulator start(ApiVersion version, Duration sessionDuration) {
    return Simulator.start(SimulatorOptions.defaults().withApiVersion(version).withSessionDuration(sessionDuration));
  }

  private static Map<String, Object> newCopyJob(String backupJobId, String repositoryId) {
    Map<String, Object> body = new HashMap<>();
    body.put("backupJobId", backupJobId);
    body.put("organizationId", CONTOSO);
    body.put("repositoryId", repositoryId);
    return body;
  }

  private static List<Boolean> window(boolean allowed) {
    return Collections.nCopies(168, allowed);
  }

  private static String latest(SimClient client) {
    return client.get("/v8/Events?from=latest").json().get("nextChangeToken").asText();
  }

  /** "JobUpdate:Copy:2", "JobSessionUpdate:Copy:Running", "JobDelete:Backup": what a test compares. */
  private static String describe(JsonNode e) {
    String type = e.get("eventType").asText();
    String jobType = e.has("jobType") ? ":" + e.get("jobType").asText() : "";
    return switch (type) {
      case "JobUpdate" -> type + jobType + ":" + e.get("eTag").asLong();
      case "JobSessionUpdate" -> type + jobType + ":" + e.get("status").asText();
      default -> type + jobType;
    };
  }

  /** The events after the token that are there now (no waiting); moves the token on. */
  private static List<String> eventsSince(SimClient client, String[] token) {
    JsonNode page = client.get("/v8/Events?from=" + token[0] + "&limit=100").json();
    token[0] = page.get("nextChangeToken").asText();
    List<String> out = new ArrayList<>();
    page.get("results").forEach(e -> out.add(describe(e)));
    return out;
  }

  /**
   * Long-polls the change feed from the token until an event matching {@code until} arrived (fails after 30 s);
   * returns every event read, described, and moves the token on.
   */
  private static List<String> eventsUntil(SimClient client, String[] token, Predicate<JsonNode> until) {
    List<String> out = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    boolean found = false;
    while (!found) {
      if (System.nanoTime() > deadline) {
        fail("no matching event within 30 s; events seen: " + out);
      }
      JsonNode page = client.get("/v8/Events?from=" + token[0] + "&limit=100&timeoutSeconds=10").json();
      token[0] = page.get("nextChangeToken").asText();
      for (JsonNode e : page.get("results")) {
        out.add(describe(e));
        found |= until.test(e);
      }
    }
    return out;
  }

  private static Predicate<JsonNode> sessionEnded(String sessionId, String status) {
    return e -> e.get("eventType").asText().equals("JobSessionUpdate") && e.get("id").asText().equals(sessionId)
        && e.get("status").asText().equals(status);
  }

  private static void assertError(SimClient.Response r, int status, String errorCode, String messagePart) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json().get("message").asText()).containsIgnoringCase(messagePart);
    if (errorCode != null) {
      assertThat(r.json().get("errorCode").asText()).isEqualTo(errorCode);
    }
  }

  @Test
  void v8LifecycleCreateGetEditEnableStartStopDelete() {
    try (Simulator simulator = start(ApiVersion.V8, Duration.ofSeconds(1))) {
      SimClient client = new SimClient(simulator, OpenApiContract.forVersion("v8"));
      String[] token = {latest(client)};
      String backupJobId = client.post("/v8/Jobs", newJob("Mailboxes")).json().get("id").asText();

      SimClient.Response created = client.post("/v8/CopyJobs", newCopyJob(backupJobId, ARCHIVE_REPOSITORY));
      assertThat(created.status()).isEqualTo(201);
      JsonNode copy = created.json();
      String id = copy.get("id").asText();
      String self = "/v8/CopyJobs/" + id;
      assertThat(copy.get("backupJobId").asText()).isEqualTo(backupJobId);
      assertThat(copy.get("organizationId").asText()).isEqualTo(CONTOSO);
      assertThat(copy.get("repositoryId").asText()).isEqualTo(ARCHIVE_REPOSITORY);
      assertThat(copy.get("name").asText()).isEqualTo("Mailboxes (copy)");
      assertThat(copy.get("schedulePolicy").get("type").asText()).as("the default schedule").isEqualTo("Immediate");
      assertThat(copy.get("isEnabled").asBoolean()).isTrue();
      assertThat(copy.get("lastStatus").asText()).isEqualTo("Stopped");
      assertThat(copy.get("eTag").asLong()).isEqualTo(1);
      assertThat(copy.has("nextRun")).as("Immediate has no next run").isFalse();
      assertThat(copy.get("_links").get("backupJob").get("href").asText()).endsWith(self + "/BackupJob");
      assertThat(eventsSince(client, token)).containsExactly("JobUpdate:Backup:1", "JobUpdate:Copy:1");

      assertThat(client.get(self).json()).isEqualTo(copy);
      JsonNode page = client.get("/v8/CopyJobs").json();
      assertThat(page.get("results")).hasSize(1);
      assertThat(page.get("results").get(0).get("id").asText()).isEqualTo(id);
      assertThat(client.get("/v8/CopyJobs?organizationId=" + CONTOSO + "&repositoryId=" + ARCHIVE_REPOSITORY)
          .json().get("results")).hasSize(1);
      assertThat(client.get("/v8/CopyJobs?organizationId=" + FABRIKAM).json().get("results")).isEmpty();
      assertThat(client.get("/v8/CopyJobs?repositoryId=" + LONG_TERM_REPOSITORY).json().get("results")).isEmpty();
      JsonNode second = client.get("/v8/CopyJobs?limit=1&offset=1").json();
      assertThat(second.get("offset").asInt()).isEqualTo(1);
      assertThat(second.get("results")).isEmpty();
      assertThat(client.get("/v8/Jobs/" + backupJobId + "/CopyJob").json().get("id").asText()).isEqualTo(id);
      JsonNode source = client.get(self + "/BackupJob").json();
      assertThat(source.get("id").asText()).isEqualTo(backupJobId);
      assertThat(source.get("name").asText()).isEqualTo("Mailboxes");
      assertThat(eventsSince(client, token)).as("reads change nothing").isEmpty();

      Map<String, Object> daily = Map.of("type", "DailyAtTime", "dailyType", "Workdays", "dailyTime", "03:30",
          "backupCopyWindowEnabled", true,
          "backupCopyWindowSettings", Map.of("backupWindow", window(true), "minuteOffset", 0));
      assertThat(client.put(self, Map.of("schedulePolicy", daily)).status()).isEqualTo(204);
      JsonNode edited = client.get(self).json();
      assertThat(edited.get("eTag").asLong()).isEqualTo(2);
      JsonNode policy = edited.get("schedulePolicy");
      assertThat(policy.get("type").asText()).isEqualTo("DailyAtTime");
      assertThat(policy.get("dailyType").asText()).isEqualTo("Workdays");
      assertThat(policy.get("dailyTime").asText()).isEqualTo("03:30:00");
      assertThat(policy.get("backupCopyWindowEnabled").asBoolean()).isTrue();
      assertThat(policy.get("backupCopyWindowSettings").get("backupWindow")).hasSize(168);
      assertThat(edited.get("nextRun").asText()).endsWith("T03:30:00Z");

      assertThat(client.put(self, Map.of("repositoryId", LONG_TERM_REPOSITORY)).status()).isEqualTo(204);
      assertThat(client.get(self).json().get("repositoryId").asText()).isEqualTo(LONG_TERM_REPOSITORY);
      assertThat(client.put(self, Map.of("schedulePolicy", Map.of("type", "Periodically", "periodicallyEvery",
          "Hours12"))).status()).as("Hours12 exists in v8").isEqualTo(204);
      JsonNode periodic = client.get(self).json();
      assertThat(periodic.get("eTag").asLong()).isEqualTo(4);
      assertThat(periodic.get("schedulePolicy").get("periodicallyEvery").asText()).isEqualTo("Hours12");
      assertThat(periodic.has("nextRun")).isTrue();

      assertThat(client.post(self + "/enable", null).status()).isEqualTo(204);
      assertThat(client.get(self).json().get("eTag").asLong()).as("enabling an enabled job changes nothing")
          .isEqualTo(4);
      assertThat(client.post(self + "/disable", null).status()).isEqualTo(204);
      JsonNode disabled = client.get(self).json();
      assertThat(disabled.get("isEnabled").asBoolean()).isFalse();
      assertThat(disabled.get("eTag").asLong()).isEqualTo(5);
      assertThat(disabled.has("nextRun")).as("a disabled job has no next run").isFalse();
      assertError(client.post(self + "/start", null), 409, "OperationConflict", "disabled");
      assertThat(client.post(self + "/enable", null).status()).isEqualTo(204);
      assertThat(eventsSince(client, token)).containsExactly("JobUpdate:Copy:2", "JobUpdate:Copy:3",
          "JobUpdate:Copy:4", "JobUpdate:Copy:5", "JobUpdate:Copy:6");

      // A run that is stopped, then one that ends by itself (after the session duration).
      SimClient.Response started = client.post(self + "/start", null);
      assertThat(started.status()).isEqualTo(200);
      JsonNode session = started.json();
      assertThat(session.get("jobId").asText()).isEqualTo(id);
      assertThat(session.get("jobType").asText()).isEqualTo("Copy");
      assertThat(session.get("status").asText()).isEqualTo("Running");
      assertThat(session.get("repositoryId").asText()).isEqualTo(LONG_TERM_REPOSITORY);
      assertThat(session.get("_links").get("job").get("href").asText()).endsWith(self);
      assertError(client.post(self + "/start", null), 409, "OperationConflict", "already running");
      assertError(client.delete(self), 409, "OperationConflict", "running");
      assertThat(client.get(self).json().get("lastStatus").asText()).isEqualTo("Running");
      assertThat(client.post(self + "/stop", null).status()).isEqualTo(204);
      assertThat(eventsSince(client, token)).containsExactly("JobSessionUpdate:Copy:Running",
          "JobSessionUpdate:Copy:Stopped");
      assertThat(client.get(self).json().get("lastStatus").asText()).isEqualTo("Stopped");

      String sessionId = client.post(self + "/start", null).json().get("id").asText();
      assertThat(eventsUntil(client, token, sessionEnded(sessionId, "Success")))
          .as("a run emits JobSessionUpdate (jobType Copy) only, never JobUpdate")
          .containsExactly("JobSessionUpdate:Copy:Running", "JobSessionUpdate:Copy:Success");
      JsonNode afterRun = client.get(self).json();
      assertThat(afterRun.get("eTag").asLong()).as("6, then 4 session state changes").isEqualTo(10);
      assertThat(afterRun.get("lastStatus").asText()).isEqualTo("Success");
      assertThat(afterRun.has("lastBackup")).isTrue();
      JsonNode ended = client.get("/v8/JobSessions/" + sessionId).json();
      assertThat(ended.get("jobType").asText()).isEqualTo("Copy");
      assertThat(ended.get("status").asText()).isEqualTo("Success");
      assertThat(afterRun.get("lastRun").asText()).isEqualTo(ended.get("creationTime").asText());
      JsonNode sessions = client.get("/v8/JobSessions?jobId=" + id).json().get("results");
      assertThat(sessions).hasSize(2);
      sessions.forEach(s -> assertThat(s.get("jobType").asText()).isEqualTo("Copy"));
      assertThat(client.get("/v8/JobSessions?jobId=" + backupJobId).json().get("results"))
          .as("the backup job did not run").isEmpty();

      assertThat(client.delete(self).status()).isEqualTo(204);
      assertThat(eventsSince(client, token)).containsExactly("JobDelete:Copy");
      assertError(client.get(self), 404, "ResourceNotFound", id);
      assertError(client.get("/v8/Jobs/" + backupJobId + "/CopyJob"), 404, "ResourceNotFound", "no backup copy job");
      assertThat(client.get("/v8/Jobs/" + backupJobId).status()).as("the backup job stays").isEqualTo(200);
      count("v8", client);
    }
  }

  @Test
  void v8RefusesWhatTheRulesForbid() {
    try (Simulator simulator = start(ApiVersion.V8, Duration.ZERO)) {
      SimClient client = new SimClient(simulator, OpenApiContract.forVersion("v8"));
      String backupJobId = client.post("/v8/Jobs", newJob("Source")).json().get("id").asText();
      String otherJobId = client.post("/v8/Jobs", newJob("Other source")).json().get("id").asText();
      String id = client.post("/v8/CopyJobs", newCopyJob(backupJobId, ARCHIVE_REPOSITORY)).json().get("id").asText();
      String[] token = {latest(client)};

      assertError(client.post("/v8/CopyJobs", newCopyJob(backupJobId, LONG_TERM_REPOSITORY)), 409,
          "OperationConflict", "already has a backup copy job");
      assertError(client.post("/v8/CopyJobs", newCopyJob(otherJobId, DEFAULT_REPOSITORY)), 400,
          "ParameterValidationFailure", "archive");
      assertError(client.post("/v8/CopyJobs", newCopyJob(otherJobId, "00000000-0000-0000-0000-00000000abcd")), 404,
          "ResourceNotFound", "repositoryId");
      String unknownJob = "00000000-0000-0000-0000-000000000042";
      assertError(client.post("/v8/CopyJobs", newCopyJob(unknownJob, ARCHIVE_REPOSITORY)), 404,
          "ResourceNotFound", "Backup job with ID '" + unknownJob + "' (backupJobId)");
      Map<String, Object> otherOrg = newCopyJob(otherJobId, ARCHIVE_REPOSITORY);
      otherOrg.put("organizationId", FABRIKAM);
      assertError(client.post("/v8/CopyJobs", otherOrg), 400, "ParameterValidationFailure", "organizationId");
      Map<String, Object> withoutJob = newCopyJob(otherJobId, ARCHIVE_REPOSITORY);
      withoutJob.remove("backupJobId");
      assertError(client.callInvalid("POST", "/v8/CopyJobs", withoutJob), 400, "ParameterValidationFailure",
          "backupJobId");

      Map<String, Object> schedule = newCopyJob(otherJobId, ARCHIVE_REPOSITORY);
      schedule.put("schedulePolicy", Map.of("type", "Periodically"));
      assertError(client.post("/v8/CopyJobs", schedule), 400, "ParameterValidationFailure",
          "schedulePolicy.periodicallyEvery");
      schedule.put("schedulePolicy", Map.of("type", "DailyAtTime", "dailyType", "Friday"));
      assertError(client.post("/v8/CopyJobs", schedule), 400, "ParameterValidationFailure",
          "schedulePolicy.dailyTime");
      schedule.put("schedulePolicy", Map.of("type", "DailyAtTime", "dailyTime", "25:00"));
      assertError(client.post("/v8/CopyJobs", schedule), 400, "ParameterValidationFailure", "not a valid time");
      schedule.put("schedulePolicy", Map.of("type", "Immediate", "backupCopyWindowEnabled", true));
      assertError(client.post("/v8/CopyJobs", schedule), 400, "ParameterValidationFailure",
          "schedulePolicy.backupCopyWindowSettings");
      schedule.put("schedulePolicy", Map.of("type", "Immediate", "backupCopyWindowEnabled", true,
          "backupCopyWindowSettings", Map.of("backupWindow", List.of(true, false))));
      assertError(client.post("/v8/CopyJobs", schedule), 400, "ParameterValidationFailure", "168");
      schedule.put("schedulePolicy", Map.of("type", "Daily", "dailyTime", "22:00"));
      assertError(client.callInvalid("POST", "/v8/CopyJobs", schedule), 400, "ParameterValidationFailure",
          "Immediate, Periodically, DailyAtTime");
      schedule.put("schedulePolicy", Map.of("type", "Periodically", "periodicallyEvery", "Hours24"));
      assertError(client.callInvalid("POST", "/v8/CopyJobs", schedule), 400, "ParameterValidationFailure",
          "periodicallyEvery");

      String self = "/v8/CopyJobs/" + id;
      assertError(client.put(self, Map.of("repositoryId", DEFAULT_REPOSITORY)), 400, "ParameterValidationFailure",
          "archive");
      String otherCopy = client.post("/v8/CopyJobs", newCopyJob(otherJobId, LONG_TERM_REPOSITORY)).json()
          .get("id").asText();
      assertError(client.put(self, Map.of("backupJobId", otherJobId)), 409, "OperationConflict",
          "already has a backup copy job");
      assertError(client.put(self, Map.of("backupJobId", unknownJob)), 404, "ResourceNotFound", "backupJobId");
      assertThat(client.get(self).json().get("eTag").asLong()).as("refused edits change nothing").isEqualTo(1);
      assertThat(eventsSince(client, token)).as("only the second create").containsExactly("JobUpdate:Copy:1");
      assertThat(client.get("/v8/Jobs/" + otherJobId + "/CopyJob").json().get("id").asText()).isEqualTo(otherCopy);

      assertError(client.get("/v8/Jobs/" + unknownJob + "/CopyJob"), 404, "ResourceNotFound", unknownJob);
      String lonelyJob = client.post("/v8/Jobs", newJob("No copy")).json().get("id").asText();
      assertError(client.get("/v8/Jobs/" + lonelyJob + "/CopyJob"), 404, "ResourceNotFound", "no backup copy job");
      assertError(client.get("/v8/CopyJobs/" + unknownJob), 404, "ResourceNotFound", unknownJob);
      assertError(client.get("/v8/CopyJobs/" + unknownJob + "/BackupJob"), 404, "ResourceNotFound", unknownJob);
      assertError(client.post("/v8/CopyJobs/" + unknownJob + "/start", null), 404, "ResourceNotFound", unknownJob);
      assertError(client.callInvalid("GET", "/v8/CopyJobs/not-a-uuid", null), 400, "ParameterValidationFailure",
          "not-a-uuid");
      count("v8", client);
    }
  }

  @Test
  void deletingABackupJobDeletesItsCopyJobUnlessEitherRuns() {
    try (Simulator simulator = start(ApiVersion.V8, Duration.ofMinutes(5))) {
      SimClient client = new SimClient(simulator, OpenApiContract.forVersion("v8"));
      String backupJobId = client.post("/v8/Jobs", newJob("Cascade")).json().get("id").asText();
      String id = client.post("/v8/CopyJobs", newCopyJob(backupJobId, ARCHIVE_REPOSITORY)).json().get("id").asText();
      String[] token = {latest(client)};

      client.post("/v8/CopyJobs/" + id + "/start", null);
      assertError(client.delete("/v8/Jobs/" + backupJobId), 409, "OperationConflict", "Cascade (copy)");
      client.post("/v8/CopyJobs/" + id + "/stop", null);
      assertThat(client.delete("/v8/Jobs/" + backupJobId).status()).isEqualTo(204);
      assertThat(eventsSince(client, token)).containsExactly("JobSessionUpdate:Copy:Running",
          "JobSessionUpdate:Copy:Stopped", "JobDelete:Copy", "JobDelete:Backup");
      assertError(client.get("/v8/CopyJobs/" + id), 404, "ResourceNotFound", id);
      assertThat(client.get("/v8/CopyJobs").json().get("results")).isEmpty();
      count("v8", client);
    }
  }

  @Test
  void anImmediateCopyJobRunsAfterEachBackupThatMadeARestorePoint() {
    try (Simulator simulator = start(ApiVersion.V8, Duration.ofMillis(200))) {
      SimClient client = new SimClient(simulator, OpenApiContract.forVersion("v8"));
      String immediateJob = client.post("/v8/Jobs", newJob("Immediate source")).json().get("id").asText();
      String dailyJob = client.post("/v8/Jobs", newJob("Daily source")).json().get("id").asText();
      String immediate = client.post("/v8/CopyJobs", newCopyJob(immediateJob, ARCHIVE_REPOSITORY)).json()
          .get("id").asText();
      Map<String, Object> daily = newCopyJob(dailyJob, ARCHIVE_REPOSITORY);
      daily.put("schedulePolicy", Map.of("type", "DailyAtTime", "dailyTime", "23:00:00"));
      client.post("/v8/CopyJobs", daily);
      String[] token = {latest(client)};

      client.post("/v8/Jobs/" + immediateJob + "/start", Map.of("full", false));
      List<String> events = eventsUntil(client, token, e -> e.get("eventType").asText().equals("JobSessionUpdate")
          && e.get("jobId").asText().equals(immediate) && e.get("status").asText().equals("Success"));
      assertThat(events).containsExactly("JobSessionUpdate:Backup:Running", "JobSessionUpdate:Backup:Success",
          "JobSessionUpdate:Copy:Running", "JobSessionUpdate:Copy:Success");
      assertThat(client.get("/v8/CopyJobs/" + immediate).json().get("lastStatus").asText()).isEqualTo("Success");

      String backupSession = client.post("/v8/Jobs/" + dailyJob + "/start", Map.of("full", false)).json()
          .get("id").asText();
      assertThat(eventsUntil(client, token, sessionEnded(backupSession, "Success")))
          .containsExactly("JobSessionUpdate:Backup:Running", "JobSessionUpdate:Backup:Success");
      client.put("/v8/Jobs/" + dailyJob, Map.of("description", "a marker event"));
      assertThat(eventsUntil(client, token, e -> e.get("eventType").asText().equals("JobUpdate")))
          .as("a DailyAtTime copy job waits for its time").containsExactly("JobUpdate:Backup:4");
      count("v8", client);
    }
  }

  @Test
  void copyJobRoutesAreCountedAndFaultedLikeTheOthers() {
    try (Simulator simulator = start(ApiVersion.V8, Duration.ZERO)) {
      SimClient client = new SimClient(simulator, OpenApiContract.forVersion("v8"));
      String backupJobId = client.post("/v8/Jobs", newJob("Counted")).json().get("id").asText();
      simulator.resetRequestCounts();
      String id = client.post("/v8/CopyJobs", newCopyJob(backupJobId, ARCHIVE_REPOSITORY)).json().get("id").asText();
      client.get("/v8/CopyJobs/" + id);
      client.get("/v8/CopyJobs/" + id);
      client.get("/v8/Jobs/" + backupJobId + "/CopyJob");
      client.post("/v8/CopyJobs/" + id + "/start", null);
      assertThat(simulator.requestCounts()).containsEntry("POST /v8/CopyJobs", 1L)
          .containsEntry("GET /v8/CopyJobs/{id}", 2L).containsEntry("GET /v8/Jobs/{jobId}/CopyJob", 1L)
          .containsEntry("POST /v8/CopyJobs/{id}/start", 1L);

      simulator.setFaults(Faults.NONE.withErrorRate(1.0).withErrorStatus(503).withPathPattern("/CopyJobs"));
      assertThat(client.get("/v8/CopyJobs").status()).isEqualTo(503);
      assertThat(client.get("/v8/Jobs/" + backupJobId).status()).isEqualTo(200);
      simulator.setFaults(Faults.NONE);
      assertThat(client.get("/v8/CopyJobs").status()).isEqualTo(200);
      count("v8", client);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"v7", "v6"})
  void legacyVersionsWithoutETagOrEvents(String version) {
    try (Simulator simulator = start(ApiVersion.parse(version), Duration.ZERO)) {
      SimClient client = new SimClient(simulator, OpenApiContract.forVersion(version));
      String v = "/" + version;
      Map<String, Object> job = Map.of("name", "Legacy source", "description", "", "backupType", "SelectedItems",
          "repositoryId", DEFAULT_REPOSITORY,
          "schedulePolicy", Map.of("type", "Daily", "dailyType", "Everyday", "dailyTime", "01:00:00"));
      String backupJobId = client.post(v + "/Organizations/" + CONTOSO + "/Jobs", job).json().get("id").asText();

      Map<String, Object> create = Map.of("backupJobId", backupJobId, "repositoryId", ARCHIVE_REPOSITORY,
          "name", "Legacy copy", "schedulePolicy", Map.of("type", "Periodically", "periodicallyEvery", "Hours8"));
      SimClient.Response created = client.post(v + "/CopyJobs", create);
      assertThat(created.status()).isEqualTo(200);
      JsonNode copy = created.json();
      String id = copy.get("id").asText();
      String self = v + "/CopyJobs/" + id;
      assertThat(copy.get("name").asText()).isEqualTo("Legacy copy");
      assertThat(copy.has("eTag")).isFalse();
      assertThat(copy.has("organizationId")).isFalse();
      assertThat(copy.get("schedulePolicy").get("periodicallyEvery").asText()).isEqualTo("Hours8");

      assertThat(client.get(v + "/CopyJobs").json()).hasSize(1);
      assertThat(client.get(v + "/CopyJobs?repositoryId=" + LONG_TERM_REPOSITORY).json()).isEmpty();
      assertThat(client.get(self).json()).isEqualTo(copy);
      assertThat(client.get(v + "/Jobs/" + backupJobId + "/CopyJob").json().get("id").asText()).isEqualTo(id);
      assertThat(client.get(self + "/BackupJob").json().get("id").asText()).isEqualTo(backupJobId);

      assertError(client.post(v + "/CopyJobs", Map.of("backupJobId", backupJobId, "repositoryId",
          LONG_TERM_REPOSITORY)), 409, null, "already has a backup copy job");
      assertError(client.post(v + "/CopyJobs", Map.of("backupJobId", backupJobId, "repositoryId",
          DEFAULT_REPOSITORY)), 400, null, "archive");
      assertError(client.callInvalid("PUT", self, Map.of("schedulePolicy",
          Map.of("type", "Periodically", "periodicallyEvery", "Hours12"))), 400, null, "Hours12");

      assertThat(client.put(self, Map.of("name", "Legacy copy (renamed)", "schedulePolicy",
          Map.of("type", "DailyAtTime", "dailyTime", "02:00:00", "dailyType", "Sunday"))).status()).isEqualTo(204);
      JsonNode edited = client.get(self).json();
      assertThat(edited.get("name").asText()).isEqualTo("Legacy copy (renamed)");
      assertThat(edited.get("schedulePolicy").get("dailyType").asText()).isEqualTo("Sunday");
      assertThat(edited.has("nextRun")).isTrue();
      assertThat(client.post(self + "/disable", null).status()).isEqualTo(204);
      assertThat(client.get(self).json().get("isEnabled").asBoolean()).isFalse();
      assertThat(client.post(self + "/enable", null).status()).isEqualTo(204);

      Object startBody = version.equals("v6") ? Map.of("full", false) : null;
      assertThat(client.post(self + "/start", startBody).status()).isEqualTo(204);
      assertThat(client.post(self + "/stop", null).status()).isEqualTo(204);
      JsonNode afterRun = client.get(self).json();
      assertThat(afterRun.get("lastStatus").asText()).isEqualTo("Success");
      assertThat(afterRun.has("lastBackup")).as("v6's RESTCopyJob has no lastBackup")
          .isEqualTo(!version.equals("v6"));
      JsonNode sessions = client.get(v + "/JobSessions").json().get("results");
      assertThat(sessions).hasSize(1);
      if (version.equals("v7")) {
        assertThat(sessions.get(0).get("jobType").asText()).isEqualTo("Copy");
        assertThat(client.get(v + "/JobSessions?jobId=" + id).json().get("results")).hasSize(1);
      } else {
        assertThat(sessions.get(0).has("jobType")).as("v6 sessions have no jobType").isFalse();
      }

      assertThat(client.delete(self).status()).isEqualTo(204);
      assertError(client.get(self), 404, null, id);
      assertError(client.get(v + "/Jobs/" + backupJobId + "/CopyJob"), 404, null, "no backup copy job");
      assertThat(client.callOutsideSpec("GET", v + "/Events?from=latest", null).status()).isEqualTo(404);
      count(version, client);
    }
  }
}
