package dev.vb365.operator.realkube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.UpgradeCommand;
import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.embedded.Kubectl;
import dev.vb365.simulator.Simulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The chart's life cycle on a real API server, as the user guide tells it: install an older release (whose CRD
 * lacks a field), upgrade with the guide's commands (CRDs first, then `helm upgrade`), uninstall with the guide's
 * commands, and what happens to BackupJobs and VB365 jobs at each step.
 */
class ChartLifecycleIT {

  private static final String RELEASE = "vb365-operator"; // the guide's release name
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void installUpgradeAndUninstallAsTheUserGuideSays() throws Exception {
    try (RealCluster cluster = RealCluster.start();
        Simulator simulator = Simulator.start(ChartOnRealServerIT.demoDirectory(cluster))) {
      // An "older release": the same chart, version 0.0.9, whose BackupJob CRD has no spec.driftPolicy yet.
      Path oldChart = olderChart(cluster.dir.resolve("old-chart"));
      cluster.admin().apiextensions().v1().customResourceDefinitions().withName("backupjobs.backup.vb365.dev")
          .delete();
      cluster.admin().apiextensions().v1().customResourceDefinitions().withName("jobitems.backup.vb365.dev")
          .delete();
      cluster.admin().apiextensions().v1().customResourceDefinitions().withName("backupcopyjobs.backup.vb365.dev")
          .delete();
      awaitNoCrds(cluster);
      ChartInstall chart = ChartInstall.install(cluster, oldChart, RELEASE, "");
      cluster.kubectl.ok("wait", "--for=condition=Established", "--timeout=60s", "crd/backupjobs.backup.vb365.dev",
          "crd/jobitems.backup.vb365.dev");
      cluster.kubectl.ok("apply", "-f", Repository.examples().resolve("00-namespace.yaml").toString());
      cluster.connectionSecret("contoso", "vb365", simulator);

      OperatorRun operator = OperatorRun.start(chart.serviceAccountKubeconfig(), chart.environment(), List.of(),
          cluster.dir.resolve("operator-before-upgrade.log")).awaitReady();
      for (String name : List.of("kept", "removed")) {
        cluster.kubectl.applyStdin(ChartOnRealServerIT.backupJob("contoso", name, "Lifecycle " + name,
            "  connection: {secretRef: {name: vb365}}\n  deletionPolicy: " + (name.equals("kept") ? "Orphan" : "Delete")
                + "\n"));
      }
      cluster.kubectl.ok("-n", "contoso", "wait", "--for=condition=Ready", "--timeout=90s", "backupjobs", "--all");
      assertThat(simulator.jobIds()).hasSize(2);

      // The new field is unknown to the installed CRD: kubectl's strict validation refuses it.
      String withDriftPolicy = ChartOnRealServerIT.backupJob("contoso", "reporting", "Lifecycle reporting",
          "  connection: {secretRef: {name: vb365}}\n  driftPolicy: Report\n");
      Path reporting = Files.writeString(cluster.dir.resolve("reporting.yaml"), withDriftPolicy);
      Kubectl.Result refused = cluster.kubectl.run("apply", "-f", reporting.toString());
      assertThat(refused.exitCode()).isNotZero();
      assertThat(refused.stderr()).contains("unknown field \"spec.driftPolicy\"");

      // ---- upgrade, as the guide says; the operator's pod is replaced meanwhile ----
      Map<String, Long> writesBefore = writes(simulator);
      List<OperatorRun> running = new ArrayList<>(List.of(operator));
      DocumentedCommands.run(DocumentedCommands.block(guide(), "### Upgrade"), Repository.root(),
          cluster.kubectl.binary(), cluster.plane.adminKubeconfig(), args -> {
            DocumentedCommands.HelmArgs helm = DocumentedCommands.HelmArgs.parse(args);
            assertThat(helm.verb()).isEqualTo("upgrade");
            UpgradeCommand upgrade = new Helm(Repository.root().resolve(helm.chart())).upgrade()
                .withName(helm.release()).withNamespace(helm.namespace())
                .withKubeConfig(cluster.plane.adminKubeconfig());
            if (helm.reuseValues()) {
              upgrade.reuseValues();
            }
            assertThat(upgrade.call().getStatus()).isEqualTo("deployed");
            running.get(0).stop(); // Recreate: the old pod stops, then the new one starts
            running.set(0, OperatorRun.start(chart.serviceAccountKubeconfig(), chart.environment(), List.of(),
                cluster.dir.resolve("operator-after-upgrade.log")).awaitReady());
          });
      operator = running.get(0);
      assertThat(crdProperties(cluster)).contains("driftPolicy");
      cluster.kubectl.ok("-n", "contoso", "wait", "--for=condition=Ready", "--timeout=90s", "backupjobs", "--all");
      assertThat(writes(simulator)).as("VB365 writes during the upgrade").isEqualTo(writesBefore);
      // Now the field is known and works.
      cluster.kubectl.ok("apply", "-f", reporting.toString());
      cluster.kubectl.ok("-n", "contoso", "wait", "--for=condition=Ready", "--timeout=90s", "backupjob/reporting");
      assertThat(cluster.admin().resources(BackupJob.class).inNamespace("contoso").withName("reporting").get()
          .getSpec().getDriftPolicy()).hasToString("Report");
      assertThat(simulator.jobIds()).hasSize(3);

      // ---- uninstall, keeping every VB365 job, as the guide says ----
      OperatorRun last = operator;
      DocumentedCommands.run(DocumentedCommands.block(guide(), "### Uninstall"), Repository.root(),
          cluster.kubectl.binary(), cluster.plane.adminKubeconfig(), args -> {
            DocumentedCommands.HelmArgs helm = DocumentedCommands.HelmArgs.parse(args);
            assertThat(helm.verb()).isEqualTo("uninstall");
            // By now the BackupJobs are gone (the operator released them); `helm uninstall` stops its pod.
            assertThat(cluster.admin().resources(BackupJob.class).inAnyNamespace().list().getItems()).isEmpty();
            Helm.uninstall(helm.release()).withNamespace(helm.namespace())
                .withKubeConfig(cluster.plane.adminKubeconfig()).call();
            last.stop();
          });
      assertThat(simulator.jobIds()).as("every VB365 job kept").hasSize(3);
      assertThat(cluster.admin().apiextensions().v1().customResourceDefinitions().list().getItems())
          .noneMatch(c -> c.getSpec().getGroup().equals("backup.vb365.dev"));
      assertThat(Helm.list().withKubeConfig(cluster.plane.adminKubeconfig()).allNamespaces().call()).isEmpty();
      assertThat(cluster.admin().rbac().clusterRoles().withName(RELEASE).get()).isNull();
    }
  }

  private static Path guide() {
    return Repository.root().resolve("docs/user-guide.md");
  }

  /** A copy of the chart as an older release: version 0.0.9, and spec.driftPolicy not yet in the BackupJob CRD. */
  private static Path olderChart(Path dir) throws Exception {
    Path source = Repository.chart();
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path target = dir.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    Path chartYaml = dir.resolve("Chart.yaml");
    Files.writeString(chartYaml, Files.readString(chartYaml).replace("version: 0.1.0", "version: 0.0.9"));
    Path crd = dir.resolve("crds/backupjobs.backup.vb365.dev-v1.yml");
    JsonNode tree = YAML.readTree(crd.toFile());
    ((ObjectNode) tree.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties")).remove("driftPolicy");
    YAML.writeValue(crd.toFile(), tree);
    return dir;
  }

  private static List<String> crdProperties(RealCluster cluster) {
    List<String> names = new ArrayList<>();
    cluster.admin().apiextensions().v1().customResourceDefinitions().withName("backupjobs.backup.vb365.dev").get()
        .getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema().getProperties().get("spec").getProperties()
        .keySet().forEach(names::add);
    return names;
  }

  private static void awaitNoCrds(RealCluster cluster) {
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> cluster.admin()
        .apiextensions().v1().customResourceDefinitions().list().getItems().stream()
        .noneMatch(c -> c.getSpec().getGroup().equals("backup.vb365.dev")));
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
