package dev.vb365.operator.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real kube-apiserver's own request counters ({@code /metrics}: {@code apiserver_request_total} and the sum of
 * {@code apiserver_request_duration_seconds}), by "VERB resource[/subresource]" as the bench reports them for the
 * embedded API.
 */
final class ApiServerMetrics {

  private static final Pattern SAMPLE = Pattern.compile("^(apiserver_request_total|apiserver_request_duration_seconds_sum)"
      + "\\{([^}]*)\\} ([0-9.eE+-]+)$");
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  private ApiServerMetrics() {
  }

  /** Counts and seconds by "VERB resource[/subresource]" since the server started. */
  static Map<String, BenchBackend.KubernetesFigure> requests(Config config) {
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      return parse(client.raw(client.getMasterUrl() + "metrics"));
    }
  }

  static Map<String, BenchBackend.KubernetesFigure> parse(String metrics) {
    Map<String, long[]> counts = new TreeMap<>();
    Map<String, double[]> seconds = new TreeMap<>();
    for (String line : metrics.split("\n")) {
      Matcher m = SAMPLE.matcher(line);
      if (!m.matches()) {
        continue;
      }
      Map<String, String> labels = new TreeMap<>();
      Matcher l = LABEL.matcher(m.group(2));
      while (l.find()) {
        labels.put(l.group(1), l.group(2));
      }
      String resource = labels.getOrDefault("resource", "");
      if (resource.isEmpty()) {
        continue; // /healthz, /metrics, discovery: not the operator's work
      }
      String key = labels.getOrDefault("verb", "?") + " " + resource
          + (labels.getOrDefault("subresource", "").isEmpty() ? "" : "/" + labels.get("subresource"));
      double value = Double.parseDouble(m.group(3));
      if (m.group(1).equals("apiserver_request_total")) {
        counts.computeIfAbsent(key, k -> new long[1])[0] += (long) value;
      } else {
        seconds.computeIfAbsent(key, k -> new double[1])[0] += value;
      }
    }
    Map<String, BenchBackend.KubernetesFigure> out = new TreeMap<>();
    counts.forEach((k, c) -> out.put(k, new BenchBackend.KubernetesFigure(c[0],
        seconds.getOrDefault(k, new double[1])[0])));
    return out;
  }

  /** {@code now} minus {@code before}, kinds that did not change left out. */
  static Map<String, BenchBackend.KubernetesFigure> since(Map<String, BenchBackend.KubernetesFigure> before,
      Map<String, BenchBackend.KubernetesFigure> now) {
    Map<String, BenchBackend.KubernetesFigure> out = new TreeMap<>();
    now.forEach((k, v) -> {
      BenchBackend.KubernetesFigure b = before.getOrDefault(k, new BenchBackend.KubernetesFigure(0, 0));
      if (v.count() > b.count()) {
        out.put(k, new BenchBackend.KubernetesFigure(v.count() - b.count(), v.seconds() - b.seconds()));
      }
    });
    return out;
  }
}
