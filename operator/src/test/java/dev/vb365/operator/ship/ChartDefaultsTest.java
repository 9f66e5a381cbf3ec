package dev.vb365.operator.ship;

import static dev.vb365.operator.ship.RenderedChart.FULLNAME;
import static dev.vb365.operator.ship.RenderedChart.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What `helm install` with no values creates, and how the operator is configured by it. */
class ChartDefaultsTest {

  static RenderedChart chart;

  @BeforeAll
  static void render() {
    chart = RenderedChart.template("");
  }

  @Test
  void rendersTheOperatorWithClusterWideRbacAndAMetricsService() {
    // The CRDs join these once the chart's crds/ directory is filled; nothing else may appear.
    assertThat(chart.all().stream()
        .map(o -> o.path("kind").asText())
        .filter(kind -> !kind.equals("CustomResourceDefinition")))
        .containsExactlyInAnyOrder("ServiceAccount", "ClusterRole", "ClusterRole", "ClusterRole", "ClusterRole",
            "ClusterRoleBinding", "ClusterRoleBinding", "Service", "Deployment");
    assertThat(chart.ofKind("PodDisruptionBudget")).isEmpty();
    assertThat(chart.ofKind("Role")).isEmpty();
  }

  @Test
  void runsTheImageOfTheChartsAppVersion() throws IOException {
    JsonNode chartYaml = RenderedChart.YAML.readTree(
        Files.readString(RepositoryLayout.chart().resolve("Chart.yaml")));
    String appVersion = chartYaml.path("appVersion").asText();

    JsonNode container = chart.operatorContainer();
    assertThat(container.path("image").asText())
        .isEqualTo("ghcr.io/vb365-operator/vb365-operator:" + appVersion);
    assertThat(container.path("args")).extracting(JsonNode::asText).containsExactly("run");
    assertThat(chartYaml.path("apiVersion").asText()).isEqualTo("v2");
    assertThat(appVersion).isEqualTo("0.1.0");
  }

  @Test
  void configuresTheOperatorThroughItsEnvironment() {
    assertThat(chart.env("VB365_WATCH_NAMESPACES")).isEmpty();
    assertThat(chart.env("VB365_LABEL_SELECTOR")).isEmpty();
    assertThat(chart.env("VB365_DEFAULT_CONNECTION_SECRET")).isEmpty();
    assertThat(chart.env("VB365_HTTP_PORT")).isEqualTo("8080");
    assertThat(chart.env("VB365_LEADER_ELECTION")).isEqualTo("false");
    assertThat(chart.envVar("VB365_LEADER_ELECTION_NAMESPACE").path("valueFrom").path("fieldRef")
        .path("fieldPath").asText()).isEqualTo("metadata.namespace");
    assertThat(chart.env("VB365_LEADER_ELECTION_LEASE")).isEqualTo("vb365-operator");
    assertThat(chart.env("VB365_LOG_LEVEL")).isEqualTo("INFO");
    assertThat(chart.env("VB365_LOG_FORMAT")).isEqualTo("text");
    assertThat(chart.env("VB365_RESYNC_INTERVAL")).isEqualTo("10m");
    assertThat(chart.env("VB365_FEED")).isEqualTo("events");
    assertThat(chart.env("VB365_FEED_POLL_INTERVAL")).isEqualTo("60s");
    assertThat(chart.env("VB365_CONCURRENCY")).isEqualTo("5");
    assertThat(chart.env("VB365_MAX_REQUESTS_PER_SERVER")).isEqualTo("4");
    assertThat(chart.env("JAVA_TOOL_OPTIONS")).contains("-XX:MaxRAMPercentage=75");
  }

  @Test
  void singleOperatorWithoutLeaderElectionIsReplacedNotRolled() {
    JsonNode spec = chart.deployment().path("spec");
    assertThat(spec.path("replicas").asInt()).isEqualTo(1);
    // Two operators without a Lease would both write to VB365 during a rolling update.
    assertThat(spec.path("strategy").path("type").asText()).isEqualTo("Recreate");
  }

  @Test
  void metricsServiceSelectsTheOperatorPodsOnTheHttpPort() {
    JsonNode service = chart.one("Service");
    assertThat(service.path("metadata").path("name").asText()).isEqualTo(FULLNAME + "-metrics");
    assertThat(service.path("metadata").path("namespace").asText()).isEqualTo(NAMESPACE);
    JsonNode podLabels = chart.deployment().path("spec").path("template").path("metadata").path("labels");
    service.path("spec").path("selector").fields().forEachRemaining(selector ->
        assertThat(podLabels.path(selector.getKey()).asText()).isEqualTo(selector.getValue().asText()));
    assertThat(service.path("spec").path("ports")).singleElement().satisfies(port -> {
      assertThat(port.path("port").asInt()).isEqualTo(8080);
      assertThat(port.path("targetPort").asText()).isEqualTo("http");
    });
  }

  @Test
  void everythingNamespacedLandsInTheReleaseNamespace() {
    for (String kind : new String[] {"ServiceAccount", "Service", "Deployment"}) {
      assertThat(chart.one(kind).path("metadata").path("namespace").asText()).as(kind).isEqualTo(NAMESPACE);
    }
  }
}
