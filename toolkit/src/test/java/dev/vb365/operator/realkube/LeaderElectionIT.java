package dev.vb365.operator.realkube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vb365.simulator.Simulator;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two `run` processes with leader election on a real Lease, as the chart's two replicas: one works, the other
 * stands by; when the leader is killed (SIGKILL, no chance to let go of the Lease) the standby takes over within
 * the lease time, and no VB365 write is made twice.
 */
class LeaderElectionIT {

  @Test
  void theStandbyTakesOverWithinTheLeaseTimeAndNothingIsWrittenTwice() throws Exception {
    try (RealCluster cluster = RealCluster.start();
        Simulator simulator = Simulator.start(ChartOnRealServerIT.demoDirectory(cluster))) {
      ChartInstall chart = ChartInstall.install(cluster, "replicaCount: 2\n");
      Map<String, String> env = chart.environment();
      assertThat(env).containsEntry("VB365_LEADER_ELECTION", "true");
      cluster.kubectl.ok("apply", "-f", Repository.examples().resolve("00-namespace.yaml").toString());
      cluster.connectionSecret("contoso", "vb365", simulator);

      OperatorRun a = OperatorRun.start(chart.serviceAccountKubeconfig(), withHostname(env, "vb365-operator-a"),
          List.of(), cluster.dir.resolve("operator-a.log")).awaitReady();
      try (OperatorRun b = OperatorRun.start(chart.serviceAccountKubeconfig(), withHostname(env, "vb365-operator-b"),
          List.of(), cluster.dir.resolve("operator-b.log"))) {
        await().atMost(Duration.ofSeconds(60)).until(() -> "vb365-operator-a".equals(holder(cluster)));
        b.awaitReady(); // a standby is ready too: it is ready to take over
        for (int i = 0; i < 3; i++) {
          cluster.kubectl.applyStdin(ChartOnRealServerIT.backupJob("contoso", "job-" + i, "Job " + i,
              "  connection: {secretRef: {name: vb365}}\n"));
        }
        cluster.kubectl.ok("-n", "contoso", "wait", "--for=condition=Ready", "--timeout=90s", "backupjobs", "--all");
        assertThat(b.log()).doesNotContain("JobCreated");
        Map<String, Long> before = writes(simulator);

        long killed = System.nanoTime();
        a.kill();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
            .until(() -> "vb365-operator-b".equals(holder(cluster)));
        Duration failover = Duration.ofNanos(System.nanoTime() - killed);
        int leaseSeconds = lease(cluster).getSpec().getLeaseDurationSeconds();
        System.out.printf("failover: %d ms (lease duration %d s)%n", failover.toMillis(), leaseSeconds);
        assertThat(failover).isLessThanOrEqualTo(Duration.ofSeconds(leaseSeconds + 5));

        // The new leader works: a new BackupJob converges; the converged ones cost no write.
        cluster.kubectl.applyStdin(ChartOnRealServerIT.backupJob("contoso", "job-3", "Job 3",
            "  connection: {secretRef: {name: vb365}}\n"));
        cluster.kubectl.ok("-n", "contoso", "wait", "--for=condition=Ready", "--timeout=90s", "backupjob/job-3");
        cluster.kubectl.ok("-n", "contoso", "wait", "--for=condition=Ready", "--timeout=90s", "backupjobs", "--all");
        Map<String, Long> after = writes(simulator);
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((k, v) -> {
          long d = v - before.getOrDefault(k, 0L);
          if (d > 0) {
            delta.put(k, d);
          }
        });
        assertThat(delta).isEqualTo(Map.of("POST /v8/Jobs", 1L));
        assertThat(simulator.jobIds()).hasSize(4);
        // SIGTERM: the shutdown hook stops it in order (the JVM then exits with 128 + 15, as any JVM stopped so).
        assertThat(b.stop()).as("exit code of a SIGTERM'd leader").isEqualTo(143);
        assertThat(b.log()).contains("Stopping").doesNotContain(" ERROR ");
      } finally {
        a.close();
      }

      AuditLog audit = cluster.audit();
      String user = chart.serviceAccountUser();
      assertThat(audit.forbidden(user)).as("requests refused with 403").isEmpty();
      Set<String> leaseRights = audit.permissionsUsed(user).stream().filter(p -> p.contains("leases"))
          .collect(Collectors.toCollection(TreeSet::new));
      Set<String> granted = chart.granted().stream().filter(p -> p.contains("leases"))
          .collect(Collectors.toCollection(TreeSet::new));
      System.out.println("lease rights granted: " + granted + ", used: " + leaseRights);
      assertThat(leaseRights).containsExactlyInAnyOrder("coordination.k8s.io/leases create",
          "coordination.k8s.io/leases get", "coordination.k8s.io/leases patch");
      // update is never sent (fabric8 renews with a patch), but JOSDK refuses to start without it: its start-up
      // check asks the API server (SelfSubjectAccessReview) for create, update and get on leases.
      Set<String> expected = new TreeSet<>(leaseRights);
      expected.add("coordination.k8s.io/leases update");
      assertThat(granted).isEqualTo(expected);
    }
  }

  private static Map<String, String> withHostname(Map<String, String> env, String hostname) {
    Map<String, String> copy = new HashMap<>(env);
    copy.put("HOSTNAME", hostname); // a pod's name: JOSDK's identity in the Lease
    return copy;
  }

  private static Lease lease(RealCluster cluster) {
    return cluster.admin().leases().inNamespace(ChartInstall.NAMESPACE).withName("vb365-operator").get();
  }

  private static String holder(RealCluster cluster) {
    Lease lease = lease(cluster);
    return lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
  }

  private static Map<String, Long> writes(Simulator simulator) {
    Map<String, Long> writes = new TreeMap<>();
    simulator.requestCounts().forEach((k, v) -> {
      if (!k.startsWith("GET ") && !k.endsWith("/token")) {
        writes.put(k, v);
      }
    });
    return writes;
  }
}
