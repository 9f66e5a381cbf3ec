package dev.vb365.operator.ship;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The alerts and the dashboard query series that exist. JOSDK's names are taken from what
 * JOSDK 5.2.3's MicrometerMetrics really exports; the operator's own are the names it promises.
 */
public class MetricNamesTest {

  /**
   * The operator's own series the chart relies on (Micrometer Timer vb365.client.requests and
   * counters/gauge under vb365.*). RunCommandTest scrapes a running operator and finds every one.
   */
  public static final Set<String> OPERATOR_SERIES = Set.of(
      "vb365_client_requests_seconds_count", "vb365_client_requests_seconds_sum",
      "vb365_token_refreshes_total", "vb365_drift_detections_total", "vb365_drift_corrections_total",
      "vb365_feed_relists_total", "vb365_feed_lag_seconds", "vb365_jobs_by_last_status",
      "vb365_backupjob_last_success_timestamp_seconds");

  private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");

  @Test
  void everySeriesQueriedByAlertsAndDashboardIsExported() throws Exception {
    RenderedChart chart = RenderedChart.templateResource("monitoring.yaml");
    Set<String> queried = new HashSet<>();
    ChartMonitoringTest.alertRules(chart).forEach(rule -> queried.addAll(seriesIn(rule.path("expr").asText())));
    JsonNode dashboard = new ObjectMapper().readTree(
        chart.named("ConfigMap", RenderedChart.FULLNAME + "-dashboard").path("data").path("vb365-operator.json").asText());
    dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target ->
        queried.addAll(seriesIn(target.path("expr").asText()))));

    Set<String> exported = new HashSet<>(josdkSeries());
    exported.addAll(OPERATOR_SERIES);
    exported.add("up"); // Prometheus' own, per scrape target

    assertThat(queried).contains("operator_sdk_reconciliations_failed_total", "vb365_jobs_by_last_status");
    assertThat(exported).containsAll(queried);
  }

  /** Series names JOSDK's Micrometer integration exports after a few reconciliations. */
  static Set<String> josdkSeries() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    MicrometerMetrics metrics = MicrometerMetrics.withoutPerResourceMetrics(registry);
    HasMetadata resource = new ConfigMapBuilder().withNewMetadata().withName("nightly").withNamespace("backup")
        .endMetadata().build();

    metrics.timeControllerExecution(new Metrics.ControllerExecution<String>() {
      @Override public String name() { return "reconcile"; }
      @Override public String controllerName() { return "backupjob"; }
      @Override public String successTypeName(String result) { return "resource"; }
      @Override public ResourceID resourceID() { return ResourceID.fromResource(resource); }
      @Override public Map<String, Object> metadata() { return Map.of(); }
      @Override public String execute() { return "done"; }
    });
    metrics.finishedReconciliation(resource, Map.of());
    metrics.failedReconciliation(resource, new IllegalStateException("VB365 unreachable"), Map.of());

    return registry.scrape().lines()
        .filter(line -> !line.startsWith("#") && !line.isBlank())
        .map(line -> line.split("[{ ]", 2)[0])
        .collect(Collectors.toSet());
  }

  private static Set<String> seriesIn(String promql) {
    Set<String> names = new HashSet<>();
    Matcher matcher = SELECTOR.matcher(promql);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }
}
