package dev.vb365.operator.realkube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.simulator.Simulator;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The operator keeps no cache of the cluster's Secrets: 2,000 unrelated Secrets of 100 KiB (200 MB in etcd) do not
 * raise its heap (measured in the operator's own process after a full GC, with the BackupJobs reconciled again in
 * between), and it never lists or watches Secrets (the audit log).
 */
class UnrelatedSecretsHeapIT {

  private static final int SECRETS = 2000;
  private static final int SIZE = 100 * 1024;

  @Test
  void unrelatedSecretsDoNotRaiseTheHeap() throws Exception {
    try (RealCluster cluster = RealCluster.start();
        Simulator simulator = Simulator.start(ChartOnRealServerIT.demoDirectory(cluster))) {
      ChartInstall chart = ChartInstall.install(cluster, "");
      Map<String, String> env = new HashMap<>(chart.environment());
      env.put("VB365_RESYNC_INTERVAL", "10s");
      cluster.kubectl.ok("apply", "-f", Repository.examples().resolve("00-namespace.yaml").toString());
      cluster.connectionSecret("contoso", "vb365", simulator);
      try (OperatorRun operator = OperatorRun.start(chart.serviceAccountKubeconfig(), env, List.of(),
          cluster.dir.resolve("operator.log")).awaitReady()) {
        for (int i = 0; i < 10; i++) {
          cluster.kubectl.applyStdin(ChartOnRealServerIT.backupJob("contoso", "job-" + i, "Heap " + i,
              "  connection: {secretRef: {name: vb365}}\n"));
        }
        cluster.kubectl.ok("-n", "contoso", "wait", "--for=condition=Ready", "--timeout=120s", "backupjobs", "--all");
        awaitResyncs(operator, 1); // every BackupJob reconciled again (each reads its Secret once)
        long before = heapAfterGc(operator.pid());

        cluster.admin().namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
            .withName("noise").endMetadata().build()).create();
        createSecrets(cluster);
        awaitResyncs(operator, 2); // with the 2,000 Secrets in the cluster
        long after = heapAfterGc(operator.pid());
        System.out.printf("operator heap after GC: %.1f MiB before, %.1f MiB after %d unrelated Secrets of %d KiB%n",
            before / 1048576.0, after / 1048576.0, SECRETS, SIZE / 1024);
        assertThat(after - before).as("heap growth in bytes").isLessThan(8L * 1024 * 1024);
        cluster.kubectl.ok("-n", "contoso", "wait", "--for=condition=Ready", "--timeout=60s", "backupjobs", "--all");
      }
      String user = chart.serviceAccountUser();
      assertThat(cluster.audit().permissionsUsed(user)).noneMatch(p -> p.startsWith("/secrets list")
          || p.startsWith("/secrets watch"));
    }
  }

  private static void createSecrets(RealCluster cluster) throws Exception {
    byte[] payload = new byte[SIZE];
    new java.util.Random(7).nextBytes(payload);
    String data = Base64.getEncoder().encodeToString(payload);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < SECRETS; i++) {
        String name = "unrelated-" + i;
        done.add(pool.submit(() -> cluster.admin().secrets().inNamespace("noise").resource(new SecretBuilder()
            .withNewMetadata().withName(name).endMetadata().addToData("blob", data).build()).create()));
      }
      for (Future<?> f : done) {
        f.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Heap in use right after a full GC, as the JVM itself reports it (jcmd of the JDK running the tests). */
  private static long heapAfterGc(long pid) throws IOException, InterruptedException {
    String jcmd = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    run(jcmd, Long.toString(pid), "GC.run");
    run(jcmd, Long.toString(pid), "GC.run");
    String info = run(jcmd, Long.toString(pid), "GC.heap_info");
    Matcher used = Pattern.compile("used (\\d+)K").matcher(info);
    if (!used.find()) {
      throw new IllegalStateException("no heap figure in: " + info);
    }
    return Long.parseLong(used.group(1)) * 1024;
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
    }
    return out;
  }

  /** Reconciles started so far, from the operator's own metrics (JOSDK's operator.sdk.reconciliations.started). */
  private static long reconcilesStarted(OperatorRun operator) {
    return operator.metrics().lines().filter(l -> l.startsWith("operator_sdk_reconciliations_started_total"))
        .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
  }

  /** Waits until every BackupJob has been reconciled {@code rounds} more times (a resync each 10 s). */
  private static void awaitResyncs(OperatorRun operator, int rounds) {
    long start = reconcilesStarted(operator);
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15L * rounds + 30))
        .pollInterval(Duration.ofMillis(500)).until(() -> reconcilesStarted(operator) >= start + 10L * rounds);
  }
}
