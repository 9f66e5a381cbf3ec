package dev.vb365.operator.realkube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vb365.simulator.Faults;
import dev.vb365.simulator.Simulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The operator process is killed (SIGKILL) while the create of a VB365 job is in flight (held 20 s at the server,
 * which processes it all the same), and another process takes over before the job exists: it finds the create
 * recorded on the BackupJob's status, does not create again, and adopts the job once VB365 lists it. Exactly one
 * job, one create.
 */
class CreateInFlightFailoverIT {

  private static final long HOLD_MS = 20_000;

  @Test
  void anotherProcessNeverCreatesASecondJobWhileTheFirstCreateIsInFlight() throws Exception {
    try (RealCluster cluster = RealCluster.start();
        Simulator simulator = Simulator.start(ChartOnRealServerIT.demoDirectory(cluster))) {
      ChartInstall chart = ChartInstall.install(cluster, "");
      Map<String, String> env = chart.environment();
      cluster.kubectl.ok("apply", "-f", Repository.examples().resolve("00-namespace.yaml").toString());
      cluster.connectionSecret("contoso", "vb365", simulator);
      simulator.setFaults(Faults.NONE.withSlowRoute("^POST /v8/Jobs$", HOLD_MS));

      OperatorRun a = OperatorRun.start(chart.serviceAccountKubeconfig(), env, List.of(),
          cluster.dir.resolve("operator-a.log")).awaitReady();
      try {
        cluster.kubectl.applyStdin(ChartOnRealServerIT.backupJob("contoso", "in-flight", "In flight",
            "  connection: {secretRef: {name: vb365}}\n"));
        // The intent is on the status before the create leaves: then the create is on its way (held).
        await().atMost(Duration.ofSeconds(60)).until(() -> !cluster.kubectl.ok("-n", "contoso", "get", "bj",
            "in-flight", "-o", "jsonpath={.status.createPendingSince}").isBlank());
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.requestCounts()
            .getOrDefault("POST /v8/Jobs", 0L) == 1L);
      } finally {
        a.kill();
      }
      assertThat(simulator.jobIds()).as("the create is still held at the server").isEmpty();

      try (OperatorRun b = OperatorRun.start(chart.serviceAccountKubeconfig(), env, List.of(),
          cluster.dir.resolve("operator-b.log")).awaitReady()) {
        cluster.kubectl.ok("-n", "contoso", "wait", "--for=condition=Ready", "--timeout=120s", "backupjob/in-flight");
        assertThat(simulator.requestCounts()).containsEntry("POST /v8/Jobs", 1L);
        assertThat(simulator.jobIds()).hasSize(1);
        String jobId = cluster.kubectl.ok("-n", "contoso", "get", "bj", "in-flight", "-o", "jsonpath={.status.jobId}");
        assertThat(simulator.jobIds()).extracting(Object::toString).containsExactly(jobId);
        assertThat(cluster.kubectl.ok("-n", "contoso", "get", "bj", "in-flight", "-o",
            "jsonpath={.status.createPendingSince}")).isBlank();
        assertThat(b.log()).doesNotContain("JobCreated");
      }
      AuditLog audit = cluster.audit();
      assertThat(audit.forbidden(chart.serviceAccountUser())).as("requests refused with 403").isEmpty();
    }
  }
}
