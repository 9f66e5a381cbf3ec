package dev.vb365.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.BackupJobSpec;
import dev.vb365.operator.api.ConditionTypes;
import dev.vb365.operator.api.ConnectionSpec;
import dev.vb365.operator.api.NamedReference;
import dev.vb365.operator.api.SecretReference;
import dev.vb365.operator.embedded.Sandbox;
import dev.vb365.operator.ship.MetricNamesTest;
import dev.vb365.simulator.SimulatorOptions;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `run` as a cluster runs it, against the embedded Kubernetes API through a kubeconfig. */
class RunCommandTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void reconcilesServesMetricsAndProbesAndStopsCleanly(@TempDir Path dir) throws Exception {
    try (Sandbox sandbox = Sandbox.start(SimulatorOptions.defaults())) {
      Path kubeconfig = sandbox.kubernetes().writeKubeconfig(dir.resolve("kubeconfig"));
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
      AtomicInteger exit = new AtomicInteger(-1);
      // The namespace comes from the environment, the rest from flags: both paths are in use.
      Thread run = new Thread(() -> exit.set(Main.execute(new String[] {"run", "--kubeconfig", kubeconfig.toString(),
          "--http-port", "0", "--log-level", "WARN", "--resync-interval", "30s"}, out, out,
          Map.of("VB365_WATCH_NAMESPACES", "payroll"))), "run-command");
      run.start();

      Pattern portLine = Pattern.compile("metrics and health on http://0\\.0\\.0\\.0:(\\d+)");
      int port = await().atMost(Duration.ofSeconds(60)).until(() -> {
        Matcher m = portLine.matcher(buffer.toString(StandardCharsets.UTF_8));
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
      }, p -> p > 0);
      await().atMost(Duration.ofSeconds(30)).until(() -> get(port, "/readyz").statusCode() == 200);
      assertThat(get(port, "/healthz").statusCode()).isEqualTo(200);

      sandbox.connectionSecret("payroll", "vb365");
      sandbox.client().resources(BackupJob.class).inNamespace("payroll").resource(backupJob("payroll", "salaries"))
          .create();
      sandbox.connectionSecret("elsewhere", "vb365");
      sandbox.client().resources(BackupJob.class).inNamespace("elsewhere").resource(backupJob("elsewhere", "ignored"))
          .create();
      await().atMost(Duration.ofSeconds(60)).until(() -> {
        BackupJob job = sandbox.client().resources(BackupJob.class).inNamespace("payroll").withName("salaries").get();
        return job.getStatus() != null && job.getStatus().getConditions() != null && job.getStatus().getConditions()
            .stream().anyMatch(c -> c.getType().equals(ConditionTypes.READY) && c.getStatus().equals("True"));
      });
      assertThat(sandbox.simulator().jobIds()).as("only the watched namespace's job").hasSize(1);
      assertThat(sandbox.client().resources(BackupJob.class).inNamespace("elsewhere").withName("ignored").get()
          .getStatus()).isNull();

      // Every series the chart's alerts and dashboard query, as this process exports them (the last-success one
      // once the run that the create started has ended and been reported).
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
        Set<String> series = get(port, "/metrics").body().lines()
            .filter(line -> !line.startsWith("#") && !line.isBlank())
            .map(line -> line.split("[{ ]", 2)[0])
            .collect(Collectors.toSet());
        assertThat(series).containsAll(MetricNamesTest.OPERATOR_SERIES)
            .contains("operator_sdk_reconciliations_success_total", "jvm_memory_used_bytes");
      });

      run.interrupt();
      run.join(Duration.ofSeconds(30).toMillis());
      assertThat(run.isAlive()).isFalse();
      assertThat(exit.get()).isZero();
      assertThat(buffer.toString(StandardCharsets.UTF_8)).as("the stop, said on the stream of the running line")
          .containsSubsequence("vb365-operator running", "vb365-operator stopping", "vb365-operator stopped");
    }
  }

  /**
   * The jar's own process: with leader election it takes the Lease before it works, and SIGTERM ends it within
   * the shutdown bound (JOSDK's leader election would otherwise block the shutdown hook in System.exit).
   */
  @Test
  void takesTheLeaseAndEndsOnSigterm(@TempDir Path dir) throws Exception {
    try (Sandbox sandbox = Sandbox.start(SimulatorOptions.defaults())) {
      Path kubeconfig = sandbox.kubernetes().writeKubeconfig(dir.resolve("kubeconfig"));
      Path log = dir.resolve("run.log");
      Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--kubeconfig", kubeconfig.toString(),
          "--http-port", "0", "--leader-election", "--leader-election-namespace", "ops")
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      try {
        await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.client().leases().inNamespace("ops")
            .withName("vb365-operator").get() != null);
        assertThat(sandbox.client().leases().inNamespace("ops").withName("vb365-operator").get().getSpec()
            .getHolderIdentity()).isNotBlank();
        await().atMost(Duration.ofSeconds(30)).until(() -> java.nio.file.Files.readString(log).contains("running"));
        process.destroy(); // SIGTERM
        assertThat(process.waitFor(25, java.util.concurrent.TimeUnit.SECONDS)).as(java.nio.file.Files.readString(log))
            .isTrue();
        assertThat(java.nio.file.Files.readString(log)).contains("Stopping")
            .containsSubsequence("vb365-operator stopping", "vb365-operator stopped");
      } finally {
        process.destroyForcibly();
      }
    }
  }

  private static BackupJob backupJob(String namespace, String name) {
    BackupJobSpec spec = new BackupJobSpec();
    spec.setConnection(new ConnectionSpec(new SecretReference("vb365")));
    spec.setOrganization(NamedReference.byName("contoso.onmicrosoft.com"));
    spec.setRepository(NamedReference.byName("Default Backup Repository"));
    spec.setJobName(namespace + " " + name);
    spec.setRunOnCreate(true); // so that it has a last successful backup, and its metric a series
    BackupJob job = new BackupJob();
    job.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    job.setSpec(spec);
    return job;
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
