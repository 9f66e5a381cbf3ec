package dev.vb365.operator.realkube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.embedded.DemoDirectory;
import dev.vb365.simulator.Simulator;
import dev.vb365.simulator.SimulatorOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * `helm install` of the chart on a real kube-apiserver (RBAC on), then the real `run` command, out of cluster,
 * authenticated as the chart's ServiceAccount and configured as its Deployment says: BackupJobs converge against
 * the simulator, the server refuses none of the operator's requests, and the chart grants nothing the operator
 * does not use.
 */
class ChartOnRealServerIT {

  @Test
  void clusterWideInstall() throws Exception {
    try (RealCluster cluster = RealCluster.start();
        Simulator simulator = Simulator.start(demoDirectory(cluster))) {
      ChartInstall chart = ChartInstall.install(cluster, "");
      assertThat(chart.release.getStatus()).isEqualTo("deployed");
      cluster.kubectl.ok("apply", "-f", Repository.examples().resolve("00-namespace.yaml").toString());
      cluster.connectionSecret("contoso", "vb365", simulator);

      try (OperatorRun operator = OperatorRun.start(chart.serviceAccountKubeconfig(), chart.environment(),
          List.of(), cluster.dir.resolve("operator-cluster-wide.log"))) {
        operator.awaitReady();
        applyExamples(cluster);
        cluster.kubectl.ok("-n", "contoso", "wait", "--for=condition=Ready", "--timeout=120s", "backupjobs", "--all");
        cluster.kubectl.ok("-n", "contoso", "wait", "--for=condition=Ready", "--timeout=60s", "jobitems", "--all");
        assertThat(simulator.jobIds()).hasSize(3);
        // A JobItem naming no BackupJob: its own reconciler reads the BackupJob once (get) and says so.
        cluster.kubectl.applyStdin("""
            apiVersion: backup.vb365.dev/v1alpha1
            kind: JobItem
            metadata: {name: stray, namespace: contoso}
            spec:
              jobRef: {name: no-such-job}
              type: User
              user: {name: alice@contoso.onmicrosoft.com}
            """);
        cluster.kubectl.ok("-n", "contoso", "wait", "--timeout=60s", "jobitem/stray",
            "--for=jsonpath={.status.conditions[?(@.type==\"Ready\")].reason}=BackupJobNotFound");

        // A BackupCopyJob: its finalizer (patch), its status (update), the BackupJob it follows (list, watch).
        cluster.kubectl.applyStdin("""
            apiVersion: backup.vb365.dev/v1alpha1
            kind: BackupCopyJob
            metadata: {name: finance-archive, namespace: contoso}
            spec:
              backupJobRef: {name: finance}
              repository: {name: Archive Repository}
            """);
        cluster.kubectl.ok("-n", "contoso", "wait", "--for=condition=Ready", "--timeout=60s", "bcj/finance-archive");
        assertThat(simulator.copyJobIds()).hasSize(1);
        cluster.kubectl.ok("-n", "contoso", "delete", "bcj", "finance-archive", "--timeout=60s");
        assertThat(simulator.copyJobIds()).isEmpty();

        // Deleting exercises the finalizer: Delete removes the VB365 job, Orphan keeps it.
        cluster.kubectl.ok("-n", "contoso", "delete", "backupjob", "finance", "--timeout=60s");
        cluster.kubectl.ok("-n", "contoso", "delete", "backupjob", "hr", "--timeout=60s");
        assertThat(simulator.jobIds()).hasSize(2);
        assertThat(operator.alive()).isTrue();
      }

      AuditLog audit = cluster.audit();
      String user = chart.serviceAccountUser();
      assertThat(audit.of(user)).as("requests of the operator").hasSizeGreaterThan(20);
      assertThat(audit.forbidden(user)).as("requests refused with 403").isEmpty();
      assertGrantsOnlyWhatIsUsed(chart, audit.permissionsUsed(user));
    }
  }

  @Test
  void namespacedInstallWithTheDefaultConnectionInAnotherNamespace() throws Exception {
    try (RealCluster cluster = RealCluster.start();
        Simulator simulator = Simulator.start(demoDirectory(cluster))) {
      cluster.kubectl.ok("apply", "-f", Repository.examples().resolve("00-namespace.yaml").toString());
      cluster.kubectl.ok("create", "namespace", "team-b");
      cluster.kubectl.ok("create", "namespace", "elsewhere");
      ChartInstall chart = ChartInstall.install(cluster, """
          watchNamespaces: [contoso, team-b]
          defaultConnection:
            secretRef: {name: vb365-default}
          """);
      // The default connection lives in the release namespace, which is not watched: granted by name only.
      cluster.connectionSecret(ChartInstall.NAMESPACE, "vb365-default", simulator);
      cluster.connectionSecret("contoso", "vb365", simulator);
      cluster.connectionSecret("elsewhere", "vb365", simulator);
      assertThat(cluster.admin().rbac().clusterRoleBindings().list().getItems())
          .noneMatch(b -> b.getMetadata().getName().equals(chart.fullname));

      try (OperatorRun operator = OperatorRun.start(chart.serviceAccountKubeconfig(), chart.environment(),
          List.of(), cluster.dir.resolve("operator-namespaced.log"))) {
        operator.awaitReady();
        applyExamples(cluster);
        cluster.kubectl.applyStdin(backupJob("team-b", "team-b-mail", "Team B mail", ""));
        cluster.kubectl.applyStdin(backupJob("elsewhere", "not-watched", "Not watched",
            "  connection: {secretRef: {name: vb365}}\n"));
        cluster.kubectl.ok("-n", "contoso", "wait", "--for=condition=Ready", "--timeout=120s", "backupjobs", "--all");
        cluster.kubectl.ok("-n", "team-b", "wait", "--for=condition=Ready", "--timeout=60s", "backupjob/team-b-mail");
        assertThat(simulator.jobIds()).hasSize(4);
        BackupJob ignored = cluster.admin().resources(BackupJob.class).inNamespace("elsewhere")
            .withName("not-watched").get();
        assertThat(ignored.getStatus()).as("a BackupJob outside watchNamespaces is not touched").isNull();
        assertThat(ignored.getMetadata().getFinalizers()).isNullOrEmpty();
      }

      AuditLog audit = cluster.audit();
      String user = chart.serviceAccountUser();
      assertThat(audit.forbidden(user)).as("requests refused with 403").isEmpty();
      // ... and the kube-system namespace itself, whose UID names the cluster in the ownership markers.
      assertThat(audit.of(user)).as("nothing read outside the watched namespaces but the default Secret")
          .filteredOn(e -> !e.namespace().isEmpty() && !Set.of("contoso", "team-b").contains(e.namespace()))
          .allSatisfy(e -> assertThat(e.resource() + "/" + e.name()).isIn("secrets/vb365-default",
              "namespaces/kube-system"));
      assertThat(audit.of(user)).as("no cluster-wide request").allSatisfy(e ->
          assertThat(e.namespace().isEmpty() && !e.resource().isEmpty()).as(e.toString()).isFalse());
    }
  }

  /**
   * Every command the chart's NOTES print after `helm install`, run as printed (with the files they name in the
   * working directory): kubectl through bash, `helm upgrade` through helm-java. The commands that need a running
   * pod (rollout status, logs, port-forward, curl of the port-forward) cannot succeed on a control plane without
   * nodes; for those the Deployment they name must exist.
   */
  @Test
  void theNotesCommandsWorkAsPrinted() throws Exception {
    for (String values : List.of("", "watchNamespaces: [team-a, team-b]\ndefaultConnection:\n  secretRef: {name: vb365-connection}\n")) {
      try (RealCluster cluster = RealCluster.start()) {
        if (!values.isEmpty()) {
          cluster.kubectl.ok("create", "namespace", "team-a");
          cluster.kubectl.ok("create", "namespace", "team-b");
        }
        ChartInstall chart = ChartInstall.install(cluster, values);
        String notes = chart.release.getOutput().substring(chart.release.getOutput().indexOf("NOTES:"));
        Path work = java.nio.file.Files.createDirectories(cluster.dir.resolve("notes-work"));
        java.nio.file.Files.writeString(work.resolve("vb365-password.txt"), "not-a-real-password");
        java.nio.file.Files.writeString(work.resolve("vb365-ca.crt"), new okhttp3.tls.HeldCertificate.Builder()
            .certificateAuthority(0).build().certificatePem());
        java.nio.file.Files.createSymbolicLink(work.resolve("examples"), Repository.examples());
        List<String> commands = commandsOf(notes);
        assertThat(commands).as("commands in NOTES").hasSizeGreaterThan(8);
        // The API server publishes a new CRD's OpenAPI (what kubectl explain reads) a moment after the CRD is
        // Established; a person reading the NOTES is slower than that, the test waits for it.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
            .pollInterval(java.time.Duration.ofMillis(500))
            .until(() -> cluster.kubectl.run("explain", "backupjob.spec").exitCode() == 0
                && cluster.kubectl.run("explain", "jobitem.spec").exitCode() == 0);
        int ran = 0;
        for (String command : commands) {
          if (command.matches(".*(rollout status|\\blogs\\b|port-forward).*") || command.startsWith("curl ")) {
            assertThat(cluster.admin().apps().deployments().inNamespace(ChartInstall.NAMESPACE)
                .withName(chart.fullname).get()).as(command).isNotNull();
          } else if (command.startsWith("helm ")) {
            DocumentedCommands.HelmArgs helm = DocumentedCommands.HelmArgs.parse(List.of(command.substring(5)
                .split("\\s+")));
            com.marcnuri.helm.UpgradeCommand upgrade = new com.marcnuri.helm.Helm(Repository.root()
                .resolve(helm.chart())).upgrade().withName(helm.release()).withNamespace(helm.namespace())
                .withKubeConfig(cluster.plane.adminKubeconfig());
            if (helm.reuseValues()) {
              upgrade.reuseValues();
            }
            for (String set : helm.sets()) {
              for (String pair : set.split(",")) {
                upgrade.set(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
              }
            }
            assertThat(upgrade.call().getStatus()).as(command).isEqualTo("deployed");
            ran++;
          } else {
            DocumentedCommands.run(command + "\n", work, cluster.kubectl.binary(), cluster.plane.adminKubeconfig(),
                args -> { throw new AssertionError("no helm here"); });
            ran++;
          }
        }
        assertThat(ran).isGreaterThanOrEqualTo(7);
        String ns = values.isEmpty() ? "contoso" : "team-a";
        assertThat(cluster.admin().resources(BackupJob.class).inNamespace(ns).withName("finance").get()).isNotNull();
        assertThat(cluster.admin().secrets().inNamespace(ns).withName("vb365").get()).isNotNull();
      }
    }
  }

  /** The shell commands of a NOTES text: indented lines starting with a command, continuation lines joined. */
  static List<String> commandsOf(String notes) {
    List<String> commands = new java.util.ArrayList<>();
    StringBuilder current = null;
    for (String raw : notes.split("\n")) {
      String line = raw.strip();
      if (current != null) {
        current.append(' ').append(line.endsWith("\\") ? line.substring(0, line.length() - 1).strip() : line);
        if (!line.endsWith("\\")) {
          commands.add(current.toString());
          current = null;
        }
        continue;
      }
      if (line.matches("^(kubectl|helm|curl|sed) .*")) {
        String command = line.replaceAll("\\s+#.*$", "");
        if (command.endsWith("\\")) {
          current = new StringBuilder(command.substring(0, command.length() - 1).strip());
        } else {
          commands.add(command);
        }
      }
    }
    return commands;
  }

  /** The simulator with the directory examples/ names (the demo's). */
  static SimulatorOptions demoDirectory(RealCluster cluster) {
    return SimulatorOptions.defaults().withFixture(DemoDirectory.write(cluster.dir.resolve("directory.json")));
  }

  static void applyExamples(RealCluster cluster) throws Exception {
    for (String file : List.of("10-backupjob-finance.yaml", "11-backupjob-hr.yaml", "12-backupjob-contoso-all.yaml",
        "20-jobitem-alice.yaml", "21-jobitem-exclude-ceo.yaml")) {
      cluster.kubectl.ok("apply", "-f", Repository.examples().resolve(file).toString());
    }
  }

  static String backupJob(String namespace, String name, String jobName, String extraSpec) {
    return "apiVersion: backup.vb365.dev/v1alpha1\nkind: BackupJob\nmetadata:\n  name: " + name + "\n  namespace: "
        + namespace + "\nspec:\n" + extraSpec
        + "  organization: {name: contoso.onmicrosoft.com}\n  repository: {name: Default Backup Repository}\n"
        + "  jobName: " + jobName + "\n  backupType: SelectedItems\n  selectedItems:\n"
        + "  - type: User\n    user: {name: alice@contoso.onmicrosoft.com}\n    mailbox: true\n"
        + "  schedulePolicy: {type: Daily, dailyType: Everyday, dailyTime: \"23:00\"}\n";
  }

  /** Every right the chart grants the operator is one it used in this run, and it used no other. */
  private static void assertGrantsOnlyWhatIsUsed(ChartInstall chart, Set<String> used) {
    Set<String> granted = chart.granted();
    Set<String> unused = new TreeSet<>(granted);
    unused.removeAll(used);
    Set<String> ungranted = new TreeSet<>(used);
    ungranted.removeAll(granted);
    System.out.println("granted: " + granted + "\nused: " + used);
    assertThat(ungranted).as("used but not granted (only possible through other bindings)").isEmpty();
    assertThat(unused).as("granted but never used by the operator").isEmpty();
  }
}
