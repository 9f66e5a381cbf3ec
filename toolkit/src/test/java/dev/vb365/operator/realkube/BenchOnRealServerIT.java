package dev.vb365.operator.realkube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * `bench --kubernetes real`, small, as users run it (the packaged toolkit jar): its backend starts etcd and kube-apiserver,
 * the BackupJobs converge, and the figures come from the real server's own request counters. No timing asserted.
 */
class BenchOnRealServerIT {

  @Test
  void theBenchRunsOnARealApiServerAndCountsItsRequests() throws Exception {
    Path log = Files.createTempFile("bench-real", ".log");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", OperatorRun.toolkitJar().toString(), "bench", "--kubernetes", "real", "--jobs", "20", "--items", "3",
        "--latency-ms", "0", "--feed", "events", "--steady-seconds", "2", "--drift-edits", "2", "--timeout", "120s",
        "--json"));
    Process bench = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(bench.waitFor(300, TimeUnit.SECONDS)).as("bench finished").isTrue();
    String printed = Files.readString(log);
    assertThat(bench.exitValue()).as(printed).isZero();
    List<String> lines = printed.lines().filter(l -> l.startsWith("{")).toList();
    JsonNode m = new ObjectMapper().readTree(lines.get(lines.size() - 1)).path("modes").path("events");
    assertThat(m.path("kubernetes").asText()).isEqualTo("real");
    assertThat(m.path("completed").asBoolean()).as(m.toString()).isTrue();
    assertThat(m.path("callsByKind").path("POST /v8/Jobs").asLong()).isEqualTo(20);
    // One finalizer patch, one status write, one Event, one Secret read per new BackupJob, counted by the server.
    JsonNode byKind = m.path("kubernetesByKind");
    assertThat(byKind.path("PATCH backupjobs").path("count").asLong()).isGreaterThanOrEqualTo(20);
    assertThat(byKind.path("PUT backupjobs/status").path("count").asLong()).isGreaterThanOrEqualTo(20);
    assertThat(byKind.path("POST events").path("count").asLong()).isGreaterThanOrEqualTo(20);
    assertThat(byKind.path("GET secrets").path("count").asLong()).isGreaterThanOrEqualTo(20);
    assertThat(m.path("kubernetesBusySeconds").isNull()).as("not measurable on a real server").isTrue();
    assertThat(printed).contains("real Kubernetes API");
    Files.delete(log);
  }
}
