package dev.vb365.operator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class MetricsAndHealthServerTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void servesPrometheusTextAndProbesThatFollowTheirChecks() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.counter("vb365.drift.detections", "namespace", "contoso").increment(2);
    AtomicBoolean ready = new AtomicBoolean(false);
    try (MetricsAndHealthServer server = MetricsAndHealthServer.start("127.0.0.1", 0, registry, () -> true, ready::get)) {
      HttpResponse<String> metrics = get(server, "/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
      assertThat(metrics.body()).contains("vb365_drift_detections_total{namespace=\"contoso\"} 2.0");

      assertThat(get(server, "/healthz").statusCode()).isEqualTo(200);
      assertThat(get(server, "/readyz").statusCode()).isEqualTo(503);
      ready.set(true);
      assertThat(get(server, "/readyz").statusCode()).isEqualTo(200);
      assertThat(get(server, "/nope").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void aThrowingCheckIsNotHealthy() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (MetricsAndHealthServer server = MetricsAndHealthServer.start("127.0.0.1", 0, registry,
        () -> { throw new IllegalStateException("informer stopped"); }, () -> true)) {
      assertThat(get(server, "/healthz").statusCode()).isEqualTo(503);
    }
  }

  private HttpResponse<String> get(MetricsAndHealthServer server, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
