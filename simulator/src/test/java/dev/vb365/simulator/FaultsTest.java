package dev.vb365.simulator;

import static dev.vb365.simulator.JobBodies.newJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vb365.simulator.testsupport.OpenApiContract;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each fault kind, set through PUT /_sim/faults (as tests and demos do) or the start options. */
class FaultsTest {
  static Simulator simulator;
  static SimClient client;

  @BeforeAll
  static void start() {
    simulator = Simulator.start(SimulatorOptions.defaults().withSessionDuration(Duration.ZERO));
    client = new SimClient(simulator, OpenApiContract.forVersion("v8"));
    client.token();
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @AfterEach
  void clear() {
    assertThat(putFaults("{}").status()).isEqualTo(200);
  }

  static SimClient.Response putFaults(String json) {
    return client.send("PUT", "/_sim/faults", Map.of("Content-Type", "application/json"), json, false);
  }

  @Test
  void latencyAndJitterDelayApiCallsButNotControls() {
    putFaults("{\"latencyMs\":300,\"jitterMs\":100}");
    long start = System.nanoTime();
    assertThat(client.get("/v8/Organizations").status()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    start = System.nanoTime();
    client.send("GET", "/_sim/requests", Map.of(), null, false);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(300));
  }

  @Test
  void errorRateAnswersTheErrorStatusOnMatchingPathsOnly() {
    putFaults("{\"errorRate\":1.0,\"errorStatus\":500,\"pathPattern\":\"/Jobs\"}");
    SimClient.Response failed = client.get("/v8/Jobs");
    assertThat(failed.status()).isEqualTo(500);
    assertThat(failed.json().get("message").asText()).contains("Simulated fault");
    assertThat(client.get("/v8/Organizations").status()).isEqualTo(200);

    SimClient unchecked = new SimClient(simulator, null);
    unchecked.token();
    putFaults("{\"errorRate\":0.5}");
    int errors = 0;
    for (int i = 0; i < 200; i++) {
      errors += unchecked.get("/v8/Proxies").status() == 503 ? 1 : 0;
    }
    assertThat(errors).as("default status 503, about half of the calls").isBetween(50, 150);
  }

  @Test
  void resetRateDropsConnectionsWithoutAnswer() {
    putFaults("{\"resetRate\":1.0,\"pathPattern\":\"^/v8/Proxies$\"}");
    assertThatThrownBy(() -> client.get("/v8/Proxies")).isInstanceOf(UncheckedIOException.class);
    assertThat(client.get("/v8/BackupRepositories").status()).isEqualTo(200);
    assertThat(client.send("GET", "/_sim/faults", Map.of(), null, false).json().get("resetRate").asDouble())
        .isEqualTo(1.0);
  }

  @Test
  void lostResponseRateProcessesTheRequestThenDropsTheAnswer() {
    putFaults("{\"lostResponseRate\":1.0,\"pathPattern\":\"^/v8/Jobs$\"}");
    String name = "created, answer lost";
    simulator.resetRequestCounts();
    assertThatThrownBy(() -> client.post("/v8/Jobs", newJob(name))).isInstanceOf(UncheckedIOException.class);
    assertThat(client.get("/v8/Proxies").status()).as("other paths answer").isEqualTo(200);
    putFaults("{}");
    SimClient.Response jobs = client.get("/v8/Jobs");
    assertThat(jobs.json().get("results").findValuesAsText("name")).as("the server did create the job").contains(name);
    assertThat(simulator.requestCounts()).containsEntry("POST /v8/Jobs", 1L);
  }

  @Test
  void sessionOutcomeDecidesHowRunsEnd() {
    putFaults("{\"sessionOutcome\":\"Warning\"}");
    String job = "/v8/Jobs/" + client.post("/v8/Jobs", newJob("warning run")).json().get("id").asText();
    client.post(job + "/start", Map.of("full", false));
    assertThat(client.get(job).json().get("lastStatus").asText()).isEqualTo("Warning");
    putFaults("{\"sessionOutcome\":\"Failed\"}");
    client.post(job + "/start", Map.of("full", false));
    assertThat(client.get(job).json().get("lastStatus").asText()).isEqualTo("Failed");
  }

  @Test
  void invalidFaultsAreRejectedWithTheFieldNamed() {
    assertThat(putFaults("{\"errorRate\":2}").json().get("message").asText()).contains("errorRate");
    assertThat(putFaults("{\"latency\":100}").json().get("message").asText()).contains("latency");
    assertThat(putFaults("{\"pathPattern\":\"(\"}").json().get("message").asText()).contains("pathPattern");
    assertThat(putFaults("{\"sessionOutcome\":\"Great\"}").status()).isEqualTo(400);
  }

  @Test
  void faultsCanBeSetAtStart() {
    try (Simulator faulty = Simulator.start(SimulatorOptions.defaults().withHttp(true)
        .withFaults(Faults.NONE.withErrorRate(1.0).withErrorStatus(502).withPathPattern("Organizations")))) {
      SimClient plain = new SimClient(faulty, null);
      assertThat(faulty.caCertificateFile()).isNull();
      assertThat(faulty.baseUri().getScheme()).isEqualTo("http");
      assertThat(plain.get("/v8/Organizations").status()).isEqualTo(502);
      assertThat(plain.get("/v8/Proxies").status()).isEqualTo(200);
    }
  }

  @Test
  void countsWhatItInjectedByKind() {
    // A simulator of its own: the token revocation would log the other tests out.
    try (Simulator simulator = Simulator.start(SimulatorOptions.defaults())) {
      SimClient client = new SimClient(simulator, null);
      client.token();
      countFaults(simulator, client);
    }
  }

  private static void countFaults(Simulator simulator, SimClient client) {
    java.util.function.Consumer<String> putFaults = json -> assertThat(client.send("PUT", "/_sim/faults",
        Map.of("Content-Type", "application/json"), json, false).status()).isEqualTo(200);
    putFaults.accept("{\"resetRate\":1.0,\"pathPattern\":\"^/v8/Proxies$\"}");
    assertThatThrownBy(() -> client.get("/v8/Proxies")).isInstanceOf(UncheckedIOException.class);
    putFaults.accept("{\"errorRate\":1.0,\"pathPattern\":\"^/v8/Proxies$\"}");
    assertThat(client.get("/v8/Proxies").status()).isEqualTo(503);
    putFaults.accept("{\"lostResponseRate\":1.0,\"pathPattern\":\"^/v8/Jobs$\"}");
    assertThatThrownBy(() -> client.send("POST", "/v8/Jobs", Map.of("Content-Type", "application/json"),
        "{}", false)).isInstanceOf(UncheckedIOException.class);
    putFaults.accept("{\"latencyMs\":250}");
    assertThat(client.get("/v8/BackupRepositories").status()).isEqualTo(200);
    putFaults.accept("{}");
    simulator.revokeTokens();
    client.token();

    FaultCounts counts = simulator.faultCounts();
    assertThat(counts.resets()).as("the JDK client retries a GET once").isBetween(1L, 2L);
    assertThat(counts.errors()).isEqualTo(1);
    assertThat(counts.lostResponses()).isEqualTo(1);
    assertThat(counts.lostResponsesByRoute()).containsEntry("POST /v8/Jobs", 1L);
    assertThat(counts.delayed()).isEqualTo(1);
    assertThat(counts.delayedAtLeast(200)).isEqualTo(1);
    assertThat(counts.delayedAtLeast(300)).isZero();
    assertThat(counts.tokenRevocations()).isEqualTo(1);
    assertThat(client.send("GET", "/_sim/faults/counts", Map.of(), null, false).json().get("resets").asLong())
        .isEqualTo(counts.resets());
  }
}
