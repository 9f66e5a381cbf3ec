package dev.vb365.operator.ship;

import static dev.vb365.operator.ship.RenderedChart.FULLNAME;
import static dev.vb365.operator.ship.RenderedChart.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Prometheus Operator, Grafana and Argo CD objects rendered when monitoring is switched on. */
class ChartMonitoringTest {

  static RenderedChart chart;

  @BeforeAll
  static void render() {
    chart = RenderedChart.templateResource("monitoring.yaml");
  }

  @Test
  void serviceMonitorScrapesTheMetricsServiceInTheReleaseNamespace() {
    JsonNode monitor = chart.one("ServiceMonitor");
    JsonNode service = chart.one("Service");

    assertThat(monitor.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(monitor.path("metadata").path("labels").path("release").asText()).isEqualTo("kube-prometheus-stack");
    monitor.path("spec").path("selector").path("matchLabels").fields().forEachRemaining(label ->
        assertThat(service.path("metadata").path("labels").path(label.getKey()).asText())
            .isEqualTo(label.getValue().asText()));
    assertThat(monitor.path("spec").path("namespaceSelector").path("matchNames"))
        .extracting(JsonNode::asText).containsExactly(NAMESPACE);
    assertThat(monitor.path("spec").path("endpoints")).singleElement().satisfies(endpoint -> {
      assertThat(endpoint.path("port").asText()).isEqualTo(service.path("spec").path("ports").get(0).path("name").asText());
      assertThat(endpoint.path("path").asText()).isEqualTo("/metrics");
    });
  }

  @Test
  void prometheusRuleAlertsOnFailedBackupsDriftErrorsAndAnUnreachableOrRefusingServer() {
    List<JsonNode> rules = alertRules(chart);

    assertThat(rules).extracting(r -> r.path("alert").asText()).containsExactlyInAnyOrder(
        "VB365BackupFailed", "VB365NoRecentBackup", "VB365DriftDetected", "VB365ReconcileErrors", "VB365Unreachable",
        "VB365Unauthorized", "VB365ChangeFeedRelisting", "VB365OperatorDown");
    assertThat(rules).allSatisfy(rule -> {
      assertThat(rule.path("labels").path("severity").asText()).isIn("critical", "warning");
      assertThat(rule.path("annotations").path("summary").asText()).isNotBlank();
      assertThat(rule.path("annotations").path("description").asText()).isNotBlank();
      // Every series is limited to this release, so two installs do not alert for each other.
      assertThat(rule.path("expr").asText())
          .contains("namespace=\"" + NAMESPACE + "\",service=\"" + FULLNAME + "-metrics\"");
    });
    assertThat(alert("VB365BackupFailed").path("expr").asText()).contains("vb365_jobs_by_last_status").contains("status=\"Failed\"");
    assertThat(alert("VB365Unauthorized").path("expr").asText()).contains("status=~\"401|403\"");
    assertThat(alert("VB365NoRecentBackup").path("expr").asText())
        .contains("vb365_backupjob_last_success_timestamp_seconds").endsWith("> 26 * 3600");
    assertThat(alert("VB365NoRecentBackup").path("annotations").path("description").asText())
        .contains("{{ $labels.backupjob_namespace }}/{{ $labels.backupjob }}");
    // Prometheus' own template syntax must survive Helm's templating.
    assertThat(alert("VB365BackupFailed").path("annotations").path("description").asText()).contains("{{ $value }}");
  }

  @Test
  void theNoRecentBackupThresholdIsAValue() {
    RenderedChart custom = RenderedChart.template(RenderedChart.resource("monitoring.yaml").replace(
        "  prometheusRule:\n    enabled: true\n",
        "  prometheusRule:\n    enabled: true\n    noSuccessfulBackupHours: 170\n"));
    assertThat(alertRules(custom)).filteredOn(r -> r.path("alert").asText().equals("VB365NoRecentBackup"))
        .singleElement().satisfies(r -> assertThat(r.path("expr").asText()).endsWith("> 170 * 3600"));
  }

  @Test
  void ruleSelectorCanBeReplaced() {
    RenderedChart custom = RenderedChart.template(RenderedChart.resource("monitoring.yaml").replace(
        "  prometheusRule:\n    enabled: true\n",
        "  prometheusRule:\n    enabled: true\n    selector: job=\"vb365\"\n"));
    assertThat(alertRules(custom)).allSatisfy(rule ->
        assertThat(rule.path("expr").asText()).contains("job=\"vb365\"").doesNotContain("service="));
  }

  @Test
  void grafanaDashboardIsAConfigMapTheSidecarFinds() throws Exception {
    JsonNode configMap = chart.named("ConfigMap", FULLNAME + "-dashboard");
    assertThat(configMap.path("metadata").path("namespace").asText()).isEqualTo("monitoring");
    assertThat(configMap.path("metadata").path("labels").path("grafana_dashboard").asText()).isEqualTo("1");

    JsonNode dashboard = new ObjectMapper().readTree(configMap.path("data").path("vb365-operator.json").asText());
    assertThat(dashboard.path("uid").asText()).isEqualTo("vb365-operator");
    assertThat(dashboard.path("panels").size()).isGreaterThanOrEqualTo(6);
    assertThat(dashboard.path("panels")).allSatisfy(panel ->
        assertThat(panel.path("targets")).isNotEmpty().allSatisfy(target ->
            assertThat(target.path("expr").asText()).isNotBlank()));
  }

  @Test
  void argoCdHealthChecksAreTheScriptsFromTheExamples() throws Exception {
    JsonNode data = chart.named("ConfigMap", FULLNAME + "-argocd-health").path("data");
    Path scripts = RepositoryLayout.healthChecks();

    assertThat(data.path("resource.customizations.health.backup.vb365.dev_BackupJob").asText())
        .isEqualTo(Files.readString(scripts.resolve("BackupJob/health.lua")));
    assertThat(data.path("resource.customizations.health.backup.vb365.dev_JobItem").asText())
        .isEqualTo(Files.readString(scripts.resolve("JobItem/health.lua")));
    assertThat(data.path("resource.customizations.health.backup.vb365.dev_BackupCopyJob").asText())
        .isEqualTo(Files.readString(scripts.resolve("BackupCopyJob/health.lua")));
  }

  @Test
  void nothingOfThisByDefault() {
    RenderedChart defaults = RenderedChart.template("");
    assertThat(defaults.ofKind("ServiceMonitor")).isEmpty();
    assertThat(defaults.ofKind("PrometheusRule")).isEmpty();
    assertThat(defaults.ofKind("ConfigMap")).isEmpty();
  }

  static List<JsonNode> alertRules(RenderedChart rendered) {
    return StreamSupport.stream(rendered.one("PrometheusRule").path("spec").path("groups").spliterator(), false)
        .flatMap(group -> StreamSupport.stream(group.path("rules").spliterator(), false))
        .toList();
  }

  private static JsonNode alert(String name) {
    return alertRules(chart).stream().filter(r -> name.equals(r.path("alert").asText())).findFirst().orElseThrow();
  }
}
