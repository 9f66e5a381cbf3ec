package dev.vb365.operator.ship;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import org.junit.jupiter.api.Test;

/** What a newcomer reads right after `helm install`. */
class ChartNotesTest {

  /** NOTES.txt as `helm install` prints it (a client-only dry run: no cluster needed). */
  static String notes(String values) {
    String output = RenderedChart.withValuesFile(values, file -> {
      InstallCommand install = new Helm(RepositoryLayout.chart()).install()
          .withName(RenderedChart.RELEASE).withNamespace(RenderedChart.NAMESPACE).clientOnly().dryRun();
      return (file == null ? install : install.withValuesFile(file)).call().getOutput();
    });
    assertThat(output).contains("NOTES:");
    return output.substring(output.indexOf("NOTES:"));
  }

  @Test
  void defaultInstallExplainsTheNextStepsInOrder() {
    String notes = notes("");

    assertThat(notes)
        .contains("It reconciles BackupJobs and JobItems in all namespaces.")
        .contains("kubectl -n vb365-system rollout status deployment/vb365-vb365-operator")
        .contains("kubectl -n contoso create secret generic vb365 ")
        .contains("--from-literal=url=https://")
        .contains("--from-file=password=")
        .contains("--set defaultConnection.secretRef.name=vb365,defaultConnection.secretRef.namespace=contoso")
        .contains("kubectl apply -f examples/10-backupjob-finance.yaml")
        .contains("kubectl explain backupjob.spec")
        .contains("get backupjobs,jobitems")
        .contains("port-forward deployment/vb365-vb365-operator 8080:8080")
        .contains("localhost:8080/metrics")
        .contains("metrics.serviceMonitor.enabled=true");
    assertThat(notes.indexOf("create secret")).isLessThan(notes.indexOf("kubectl explain"));
    assertThat(notes.indexOf("kubectl explain")).isLessThan(notes.indexOf("get backupjobs"));
  }

  @Test
  void namespacedInstallWithADefaultConnectionNamesTheSecretAndTheNamespaces() {
    String notes = notes(RenderedChart.resource("namespaced.yaml"));

    assertThat(notes)
        .contains("in the namespaces team-a, team-b.")
        .contains("use the Secret vb365-system/vb365-connection")
        .contains("kubectl -n vb365-system create secret generic vb365-connection")
        .contains("kubectl -n team-a get backupjobs,jobitems")
        .contains("sed 's/namespace: contoso/namespace: team-a/' examples/10-backupjob-finance.yaml | kubectl apply -f -")
        .doesNotContain("--set defaultConnection");
  }

  @Test
  void monitoringAndHighAvailabilityAreMentionedWhenOn() {
    String notes = notes(RenderedChart.resource("monitoring.yaml") + "replicaCount: 2\n");

    assertThat(notes)
        .contains("2 replica(s) with leader election")
        .contains("ServiceMonitor (vb365-system/vb365-vb365-operator)")
        .contains("PrometheusRule vb365-system/vb365-vb365-operator")
        .contains("ConfigMap monitoring/vb365-vb365-operator-dashboard")
        .contains("patch configmap argocd-cm");
  }
}
