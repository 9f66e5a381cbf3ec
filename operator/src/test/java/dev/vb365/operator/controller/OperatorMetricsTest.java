package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class OperatorMetricsTest {

  @Test
  void prometheusSeesTheDriftCountersAndJobsByLastStatusWithBoundedTags() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    OperatorMetrics metrics = new OperatorMetrics(registry);

    metrics.driftDetected();
    metrics.driftDetected();
    metrics.driftCorrected();
    metrics.lastStatus(new ResourceID("a", "contoso"), "Success");
    metrics.lastStatus(new ResourceID("b", "contoso"), "Success");
    metrics.lastStatus(new ResourceID("c", "contoso"), "Failed");
    metrics.lastStatus(new ResourceID("d", "contoso"), "SomethingNew");
    metrics.lastStatus(new ResourceID("e", "contoso"), null);
    metrics.lastStatus(new ResourceID("f", "contoso"), LastRunStatus.NEVER_RUN);
    metrics.lastStatus(new ResourceID("c", "contoso"), "Warning"); // c ran again
    metrics.forget(new ResourceID("b", "contoso"));
    String scrape = registry.scrape();

    assertThat(scrape).contains("vb365_drift_detections_total 2.0", "vb365_drift_corrections_total 1.0",
        "vb365_jobs_by_last_status{status=\"Success\"} 1.0", "vb365_jobs_by_last_status{status=\"Failed\"} 0.0",
        "vb365_jobs_by_last_status{status=\"Warning\"} 1.0", "vb365_jobs_by_last_status{status=\"Unknown\"} 1.0",
        "vb365_jobs_by_last_status{status=\"None\"} 1.0", "vb365_jobs_by_last_status{status=\"NeverRun\"} 1.0");
    assertThat(scrape).doesNotContain("SomethingNew").doesNotContain("contoso");
  }
}
