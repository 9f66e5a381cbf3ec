package dev.vb365.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real `bench` command, small: its backend child JVM starts and ends, both feed modes converge, and the JSON
 * on the last line carries every figure with sane values. No assertions on timing: only that figures exist.
 */
class BenchCommandTest {

  @Test
  void measuresBothFeedModesAgainstABackendInAChildProcessAndPrintsJsonLast() throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    int exit = ToolkitMain.execute(new String[] {"bench", "--jobs", "6", "--items", "2", "--latency-ms", "0",
        "--steady-seconds", "3", "--drift-edits", "2", "--poll-interval", "2s", "--timeout", "60s", "--feed", "both",
        "--json"}, out, out, Map.of());
    String printed = buffer.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(printed).isZero();

    List<String> lines = printed.lines().filter(l -> !l.isBlank()).toList();
    JsonNode json = new ObjectMapper().readTree(lines.get(lines.size() - 1));
    assertThat(json.path("jobs").asInt()).isEqualTo(6);
    assertThat(json.path("items").asInt()).isEqualTo(2);
    assertThat(json.path("modes").has("events")).isTrue();
    assertThat(json.path("modes").has("poll")).isTrue();
    for (String mode : List.of("events", "poll")) {
      JsonNode m = json.path("modes").path(mode);
      assertThat(m.path("completed").asBoolean()).as(mode + ": " + m).isTrue();
      assertThat(m.path("convergeSeconds").asDouble()).as(mode).isPositive();
      assertThat(m.path("directSeconds").asDouble()).as(mode).isPositive();
      assertThat(m.path("ratio").isNumber()).as(mode).isTrue();
      // Every job was created with its items in exactly one call, by the operator and by the direct client.
      assertThat(m.path("callsByKind").path("POST /v8/Jobs").asLong()).as(mode).isEqualTo(6);
      assertThat(m.path("directCallsByKind").path("POST /v8/Jobs").asLong()).as(mode).isEqualTo(6);
      assertThat(m.path("directCalls").asLong()).as(mode).isGreaterThanOrEqualTo(7);
      assertThat(m.path("callsPerJob").asDouble()).as(mode).isGreaterThan(m.path("callsPerJobBeyondLookups").asDouble());
      assertThat(m.path("callsPerJobBeyondLookups").asDouble()).as(mode).isGreaterThanOrEqualTo(1.0);
      assertThat(m.path("steadyCallsPerMinute").isNumber()).as(mode).isTrue();
      assertThat(m.path("driftSamplesMs").size()).as(mode).isEqualTo(2);
      assertThat(m.path("driftP50Ms").isNumber()).as(mode).isTrue();
      assertThat(m.path("driftP99Ms").asDouble()).as(mode).isGreaterThanOrEqualTo(m.path("driftP50Ms").asDouble());
      assertThat(m.path("kubernetesByKind").path("PUT backupjobs/status").path("count").asLong())
          .as(mode + ": the embedded API's status writes are counted").isGreaterThanOrEqualTo(6);
      assertThat(m.path("kubernetesRequests").asLong()).as(mode).isGreaterThanOrEqualTo(12);
      assertThat(m.path("kubernetesSeconds").asDouble()).as(mode).isPositive();
      assertThat(m.path("kubernetesBusySeconds").asDouble()).as(mode).isPositive()
          .isLessThanOrEqualTo(m.path("convergeSeconds").asDouble() + 1);
      assertThat(m.path("reconcileThreads").asInt()).as(mode).isEqualTo(4 * json.path("concurrency").asInt());
      assertThat(m.path("heapMiB").asDouble()).as(mode).isPositive();
      assertThat(m.path("rssMiB").asDouble()).as(mode).isGreaterThanOrEqualTo(m.path("heapMiB").asDouble());
      long pid = m.path("backendPid").asLong();
      assertThat(pid).as(mode).isPositive().isNotEqualTo(ProcessHandle.current().pid());
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
          .as("the backend child process " + pid + " has ended").isFalse();
    }
    // The human table, one column per mode.
    assertThat(printed).containsPattern("BackupJobs Ready after \\(s\\) +[0-9.]+ +[0-9.]+");
    assertThat(printed).contains("POST /v8/Jobs");
  }

  @Test
  void refusesItemsBeyondTheDirectoryPool() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    int exit = ToolkitMain.execute(new String[] {"bench", "--items", "1000"}, out, out, Map.of());
    assertThat(exit).isEqualTo(Main.EXIT_USAGE);
    assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("--items");
  }
}
