package dev.vb365.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kube-apiserver's Prometheus counters, read into the bench's "VERB resource[/subresource]" figures. */
class ApiServerMetricsTest {

  private static final String METRICS = """
      # HELP apiserver_request_total [STABLE] Counter of apiserver requests
      apiserver_request_total{code="200",component="apiserver",dry_run="",group="backup.vb365.dev",resource="backupjobs",scope="resource",subresource="status",verb="PUT",version="v1alpha1"} 7
      apiserver_request_total{code="409",component="apiserver",dry_run="",group="backup.vb365.dev",resource="backupjobs",scope="resource",subresource="status",verb="PUT",version="v1alpha1"} 2
      apiserver_request_total{code="201",component="apiserver",dry_run="",group="",resource="events",scope="resource",subresource="",verb="POST",version="v1"} 5
      apiserver_request_total{code="200",component="apiserver",dry_run="",group="",resource="",scope="",subresource="/healthz",verb="GET",version=""} 40
      apiserver_request_duration_seconds_sum{component="apiserver",dry_run="",group="backup.vb365.dev",resource="backupjobs",scope="resource",subresource="status",verb="PUT",version="v1alpha1"} 0.45
      apiserver_request_duration_seconds_count{component="apiserver",dry_run="",group="backup.vb365.dev",resource="backupjobs",scope="resource",subresource="status",verb="PUT",version="v1alpha1"} 9
      """;

  @Test
  void countsAndSecondsByVerbAndResourceWithoutNonResourceRequests() {
    Map<String, BenchBackend.KubernetesFigure> figures = ApiServerMetrics.parse(METRICS);
    assertThat(figures).containsOnlyKeys("PUT backupjobs/status", "POST events");
    assertThat(figures.get("PUT backupjobs/status")).isEqualTo(new BenchBackend.KubernetesFigure(9, 0.45));
    assertThat(figures.get("POST events")).isEqualTo(new BenchBackend.KubernetesFigure(5, 0));
  }

  @Test
  void aDeltaLeavesOutWhatDidNotChange() {
    Map<String, BenchBackend.KubernetesFigure> before = Map.of("POST events", new BenchBackend.KubernetesFigure(5, 1),
        "GET secrets", new BenchBackend.KubernetesFigure(3, 0.3));
    Map<String, BenchBackend.KubernetesFigure> now = Map.of("POST events", new BenchBackend.KubernetesFigure(8, 1.5),
        "GET secrets", new BenchBackend.KubernetesFigure(3, 0.3));
    assertThat(ApiServerMetrics.since(before, now)).isEqualTo(Map.of("POST events",
        new BenchBackend.KubernetesFigure(3, 0.5)));
  }
}
