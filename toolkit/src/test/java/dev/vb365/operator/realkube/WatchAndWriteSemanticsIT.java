package dev.vb365.operator.realkube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.controller.OperatorSettings;
import dev.vb365.operator.controller.Vb365Operator;
import dev.vb365.operator.embedded.LocalControlPlane;
import dev.vb365.operator.embedded.Vb365Admin;
import dev.vb365.simulator.Simulator;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * What only a real API server does to the operator's watches and writes: watches that break when the server
 * restarts and resume (or relist, when the server no longer has the resourceVersion they resume from), an operator
 * restart, and real 409 Conflicts when another writer changes the same objects.
 */
class WatchAndWriteSemanticsIT {

  private static final String ADMIN = "vb365-test-admin";

  @Test
  void watchesResumeOrRelistAfterTheApiServerRestartsAndAfterAnOperatorRestart() throws Exception {
    // Compaction every second: after the restart the operator's informers ask for resourceVersions etcd no
    // longer has, get 410 Gone ("too old resource version") and must list again.
    try (RealCluster cluster = RealCluster.start(LocalControlPlane.Options.defaults().withAuditLog()
        .withApiServerFlags("--etcd-compaction-interval=1s", "--watch-cache=false"));
        Simulator simulator = Simulator.start(ChartOnRealServerIT.demoDirectory(cluster))) {
      Scenario s = new Scenario(cluster, simulator, "watch");
      try (KubernetesClient client = LocalControlPlane.client(cluster.serviceAccountKubeconfig(s.ns, "operator",
          "cluster-admin"))) {
        String operatorUser = AuditLog.serviceAccount(s.ns, "operator");
        Vb365Operator operator = s.operator(client);
        try {
          s.createJobs(3);
          s.awaitAllReady(3);
          // Other writes move etcd's revision on; compaction then drops the revisions the watches started at.
          for (int i = 0; i < 30; i++) {
            cluster.admin().configMaps().inNamespace(s.ns).resource(new ConfigMapBuilder().withNewMetadata()
                .withName("filler-" + i).endMetadata().addToData("i", "" + i).build()).create();
          }
          awaitCompactedPast(cluster, s.ns);
          Instant restart = Instant.now();
          cluster.plane.restartApiServer();
          s.rename("job-0", "Renamed after the API server restart");
          await().atMost(Duration.ofSeconds(60)).until(() -> s.admin.jobsNamed("Renamed after the API server restart")
              .size() == 1);
          s.awaitAllReady(3);
          List<AuditLog.Entry> relists = cluster.audit().of(operatorUser).stream()
              .filter(e -> e.verb().equals("list") && e.resource().equals("backupjobs")
                  && e.received().isAfter(restart)).toList();
          assertThat(relists).as("the operator listed BackupJobs again after the restart (410 Gone)").isNotEmpty();
        } finally {
          operator.close();
        }

        // The operator down, the spec edited, a new operator: it finds the change and applies it once.
        s.rename("job-1", "Renamed while the operator was down");
        simulator.resetRequestCounts();
        operator = s.operator(client);
        try {
          await().atMost(Duration.ofSeconds(60)).until(() -> s.admin.jobsNamed("Renamed while the operator was down")
              .size() == 1);
          s.awaitAllReady(3);
          assertThat(simulator.requestCounts().getOrDefault("POST /v8/Jobs", 0L)).isZero();
          assertThat(simulator.jobIds()).hasSize(3);
        } finally {
          operator.close();
        }
      }
    }
  }

  @Test
  void conflictsWithAConcurrentWriterAreRetriedAndLoseNothing() throws Exception {
    try (RealCluster cluster = RealCluster.start();
        Simulator simulator = Simulator.start(ChartOnRealServerIT.demoDirectory(cluster))) {
      Scenario s = new Scenario(cluster, simulator, "conflict");
      AtomicBoolean writing = new AtomicBoolean(true);
      AtomicLong writerConflicts = new AtomicLong();
      try (KubernetesClient client = LocalControlPlane.client(cluster.plane.adminKubeconfig());
          KubernetesClient writerClient = LocalControlPlane.client(cluster.plane.adminKubeconfig())) {
        Vb365Operator operator = s.operator(client);
        Thread writer = new Thread(() -> {
          long n = 0;
          while (writing.get()) {
            for (BackupJob job : writerClient.resources(BackupJob.class).inNamespace(s.ns).list().getItems()) {
              try {
                // A plain update with the resourceVersion read: the same optimistic locking the operator uses.
                job.getMetadata().setLabels(java.util.Map.of("touched", "" + (n++)));
                writerClient.resource(job).update();
              } catch (KubernetesClientException e) {
                writerConflicts.incrementAndGet();
              }
            }
          }
        }, "concurrent-writer");
        try {
          writer.start();
          s.createJobs(10);
          int rounds = 0;
          while (conflictsOfOperator(cluster) == 0 && rounds++ < 5) {
            for (int i = 0; i < 10; i++) {
              s.rename("job-" + i, "Conflict " + i + " round " + rounds);
            }
            s.awaitAllReady(10);
          }
          writing.set(false);
          writer.join();
          s.awaitAllReady(10);
          for (int i = 0; i < 10; i++) {
            String expected = rounds == 0 ? "Job " + i : "Conflict " + i + " round " + rounds;
            assertThat(s.admin.jobsNamed(expected)).as(expected).hasSize(1);
          }
          assertThat(simulator.jobIds()).hasSize(10);
          assertThat(conflictsOfOperator(cluster)).as("409 Conflicts the operator met").isPositive();
          for (BackupJob job : client.resources(BackupJob.class).inNamespace(s.ns).list().getItems()) {
            assertThat(job.getStatus().getObservedGeneration()).isEqualTo(job.getMetadata().getGeneration());
            assertThat(job.getStatus().getConditions()).extracting(Condition::getReason)
                .doesNotContain("ReconcileError");
          }
          System.out.printf("conflicts: operator %d (audit log), writer %d%n", conflictsOfOperator(cluster),
              writerConflicts.get());
        } finally {
          writing.set(false);
          operator.close();
        }
      }
    }
  }

  private static long conflictsOfOperator(RealCluster cluster) {
    return cluster.audit().of(ADMIN).stream().filter(e -> e.code() == 409 && e.subresource().equals("status"))
        .count();
  }

  /** Waits until etcd has compacted past a revision written now (compaction runs every second). */
  private static void awaitCompactedPast(RealCluster cluster, String ns) {
    String rv = cluster.admin().configMaps().inNamespace(ns).withName("filler-0").get().getMetadata()
        .getResourceVersion();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
      cluster.admin().configMaps().inNamespace(ns).withName("filler-1").edit(c -> {
        c.getData().put("t", "" + System.nanoTime());
        return c;
      });
      try {
        // A list at exactly that revision: 410 Gone once etcd has compacted it away.
        cluster.admin().configMaps().inNamespace(ns).list(new io.fabric8.kubernetes.api.model.ListOptionsBuilder()
            .withResourceVersion(rv).withResourceVersionMatch("Exact").build());
        return false;
      } catch (KubernetesClientException e) {
        return e.getCode() == 410;
      }
    });
  }

  /** One namespace of BackupJobs, its connection Secret, and the operator's settings. */
  private static final class Scenario {
    final RealCluster cluster;
    final Simulator simulator;
    final Vb365Admin admin;
    final String ns;

    Scenario(RealCluster cluster, Simulator simulator, String prefix) throws Exception {
      this.cluster = cluster;
      this.simulator = simulator;
      this.admin = new Vb365Admin(simulator);
      this.ns = cluster.newNamespace(prefix);
      cluster.connectionSecret(ns, "vb365", simulator);
    }

    Vb365Operator operator(KubernetesClient client) {
      return Vb365Operator.builder(client, OperatorSettings.defaults().withResyncInterval(Duration.ofMinutes(10))
          .withWatchNamespaces(List.of(ns)), new SimpleMeterRegistry()).start();
    }

    void createJobs(int count) throws Exception {
      for (int i = 0; i < count; i++) {
        cluster.kubectl.applyStdin(ChartOnRealServerIT.backupJob(ns, "job-" + i, "Job " + i,
            "  connection: {secretRef: {name: vb365}}\n"));
      }
    }

    void rename(String name, String jobName) {
      cluster.admin().resources(BackupJob.class).inNamespace(ns).withName(name).edit(job -> {
        job.getSpec().setJobName(jobName);
        return job;
      });
    }

    void awaitAllReady(int count) {
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
        List<BackupJob> jobs = cluster.admin().resources(BackupJob.class).inNamespace(ns).list().getItems();
        return jobs.size() == count && jobs.stream().allMatch(j -> j.getStatus() != null
            && Objects.equals(j.getStatus().getObservedGeneration(), j.getMetadata().getGeneration())
            && j.getStatus().getConditions() != null && j.getStatus().getConditions().stream()
            .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True")
                && Objects.equals(c.getObservedGeneration(), j.getMetadata().getGeneration())));
      });
    }
  }
}
