package dev.vb365.simulator;

import static dev.vb365.simulator.JobBodies.newJob;
import static dev.vb365.simulator.JobBodies.users;
import static dev.vb365.simulator.testsupport.DefaultFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vb365.simulator.testsupport.OpenApiContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The eTag rule and the change feed (GET /v8/Events), as the README documents them. */
class ETagAndEventsTest {

  private static Simulator start(int eventLogCapacity) {
    return Simulator.start(SimulatorOptions.defaults().withSessionDuration(Duration.ZERO)
        .withEventLogCapacity(eventLogCapacity));
  }

  private static long eTag(SimClient client, String job) {
    return client.get(job).json().get("eTag").asLong();
  }

  /** Events since a token: the list of "eventType" (plus status for sessions), and the next token. */
  private static List<String> eventsSince(SimClient client, String[] token) {
    JsonNode page = client.get("/v8/Events?from=" + token[0] + "&limit=100").json();
    token[0] = page.get("nextChangeToken").asText();
    List<String> out = new ArrayList<>();
    for (JsonNode e : page.get("results")) {
      String type = e.get("eventType").asText();
      out.add(type.equals("JobSessionUpdate") ? type + ":" + e.get("status").asText()
          : type.equals("JobUpdate") ? type + ":" + e.get("eTag").asLong() : type);
    }
    return out;
  }

  @Test
  void everyChangeStepsTheETagOnceAndAppendsItsEvent() {
    try (Simulator simulator = start(1000)) {
      SimClient client = new SimClient(simulator, OpenApiContract.forVersion("v8"));
      String[] token = {client.get("/v8/Events?from=latest").json().get("nextChangeToken").asText()};

      JsonNode created = client.post("/v8/Jobs", newJob("etag job")).json();
      String job = "/v8/Jobs/" + created.get("id").asText();
      assertThat(created.get("eTag").asLong()).isEqualTo(1);
      assertThat(eventsSince(client, token)).containsExactly("JobUpdate:1");

      client.get(job);
      client.get(job + "/SelectedItems");
      assertThat(eTag(client, job)).as("reads change nothing").isEqualTo(1);

      client.put(job, Map.of("description", "edited"));
      assertThat(eTag(client, job)).isEqualTo(2);
      assertThat(eventsSince(client, token)).containsExactly("JobUpdate:2");

      client.post(job + "/SelectedItems", users(ALICE, BOB));
      assertThat(eTag(client, job)).isEqualTo(3);
      client.post(job + "/ExcludedItems", users(INTERN));
      assertThat(eTag(client, job)).isEqualTo(4);
      client.delete(job + "/SelectedItems?ids=" + USER_ITEM_PREFIX + BOB);
      assertThat(eTag(client, job)).isEqualTo(5);
      assertThat(eventsSince(client, token))
          .containsExactly("JobSelectedItemsChange", "JobExcludedItemsChange", "JobSelectedItemsChange");

      client.post(job + "/enable", null);
      assertThat(eTag(client, job)).as("enabling an enabled job changes nothing").isEqualTo(5);
      client.post(job + "/disable", null);
      assertThat(eTag(client, job)).isEqualTo(6);
      client.post(job + "/enable", null);
      assertThat(eTag(client, job)).isEqualTo(7);
      assertThat(eventsSince(client, token)).containsExactly("JobUpdate:6", "JobUpdate:7");

      JsonNode session = client.post(job + "/start", Map.of("full", false)).json();
      JsonNode afterRun = client.get(job).json();
      assertThat(afterRun.get("eTag").asLong()).as("Running, then Success: two session state changes").isEqualTo(9);
      assertThat(afterRun.get("lastStatus").asText()).isEqualTo("Success");
      assertThat(afterRun.get("lastRun").asText()).isEqualTo(session.get("creationTime").asText());
      assertThat(afterRun.has("lastBackup")).isTrue();
      assertThat(eventsSince(client, token)).as("a run emits JobSessionUpdate only, never JobUpdate")
          .containsExactly("JobSessionUpdate:Running", "JobSessionUpdate:Success");

      client.put(job, Map.of("selectedItems", users(ALICE, USER001)));
      assertThat(eTag(client, job)).isEqualTo(10);
      assertThat(eventsSince(client, token)).containsExactly("JobUpdate:10", "JobSelectedItemsChange");

      client.delete(job);
      assertThat(eventsSince(client, token)).containsExactly("JobDelete");
    }
  }

  @Test
  void sessionEventsCarryTheSessionIdJobIdAndStatus() {
    try (Simulator simulator = start(1000)) {
      SimClient client = new SimClient(simulator, OpenApiContract.forVersion("v8"));
      String job = "/v8/Jobs/" + client.post("/v8/Jobs", newJob("session job")).json().get("id").asText();
      String token = client.get("/v8/Events?from=latest").json().get("nextChangeToken").asText();
      String sessionId = client.post(job + "/start", Map.of("full", true)).json().get("id").asText();
      JsonNode events = client.get("/v8/Events?from=" + token).json().get("results");
      assertThat(events).hasSize(2);
      for (JsonNode e : events) {
        assertThat(e.get("id").asText()).isEqualTo(sessionId);
        assertThat(e.get("jobId").asText()).isEqualTo(job.substring("/v8/Jobs/".length()));
        assertThat(e.get("jobType").asText()).isEqualTo("Backup");
      }
      assertThat(events.get(1).get("eTag").asLong()).isGreaterThan(events.get(0).get("eTag").asLong());
    }
  }

  @Test
  void longPollAnswersWhenAChangeArrives() throws Exception {
    try (Simulator simulator = start(1000)) {
      SimClient client = new SimClient(simulator, OpenApiContract.forVersion("v8"));
      String token = client.get("/v8/Events?from=latest").json().get("nextChangeToken").asText();
      CompletableFuture<JsonNode> poll = CompletableFuture.supplyAsync(() ->
          client.get("/v8/Events?from=" + token + "&timeoutSeconds=30").json());
      Thread.sleep(300);
      assertThat(poll).isNotDone();
      client.post("/v8/Jobs", newJob("wakes the poll"));
      JsonNode page = poll.get(10, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(page.get("results")).hasSize(1);
      assertThat(page.get("nextChangeToken").asText()).isNotEqualTo(token);

      JsonNode empty = client.get("/v8/Events?from=" + page.get("nextChangeToken").asText() + "&timeoutSeconds=1").json();
      assertThat(empty.get("results")).as("timeout with nothing new").isEmpty();
      assertThat(empty.get("nextChangeToken").asText()).isEqualTo(page.get("nextChangeToken").asText());
    }
  }

  @Test
  void pagesThroughEventsWithLimit() {
    try (Simulator simulator = start(1000)) {
      SimClient client = new SimClient(simulator, OpenApiContract.forVersion("v8"));
      String token = client.get("/v8/Events?from=latest").json().get("nextChangeToken").asText();
      for (int i = 0; i < 5; i++) {
        client.post("/v8/Jobs", newJob("job " + i));
      }
      JsonNode first = client.get("/v8/Events?from=" + token + "&limit=3").json();
      assertThat(first.get("results")).hasSize(3);
      JsonNode second = client.get("/v8/Events?from=" + first.get("nextChangeToken").asText() + "&limit=3").json();
      assertThat(second.get("results")).hasSize(2);
    }
  }

  @Test
  void aTokenOlderThanTheLogIsOutdated() {
    try (Simulator simulator = start(3); Simulator other = start(3)) {
      SimClient client = new SimClient(simulator, OpenApiContract.forVersion("v8"));
      String token = client.get("/v8/Events?from=latest").json().get("nextChangeToken").asText();
      client.post("/v8/Jobs", newJob("a"));
      client.post("/v8/Jobs", newJob("b"));
      String stillKept = client.get("/v8/Events?from=" + token).json().get("nextChangeToken").asText();
      assertThat(stillKept).isNotEqualTo(token);
      for (int i = 0; i < 3; i++) {
        client.post("/v8/Jobs", newJob("more " + i));
      }
      SimClient.Response outdated = client.get("/v8/Events?from=" + token);
      assertThat(outdated.status()).isEqualTo(400);
      assertThat(outdated.json().get("errorCode").asText()).isEqualTo("OutdatedChangeToken");

      String foreign = new SimClient(other, null).get("/v8/Events?from=latest").json().get("nextChangeToken").asText();
      assertThat(client.get("/v8/Events?from=" + foreign).json().get("errorCode").asText())
          .as("a token of another server (or of a previous run) is outdated too").isEqualTo("OutdatedChangeToken");
      assertThat(client.get("/v8/Events?from=garbage").json().get("errorCode").asText())
          .isEqualTo("ParameterValidationFailure");
    }
  }
}
