package dev.vb365.simulator;

import static dev.vb365.simulator.JobBodies.newJob;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vb365.simulator.testsupport.DefaultFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Concurrent writers: no lost updates, one eTag step per write, one event per write, unique names. */
class ConcurrencyTest {

  @Test
  void concurrentItemWritesAreAllKeptAndEachStepsTheETag() throws Exception {
    try (Simulator simulator = Simulator.start(SimulatorOptions.defaults())) {
      SimClient client = new SimClient(simulator, null);
      String jobId = client.post("/v8/Jobs", newJob("busy job")).json().get("id").asText();
      String job = "/v8/Jobs/" + jobId;
      String token = client.get("/v8/Events?from=latest").json().get("nextChangeToken").asText();
      JsonNode users = client.get("/v8/Organizations/" + DefaultFixture.CONTOSO + "/Users?userName=user0*&limit=50")
          .json().get("results");
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Callable<Integer>> writes = new ArrayList<>();
      for (JsonNode user : users) {
        writes.add(() -> client.post(job + "/SelectedItems", JobBodies.users(user.get("id").asText())).status());
      }
      for (int i = 0; i < 10; i++) {
        int n = i;
        writes.add(() -> client.put(job, Map.of("description", "edit " + n)).status());
      }
      for (Future<Integer> f : pool.invokeAll(writes)) {
        assertThat(f.get()).isEqualTo(204);
      }
      pool.shutdown();
      assertThat(client.get(job + "/SelectedItems?limit=100").json().get("results")).hasSize(50);
      assertThat(client.get(job).json().get("eTag").asLong()).isEqualTo(1 + 50 + 10);
      JsonNode events = client.get("/v8/Events?from=" + token + "&limit=1000").json().get("results");
      assertThat(events).hasSize(60);
      List<Long> etags = new ArrayList<>();
      events.forEach(e -> {
        if (e.get("eventType").asText().equals("JobUpdate")) {
          etags.add(e.get("eTag").asLong());
        }
      });
      assertThat(etags).hasSize(10).isSorted().doesNotHaveDuplicates();
    }
  }

  @Test
  void concurrentCreatesWithOneNameYieldOneJob() throws Exception {
    try (Simulator simulator = Simulator.start(SimulatorOptions.defaults())) {
      SimClient client = new SimClient(simulator, null);
      client.token();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Callable<Integer>> creates = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        creates.add(() -> client.post("/v8/Jobs", newJob("Nightly")).status());
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(creates)) {
        statuses.add(f.get());
      }
      pool.shutdown();
      assertThat(statuses).containsOnly(201, 409);
      assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
      assertThat(simulator.jobIds()).hasSize(1);
    }
  }
}
