package dev.vb365.operator.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vb365.operator.controller.OperatorSettings;
import dev.vb365.operator.controller.Vb365Operator;
import dev.vb365.simulator.SimulatorOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user with the real kubectl against the embedded API and the operator: apply (with kubectl's own validation),
 * read status, edit a list and apply again, a typo refused, delete.
 */
class KubectlEndToEndTest {

  @Test
  void applyReadStatusAndDeleteAnExampleWithRealKubectl(@TempDir Path dir) throws Exception {
    Path example = examples().resolve("10-backupjob-finance.yaml");
    try (Sandbox sandbox = Sandbox.start(SimulatorOptions.defaults());
        Vb365Operator operator = Vb365Operator.start(sandbox.client(), OperatorSettings.defaults(),
            new SimpleMeterRegistry())) {
      sandbox.connectionSecret("contoso", "vb365");
      Kubectl kubectl = new Kubectl(sandbox.kubernetes().writeKubeconfig(dir.resolve("kubeconfig")),
          dir.resolve("cache"));

      assertThat(kubectl.ok("apply", "-f", example.toString()))
          .contains("backupjob.backup.vb365.dev/finance created");
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> kubectl.ok("get",
          "backupjob", "finance", "-n", "contoso", "-o", "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}")
          .equals("True"));
      String jobId = kubectl.ok("get", "bj", "finance", "-n", "contoso", "-o", "jsonpath={.status.jobId}");
      assertThat(sandbox.simulator().jobIds()).containsExactly(UUID.fromString(jobId));
      assertThat(kubectl.ok("get", "bj", "finance", "-n", "contoso", "-o", "jsonpath={.status.eTag}")).isEqualTo("1");
      assertThat(kubectl.ok("get", "backupjobs", "-n", "contoso")).containsPattern("NAME +READY +SYNCED +DRIFTED +LAST STATUS +LAST BACKUP +NEXT RUN +AGE")
          .containsPattern("finance +True +True +False");
      // What the kind, and its spec, are: the first lines of kubectl explain.
      assertThat(kubectl.ok("explain", "backupjob").replaceAll("\\s+", " "))
          .contains("A Veeam Backup for Microsoft 365 (VB365) backup job, declared in Kubernetes");
      assertThat(kubectl.ok("explain", "backupjob.spec").replaceAll("\\s+", " "))
          .contains("The VB365 job as it should be.");

      assertThat(kubectl.ok("describe", "bj", "finance", "-n", "contoso")).contains("JobCreated")
          .contains("created VB365 job \"Finance\"");

      // Applying the same file again changes nothing in VB365.
      long writesBefore = writes(sandbox);
      assertThat(kubectl.ok("apply", "-f", example.toString())).contains("unchanged");
      assertThat(writes(sandbox)).isEqualTo(writesBefore);

      // An edited list replaces the old one (RFC 7386), as on a real API server: one item removal reaches VB365.
      String yaml = Files.readString(example);
      Path edited = dir.resolve("finance.yaml");
      Files.writeString(edited, yaml.replace("  - type: Site\n    site: {url: https://contoso.sharepoint.com/sites/finance}\n",
          ""));
      assertThat(Files.readString(edited)).isNotEqualTo(yaml);
      sandbox.simulator().resetRequestCounts();
      assertThat(kubectl.ok("apply", "-f", edited.toString())).contains("configured");
      await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.simulator().requestCounts()
          .getOrDefault("DELETE /v8/Jobs/{jobId}/SelectedItems", 0L) == 1L);
      assertThat(kubectl.ok("get", "bj", "finance", "-n", "contoso", "-o", "jsonpath={.spec.selectedItems[*].type}"))
          .isEqualTo("Group");
      await().atMost(Duration.ofSeconds(30)).until(() -> kubectl.ok("get", "bj", "finance", "-n", "contoso", "-o",
          "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}").equals("True"));
      assertThat(writes(sandbox)).isEqualTo(1);

      // A field the schema does not declare is refused by kubectl's strict field validation, naming it.
      Path typo = dir.resolve("typo.yaml");
      Files.writeString(typo, yaml.replace("  jobName: Finance\n", "  jobName: Finance\n  jobname: Finance\n"));
      Kubectl.Result refused = kubectl.run("apply", "-f", typo.toString());
      assertThat(refused.exitCode()).isNotZero();
      assertThat(refused.stderr()).contains("unknown field \"spec.jobname\"");

      // The mock API streams watches over WebSocket only, so kubectl cannot wait for the finalizer: poll.
      assertThat(kubectl.ok("delete", "backupjob", "finance", "-n", "contoso", "--wait=false")).contains("deleted");
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
          .until(() -> sandbox.simulator().jobIds().isEmpty());
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
          .until(() -> kubectl.run("get", "bj", "finance", "-n", "contoso").stderr().contains("NotFound"));
      assertThat(sandbox.simulator().requestCounts()).containsEntry("DELETE /v8/Jobs/{jobId}", 1L);
    }
  }

  private static long writes(Sandbox sandbox) {
    return sandbox.simulator().requestCounts().entrySet().stream()
        .filter(e -> !e.getKey().startsWith("GET ") && !e.getKey().endsWith("/token"))
        .mapToLong(e -> e.getValue()).sum();
  }

  static Path examples() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("examples"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no examples/ above " + Path.of("").toAbsolutePath());
    }
    return dir.resolve("examples");
  }
}
